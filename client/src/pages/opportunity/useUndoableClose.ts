import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ToastMessage } from '../../components/UndoToast.tsx';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { ACTIVITY_CHANGE_CONTEXT, CompleteActivityAtMutation } from '../activities/activity-queries.ts';
import { ReopenOpportunityMutation } from './opportunity-queries.ts';

interface Closed {
  id: string;
  humanId: string;
  status: 'WON' | 'LOST';
  /** The version the close gave the opportunity: a change by someone else since makes the undo a conflict. */
  version: number;
}

/**
 * The toast after a win or a loss (on the board and on the opportunity page), with Undo: reopen,
 * with the version the close got, then open again the activities the close marked done. The
 * server refuses to reopen a won opportunity once an order or invoice rests on it, and says why.
 */
export function useUndoableClose({ showToast, showFailure }: { showToast(toast: Omit<ToastMessage, 'id'>): void; showFailure(text: string): void }) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [, reopen] = useMutation(ReopenOpportunityMutation);
  const [, completeActivity] = useMutation(CompleteActivityAtMutation);

  return useCallback(
    (closed: Closed, closedActivityIds: readonly string[]) => {
      showToast({
        text: t(closed.status === 'WON' ? 'board.outcome.wonToast' : 'board.outcome.lostToast', { id: closed.humanId }),
        undo: async () => {
          const result = await reopen({ id: closed.id, version: closed.version }, { additionalTypenames: ['Opportunity'] });
          const outcome = result.data?.reopenOpportunity;
          if (outcome?.__typename !== 'ReopenOpportunitySuccess') {
            showFailure(t('board.outcome.notReopened', { id: closed.humanId, reason: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) }));
            return;
          }
          for (const id of closedActivityIds) {
            const reopened = await completeActivity({ id, done: false }, ACTIVITY_CHANGE_CONTEXT);
            const activityOutcome = reopened.data?.completeActivity;
            if (activityOutcome?.__typename !== 'CompleteActivitySuccess') {
              showFailure(t('agenda.closeChoice.notReopened', { id: closed.humanId, reason: serverErrors.failure(activityOutcome, reopened.error, t('errors.nothingSaved')) }));
              return;
            }
          }
        },
      });
    },
    [reopen, completeActivity, showToast, showFailure, t, serverErrors],
  );
}
