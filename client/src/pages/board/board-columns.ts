import { fromCents, toCents } from '../../components/opportunity/money.ts';

/** What the board must know of a card to place it and to keep its column's totals. */
export interface PlacedCard {
  id: string;
  amount: string;
  weightedAmount: string;
  expectedCloseDate: string;
}

/** A stage's column as the board query returns it: totals over all its cards, the first page of them. */
export interface CardColumn<Card extends PlacedCard> {
  stage: { id: string; name: string; probability: number };
  count: number;
  amount: string;
  weightedAmount: string;
  hasMoreCards?: boolean;
  cards: Card[];
}

/** The column without this card (which it shows): count, amount and weighted amount follow. */
export function withoutCard<Card extends PlacedCard, Column extends CardColumn<Card>>(column: Column, card: Card): Column {
  return {
    ...column,
    count: Math.max(0, column.count - 1),
    amount: fromCents(toCents(column.amount) - toCents(card.amount)),
    weightedAmount: fromCents(toCents(column.weightedAmount) - toCents(card.weightedAmount)),
    cards: column.cards.filter((candidate) => candidate.id !== card.id),
  };
}

/**
 * The column with this card added, closing first on top as the server orders them. With
 * `cardsPerStage`, the column stays the server's first page: a card that sorts behind the last
 * one shown of a longer column only counts, and a full page pushes its last card out.
 */
export function withCard<Card extends PlacedCard, Column extends CardColumn<Card>>(column: Column, card: Card, cardsPerStage?: number): Column {
  const totals = {
    count: column.count + 1,
    amount: fromCents(toCents(column.amount) + toCents(card.amount)),
    weightedAmount: fromCents(toCents(column.weightedAmount) + toCents(card.weightedAmount)),
  };
  const last = column.cards.at(-1);
  if (cardsPerStage !== undefined && column.hasMoreCards && last && card.expectedCloseDate > last.expectedCloseDate) {
    return { ...column, ...totals };
  }
  const cards = insertByCloseDate(column.cards, card);
  if (cardsPerStage !== undefined && cards.length > cardsPerStage) {
    return { ...column, ...totals, cards: cards.slice(0, cardsPerStage), hasMoreCards: true };
  }
  return { ...column, ...totals, cards };
}

function insertByCloseDate<Card extends PlacedCard>(cards: readonly Card[], card: Card): Card[] {
  const index = cards.findIndex((other) => other.expectedCloseDate > card.expectedCloseDate);
  return index === -1 ? [...cards, card] : [...cards.slice(0, index), card, ...cards.slice(index)];
}

/** Where the board shows this card, if it does. */
export function findCard<Card extends PlacedCard>(columns: readonly CardColumn<Card>[], id: string) {
  for (let index = 0; index < columns.length; index += 1) {
    const card = columns[index].cards.find((candidate) => candidate.id === id);
    if (card) return { index, card };
  }
  return null;
}
