import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import { CONFLICT_MESSAGE, failureMessage } from '../../components/opportunity/errors.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TextAreaField } from '../../components/fields.tsx';
import { graphql } from '../../gql';
import { placeFieldErrors, textOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import { ConvertToDealMutation, LoseOpportunityMutation, WinOpportunityMutation } from './opportunity-queries.ts';

const LossReasonsQuery = graphql(`
  query OpportunityLossReasons {
    lossReasons {
      id
      name
    }
  }
`);

interface Target {
  id: string;
  humanId: string;
  title: string;
  version: number;
}

interface DialogProps {
  opportunity: Target;
  onClose(): void;
  /** After a conflict: the page reloads the opportunity. */
  onConflict(): void;
}

interface Feedback {
  errors: FieldErrors;
  message?: string;
  details: string[];
}

const noFeedback: Feedback = { errors: {}, details: [] };

/** The outcome of a close/convert mutation as feedback; null when it succeeded. */
function feedbackOf(
  outcome: { __typename?: string; message?: string; fieldErrors?: readonly { field: string; message: string }[] } | null | undefined,
  error: Parameters<typeof failureMessage>[1],
  fields: readonly string[],
  onConflict: () => void,
): Feedback {
  if (outcome?.__typename === 'ValidationError' && outcome.fieldErrors) {
    const { byField, unplaced } = placeFieldErrors(outcome.fieldErrors, fields);
    return { errors: byField, details: unplaced };
  }
  if (outcome?.__typename === 'ConflictError') {
    onConflict();
    return { errors: {}, message: CONFLICT_MESSAGE, details: [] };
  }
  return { errors: {}, message: failureMessage(outcome, error, 'Nothing was saved.'), details: [] };
}

export function WinDialog({ opportunity, onClose, onConflict }: DialogProps) {
  const [report, setReport] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);
  const [{ fetching }, win] = useMutation(WinOpportunityMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await win({ id: opportunity.id, version: opportunity.version, winLossReport: textOrNull(report) });
    const outcome = result.data?.winOpportunity;
    if (outcome?.__typename === 'WinOpportunitySuccess') onClose();
    else setFeedback(feedbackOf(outcome, result.error, ['winLossReport'], onConflict));
  }

  return (
    <Dialog title={`Win ${opportunity.humanId}`} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label="Win opportunity">
        <p>
          “{opportunity.title}” becomes <strong>won</strong>: probability 100 %, the account becomes a customer, and stage,
          amount, lines and dates can no longer be changed.
        </p>
        <FormErrorSummary message={feedback.message} details={feedback.details} />
        <TextAreaField id="win-report" label="Win report" hint="Why did we win? (optional, can be added later)" value={report} onChange={setReport} error={feedback.errors.winLossReport} rows={3} />
        <div className="form-actions">
          <button type="submit" className="button button--success" disabled={fetching}>
            Mark as won
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Losing needs a reason; whether one was chosen is the server's call, and its message is shown. */
export function LoseDialog({ opportunity, onClose, onConflict }: DialogProps) {
  const [{ data }] = useQuery({ query: LossReasonsQuery, requestPolicy: 'cache-and-network' });
  const [reasonId, setReasonId] = useState('');
  const [report, setReport] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);
  const [{ fetching }, lose] = useMutation(LoseOpportunityMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await lose({
      id: opportunity.id,
      version: opportunity.version,
      lossReasonId: reasonId || null,
      winLossReport: textOrNull(report),
    });
    const outcome = result.data?.loseOpportunity;
    if (outcome?.__typename === 'LoseOpportunitySuccess') onClose();
    else setFeedback(feedbackOf(outcome, result.error, ['lossReasonId', 'winLossReport'], onConflict));
  }

  const reasons = data?.lossReasons ?? [];
  return (
    <Dialog title={`Lose ${opportunity.humanId}`} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label="Lose opportunity">
        <p>
          “{opportunity.title}” becomes <strong>lost</strong> with probability 0 %. It can be reopened later.
        </p>
        <FormErrorSummary message={feedback.message} details={feedback.details} />
        <SelectField
          id="loss-reason"
          label="Loss reason"
          required
          value={reasonId}
          onChange={setReasonId}
          options={[{ value: '', label: 'Choose a reason…' }, ...reasons.map((reason) => ({ value: reason.id, label: reason.name }))]}
          error={feedback.errors.lossReasonId}
        />
        <TextAreaField id="loss-report" label="Loss report" hint="What did we learn? (optional, can be added later)" value={report} onChange={setReport} error={feedback.errors.winLossReport} rows={3} />
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={fetching}>
            Mark as lost
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ConvertDialog({
  opportunity,
  dealPipelines,
  onClose,
  onConflict,
}: DialogProps & { dealPipelines: readonly { id: string; name: string }[] }) {
  const [pipelineId, setPipelineId] = useState(dealPipelines[0]?.id ?? '');
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);
  const [{ fetching }, convert] = useMutation(ConvertToDealMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await convert({ id: opportunity.id, version: opportunity.version, pipelineId: pipelineId || null });
    const outcome = result.data?.convertToDeal;
    if (outcome?.__typename === 'ConvertToDealSuccess') onClose();
    else setFeedback(feedbackOf(outcome, result.error, ['pipelineId'], onConflict));
  }

  return (
    <Dialog title={`Convert ${opportunity.humanId} to a deal`} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label="Convert to deal">
        <p>The lead becomes a deal and moves to the first stage of a deal pipeline.</p>
        <FormErrorSummary message={feedback.message} details={feedback.details} />
        {dealPipelines.length > 0 ? (
          <SelectField
            id="convert-pipeline"
            label="Deal pipeline"
            value={pipelineId}
            onChange={setPipelineId}
            options={dealPipelines.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
            error={feedback.errors.pipelineId}
          />
        ) : (
          feedback.errors.pipelineId && <p className="field__error">{feedback.errors.pipelineId}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            Convert to deal
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
