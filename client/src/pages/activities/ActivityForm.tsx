import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { Dialog } from '../../components/opportunity/Dialog.tsx';
import { ACTIVITY_TYPES } from '../../components/opportunity/activity-format.ts';
import type { ActivityFieldsFragment, ActivityType } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { textOrNull, wholeNumberOrNull, type FieldErrors } from '../../lib/field-errors.ts';
import { ACTIVITY_CHANGE_CONTEXT, ActivityAssigneesQuery, CreateActivityMutation, UpdateActivityMutation } from './activity-queries.ts';
import { DateTimeFields } from './DateTimeFields.tsx';
import { instantOf, todayIn, wallTimeOf, type WallTime } from './zoned-time.ts';
import './activities.css';

/** The record a new activity is about: at least one of them (an opportunity brings its account and contact). */
export interface ActivityRegarding {
  opportunityId?: string;
  accountId?: string;
  contactId?: string;
}

interface Props {
  /** Creating: what the new activity is about. */
  regarding?: ActivityRegarding;
  /** Editing: the activity as it is now. */
  activity?: ActivityFieldsFragment;
  /** Creating: start as "already happened", for logging a call or meeting that took place. */
  alreadyHappened?: boolean;
  onSaved(activity: ActivityFieldsFragment): void;
  onCancel(): void;
}

const FIELDS = ['type', 'subject', 'notes', 'outcome', 'assigneeId', 'dueAt', 'doneAt', 'durationMinutes'] as const;
const NO_TIME: WallTime = { date: '', time: '' };

interface Feedback {
  errors: FieldErrors;
  message?: string;
  details: string[];
}

/**
 * Creates or edits an activity: type, subject, notes, outcome, assignee, when (due, or done for
 * what already happened, on the organisation's clock) and duration. Marking an open activity done
 * is not an edit (see ActivityActions); a completed one's done time can be corrected here.
 */
