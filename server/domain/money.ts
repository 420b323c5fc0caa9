import { Prisma } from '../generated/prisma/client.ts';

/** Money is EUR with two decimals, computed exactly (decimal.js via Prisma.Decimal), rounded half-up. */
export type Money = Prisma.Decimal;
export const Decimal = Prisma.Decimal;
/** Anything decimal.js accepts: a Decimal, a number or a numeric string. */
export type DecimalValue = Prisma.Decimal | number | string;

export const ZERO = new Decimal(0);

export function roundMoney(value: DecimalValue): Money {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Weighted amount = amount x probability / 100. */
export function weightedAmount(amount: DecimalValue, probability: number): Money {
  return roundMoney(new Decimal(amount).times(probability).dividedBy(100));
}

/** quantity x unit price - discount %. */
export function lineTotal(line: { quantity: DecimalValue; unitPrice: DecimalValue; discountPercent: DecimalValue }): Money {
  const gross = new Decimal(line.quantity).times(line.unitPrice);
  return roundMoney(gross.minus(gross.times(line.discountPercent).dividedBy(100)));
}

export function sumMoney(values: DecimalValue[]): Money {
  return roundMoney(values.reduce<Prisma.Decimal>((sum, value) => sum.plus(value), ZERO));
}
