import type { ParseKeys, TFunction } from 'i18next';
import { findCard, withCard, withoutCard, type CardColumn, type PlacedCard } from './board-columns.ts';

export interface LiveCard extends PlacedCard {
  version: number;
  humanId: string;
  title: string;
}

/** A `boardChanged` event, as the board subscribes to it. */
export interface BoardChange<Card extends LiveCard> {
  kind: 'CREATED' | 'UPDATED' | 'DELETED' | 'REMOVED';
  opportunityId: string;
  version: number;
  /** Null when the card left the viewer's sight (REMOVED). */
  stageId: string | null;
  previousStageId: string;
  /** The server's answer: is the card now on this board, with this viewer's filter? */
  onBoard: boolean;
  opportunity: (Card & { status?: string }) | null;
  actor: { id: string; name: string };
}

export type BoardChangeOutcome<Card extends LiveCard, Column extends CardColumn<Card>> =
  /** `left`: the card was shown and is not on the board any more. */
  | { type: 'applied'; columns: Column[]; left: { card: Card; stageId: string } | null }
  /** The board already shows this version or a newer one, or the change does not concern it. */
  | { type: 'known' }
  /** The card may have been on the board behind a column's first page: only a refetch can tell. */
  | { type: 'unknown' };

/**
 * The board after one live change: the card leaves where it was shown (its old amounts leave
 * the column totals) and, when the server says it is on this board now, joins its new stage.
 * Pure and idempotent per version, so events can be replayed over a newer board.
 */
export function applyBoardChange<Card extends LiveCard, Column extends CardColumn<Card>>(
  columns: readonly Column[],
  change: BoardChange<Card>,
  cardsPerStage: number,
): BoardChangeOutcome<Card, Column> {
  const shown = findCard(columns, change.opportunityId);
  if (shown && shown.card.version >= change.version) return { type: 'known' };
  if (!shown && change.kind !== 'CREATED' && columns.find((column) => column.stage.id === change.previousStageId)?.hasMoreCards) {
    return { type: 'unknown' };
  }
  const arrives = change.onBoard && change.opportunity !== null;
  if (!shown && !arrives) return { type: 'known' };

  let next: Column[] = [...columns];
  if (shown) next[shown.index] = withoutCard(next[shown.index], shown.card);
  if (arrives) {
    const toIndex = next.findIndex((column) => column.stage.id === change.stageId);
    // A stage added since the board was loaded.
    if (toIndex === -1) return { type: 'unknown' };
    next = next.map((column, index) => (index === toIndex ? withCard(column, change.opportunity as Card, cardsPerStage) : column));
  }
  return { type: 'applied', columns: next, left: shown && !arrives ? { card: shown.card, stageId: columns[shown.index].stage.id } : null };
}

/** How a change shows on a card or its ghost ("Moved to Angebot by Anna Berg"): a catalog key and its values. */
export interface ChangeText {
  key: ParseKeys;
  by: string;
  stage?: string;
}

export const changeText = (t: TFunction, text: ChangeText) => t(text.key, { by: text.by, stage: text.stage });

export function describeChange(change: BoardChange<LiveCard>, stageName: (stageId: string) => string | undefined): ChangeText {
  const by = change.actor.name;
  if (change.kind === 'DELETED') return { key: 'board.live.deleted', by };
  if (change.kind === 'REMOVED') return { key: 'board.live.removed', by };
  if (change.kind === 'CREATED') return { key: 'board.live.added', by };
  if (change.opportunity?.status === 'WON') return { key: 'board.live.won', by };
  if (change.opportunity?.status === 'LOST') return { key: 'board.live.lost', by };
  if (!change.onBoard) return { key: 'board.live.filteredOut', by };
  if (change.stageId !== change.previousStageId) {
    const stage = change.stageId ? stageName(change.stageId) : undefined;
    return stage ? { key: 'board.live.movedTo', by, stage } : { key: 'board.live.movedElsewhere', by };
  }
  return { key: 'board.live.changed', by };
}

/** How long a changed card is highlighted and a card that left stays as a ghost. */
export const HIGHLIGHT_MS = 4_000;
/** Changes kept to replay over a refetched board that may have been read before they happened. */
const REPLAY_MS = 15_000;

