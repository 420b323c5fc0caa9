import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ToastMessage } from '../../components/UndoToast.tsx';
import type { BoardCardFieldsFragment } from '../../gql/graphql.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { ReopenOpportunityMutation, WinOpportunityMutation } from '../opportunity/opportunity-queries.ts';

/**
 * Closing an opportunity from the board, through the same mutations as its page: a card dropped
 * on "Won" is won at once; one dropped on "Lost" opens the close dialog for the reason. A loss can
 * be undone from the toast (reopen, with the version the loss got); a win cannot, as the server
 * reopens only lost opportunities.
 */
export function useCloseFromBoard({ showToast, showFailure }: { showToast(toast: Omit<ToastMessage, 'id'>): void; showFailure(text: string): void }) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [, win] = useMutation(WinOpportunityMutation);
  const [, reopen] = useMutation(ReopenOpportunityMutation);
  const [losing, setLosing] = useState<BoardCardFieldsFragment | null>(null);

  const winCard = useCallback(
    async (card: BoardCardFieldsFragment) => {
      const result = await win({ id: card.id, version: card.version }, { additionalTypenames: ['Opportunity'] });
      const outcome = result.data?.winOpportunity;
      if (outcome?.__typename === 'WinOpportunitySuccess') showToast({ text: t('board.outcome.wonToast', { id: card.humanId }) });
      else showFailure(t('board.outcome.notWon', { id: card.humanId, reason: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) }));
    },
    [win, showToast, showFailure, t, serverErrors],
  );

  const lost = useCallback(
    (card: BoardCardFieldsFragment, version: number) => {
      showToast({
        text: t('board.outcome.lostToast', { id: card.humanId }),
        undo: async () => {
          const result = await reopen({ id: card.id, version }, { additionalTypenames: ['Opportunity'] });
          const outcome = result.data?.reopenOpportunity;
          if (outcome?.__typename !== 'ReopenOpportunitySuccess') {
            showFailure(t('board.outcome.notReopened', { id: card.humanId, reason: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) }));
          }
        },
      });
    },
    [reopen, showToast, showFailure, t, serverErrors],
  );

  return { winCard, losing, startLosing: setLosing, stopLosing: () => setLosing(null), lost };
}
