import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { failureMessage } from '../../components/opportunity/errors.ts';
import type { BoardCardFieldsFragment } from '../../gql/graphql.ts';
import { MoveOpportunityMutation } from './board-queries.ts';
import type { PendingMove } from './board-moves.ts';

interface TrackedMove extends PendingMove {
  key: number;
  /** The server accepted it; it is dropped once the refetched board shows it. */
  saved: boolean;
}

/**
 * Moves cards between stages optimistically: the board shows a move at once (see applyMoves),
 * the server decides, and a refused move snaps back with the server's reason.
 */
export function useBoardMoves(boardData: unknown, refresh: () => void) {
  const [moves, setMoves] = useState<TrackedMove[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [, moveOpportunity] = useMutation(MoveOpportunityMutation);
  const nextKey = useRef(0);
  // Versions the server returned for our own moves, newer than the (not yet refetched) board's.
  const versions = useRef(new Map<string, number>());

  // A new board from the server already shows the saved moves.
  const seenData = useRef(boardData);
  useEffect(() => {
    if (boardData === seenData.current) return;
    seenData.current = boardData;
    setMoves((current) => (current.some((move) => move.saved) ? current.filter((move) => !move.saved) : current));
  }, [boardData]);

  const move = useCallback(
    async (card: BoardCardFieldsFragment, toStageId: string, toStageName: string) => {
      const key = (nextKey.current += 1);
      setFailure(null);
      setMoves((current) => [
        ...current.filter((other) => other.opportunityId !== card.id),
        { opportunityId: card.id, toStageId, key, saved: false },
      ]);
      const version = Math.max(card.version, versions.current.get(card.id) ?? 0);
      const result = await moveOpportunity({ id: card.id, stageId: toStageId, version });
      const outcome = result.data?.moveOpportunity;
      if (outcome?.__typename === 'MoveOpportunitySuccess') {
        versions.current.set(card.id, outcome.opportunity.version);
        setMoves((current) => current.map((other) => (other.key === key ? { ...other, saved: true } : other)));
        return;
      }
      setMoves((current) => current.filter((other) => other.key !== key));
      const reason = failureMessage(outcome, result.error, 'The move could not be saved.');
      setFailure(`${card.humanId} was not moved to ${toStageName}: ${reason}`);
      // The board may be out of date (a conflict, a closed opportunity): show the current state.
      refresh();
    },
    [moveOpportunity, refresh],
  );

  const pending = useMemo(() => moves.map(({ opportunityId, toStageId }) => ({ opportunityId, toStageId })), [moves]);
  const saving = useMemo(() => new Set(moves.filter((m) => !m.saved).map((m) => m.opportunityId)), [moves]);
  /** Whether a live event only reports what one of our own moves already did. */
  const isOwnEcho = useCallback((opportunityId: string, version: number) => (versions.current.get(opportunityId) ?? -1) >= version, []);
  return { pending, saving, move, failure, dismissFailure: () => setFailure(null), isOwnEcho };
}
