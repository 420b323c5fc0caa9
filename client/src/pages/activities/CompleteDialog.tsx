import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import type { ActivityFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { ACTIVITY_CHANGE_CONTEXT, CompleteActivityAtMutation } from './activity-queries.ts';
import { DateTimeFields } from './DateTimeFields.tsx';
import { instantOf, todayIn, wallTimeOf, type WallTime } from './zoned-time.ts';

interface Props {
  activity: ActivityFieldsFragment;
  onClose(): void;
  onDone(activity: ActivityFieldsFragment): void;
}

/** Marks an open activity done: now, or at the earlier moment it was really done (never in the future). */
export function CompleteDialog({ activity, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const [earlier, setEarlier] = useState(false);
  const [when, setWhen] = useState<WallTime>(() => wallTimeOf(new Date(), formats.timeZone));
  const [error, setError] = useState<{ field?: string; message?: string }>({});
  const [{ fetching }, complete] = useMutation(CompleteActivityAtMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const doneAt = earlier ? instantOf(when.date, when.time, formats.timeZone) : null;
    if (earlier && !doneAt) {
      setError({ field: when.date ? t('agenda.form.invalidDate') : t('agenda.form.doneRequired') });
      return;
    }
    const result = await complete({ id: activity.id, done: true, doneAt }, ACTIVITY_CHANGE_CONTEXT);
    const outcome = result.data?.completeActivity;
    if (outcome?.__typename === 'CompleteActivitySuccess') {
      onDone(outcome.activity);
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const { byField, unplaced } = serverErrors.place(outcome.fieldErrors, ['doneAt']);
      setError({ field: byField.doneAt, message: unplaced[0] });
      return;
    }
    setError({ message: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) });
  }

  return (
    <Dialog title={t('agenda.complete.title', { subject: activity.subject })} onClose={onClose}>
      <form className="dialog__form" onSubmit={handleSubmit} noValidate aria-label={t('agenda.complete.action')}>
        <FormErrorSummary message={error.message} />
        <fieldset className="field choice">
          <legend className="field__label">{t('agenda.complete.when')}</legend>
          <label className="choice__option">
            <input type="radio" name="complete-when" checked={!earlier} onChange={() => setEarlier(false)} />
            {t('agenda.complete.now')}
          </label>
          <label className="choice__option">
            <input type="radio" name="complete-when" checked={earlier} onChange={() => setEarlier(true)} />
            {t('agenda.complete.earlier')}
          </label>
        </fieldset>
        {earlier && (
          <DateTimeFields
            id="complete-when"
            legend={t('agenda.form.done')}
            dateLabel={t('agenda.form.doneDate')}
            timeLabel={t('agenda.form.doneTime')}
            value={when}
            onChange={setWhen}
            required
            maxDate={todayIn(formats.timeZone)}
            error={error.field}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button--success" disabled={fetching}>
            {t('agenda.complete.action')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
