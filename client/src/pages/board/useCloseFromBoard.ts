import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ToastMessage } from '../../components/UndoToast.tsx';
import type { BoardCardFieldsFragment } from '../../gql/graphql.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { ACTIVITY_CHANGE_CONTEXT, CompleteActivityAtMutation } from '../activities/activity-queries.ts';
import { ReopenOpportunityMutation, WinOpportunityMutation } from '../opportunity/opportunity-queries.ts';

/**
 * Closing an opportunity from the board, through the same mutations as its page: a card dropped
 * on "Won" is won at once unless it has open activities, when the win dialog asks whether to close
 * or keep them (also when the server asks, for a card whose activities changed meanwhile); one
 * dropped on "Lost" opens the close dialog for the reason. A loss can be undone from the toast
 * (reopen, with the version the loss got, and open again the activities it closed); a win cannot,
 * as the server reopens only lost opportunities.
 */
export function useCloseFromBoard({ showToast, showFailure }: { showToast(toast: Omit<ToastMessage, 'id'>): void; showFailure(text: string): void }) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [, win] = useMutation(WinOpportunityMutation);
  const [, reopen] = useMutation(ReopenOpportunityMutation);
  const [, completeActivity] = useMutation(CompleteActivityAtMutation);
  const [winning, setWinning] = useState<BoardCardFieldsFragment | null>(null);
  const [losing, setLosing] = useState<BoardCardFieldsFragment | null>(null);

  const won = useCallback((card: BoardCardFieldsFragment) => showToast({ text: t('board.outcome.wonToast', { id: card.humanId }) }), [showToast, t]);

  const winCard = useCallback(
    async (card: BoardCardFieldsFragment) => {
      if (card.nextOpenActivity) {
        setWinning(card);
        return;
      }
      const result = await win({ id: card.id, version: card.version }, { additionalTypenames: ['Opportunity'] });
      const outcome = result.data?.winOpportunity;
      if (outcome?.__typename === 'WinOpportunitySuccess') won(card);
      else if (outcome?.__typename === 'ValidationError' && outcome.fieldErrors.some((entry) => entry.reason === 'CHOICE_REQUIRED')) setWinning(card);
      else showFailure(t('board.outcome.notWon', { id: card.humanId, reason: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) }));
    },
    [win, won, showFailure, t, serverErrors],
  );

  const lost = useCallback(
    (card: BoardCardFieldsFragment, version: number, closedActivityIds: readonly string[]) => {
      showToast({
        text: t('board.outcome.lostToast', { id: card.humanId }),
        undo: async () => {
          const result = await reopen({ id: card.id, version }, { additionalTypenames: ['Opportunity'] });
          const outcome = result.data?.reopenOpportunity;
          if (outcome?.__typename !== 'ReopenOpportunitySuccess') {
            showFailure(t('board.outcome.notReopened', { id: card.humanId, reason: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) }));
            return;
          }
          for (const id of closedActivityIds) {
            const reopened = await completeActivity({ id, done: false }, ACTIVITY_CHANGE_CONTEXT);
            const activityOutcome = reopened.data?.completeActivity;
            if (activityOutcome?.__typename !== 'CompleteActivitySuccess') {
              showFailure(t('agenda.closeChoice.notReopened', { id: card.humanId, reason: serverErrors.failure(activityOutcome, reopened.error, t('errors.nothingSaved')) }));
              return;
            }
          }
        },
      });
    },
    [reopen, completeActivity, showToast, showFailure, t, serverErrors],
  );

  return {
    winCard,
    winning,
    stopWinning: () => setWinning(null),
    won,
    losing,
    startLosing: setLosing,
    stopLosing: () => setLosing(null),
    lost,
  };
}
