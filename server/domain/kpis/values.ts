import { Decimal, roundMoney, type Money } from '../money.ts';
import { countWhere, sql, sumWhere, type Sql } from './sql.ts';

/** A figure that counts records and sums an amount of them (the records open as its drill-down). */
export interface KpiTotal {
  count: number;
  amount: Money;
}

/** Aggregate columns `count` and `amount` of the rows matching `condition`. */
export const totalColumns = (condition: Sql, amount: Sql, prefix = ''): Record<string, Sql> => ({
  [`${prefix}count`]: countWhere(condition),
  [`${prefix}amount`]: sumWhere(amount, condition),
});

export const readTotal = (values: Record<string, any>, prefix = ''): KpiTotal => ({
  count: Number(values[`${prefix}count`] ?? 0),
  amount: money(values[`${prefix}amount`]),
});

export const money = (value: unknown): Money => roundMoney(new Decimal((value as string | number | null) ?? 0));

/** kpis.md: a rate is a fraction in [0, 1], null when its denominator is 0. */
export const rate = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/** An average over no rows is null, never 0. */
export const optionalNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** JSON `YYYY-MM-DD` (a month's first day, a date) as the Date scalar's UTC midnight. */
export const dayValue = (value: string) => new Date(`${value.slice(0, 10)}T00:00:00.000Z`);

/** `count`/`amount`/`weighted` of a JSON row. */
export const jsonTotals = (row: Record<string, any>) => ({
  count: Number(row.count ?? 0),
  amount: money(row.amount),
  ...(row.weighted !== undefined ? { weightedAmount: money(row.weighted) } : {}),
});

/** JSON fields `count` and `amount` of a grouped subquery's rows. */
export const countAmountFields = (count: Sql, amount: Sql) => sql`'count', ${count}, 'amount', ${amount}::text`;
