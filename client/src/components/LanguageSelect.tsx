import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiLocale } from '../i18n/locale.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

/** The user's interface language, saved with their preferences ("automatic" follows the browser). */
export function LanguageSelect() {
  const { t } = useTranslation();
  const { setting, changeSetting } = useLocale();
  const [failed, setFailed] = useState(false);
  const id = useId();
  return (
    <span className="language-select">
      <label htmlFor={id} className="visually-hidden">
        {t('layout.language.label')}
      </label>
      <select
        id={id}
        className="input input--compact"
        value={setting ?? ''}
        disabled={setting === undefined}
        onChange={async (event) => {
          setFailed(false);
          setFailed(!(await changeSetting((event.target.value || null) as ApiLocale | null)));
        }}
      >
        <option value="">{t('layout.language.automatic')}</option>
        {/* Each language is named in itself, so it can be found whatever is shown now. */}
        <option value="DE" lang="de">
          Deutsch
        </option>
        <option value="EN" lang="en">
          English
        </option>
      </select>
      {failed && (
        <span className="language-select__error" role="alert">
          {t('layout.language.notSaved')}
        </span>
      )}
    </span>
  );
}
