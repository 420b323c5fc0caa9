import { fromCents, toCents, weightedCents } from '../../components/opportunity/money.ts';
import { findCard, withCard, withoutCard, type CardColumn, type PlacedCard } from './board-columns.ts';

/** What the optimistic move needs to know of a card. */
export interface MovableCard extends PlacedCard {
  probability: number;
}

export interface PendingMove {
  opportunityId: string;
  toStageId: string;
}

/**
 * The board as it will be once the moves are saved: each moved card leaves its column and joins
 * the target one with the target stage's probability, and both columns' count, amount and
 * weighted amount follow. Pure, so the board can show a move at once and simply drop it again
 * when the server refuses.
 */
export function applyMoves<Card extends MovableCard, Column extends CardColumn<Card>>(
  columns: readonly Column[],
  moves: readonly PendingMove[],
): Column[] {
  let result = [...columns];
  for (const move of moves) {
    const from = findCard(result, move.opportunityId);
    const toIndex = result.findIndex((column) => column.stage.id === move.toStageId);
    if (!from || toIndex === -1 || from.index === toIndex) continue;
    const probability = result[toIndex].stage.probability;
    const moved: Card = {
      ...from.card,
      probability,
      weightedAmount: fromCents(weightedCents(toCents(from.card.amount), probability)),
    };
    result = result.map((column, index) => {
      if (index === from.index) return withoutCard(column, from.card);
      // The card just dragged stays in sight, even behind the first page of a long column.
      if (index === toIndex) return withCard(column, moved);
      return column;
    });
  }
  return result;
}
