import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { textOrNull } from '../../lib/field-errors.ts';
import { UpdateOpportunityMutation } from './opportunity-queries.ts';

interface Props {
  opportunity: { id: string; version: number; status: string; winLossReport?: string | null };
  onConflict(): void;
}

/** The win/loss report: the one thing that stays writable after closing. */
export function WinLossReportForm({ opportunity, onConflict }: Props) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [draft, setDraft] = useState<string | null>(null); // null: not edited
  const [error, setError] = useState<{ field?: string; message?: string }>({});
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UpdateOpportunityMutation);
  const value = draft ?? opportunity.winLossReport ?? '';
  const label = opportunity.status === 'WON' ? t('opportunity.report.WON') : t('opportunity.report.LOST');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await update({ id: opportunity.id, version: opportunity.version, input: { winLossReport: textOrNull(value) } });
    const outcome = result.data?.updateOpportunity;
    if (outcome?.__typename === 'UpdateOpportunitySuccess') {
      setDraft(null);
      setError({});
      setSaved(true);
      return;
    }
    setSaved(false);
    if (outcome?.__typename === 'ValidationError') {
      const fieldError = outcome.fieldErrors.find((entry) => entry.field === 'winLossReport');
      setError({ field: fieldError && serverErrors.fieldError(fieldError), message: serverErrors.failure(outcome, undefined, t('opportunity.reportFailed')) });
    } else if (outcome?.__typename === 'ConflictError') {
      setError({ message: t('errors.conflict') });
      onConflict();
    } else {
      setError({ message: serverErrors.failure(outcome, result.error, t('opportunity.reportFailed')) });
    }
  }

  return (
    <form className="card" onSubmit={handleSubmit} noValidate aria-label={label}>
      <FormErrorSummary message={error.field ? undefined : error.message} />
      <TextAreaField
        id="win-loss-report"
        label={label}
        value={value}
        onChange={(text) => {
          setDraft(text);
          setSaved(false);
        }}
        error={error.field}
        hint={t('opportunity.reportHint')}
        rows={4}
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={fetching || draft === null}>
          {t('opportunity.saveReport')}
        </button>
        {saved && draft === null && (
          <span className="muted" role="status">
            {t('common.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
