import type { Family, Part } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { orderRowsCte, quoteRowsCte } from './document-rows.ts';
import { avgDateDaysWhere, avgDaysWhere, countWhere, inPeriodDay, inPeriodTs, MONTHS_CTE, monthOfDay, sql, type Sql } from './sql.ts';
import { dayValue, money, rate, readTotal, totalColumns } from './values.ts';

/** Quotes (kpis.md): amounts are net, like revenue. */
export const QUOTE_SETS = {
  QUOTES_CREATED: () => sql`${inPeriodTs(sql`qu.created_at`)}`,
  QUOTES_OPEN: () => sql`qu.status IN ('DRAFT', 'SENT')`,
  /** Accepted, rejected or expired in the period (acceptance rate's denominator, runtime). */
  QUOTES_DECIDED: () => sql`qu.status IN ('ACCEPTED', 'REJECTED', 'EXPIRED') AND ${inPeriodTs(sql`qu.decided_at`)}`,
  QUOTES_ACCEPTED: () => sql`qu.status = 'ACCEPTED' AND ${inPeriodTs(sql`qu.decided_at`)}`,
  QUOTES_SENT: () => sql`${inPeriodTs(sql`qu.sent_at`)}`,
  /** Sent in the period, and their opportunity has been WON (quotes.conversionRate). */
  QUOTES_SENT_WON: () =>
    sql`${inPeriodTs(sql`qu.sent_at`)} AND EXISTS (SELECT 1 FROM "Opportunity" won WHERE won."id" = qu.opportunity_id AND won."status" = 'WON')`,
} satisfies Record<string, () => Sql>;
export type QuoteSet = keyof typeof QUOTE_SETS;

/** Orders dated in the period that are not CANCELLED (orders.volume, orders.total). */
export const ORDER_SETS = {
  ORDERS: () => sql`od.status <> 'CANCELLED' AND ${inPeriodDay(sql`od.order_date`)}`,
  ORDERS_DELIVERED: () => sql`od.status = 'DELIVERED' AND ${inPeriodDay(sql`od.delivery_date`)}`,
  ORDERS_OPEN: () => sql`od.status = 'OPEN'`,
} satisfies Record<string, () => Sql>;
export type OrderSet = keyof typeof ORDER_SETS;

const quote = (name: QuoteSet) => QUOTE_SETS[name]();
const order = (name: OrderSet) => ORDER_SETS[name]();
const quoteTotal = (name: QuoteSet): Part => ({ columns: () => totalColumns(quote(name), sql`qu.net`), read: (values) => readTotal(values) });
const orderTotal = (name: OrderSet): Part => ({ columns: () => totalColumns(order(name), sql`od.net`), read: (values) => readTotal(values) });
const days = (values: Record<string, any>) => (values.days === null ? null : Number(values.days));

/** An average amount over a set: its sum / its count, null without records. */
const averageAmount = (condition: () => Sql, amount: Sql): Part => ({
  columns: () => totalColumns(condition(), amount),
  read: (values) => {
    const { count, amount: sum } = readTotal(values);
    return count === 0 ? null : money(sum.dividedBy(count));
  },
});

export const quoteFamily: Family = {
  name: 'quotes',
  ctes: (q: KpiQuery) => [quoteRowsCte(q)],
  from: sql`qu CROSS JOIN p`,
  parts: {
    quotesVolume: quoteTotal('QUOTES_CREATED'),
    quotesOpen: quoteTotal('QUOTES_OPEN'),
    quotesAcceptanceRate: {
      columns: () => ({ accepted: countWhere(quote('QUOTES_ACCEPTED')), decided: countWhere(quote('QUOTES_DECIDED')) }),
      read: (values) => rate(values.accepted, values.decided),
    },
    quotesAvgRuntimeDays: { columns: () => ({ days: avgDaysWhere(sql`qu.decided_at`, sql`qu.created_at`, quote('QUOTES_DECIDED')) }), read: days },
    quotesAvgAmount: averageAmount(() => quote('QUOTES_CREATED'), sql`qu.net`),
    quotesSent: quoteTotal('QUOTES_SENT'),
    quotesConversionRate: {
      columns: () => ({ won: countWhere(quote('QUOTES_SENT_WON')), sent: countWhere(quote('QUOTES_SENT')) }),
      read: (values) => rate(values.won, values.sent),
    },
  },
};

export const orderFamily: Family = {
  name: 'orders',
  ctes: (q: KpiQuery) => [orderRowsCte(q)],
  from: sql`od CROSS JOIN p`,
  parts: {
    ordersVolume: orderTotal('ORDERS'),
    ordersAvgAmount: averageAmount(() => order('ORDERS'), sql`od.net`),
    ordersAvgDeliveryDays: {
      columns: () => ({ days: avgDateDaysWhere(sql`od.delivery_date`, sql`od.order_date`, order('ORDERS_DELIVERED')) }),
      read: days,
    },
    ordersIntake: {
      ctes: () => [{ name: 'months', body: MONTHS_CTE }],
      select: () => sql`(
        SELECT COALESCE(json_agg(json_build_object('month', m.month, 'count', COALESCE(g.n, 0), 'amount', COALESCE(g.amount, 0)::text) ORDER BY m.month), '[]'::json)
        FROM months m
        LEFT JOIN (SELECT ${monthOfDay(sql`od.order_date`)} AS month, count(*)::int AS n, sum(od.net) AS amount FROM od CROSS JOIN p WHERE ${order('ORDERS')} GROUP BY 1) g
          ON g.month = m.month)`,
      read: (values) => (values.value as Array<Record<string, any>>).map((row) => ({ month: dayValue(row.month), count: row.count, amount: money(row.amount) })),
    },
    ordersOpen: orderTotal('ORDERS_OPEN'),
  },
};
