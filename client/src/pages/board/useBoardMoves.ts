import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { BoardCardFieldsFragment } from '../../gql/graphql.ts';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { MoveOpportunityMutation } from './board-queries.ts';
import type { PendingMove } from './board-moves.ts';

interface TrackedMove extends PendingMove {
  key: number;
  /** The version the server gave the card for this move; null while it decides. */
  savedVersion: number | null;
}

interface VersionedColumn {
  cards: readonly { id: string; version: number }[];
}

/**
 * Moves cards between stages optimistically: the board shows a move at once (see applyMoves),
 * the server decides, and a refused move snaps back with the server's reason. A saved move is
 * shown until the live board has the card at that version (its own event, or a refetch).
 * `move` resolves to whether the server saved it; moving the card back is the undo, sent with the
 * version this move got.
 */
export function useBoardMoves(columns: readonly VersionedColumn[], refresh: () => void) {
  const { t } = useTranslation();
  const serverErrors = useServerErrors();
  const [moves, setMoves] = useState<TrackedMove[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [, moveOpportunity] = useMutation(MoveOpportunityMutation);
  const nextKey = useRef(0);
  // Versions the server returned for our own moves: a second move may come before the first's event.
  const ownVersions = useRef(new Map<string, number>());

  const versions = useMemo(() => new Map(columns.flatMap((column) => column.cards.map((card) => [card.id, card.version] as const))), [columns]);
  const settled = useCallback(
    (move: TrackedMove) => move.savedVersion !== null && (versions.get(move.opportunityId) ?? Infinity) >= move.savedVersion,
    [versions],
  );
  useEffect(() => {
    setMoves((current) => (current.some(settled) ? current.filter((move) => !settled(move)) : current));
  }, [settled]);

  const move = useCallback(
    async (card: BoardCardFieldsFragment, toStageId: string, toStageName: string): Promise<boolean> => {
      const key = (nextKey.current += 1);
      setFailure(null);
      setMoves((current) => [
        ...current.filter((other) => other.opportunityId !== card.id),
        { opportunityId: card.id, toStageId, key, savedVersion: null },
      ]);
      const version = Math.max(card.version, ownVersions.current.get(card.id) ?? 0);
      const result = await moveOpportunity({ id: card.id, stageId: toStageId, version });
      const outcome = result.data?.moveOpportunity;
      if (outcome?.__typename === 'MoveOpportunitySuccess') {
        const savedVersion = outcome.opportunity.version;
        ownVersions.current.set(card.id, savedVersion);
        setMoves((current) => current.map((other) => (other.key === key ? { ...other, savedVersion } : other)));
        return true;
      }
      setMoves((current) => current.filter((other) => other.key !== key));
      const notMoved = t('board.move.notMoved', { id: card.humanId, stage: toStageName });
      if (outcome?.__typename === 'ConflictError') {
        const where = outcome.current ? ` ${t('board.move.nowIn', { stage: outcome.current.stage.name })}` : '';
        setFailure(`${notMoved}: ${t('board.move.conflict')}${where}`);
      } else {
        setFailure(`${notMoved}: ${serverErrors.failure(outcome, result.error, t('board.move.failed'))}`);
      }
      // Normally the winning change has already arrived live; this makes sure of it.
      refresh();
      return false;
    },
    [moveOpportunity, refresh, t, serverErrors],
  );

  const pending = useMemo(
    () => moves.filter((move) => !settled(move)).map(({ opportunityId, toStageId }) => ({ opportunityId, toStageId })),
    [moves, settled],
  );
  const saving = useMemo(() => new Set(moves.filter((m) => m.savedVersion === null).map((m) => m.opportunityId)), [moves]);
  return { pending, saving, move, failure, dismissFailure: () => setFailure(null) };
}
