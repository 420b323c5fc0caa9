import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CONFLICT_MESSAGE, failureMessage } from '../../components/opportunity/errors.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import { textOrNull } from '../../lib/field-errors.ts';
import { UpdateOpportunityMutation } from './opportunity-queries.ts';

interface Props {
  opportunity: { id: string; version: number; status: string; winLossReport?: string | null };
  onConflict(): void;
}

/** The win/loss report: the one thing that stays writable after closing. */
export function WinLossReportForm({ opportunity, onConflict }: Props) {
  const [draft, setDraft] = useState<string | null>(null); // null: not edited
  const [error, setError] = useState<{ field?: string; message?: string }>({});
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UpdateOpportunityMutation);
  const value = draft ?? opportunity.winLossReport ?? '';
  const label = opportunity.status === 'WON' ? 'Win report' : 'Loss report';

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
      setError({ field: outcome.fieldErrors.find((entry) => entry.field === 'winLossReport')?.message, message: outcome.message });
    } else if (outcome?.__typename === 'ConflictError') {
      setError({ message: CONFLICT_MESSAGE });
      onConflict();
    } else {
      setError({ message: failureMessage(outcome, result.error, 'The report could not be saved.') });
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
        hint="Stays editable after the opportunity is closed."
        rows={4}
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={fetching || draft === null}>
          Save report
        </button>
        {saved && draft === null && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