export function ActivityForm({ regarding, activity, alreadyHappened = false, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const serverErrors = useServerErrors();
  const { viewer } = useViewer();
  const [{ data: assignees }] = useQuery({ query: ActivityAssigneesQuery, requestPolicy: 'cache-and-network' });
  const editing = activity !== undefined;
  const [type, setType] = useState<ActivityType>(activity?.type ?? (alreadyHappened ? 'CALL' : 'TASK'));
  const [subject, setSubject] = useState(activity?.subject ?? '');
  const [notes, setNotes] = useState(activity?.notes ?? '');
  const [outcome, setOutcome] = useState(activity?.outcome ?? '');
  const [assigneeId, setAssigneeId] = useState(activity?.assignee.id ?? '');
  const [duration, setDuration] = useState(activity?.durationMinutes == null ? '' : String(activity.durationMinutes));
  const [happened, setHappened] = useState(activity ? activity.doneAt !== null : alreadyHappened);
  const initialWhen = activity ? whenOf(activity, formats.timeZone) : alreadyHappened ? nowOnClock(formats.timeZone) : NO_TIME;
  const [when, setWhen] = useState<WallTime>(initialWhen);
  const [feedback, setFeedback] = useState<Feedback>({ errors: {}, details: [] });
  const [{ fetching: creating }, create] = useMutation(CreateActivityMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateActivityMutation);

  function toggleHappened(next: boolean) {
    setHappened(next);
    if (next && !when.date) setWhen(nowOnClock(formats.timeZone));
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const local: FieldErrors = {};
    const durationMinutes = wholeNumberOrNull(duration);
    if (durationMinutes === undefined) local.durationMinutes = t('errors.wholeNumber');
    const whenField = happened ? 'doneAt' : 'dueAt';
    const instant = when.date ? instantOf(when.date, when.time, formats.timeZone) : null;
    if (when.date && !instant) local[whenField] = t('agenda.form.invalidDate');
    else if (!when.date && when.time) local[whenField] = t('agenda.form.dayMissing');
    else if (happened && !instant) local[whenField] = t('agenda.form.doneRequired');
    if (Object.keys(local).length > 0) {
      setFeedback({ errors: local, message: t('errors.correctFields'), details: [] });
      return;
    }
    const common = {
      type,
      subject,
      notes: textOrNull(notes),
      outcome: textOrNull(outcome),
      durationMinutes,
      assigneeId: assigneeId || undefined,
    };
    const result = editing
      ? await update({ id: activity.id, input: { ...common, ...changedWhen(activity, whenField, instant, when, initialWhen) } }, ACTIVITY_CHANGE_CONTEXT)
      : await create({ input: { ...regarding, ...common, [whenField]: instant } }, ACTIVITY_CHANGE_CONTEXT);
    const outcomeOfSave = result.data && ('createActivity' in result.data ? result.data.createActivity : result.data.updateActivity);
    if (outcomeOfSave?.__typename === 'CreateActivitySuccess' || outcomeOfSave?.__typename === 'UpdateActivitySuccess') {
      onSaved(outcomeOfSave.activity);
      return;
    }
    if (outcomeOfSave?.__typename === 'ValidationError') {
      const { byField, unplaced } = serverErrors.place(outcomeOfSave.fieldErrors, FIELDS);
      setFeedback({ errors: byField, details: unplaced, message: unplaced.length > 0 ? undefined : t('errors.correctFields') });
      return;
    }
    setFeedback({ errors: {}, details: [], message: serverErrors.failure(outcomeOfSave, result.error, t('errors.nothingSaved')) });
  }

  const users = assignees?.users ?? [];
  const assigneeOptions = [
    ...(editing ? [] : [{ value: '', label: t('agenda.form.assigneeMe', { name: viewer?.name ?? '' }) }]),
    ...users.filter((user) => editing || user.id !== viewer?.id).map((user) => ({ value: user.id, label: user.name })),
    // Someone deactivated since stays shown as who it is assigned to.
    ...(activity && !users.some((user) => user.id === activity.assignee.id) ? [{ value: activity.assignee.id, label: activity.assignee.name }] : []),
  ];
  const errors = feedback.errors;

  return (
    <form className="dialog__form activity-editor" onSubmit={handleSubmit} noValidate aria-label={editing ? t('agenda.form.editTitle') : t('agenda.form.newTitle')}>
      <FormErrorSummary message={feedback.message} details={feedback.details} />
      <div className="activity-editor__row">
        <SelectField
          id="activity-type"
          label={t('activities.field.type')}
          value={type}
          onChange={(value) => setType(value as ActivityType)}
          options={ACTIVITY_TYPES.map((value) => ({ value, label: t(`activities.type.${value}`) }))}
          error={errors.type}
        />
        <TextField id="activity-subject" label={t('activities.field.subject')} required value={subject} onChange={setSubject} error={errors.subject} maxLength={200} className="activity-editor__subject" />
      </div>
      {!editing && (
        <label className="checkbox-field">
          <input type="checkbox" checked={happened} onChange={(event) => toggleHappened(event.target.checked)} aria-describedby="activity-happened-hint" />
          <span>{t('agenda.form.alreadyHappened')}</span>
        </label>
      )}
      {!editing && (
        <p className="field__hint" id="activity-happened-hint">
          {happened ? t('agenda.form.alreadyHappenedHint') : t('agenda.form.plannedHint')}
        </p>
      )}
      <div className="activity-editor__row">
        <DateTimeFields
          id="activity-when"
          legend={happened ? t('agenda.form.done') : t('agenda.form.due')}
          dateLabel={happened ? t('agenda.form.doneDate') : t('agenda.form.dueDate')}
          timeLabel={happened ? t('agenda.form.doneTime') : t('agenda.form.dueTime')}
          value={when}
          onChange={setWhen}
          required={happened}
          maxDate={happened ? todayIn(formats.timeZone) : undefined}
          error={happened ? (errors.doneAt ?? errors.dueAt) : errors.dueAt}
        />
        <TextField
          id="activity-duration"
          label={t('agenda.form.duration')}
          value={duration}
          onChange={setDuration}
          inputMode="numeric"
          error={errors.durationMinutes}
          className="activity-editor__duration"
        />
      </div>
      <SelectField id="activity-assignee" label={t('agenda.form.assignee')} value={assigneeId} onChange={setAssigneeId} options={assigneeOptions} error={errors.assigneeId} />
      <TextField id="activity-outcome" label={t('agenda.form.outcome')} hint={t('agenda.form.outcomeHint')} value={outcome} onChange={setOutcome} error={errors.outcome} maxLength={500} />
      <TextAreaField id="activity-notes" label={t('agenda.form.notes')} value={notes} onChange={setNotes} error={errors.notes} rows={4} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={creating || updating}>
          {editing ? t('common.saveChanges') : happened ? t('agenda.form.log') : t('activities.add')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The activity form in a dialog: "New activity", "Log an activity" or "Edit activity". */
export function ActivityFormDialog(props: Props) {
  const { t } = useTranslation();
  const title = props.activity ? t('agenda.form.editTitle') : props.alreadyHappened ? t('agenda.form.logTitle') : t('agenda.form.newTitle');
  return (
    <Dialog title={title} onClose={props.onCancel}>
      <ActivityForm {...props} />
    </Dialog>
  );
}

/** When the activity was done, or else is due, on the organisation's clock. */
function whenOf(activity: ActivityFieldsFragment, timeZone: string): WallTime {
  const instant = activity.doneAt ?? activity.dueAt;
  return instant ? wallTimeOf(instant, timeZone) : NO_TIME;
}

/** Now on the organisation's clock, to the minute: the default for something that just happened. */
function nowOnClock(timeZone: string): WallTime {
  return wallTimeOf(new Date(), timeZone);
}

/**
 * The due or done time to send with an edit: only when the user changed it, so that saving other
 * fields does not round a stored time to the minute.
 */
function changedWhen(activity: ActivityFieldsFragment, field: 'dueAt' | 'doneAt', instant: string | null, when: WallTime, initial: WallTime) {
  if (when.date === initial.date && when.time === initial.time) return {};
  if (field === 'doneAt') return activity.doneAt && instant ? { doneAt: instant } : {};
  return { dueAt: instant };
}
