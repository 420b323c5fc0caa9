import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TextAreaField } from '../../components/fields.tsx';
import { graphql } from '../../gql';
import type { LoseOpportunityMutation as LoseResult, OpenActivitiesChoice as Choice, WinOpportunityMutation as WinResult } from '../../gql/graphql.ts';
import type { ServerFailure } from '../../i18n/server-errors.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { textOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import { OpenActivitiesChoice, useOpenActivities } from '../activities/OpenActivitiesChoice.tsx';
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
  /** Cancelled, or done (then after onDone). */
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

/** Closing may mark the opportunity's open activities done: the lists that show them refetch. */
const CLOSING_CONTEXT = { additionalTypenames: ['Opportunity', 'Activity'] };

type Won = Extract<WinResult['winOpportunity'], { __typename: 'WinOpportunitySuccess' }>['opportunity'];

/** The outcome of a close/convert mutation that did not succeed, as feedback in the user's language. */
function feedbackOf(
  t: TFunction,
  serverErrors: ReturnType<typeof useServerErrors>,
  outcome: ServerFailure | null | undefined,
  error: Parameters<ReturnType<typeof useServerErrors>['failure']>[1],
  fields: readonly string[],
  onConflict: () => void,
): Feedback {
  if (outcome?.__typename === 'ValidationError' && outcome.fieldErrors) {
    const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, fields);
    return { errors: byField, details: unplaced };
  }
  if (outcome?.__typename === 'ConflictError') {
    onConflict();
    return { errors: {}, message: t('errors.conflict'), details: [] };
  }
  return { errors: {}, message: serverErrors.failure(outcome, error, t('errors.nothingSaved')), details: [] };
}

/**
 * Winning asks what becomes of the open activities, when there are any (the server insists too);
 * `onWon` learns which ones it closed, so that an undo can open them again.
 */
export function WinDialog({ opportunity, onClose, onConflict, onWon }: DialogProps & { onWon?(won: Won, closedActivityIds: string[]): void }) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [report, setReport] = useState('');
  const openActivities = useOpenActivities(opportunity.id);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);
  const [{ fetching }, win] = useMutation(WinOpportunityMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await win(
      { id: opportunity.id, version: opportunity.version, winLossReport: textOrNull(report), openActivities: choice },
      CLOSING_CONTEXT,
    );
    const outcome = result.data?.winOpportunity;
    if (outcome?.__typename === 'WinOpportunitySuccess') {
      onWon?.(outcome.opportunity, choice === 'CLOSE' ? openActivities.activities.map((activity) => activity.id) : []);
      onClose();
    } else setFeedback(feedbackOf(t, serverErrors, outcome, result.error, ['winLossReport', 'openActivities'], onConflict));
  }

  return (
    <Dialog title={t('opportunity.win.title', { id: opportunity.humanId })} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={t('opportunity.win.formLabel')}>
        <p>{t('opportunity.win.explain', { title: opportunity.title })}</p>
        <FormErrorSummary message={feedback.message} details={feedback.details} />
        <TextAreaField id="win-report" label={t('opportunity.report.WON')} hint={t('opportunity.win.reportHint')} value={report} onChange={setReport} error={feedback.errors.winLossReport} rows={3} />
        <OpenActivitiesChoice open={openActivities} value={choice} onChange={setChoice} error={feedback.errors.openActivities} />
        <div className="form-actions">
          <button type="submit" className="button button--success" disabled={fetching}>
            {t('opportunity.win.submit')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type Lost = Extract<LoseResult['loseOpportunity'], { __typename: 'LoseOpportunitySuccess' }>['opportunity'];

/**
 * Losing needs a reason; whether one was chosen is the server's call, and its message is shown.
 * It asks, like winning, what becomes of the open activities; `onLost` learns which ones it closed,
 * so that an undo can open them again.
 */
export function LoseDialog({
  opportunity,
  onClose,
  onConflict,
  onLost,
}: DialogProps & { onLost?(lost: Lost, closedActivityIds: string[]): void }) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [{ data }] = useQuery({ query: LossReasonsQuery, requestPolicy: 'cache-and-network' });
  const [reasonId, setReasonId] = useState('');
  const [report, setReport] = useState('');
  const openActivities = useOpenActivities(opportunity.id);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);
  const [{ fetching }, lose] = useMutation(LoseOpportunityMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await lose(
      {
        id: opportunity.id,
        version: opportunity.version,
        lossReasonId: reasonId || null,
        winLossReport: textOrNull(report),
        openActivities: choice,
      },
      CLOSING_CONTEXT,
    );
    const outcome = result.data?.loseOpportunity;
    if (outcome?.__typename === 'LoseOpportunitySuccess') {
      onLost?.(outcome.opportunity, choice === 'CLOSE' ? openActivities.activities.map((activity) => activity.id) : []);
      onClose();
    } else setFeedback(feedbackOf(t, serverErrors, outcome, result.error, ['lossReasonId', 'winLossReport', 'openActivities'], onConflict));
  }

  const reasons = data?.lossReasons ?? [];
  return (
    <Dialog title={t('opportunity.lose.title', { id: opportunity.humanId })} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={t('opportunity.lose.formLabel')}>
        <p>{t('opportunity.lose.explain', { title: opportunity.title })}</p>
        <FormErrorSummary message={feedback.message} details={feedback.details} />
        <SelectField
          id="loss-reason"
          label={t('opportunity.field.lossReason')}
          required
          value={reasonId}
          onChange={setReasonId}
          options={[{ value: '', label: t('opportunity.lose.chooseReason') }, ...reasons.map((reason) => ({ value: reason.id, label: reason.name }))]}
          error={feedback.errors.lossReasonId}
        />
        <TextAreaField id="loss-report" label={t('opportunity.report.LOST')} hint={t('opportunity.lose.reportHint')} value={report} onChange={setReport} error={feedback.errors.winLossReport} rows={3} />
        <OpenActivitiesChoice open={openActivities} value={choice} onChange={setChoice} error={feedback.errors.openActivities} />
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={fetching}>
            {t('opportunity.lose.submit')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
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
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [pipelineId, setPipelineId] = useState(dealPipelines[0]?.id ?? '');
  const [feedback, setFeedback] = useState<Feedback>(noFeedback);
  const [{ fetching }, convert] = useMutation(ConvertToDealMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await convert({ id: opportunity.id, version: opportunity.version, pipelineId: pipelineId || null });
    const outcome = result.data?.convertToDeal;
    if (outcome?.__typename === 'ConvertToDealSuccess') onClose();
    else setFeedback(feedbackOf(t, serverErrors, outcome, result.error, ['pipelineId'], onConflict));
  }

  return (
    <Dialog title={t('opportunity.convert.title', { id: opportunity.humanId })} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={t('opportunity.convert.action')}>
        <p>{t('opportunity.convert.explain')}</p>
        <FormErrorSummary message={feedback.message} details={feedback.details} />
        {dealPipelines.length > 0 ? (
          <SelectField
            id="convert-pipeline"
            label={t('opportunity.convert.pipeline')}
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
            {t('opportunity.convert.action')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
