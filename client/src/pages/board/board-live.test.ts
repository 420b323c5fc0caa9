import { describe, expect, it } from 'vitest';
import { applyBoardChange, liveBoardReducer, initialLiveBoard, HIGHLIGHT_MS, type BoardChange, type LiveCard } from './board-live.ts';
import type { CardColumn } from './board-columns.ts';

type Card = LiveCard;
type Column = CardColumn<Card>;

const card = (id: string, patch: Partial<Card> = {}): Card => ({
  id,
  humanId: `OPP-${id}`,
  title: `Deal ${id}`,
  version: 1,
  amount: '1000.00',
  weightedAmount: '100.00',
  expectedCloseDate: '2030-01-15',
  ...patch,
});

function column(stageId: string, cards: Card[], patch: Partial<Column> = {}): Column {
  const cents = (field: 'amount' | 'weightedAmount') => cards.reduce((sum, one) => sum + Math.round(Number(one[field]) * 100), 0);
  return {
    stage: { id: stageId, name: `Stage ${stageId}`, probability: 10 },
    count: cards.length,
    amount: (cents('amount') / 100).toFixed(2),
    weightedAmount: (cents('weightedAmount') / 100).toFixed(2),
    hasMoreCards: false,
    cards,
    ...patch,
  };
}

const anna = { id: 'anna', name: 'Anna Berg' };

function change(patch: Partial<BoardChange<Card>> & Pick<BoardChange<Card>, 'opportunityId'>): BoardChange<Card> {
  return { kind: 'UPDATED', version: 2, stageId: 's2', previousStageId: 's1', onBoard: true, opportunity: null, actor: anna, ...patch };
}

const summary = (columns: readonly Column[]) =>
  columns.map((one) => ({ stage: one.stage.id, count: one.count, amount: one.amount, weighted: one.weightedAmount, cards: one.cards.map((c) => c.id) }));

describe('applyBoardChange', () => {
  const board = [column('s1', [card('a'), card('b', { expectedCloseDate: '2030-03-01' })]), column('s2', [card('c', { expectedCloseDate: '2030-02-01' })])];

  it('moves a card between columns with its new amounts, in close-date order', () => {
    const moved = card('a', { version: 2, weightedAmount: '400.00', expectedCloseDate: '2030-01-15' });
    const outcome = applyBoardChange(board, change({ opportunityId: 'a', opportunity: moved }), 50);
    expect(outcome.type).toBe('applied');
    if (outcome.type !== 'applied') return;
    expect(summary(outcome.columns)).toEqual([
      { stage: 's1', count: 1, amount: '1000.00', weighted: '100.00', cards: ['b'] },
      { stage: 's2', count: 2, amount: '2000.00', weighted: '500.00', cards: ['a', 'c'] },
    ]);
    expect(outcome.left).toBeNull();
  });

  it('skips a version the board already shows (our own echo, a repeat)', () => {
    expect(applyBoardChange(board, change({ opportunityId: 'a', version: 1, opportunity: card('a') }), 50)).toEqual({ type: 'known' });
  });

  it('adds a created card and removes one that left the board', () => {
    const created = applyBoardChange(board, change({ kind: 'CREATED', opportunityId: 'n', version: 1, stageId: 's1', previousStageId: 's1', opportunity: card('n', { expectedCloseDate: '2030-02-01' }) }), 50);
    expect(created.type === 'applied' && summary(created.columns)[0]).toEqual({ stage: 's1', count: 3, amount: '3000.00', weighted: '300.00', cards: ['a', 'n', 'b'] });

    const won = applyBoardChange(board, change({ opportunityId: 'c', stageId: 's2', previousStageId: 's2', onBoard: false, opportunity: { ...card('c', { version: 2 }), status: 'WON' } }), 50);
    expect(won.type).toBe('applied');
    if (won.type !== 'applied') return;
    expect(summary(won.columns)[1]).toEqual({ stage: 's2', count: 0, amount: '0.00', weighted: '0.00', cards: [] });
    expect(won.left?.card.id).toBe('c');
    expect(won.left?.stageId).toBe('s2');
  });

  it('ignores a change of a card that was never on this board and does not arrive', () => {
    expect(applyBoardChange(board, change({ opportunityId: 'x', onBoard: false }), 50)).toEqual({ type: 'known' });
  });

  it('asks for a refetch when the card may have been behind the first page, or its stage is new', () => {
    const long = [column('s1', [card('a')], { count: 80, hasMoreCards: true }), column('s2', [])];
    expect(applyBoardChange(long, change({ opportunityId: 'hidden', opportunity: card('hidden', { version: 2 }) }), 1)).toEqual({ type: 'unknown' });
    expect(applyBoardChange(board, change({ opportunityId: 'a', stageId: 'new-stage', opportunity: card('a', { version: 2 }) }), 50)).toEqual({ type: 'unknown' });
  });

  it('keeps a long column to its first page: later cards only count, a full page drops its last', () => {
    const long = [column('s1', [card('a', { expectedCloseDate: '2030-01-01' }), card('b', { expectedCloseDate: '2030-01-02' })], { count: 9, amount: '9000.00', weightedAmount: '900.00', hasMoreCards: true }), column('s2', [])];
    const late = applyBoardChange(long, change({ kind: 'CREATED', opportunityId: 'z', version: 1, stageId: 's1', opportunity: card('z', { expectedCloseDate: '2031-01-01' }) }), 2);
    expect(late.type === 'applied' && summary(late.columns)[0]).toEqual({ stage: 's1', count: 10, amount: '10000.00', weighted: '1000.00', cards: ['a', 'b'] });
    const early = applyBoardChange(long, change({ kind: 'CREATED', opportunityId: 'e', version: 1, stageId: 's1', opportunity: card('e', { expectedCloseDate: '2029-01-01' }) }), 2);
    expect(early.type === 'applied' && summary(early.columns)[0].cards).toEqual(['e', 'a']);
  });
});

