import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { ActivityFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { ACTIVITY_CHANGE_CONTEXT, ActivityPlanQuery, ApplyActivityPlanMutation } from './activity-queries.ts';
import { addDaysTo, todayIn } from './zoned-time.ts';

interface Props {
  opportunityId: string;
  onClose(): void;
}

/**
 * Schedules the standard tasks of the opportunity's pipeline: the plan's steps are previewed with
 * the days they fall on from the chosen start, then created at once; the dialog lists what was
 * created.
 */
export function ApplyPlanDialog({ opportunityId, onClose }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [{ data, error, fetching }] = useQuery({ query: ActivityPlanQuery, variables: { id: opportunityId }, requestPolicy: 'cache-and-network' });
  const [startDate, setStartDate] = useState(() => todayIn(formats.timeZone));
  const [feedback, setFeedback] = useState<{ startDate?: string; message?: string }>({});
  const [created, setCreated] = useState<ActivityFieldsFragment[] | null>(null);
  const [{ fetching: applying }, apply] = useMutation(ApplyActivityPlanMutation);
  const pipeline = data?.opportunity?.pipeline;
  const steps = pipeline?.activityPlan ?? [];
  const validStart = /^\d{4}-\d{2}-\d{2}$/.test(startDate);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!validStart) {
      setFeedback({ startDate: t('agenda.form.invalidDate') });
      return;
    }
    const result = await apply({ opportunityId, startDate }, ACTIVITY_CHANGE_CONTEXT);
    const outcome = result.data?.applyActivityPlan;
    if (outcome?.__typename === 'ApplyActivityPlanSuccess') {
      setCreated(outcome.activities);
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, ['startDate']);
      setFeedback({ startDate: byField.startDate, message: unplaced[0] });
      return;
    }
    setFeedback({ message: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) });
  }

  return (
    <Dialog title={t('agenda.plan.title')} onClose={onClose}>
      {error && !data && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('agenda.plan.loading')} />}
      {created && (
        <div className="dialog__form">
          <p role="status">{t('agenda.plan.created', { count: created.length })}</p>
          <ul className="plan-list" data-testid="plan-created">
            {created.map((activity) => (
              <li key={activity.id}>
                <span className="activity__type">{t(`activities.type.${activity.type}`)}</span> {activity.subject}{' '}
                <span className="muted">{activity.dueAt ? t('activities.due', { when: formats.due(activity.dueAt) }) : t('activities.noDue')}</span>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('agenda.plan.close')}
            </button>
          </div>
        </div>
      )}
      {!created && pipeline && steps.length === 0 && (
        <div className="dialog__form">
          <p>{t('agenda.plan.none', { pipeline: pipeline.name })}</p>
          <div className="form-actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('agenda.plan.close')}
            </button>
          </div>
        </div>
      )}
      {!created && pipeline && steps.length > 0 && (
        <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={t('agenda.plan.title')}>
          <p>{t('agenda.plan.explain', { pipeline: pipeline.name })}</p>
          <FormErrorSummary message={feedback.message} />
          <TextField id="plan-start" type="date" label={t('agenda.plan.start')} required value={startDate} onChange={setStartDate} error={feedback.startDate} />
          <ol className="plan-list" aria-label={t('agenda.plan.preview')} data-testid="plan-preview">
            {steps.map((step, index) => (
              <li key={index}>
                <span className="activity__type">{t(`activities.type.${step.type}`)}</span> {step.subject}{' '}
                <span className="muted">
                  {validStart ? formats.weekday(addDaysTo(startDate, step.dayOffset)) : t('agenda.plan.dayOffset', { count: step.dayOffset })}
                  {step.durationMinutes ? ` · ${t('agenda.minutes', { count: step.durationMinutes })}` : ''}
                </span>
              </li>
            ))}
          </ol>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={applying}>
              {t('agenda.plan.apply', { count: steps.length })}
            </button>
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
