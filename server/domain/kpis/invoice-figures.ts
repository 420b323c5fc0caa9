import type { Family, Part } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { invoiceRowsCte } from './document-rows.ts';
import { avgDateDaysWhere, countWhere, inPeriodDay, MONTHS_CTE, monthOfDay, raw, sql, within, type Sql } from './sql.ts';
import { targetsCte } from './targets.ts';
import { dayValue, money, rate, readTotal, totalColumns } from './values.ts';

/**
 * Revenue, cash flow, invoices, top customers and products (kpis.md). Revenue is the net amount
 * of invoices that are not CANCELLED, by issue date; money owed and paid (cash flow, due and
 * overdue invoices) is the gross amount the customer pays.
 */
export const INVOICE_SETS = {
  REVENUE: () => sql`i.status <> 'CANCELLED' AND ${inPeriodDay(sql`i.issue_date`)}`,
  REVENUE_THIS_MONTH: () => sql`i.status <> 'CANCELLED' AND ${within(sql`i.issue_date`, 'p.month_from', 'p.month_to')}`,
  REVENUE_YEAR_TO_DATE: () => sql`i.status <> 'CANCELLED' AND i.issue_date >= p.year_from AND i.issue_date <= p.today`,
  INVOICES_PAID: () => sql`i.status = 'PAID' AND ${inPeriodDay(sql`i.paid_date`)}`,
  INVOICES_PAID_ON_TIME: () => sql`i.status = 'PAID' AND ${inPeriodDay(sql`i.paid_date`)} AND i.paid_date <= i.due_date`,
  INVOICES_FALLING_DUE: () => sql`i.status <> 'CANCELLED' AND ${inPeriodDay(sql`i.due_date`)}`,
  INVOICES_DUE_THIS_MONTH: () => sql`i.status = 'OPEN' AND ${within(sql`i.due_date`, 'p.month_from', 'p.month_to')}`,
  INVOICES_OVERDUE: () => sql`i.status = 'OPEN' AND i.due_date < p.today`,
  INVOICES_OPEN: () => sql`i.status = 'OPEN'`,
} satisfies Record<string, () => Sql>;

export type InvoiceSet = keyof typeof INVOICE_SETS;
/** What a record of the set contributes: net for revenue, gross for money owed and paid. */
export const INVOICE_SET_AMOUNT: Record<InvoiceSet, 'net' | 'gross'> = {
  REVENUE: 'net',
  REVENUE_THIS_MONTH: 'net',
  REVENUE_YEAR_TO_DATE: 'net',
  INVOICES_PAID: 'gross',
  INVOICES_PAID_ON_TIME: 'gross',
  INVOICES_FALLING_DUE: 'gross',
  INVOICES_DUE_THIS_MONTH: 'gross',
  INVOICES_OVERDUE: 'gross',
  INVOICES_OPEN: 'gross',
};

const set = (name: InvoiceSet) => INVOICE_SETS[name]();
const amountOf = (name: InvoiceSet) => raw(`i.${INVOICE_SET_AMOUNT[name]}`);

const total = (name: InvoiceSet): Part => ({ columns: () => totalColumns(set(name), amountOf(name)), read: (values) => readTotal(values) });
const months = () => [{ name: 'months', body: MONTHS_CTE }];

const revenueByMonth: Part = {
  ctes: (q) => [...months(), targetsCte(q)],
  select: () => sql`(
    SELECT COALESCE(json_agg(json_build_object('month', m.month, 'target', COALESCE(t.amount, 0)::text, 'actual', COALESCE(g.actual, 0)::text,
             'count', COALESCE(g.n, 0)) ORDER BY m.month), '[]'::json)
    FROM months m
    LEFT JOIN (SELECT ${monthOfDay(sql`i.issue_date`)} AS month, sum(i.net) AS actual, count(*)::int AS n FROM i CROSS JOIN p WHERE ${set('REVENUE')} GROUP BY 1) g ON g.month = m.month
    LEFT JOIN targets t ON t.month = m.month)`,
  read: (values) =>
    (values.value as Array<Record<string, any>>).map((row) => ({ month: dayValue(row.month), target: money(row.target), actual: money(row.actual), count: row.count })),
};

const monthTargetVsActual: Part = {
  ctes: (q) => [targetsCte(q)],
  select: () => sql`(
    SELECT json_build_object('month', p.month_from, 'target', COALESCE((SELECT t.amount FROM targets t WHERE t.month = p.month_from), 0)::text,
             'actual', COALESCE((SELECT sum(i.net) FROM i WHERE ${set('REVENUE_THIS_MONTH')}), 0)::text,
             'count', (SELECT count(*) FROM i WHERE ${set('REVENUE_THIS_MONTH')}))
    FROM p)`,
  read: (values) => ({ month: dayValue(values.value.month), target: money(values.value.target), actual: money(values.value.actual), count: values.value.count }),
};

