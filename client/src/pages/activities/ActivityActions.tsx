import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import type { ActivityFieldsFragment } from '../../gql/graphql.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { ACTIVITY_CHANGE_CONTEXT, DeleteActivityMutation } from './activity-queries.ts';
import { ActivityFormDialog } from './ActivityForm.tsx';
import { CompleteDialog } from './CompleteDialog.tsx';
import { RescheduleDialog } from './RescheduleDialog.tsx';

type OpenDialog = 'edit' | 'reschedule' | 'complete' | null;

interface Props {
  activity: ActivityFieldsFragment;
  /** What was done, for a status line ("Rescheduled: …"). */
  onNotice(text: string): void;
  onError(text: string): void;
}

/**
 * Edit, reschedule, complete at a chosen moment and delete one activity. Offered only when the
 * server says the viewer may change it (`viewerCanEdit`); the server decides again on each change.
 */
export function ActivityActions({ activity, onNotice, onError }: Props) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [{ fetching: deleting }, remove] = useMutation(DeleteActivityMutation);
  if (!activity.viewerCanEdit) return null;
  const open = activity.status !== 'COMPLETED';
  const close = () => setDialog(null);

  async function handleDelete() {
    const result = await remove({ id: activity.id }, ACTIVITY_CHANGE_CONTEXT);
    const outcome = result.data?.deleteActivity;
    if (outcome?.__typename === 'DeleteActivitySuccess') onNotice(t('agenda.actions.deleted', { subject: activity.subject }));
    else onError(serverErrors.failure(outcome, result.error, t('activities.changeFailed')));
  }

  return (
    <div className="activity-actions" role="group" aria-label={t('agenda.actions.label', { subject: activity.subject })}>
      <button type="button" className="button button--ghost button--small" onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </button>
      {open && (
        <>
          <button type="button" className="button button--ghost button--small" onClick={() => setDialog('reschedule')}>
            {t('agenda.reschedule.open')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setDialog('complete')}>
            {t('agenda.complete.open')}
          </button>
        </>
      )}
      <ConfirmButton label={t('common.delete')} question={t('agenda.actions.deleteQuestion')} confirmLabel={t('common.delete')} onConfirm={() => void handleDelete()} busy={deleting} />
      {dialog === 'edit' && (
        <ActivityFormDialog
          activity={activity}
          onCancel={close}
          onSaved={(saved) => {
            close();
            onNotice(t('agenda.actions.saved', { subject: saved.subject }));
          }}
        />
      )}
      {dialog === 'reschedule' && (
        <RescheduleDialog
          activity={activity}
          onClose={close}
          onDone={(moved) => {
            close();
            onNotice(t('agenda.reschedule.done', { subject: moved.subject }));
          }}
        />
      )}
      {dialog === 'complete' && (
        <CompleteDialog
          activity={activity}
          onClose={close}
          onDone={(done) => {
            close();
            onNotice(t('activities.doneLabel', { subject: done.subject }));
          }}
        />
      )}
    </div>
  );
}
