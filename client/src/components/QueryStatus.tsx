import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { useServerErrors } from '../i18n/useServerErrors.ts';

/** "Loading …" while a page's data arrives; `what` is already in the user's language. */
export function Loading({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common.loading', { what })}
    </p>
  );
}

export function QueryError({ error }: { error: CombinedError }) {
  const { t } = useTranslation();
  const { failure } = useServerErrors();
  return (
    <div className="banner banner--error" role="alert">
      {failure(null, error, t('errors.unexpected'))}
    </div>
  );
}