const cashflowByMonth: Part = {
  ctes: months,
  select: () => sql`(
    SELECT COALESCE(json_agg(json_build_object('month', m.month, 'received', COALESCE(r.amount, 0)::text, 'receivedCount', COALESCE(r.n, 0),
             'due', COALESCE(d.amount, 0)::text, 'dueCount', COALESCE(d.n, 0)) ORDER BY m.month), '[]'::json)
    FROM months m
    LEFT JOIN (SELECT ${monthOfDay(sql`i.paid_date`)} AS month, sum(i.gross) AS amount, count(*)::int AS n FROM i CROSS JOIN p WHERE ${set('INVOICES_PAID')} GROUP BY 1) r ON r.month = m.month
    LEFT JOIN (SELECT ${monthOfDay(sql`i.due_date`)} AS month, sum(i.gross) AS amount, count(*)::int AS n FROM i CROSS JOIN p WHERE ${set('INVOICES_FALLING_DUE')} GROUP BY 1) d ON d.month = m.month)`,
  read: (values) =>
    (values.value as Array<Record<string, any>>).map((row) => ({
      month: dayValue(row.month),
      received: { count: row.receivedCount, amount: money(row.received) },
      due: { count: row.dueCount, amount: money(row.due) },
    })),
};

/** The 10 accounts with the most revenue in the period; ties by the account's name. */
export const TOP = 10;
const customersTop10: Part = {
  select: () => sql`(
    SELECT COALESCE(json_agg(json_build_object('accountId', t.account_id, 'count', t.n, 'amount', t.amount::text) ORDER BY t.amount DESC, t.name, t.account_id), '[]'::json)
    FROM (
      SELECT g.*, acc."name" AS name
      FROM (SELECT i.account_id, count(*)::int AS n, sum(i.net) AS amount FROM i CROSS JOIN p WHERE ${set('REVENUE')} GROUP BY 1) g
      JOIN "Account" acc ON acc."id" = g.account_id
      ORDER BY g.amount DESC, acc."name", g.account_id LIMIT ${TOP}
    ) t)`,
  read: (values) => (values.value as Array<Record<string, any>>).map((row) => ({ accountId: row.accountId as string, count: row.count, amount: money(row.amount) })),
};

/** Revenue per product from the invoice lines of the revenue invoices, top 10 (lines without a product are left out). */
const productsTop: Part = {
  select: () => sql`(
    SELECT COALESCE(json_agg(json_build_object('productId', t.product_id, 'count', t.n, 'amount', t.amount::text, 'quantity', t.quantity::text)
             ORDER BY t.amount DESC, t.name, t.product_id), '[]'::json)
    FROM (
      SELECT g.*, pr."name" AS name
      FROM (SELECT l."productId" AS product_id, count(DISTINCT i.id)::int AS n, sum(l."netAmount") AS amount, sum(l."quantity") AS quantity
            FROM i CROSS JOIN p JOIN "InvoiceLine" l ON l."invoiceId" = i.id
            WHERE ${set('REVENUE')} AND l."productId" IS NOT NULL GROUP BY 1) g
      JOIN "Product" pr ON pr."id" = g.product_id
      ORDER BY g.amount DESC, pr."name", g.product_id LIMIT ${TOP}
    ) t)`,
  read: (values) =>
    (values.value as Array<Record<string, any>>).map((row) => ({ productId: row.productId as string, count: row.count, amount: money(row.amount), quantity: row.quantity as string })),
};

export const invoiceFamily: Family = {
  name: 'invoices',
  ctes: (q: KpiQuery) => [invoiceRowsCte(q)],
  from: sql`i CROSS JOIN p`,
  parts: {
    revenueYear: total('REVENUE'),
    revenueMonth: total('REVENUE_THIS_MONTH'),
    revenueYearToDate: total('REVENUE_YEAR_TO_DATE'),
    revenueMonthTargetVsActual: monthTargetVsActual,
    revenueByMonth,
    cashflowByMonth,
    invoicesDueThisMonth: total('INVOICES_DUE_THIS_MONTH'),
    invoicesOverdue: total('INVOICES_OVERDUE'),
    invoicesOpen: total('INVOICES_OPEN'),
    invoicesAvgPaymentDays: {
      columns: () => ({ days: avgDateDaysWhere(sql`i.paid_date`, sql`i.issue_date`, set('INVOICES_PAID')) }),
      read: (values) => (values.days === null ? null : Number(values.days)),
    },
    invoicesOnTimeRate: {
      columns: () => ({ onTime: countWhere(set('INVOICES_PAID_ON_TIME')), paid: countWhere(set('INVOICES_PAID')) }),
      read: (values) => rate(values.onTime, values.paid),
    },
    customersTop10,
    productsTop,
  },
};
