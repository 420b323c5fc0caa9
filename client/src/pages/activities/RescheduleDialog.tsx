import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import type { ActivityFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { ACTIVITY_CHANGE_CONTEXT, RescheduleActivityMutation } from './activity-queries.ts';
import { DateTimeFields } from './DateTimeFields.tsx';
import { instantOf, rescheduleTarget, wallTimeOf, type WallTime } from './zoned-time.ts';

interface Props {
  activity: ActivityFieldsFragment;
  onClose(): void;
  onDone(activity: ActivityFieldsFragment): void;
}

/** Moves an open activity: to tomorrow or next Monday at its time of day in one click, or to a picked time. */
export function RescheduleDialog({ activity, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [picked, setPicked] = useState<WallTime>(activity.dueAt ? wallTimeOf(activity.dueAt, formats.timeZone) : { date: '', time: '' });
  const [error, setError] = useState<{ field?: string; message?: string }>({});
  const [{ fetching }, reschedule] = useMutation(RescheduleActivityMutation);
  const tomorrow = rescheduleTarget('tomorrow', activity.dueAt ?? null, formats.timeZone);
  const nextWeek = rescheduleTarget('nextWeek', activity.dueAt ?? null, formats.timeZone);

  async function moveTo(dueAt: string) {
    const result = await reschedule({ id: activity.id, dueAt }, ACTIVITY_CHANGE_CONTEXT);
    const outcome = result.data?.rescheduleActivity;
    if (outcome?.__typename === 'RescheduleActivitySuccess') {
      onDone(outcome.activity);
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, ['dueAt']);
      setError({ field: byField.dueAt, message: unplaced[0] });
      return;
    }
    setError({ message: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const dueAt = picked.date ? instantOf(picked.date, picked.time, formats.timeZone) : null;
    if (!dueAt) {
      setError({ field: picked.date ? t('agenda.form.invalidDate') : t('agenda.reschedule.dayRequired') });
      return;
    }
    void moveTo(dueAt);
  }

  return (
    <Dialog title={t('agenda.reschedule.title', { subject: activity.subject })} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={t('agenda.reschedule.action')}>
        <p>{activity.dueAt ? t('activities.due', { when: formats.due(activity.dueAt) }) : t('activities.noDue')}</p>
        <FormErrorSummary message={error.message} />
        <div className="quick-actions" role="group" aria-label={t('agenda.reschedule.quick')}>
          <button type="button" className="button button--secondary" disabled={fetching} onClick={() => void moveTo(tomorrow)}>
            {t('agenda.reschedule.tomorrow')} <span className="muted">({formats.due(tomorrow)})</span>
          </button>
          <button type="button" className="button button--secondary" disabled={fetching} onClick={() => void moveTo(nextWeek)}>
            {t('agenda.reschedule.nextWeek')} <span className="muted">({formats.due(nextWeek)})</span>
          </button>
        </div>
        <DateTimeFields
          id="reschedule-when"
          legend={t('agenda.reschedule.pick')}
          dateLabel={t('agenda.form.dueDate')}
          timeLabel={t('agenda.form.dueTime')}
          value={picked}
          onChange={setPicked}
          error={error.field}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            {t('agenda.reschedule.action')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
