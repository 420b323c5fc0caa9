import { useEffect, useReducer, useRef } from 'react';
import type { BoardChangedSubscription as BoardChangedResult, BoardQuery as BoardResult, OpportunityFilter } from '../../gql/graphql.ts';
import { useEachSubscriptionEvent } from '../../hooks/useEachSubscriptionEvent.ts';
import { useCatchUpAfterReconnect } from '../../hooks/useLiveConnection.ts';
import { BoardChangedSubscription } from './board-queries.ts';
import { initialLiveBoard, liveBoardReducer, type LiveBoardState } from './board-live.ts';

type Column = NonNullable<BoardResult['board']>['columns'][number];
type Card = Column['cards'][number];
type BoardEvent = BoardChangedResult['boardChanged'];

/** Changes of others arrive in bursts (a colleague dragging several cards): one refetch per burst. */
const REFETCH_DELAY_MS = 300;

const pickEvent = (result: BoardChangedResult): BoardEvent => result.boardChanged;

interface Options {
  pipelineId: string;
  filter: OpportunityFilter;
  /** The board the server returned last; undefined while it loads. */
  columns: Column[] | undefined;
  cardsPerStage: number;
  viewerId: string | undefined;
  refresh(): void;
}

/**
 * The board kept current by `boardChanged`: each change moves, adds or removes the card in place
 * and adjusts the column totals, and the changes of others are highlighted with who made them.
 * Only what the events cannot tell (a card behind a column's first page, a new stage, anything
 * missed while the connection was down) is fetched again.
 */
export function useLiveBoard({ pipelineId, filter, columns, cardsPerStage, viewerId, refresh }: Options): LiveBoardState<Card, Column> & { columns: Column[] } {
  const filterKey = JSON.stringify(filter);
  const [state, dispatch] = useReducer(liveBoardReducer<Card, Column>, undefined, initialLiveBoard<Card, Column>);

  useEffect(() => {
    if (columns) dispatch({ type: 'loaded', columns, filterKey, cardsPerStage, now: Date.now() });
    // The filter matters only together with the board it produced.
  }, [columns]);

  useEachSubscriptionEvent(BoardChangedSubscription, { pipelineId, filter }, pickEvent, (change) =>
    dispatch({ type: 'changed', change, viewerId, cardsPerStage, now: Date.now() }),
  );

  const refetchTimer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (state.refetches === 0) return;
    window.clearTimeout(refetchTimer.current);
    refetchTimer.current = window.setTimeout(refresh, REFETCH_DELAY_MS);
  }, [state.refetches, refresh]);
  useEffect(() => () => window.clearTimeout(refetchTimer.current), []);
  useCatchUpAfterReconnect(refresh);

  useEffect(() => {
    const until = [...state.highlights.values(), ...state.ghosts].map((entry) => entry.until);
    if (until.length === 0) return;
    const timer = window.setTimeout(() => dispatch({ type: 'expire', now: Date.now() }), Math.max(0, Math.min(...until) - Date.now()) + 20);
    return () => window.clearTimeout(timer);
  }, [state.highlights, state.ghosts]);

  // Until the reducer has the board of this filter, show the server's.
  return { ...state, columns: state.filterKey === filterKey ? state.columns : (columns ?? []) };
}