describe('liveBoardReducer', () => {
  const loaded = (columns: Column[], now = 0) =>
    liveBoardReducer(initialLiveBoard<Card, Column>(), { type: 'loaded', columns, filterKey: '{}', cardsPerStage: 50, now });
  const moveA = change({ opportunityId: 'a', opportunity: card('a', { version: 2 }) });

  it('highlights what others changed, with who did it, until the highlight expires', () => {
    const state = liveBoardReducer(loaded([column('s1', [card('a')]), column('s2', [])]), { type: 'changed', change: moveA, viewerId: 'me', cardsPerStage: 50, now: 1000 });
    const moved = { key: 'board.live.movedTo', by: 'Anna Berg', stage: 'Stage s2' };
    expect(state.highlights.get('a')?.label).toEqual(moved);
    expect(state.announcement).toEqual({ text: moved, card: { humanId: 'OPP-a', title: 'Deal a' } });
    const expired = liveBoardReducer(state, { type: 'expire', now: 1000 + HIGHLIGHT_MS + 1 });
    expect(expired.highlights.size).toBe(0);
  });

  it('does not highlight the viewer’s own changes', () => {
    const state = liveBoardReducer(loaded([column('s1', [card('a')]), column('s2', [])]), { type: 'changed', change: moveA, viewerId: 'anna', cardsPerStage: 50, now: 1000 });
    expect(summary(state.columns)[1].cards).toEqual(['a']);
    expect(state.highlights.size).toBe(0);
  });

  it('keeps a card that left as a ghost in its column for a moment', () => {
    const lost = change({ opportunityId: 'a', stageId: 's1', previousStageId: 's1', onBoard: false, opportunity: { ...card('a', { version: 2 }), status: 'LOST' } });
    const state = liveBoardReducer(loaded([column('s1', [card('a')])]), { type: 'changed', change: lost, viewerId: 'me', cardsPerStage: 50, now: 0 });
    expect(state.columns[0].cards).toEqual([]);
    expect(state.ghosts.map((ghost) => [ghost.card.id, ghost.stageId, ghost.label])).toEqual([['a', 's1', { key: 'board.live.lost', by: 'Anna Berg' }]]);
  });

  it('replays recent changes over a refetched board that was read before them', () => {
    let state = liveBoardReducer(loaded([column('s1', [card('a')]), column('s2', [])]), { type: 'changed', change: moveA, viewerId: 'me', cardsPerStage: 50, now: 1000 });
    // The refetch was answered from before the move: the move is applied again.
    state = liveBoardReducer(state, { type: 'loaded', columns: [column('s1', [card('a')]), column('s2', [])], filterKey: '{}', cardsPerStage: 50, now: 1500 });
    expect(summary(state.columns).map((one) => one.cards)).toEqual([[], ['a']]);
    // One read after the move already has it: nothing is applied twice.
    state = liveBoardReducer(state, { type: 'loaded', columns: [column('s1', []), column('s2', [card('a', { version: 2 })])], filterKey: '{}', cardsPerStage: 50, now: 2000 });
    expect(summary(state.columns).map((one) => one.count)).toEqual([0, 1]);
  });

  it('forgets the changes of another filter', () => {
    let state = liveBoardReducer(loaded([column('s1', [card('a')]), column('s2', [])]), { type: 'changed', change: moveA, viewerId: 'me', cardsPerStage: 50, now: 1000 });
    state = liveBoardReducer(state, { type: 'loaded', columns: [column('s1', [card('a')]), column('s2', [])], filterKey: '{"q":"x"}', cardsPerStage: 50, now: 1500 });
    expect(summary(state.columns).map((one) => one.cards)).toEqual([['a'], []]);
    expect(state.recent).toEqual([]);
  });

  it('counts the changes that need a refetch', () => {
    const state = liveBoardReducer(loaded([column('s1', [card('a')], { count: 60, hasMoreCards: true }), column('s2', [])]), {
      type: 'changed',
      change: change({ opportunityId: 'behind', opportunity: card('behind', { version: 2 }) }),
      viewerId: 'me',
      cardsPerStage: 50,
      now: 0,
    });
    expect(state.refetches).toBe(1);
  });
});