export interface Highlight {
  label: ChangeText;
  until: number;
}

export interface Ghost<Card> {
  card: Card;
  stageId: string;
  label: ChangeText;
  until: number;
}

/** The latest change of someone else and the card it concerns, for screen readers. */
export interface Announcement {
  text: ChangeText;
  card: { humanId: string; title: string } | null;
}

export interface LiveBoardState<Card extends LiveCard, Column extends CardColumn<Card>> {
  columns: Column[];
  recent: { change: BoardChange<Card>; at: number }[];
  highlights: ReadonlyMap<string, Highlight>;
  ghosts: readonly Ghost<Card>[];
  /** Bumped when a change could not be applied: the board must be fetched again. */
  refetches: number;
  /** The filter the board and the changes' `onBoard` were computed for. */
  filterKey: string;
  announcement: Announcement | null;
}

export type LiveBoardAction<Card extends LiveCard, Column extends CardColumn<Card>> =
  | { type: 'loaded'; columns: Column[]; filterKey: string; cardsPerStage: number; now: number }
  | { type: 'changed'; change: BoardChange<Card>; viewerId: string | undefined; cardsPerStage: number; now: number }
  | { type: 'expire'; now: number };

export function initialLiveBoard<Card extends LiveCard, Column extends CardColumn<Card>>(): LiveBoardState<Card, Column> {
  return { columns: [], recent: [], highlights: new Map(), ghosts: [], refetches: 0, filterKey: '', announcement: null };
}

/**
 * The live board: the last board the server returned with the changes heard since. A board that
 * arrives from the server may have been read before the latest changes committed, so the changes
 * of the last seconds are applied to it again (a version it already shows is skipped).
 */
export function liveBoardReducer<Card extends LiveCard, Column extends CardColumn<Card>>(
  state: LiveBoardState<Card, Column>,
  action: LiveBoardAction<Card, Column>,
): LiveBoardState<Card, Column> {
  switch (action.type) {
    case 'loaded': {
      if (action.filterKey !== state.filterKey) {
        return { ...initialLiveBoard<Card, Column>(), columns: action.columns, filterKey: action.filterKey, refetches: state.refetches };
      }
      const recent = state.recent.filter((entry) => entry.at > action.now - REPLAY_MS);
      let columns = action.columns;
      for (const { change } of recent) {
        // Nothing is lost by skipping: what could not be applied is what the refetch returned.
        const outcome = applyBoardChange(columns, change, action.cardsPerStage);
        if (outcome.type === 'applied') columns = outcome.columns;
      }
      return { ...state, columns, recent };
    }
    case 'changed': {
      const { change, now } = action;
      const outcome = applyBoardChange(state.columns, change, action.cardsPerStage);
      if (outcome.type === 'known') return state;
      if (outcome.type === 'unknown') return { ...state, refetches: state.refetches + 1 };
      const recent = [...state.recent.filter((entry) => entry.at > now - REPLAY_MS), { change, at: now }];
      if (change.actor.id === action.viewerId) return { ...state, columns: outcome.columns, recent };
      const label = describeChange(change, (stageId) => state.columns.find((column) => column.stage.id === stageId)?.stage.name);
      const card = outcome.left?.card ?? change.opportunity;
      const announcement = { text: label, card: card ? { humanId: card.humanId, title: card.title } : null };
      const highlights = new Map(state.highlights);
      const ghosts = state.ghosts.filter((ghost) => ghost.card.id !== change.opportunityId);
      if (outcome.left) {
        highlights.delete(change.opportunityId);
        ghosts.push({ ...outcome.left, label, until: now + HIGHLIGHT_MS });
      } else {
        highlights.set(change.opportunityId, { label, until: now + HIGHLIGHT_MS });
      }
      return { ...state, columns: outcome.columns, recent, highlights, ghosts, announcement };
    }
    case 'expire': {
      const highlights = new Map([...state.highlights].filter(([, highlight]) => highlight.until > action.now));
      const ghosts = state.ghosts.filter((ghost) => ghost.until > action.now);
      if (highlights.size === state.highlights.size && ghosts.length === state.ghosts.length) return state;
      return { ...state, highlights, ghosts };
    }
  }
}
