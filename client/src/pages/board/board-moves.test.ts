import { describe, expect, it } from 'vitest';
import { applyMoves, type MovableCard } from './board-moves.ts';
import type { CardColumn } from './board-columns.ts';

const card = (id: string, amount: string, probability: number, expectedCloseDate: string): MovableCard => ({
  id,
  amount,
  probability,
  weightedAmount: ((Number(amount) * probability) / 100).toFixed(2),
  expectedCloseDate,
});

describe('applyMoves', () => {
  const columns: CardColumn<MovableCard>[] = [
    { stage: { id: 's1', name: 'Erstkontakt', probability: 10 }, count: 2, amount: '1500.55', weightedAmount: '150.06', cards: [card('a', '1000.55', 10, '2030-01-01'), card('b', '500.00', 10, '2030-02-01')] },
    { stage: { id: 's2', name: 'Angebot', probability: 35 }, count: 1, amount: '200.00', weightedAmount: '70.00', hasMoreCards: true, cards: [card('c', '200.00', 35, '2030-01-10')] },
  ];

  it('moves the card with the target probability and exact column totals', () => {
    const [from, to] = applyMoves(columns, [{ opportunityId: 'a', toStageId: 's2' }]);
    expect(from).toMatchObject({ count: 1, amount: '500.00', weightedAmount: '50.00', cards: [{ id: 'b' }] });
    // 1000.55 x 35 % = 350.1925, rounded half-up to 350.19.
    expect(to).toMatchObject({ count: 2, amount: '1200.55', weightedAmount: '420.19' });
    expect(to.cards.map((one) => [one.id, one.probability, one.weightedAmount])).toEqual([
      ['a', 35, '350.19'],
      ['c', 35, '70.00'],
    ]);
  });

  it('shows a dragged card even in a column longer than its first page', () => {
    const [, to] = applyMoves(columns, [{ opportunityId: 'b', toStageId: 's2' }]);
    expect(to.cards.map((one) => one.id)).toEqual(['c', 'b']);
  });

  it('ignores moves of unknown cards, to unknown stages and to the same stage', () => {
    const moves = [
      { opportunityId: 'x', toStageId: 's2' },
      { opportunityId: 'a', toStageId: 'nowhere' },
      { opportunityId: 'a', toStageId: 's1' },
    ];
    expect(applyMoves(columns, moves)).toEqual(columns);
  });
});
