import { fromCents, toCents, weightedCents } from '../../components/opportunity/money.ts';

/** What the optimistic move needs to know of a card and a column. */
export interface MovableCard {
  id: string;
  amount: string;
  probability: number;
  weightedAmount: string;
  expectedCloseDate: string;
}

export interface MovableColumn<Card extends MovableCard> {
  stage: { id: string; probability: number };
  count: number;
  amount: string;
  weightedAmount: string;
  cards: Card[];
}

export interface PendingMove {
  opportunityId: string;
  toStageId: string;
}

/**
 * The board as it will be once the moves are saved: each moved card leaves its column and joins
 * the target one (closing first on top, as the server orders them) with the target stage's
 * probability, and both columns' count, amount and weighted amount follow. Pure, so the board
 * can show a move at once and simply drop it again when the server refuses.
 */
export function applyMoves<Card extends MovableCard, Column extends MovableColumn<Card>>(
  columns: readonly Column[],
  moves: readonly PendingMove[],
): Column[] {
  let result = [...columns];
  for (const move of moves) {
    const fromIndex = result.findIndex((column) => column.cards.some((card) => card.id === move.opportunityId));
    const toIndex = result.findIndex((column) => column.stage.id === move.toStageId);
    if (fromIndex === -1 || toIndex === -1 || fromIndex === toIndex) continue;
    const from = result[fromIndex];
    const to = result[toIndex];
    const card = from.cards.find((candidate) => candidate.id === move.opportunityId)!;
    const amount = toCents(card.amount);
    const oldWeighted = toCents(card.weightedAmount);
    const newWeighted = weightedCents(amount, to.stage.probability);
    const moved: Card = { ...card, probability: to.stage.probability, weightedAmount: fromCents(newWeighted) };

    result = result.map((column, index) => {
      if (index === fromIndex) {
        return {
          ...from,
          count: Math.max(0, from.count - 1),
          amount: fromCents(toCents(from.amount) - amount),
          weightedAmount: fromCents(toCents(from.weightedAmount) - oldWeighted),
          cards: from.cards.filter((candidate) => candidate.id !== card.id),
        };
      }
      if (index === toIndex) {
        return {
          ...to,
          count: to.count + 1,
          amount: fromCents(toCents(to.amount) + amount),
          weightedAmount: fromCents(toCents(to.weightedAmount) + newWeighted),
          cards: insertByCloseDate(to.cards, moved),
        };
      }
      return column;
    });
  }
  return result;
}

function insertByCloseDate<Card extends MovableCard>(cards: readonly Card[], card: Card): Card[] {
  const index = cards.findIndex((other) => other.expectedCloseDate > card.expectedCloseDate);
  return index === -1 ? [...cards, card] : [...cards.slice(0, index), card, ...cards.slice(index)];
}
