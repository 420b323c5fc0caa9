import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import type { SettingsOrganisationFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { textOrNull, wholeNumberOrNull } from '../../lib/field-errors.ts';
import { LETTERHEAD_FIELDS, LetterheadFields, type LetterheadValues } from './LetterheadFields.tsx';
import { Notice, type NoticeState } from './Notice.tsx';
import { SettingsOrganisationQuery, SettingsUpdateOrganisationMutation } from './organisation-queries.ts';
import { currencyOptions, timeZoneOptions } from './intl-options.ts';
import { useFeedback } from './useFeedback.ts';

const FIELDS = ['staleAfterDays', 'currency', 'timeZone', ...LETTERHEAD_FIELDS.map((field) => `letterhead.${field}`)];

interface Values {
  staleAfterDays: string;
  currency: string;
  timeZone: string;
  letterhead: LetterheadValues;
}

function valuesOf(settings: SettingsOrganisationFieldsFragment): Values {
  const letterhead = Object.fromEntries(LETTERHEAD_FIELDS.map((field) => [field, settings.letterhead[field] ?? ''])) as LetterheadValues;
  return { staleAfterDays: String(settings.staleAfterDays), currency: settings.currency, timeZone: settings.timeZone, letterhead };
}

/**
 * `/settings/organisation`: when a deal counts as stale, the currency amounts are kept in, the time
 * zone "today" refers to, and the letterhead of quotes and invoices.
 */
export function OrganisationPage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SettingsOrganisationQuery, requestPolicy: 'network-only' });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('settings.organisation.title')} />;
  return <OrganisationForm settings={data.organisationSettings} />;
}

function OrganisationForm({ settings }: { settings: SettingsOrganisationFieldsFragment }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [values, setValues] = useState(() => valuesOf(settings));
  const { feedback, setFeedback, accept } = useFeedback(FIELDS);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [{ fetching }, updateSettings] = useMutation(SettingsUpdateOrganisationMutation);
  const currencies = useMemo(() => currencyOptions(formats.intlLocale, values.currency), [formats.intlLocale, values.currency]);
  const timeZones = useMemo(() => timeZoneOptions(values.timeZone), [values.timeZone]);

  // Take the user to the first field the server rejected.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [feedback.errors]);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const staleAfterDays = wholeNumberOrNull(values.staleAfterDays);
    if (staleAfterDays === null || staleAfterDays === undefined) {
      setFeedback({ errors: { staleAfterDays: t('errors.wholeNumber') }, unplaced: [], message: t('errors.correctFields') });
      return;
    }
    const letterhead = Object.fromEntries(LETTERHEAD_FIELDS.map((field) => [field, textOrNull(values.letterhead[field])]));
    const result = await updateSettings({ input: { staleAfterDays, currency: values.currency, timeZone: values.timeZone, letterhead } });
    const outcome = result.data?.updateOrganisationSettings;
    if (accept({ outcome, error: result.error }, t('settings.organisation.notSaved')) && outcome?.__typename === 'UpdateOrganisationSettingsSuccess') {
      setValues(valuesOf(outcome.settings));
      setNotice({ text: t('settings.organisation.saved') });
    }
  }

  return (
    <section aria-labelledby="organisation-title">
      <div className="page-header">
        <div>
          <h1 id="organisation-title">{t('settings.organisation.title')}</h1>
          <p className="muted">{t('settings.organisation.intro')}</p>
        </div>
      </div>
      <form ref={form} className="form" onSubmit={handleSubmit} noValidate aria-label={t('settings.organisation.title')}>
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        <FormErrorSummary message={feedback.message} details={feedback.unplaced} />
        <fieldset className="form-section">
          <legend>{t('settings.organisation.general')}</legend>
          <div className="form-grid">
            <TextField
              id="organisation-stale-days"
              label={t('settings.organisation.field.staleAfterDays')}
              hint={t('settings.organisation.hint.staleAfterDays')}
              required
              inputMode="numeric"
              value={values.staleAfterDays}
              onChange={(staleAfterDays) => setValues({ ...values, staleAfterDays })}
              error={feedback.errors.staleAfterDays}
            />
            <SelectField
              id="organisation-currency"
              label={t('settings.organisation.field.currency')}
              hint={t('settings.organisation.hint.currency')}
              value={values.currency}
              onChange={(currency) => setValues({ ...values, currency })}
              options={currencies}
              error={feedback.errors.currency}
            />
            <SelectField
              id="organisation-time-zone"
              label={t('settings.organisation.field.timeZone')}
              hint={t('settings.organisation.hint.timeZone')}
              value={values.timeZone}
              onChange={(timeZone) => setValues({ ...values, timeZone })}
              options={timeZones}
              error={feedback.errors.timeZone}
            />
          </div>
        </fieldset>
        <LetterheadFields
          values={values.letterhead}
          onChange={(field, value) => setValues({ ...values, letterhead: { ...values.letterhead, [field]: value } })}
          errors={feedback.errors}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {fetching ? t('common.saving') : t('common.saveChanges')}
          </button>
        </div>
      </form>
    </section>
  );
}
