import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ToastMessage } from '../../components/UndoToast.tsx';
import type { BoardCardFieldsFragment } from '../../gql/graphql.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { WinOpportunityMutation } from '../opportunity/opportunity-queries.ts';
import { useUndoableClose } from '../opportunity/useUndoableClose.ts';

/**
 * Closing an opportunity from the board, through the same mutations as its page: a card dropped
 * on "Won" is won at once unless it has open activities, when the win dialog asks whether to close
 * or keep them (also when the server asks, for a card whose activities changed meanwhile); one
 * dropped on "Lost" opens the close dialog for the reason. Both can be undone from the toast
 * (useUndoableClose).
 */
export function useCloseFromBoard({ showToast, showFailure }: { showToast(toast: Omit<ToastMessage, 'id'>): void; showFailure(text: string): void }) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [, win] = useMutation(WinOpportunityMutation);
  const undoableClose = useUndoableClose({ showToast, showFailure });
  const [winning, setWinning] = useState<BoardCardFieldsFragment | null>(null);
  const [losing, setLosing] = useState<BoardCardFieldsFragment | null>(null);

  const won = useCallback(
    (card: BoardCardFieldsFragment, version: number, closedActivityIds: readonly string[]) =>
      undoableClose({ id: card.id, humanId: card.humanId, status: 'WON', version }, closedActivityIds),
    [undoableClose],
  );

  const winCard = useCallback(
    async (card: BoardCardFieldsFragment) => {
      if (card.nextOpenActivity) {
        setWinning(card);
        return;
      }
      const result = await win({ id: card.id, version: card.version }, { additionalTypenames: ['Opportunity'] });
      const outcome = result.data?.winOpportunity;
      if (outcome?.__typename === 'WinOpportunitySuccess') won(card, outcome.opportunity.version, []);
      else if (outcome?.__typename === 'ValidationError' && outcome.fieldErrors.some((entry) => entry.reason === 'CHOICE_REQUIRED')) setWinning(card);
      else showFailure(t('board.outcome.notWon', { id: card.humanId, reason: serverErrors.failure(outcome, result.error, t('errors.nothingSaved')) }));
    },
    [win, won, showFailure, t, serverErrors],
  );

  const lost = useCallback(
    (card: BoardCardFieldsFragment, version: number, closedActivityIds: readonly string[]) =>
      undoableClose({ id: card.id, humanId: card.humanId, status: 'LOST', version }, closedActivityIds),
    [undoableClose],
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
