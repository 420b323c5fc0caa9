import type { PrismaClient } from '../../generated/prisma/client.ts';
import { ValidationError } from '../errors.ts';
import type { Money } from '../money.ts';
import { ACTIVITY_SETS, ACTIVITY_TYPES, type ActivitySet } from './activity-figures.ts';
import { CUSTOMER_SETS, customerRowsCtes, type CustomerSet } from './customer-figures.ts';
import { activityRowsCte, invoiceRowsCte, orderRowsCte, quoteRowsCte } from './document-rows.ts';
import { buildDrillStatement, decodeDrillCursor, encodeDrillCursor, type DrillSpec } from './drill-statement.ts';
import { funnelCtes } from './funnel.ts';
import { INVOICE_SET_AMOUNT, INVOICE_SETS, type InvoiceSet } from './invoice-figures.ts';
import type { KpiQuery } from './kpi-query.ts';
import { opportunityRowsCte } from './opportunity-rows.ts';
import { OPPORTUNITY_SET_DAYS, OPPORTUNITY_SETS, PRESENT_ONLY_SETS, type OpportunitySet } from './opportunity-sets.ts';
import { ORDER_SETS, QUOTE_SETS, type OrderSet, type QuoteSet } from './quote-order-figures.ts';
import { and, raw, sql, type Sql } from './sql.ts';
import { ownedRevenueCte } from './team-figures.ts';
import { money, optionalNumber } from './values.ts';

/**
 * Drill-down: the records behind a figure, with the same period, scope (and asOf) as the figure
 * and the same set definition, paged by a cursor. A grouped figure's item narrows the set with
 * `group` (a stage, loss reason, status, activity type, account or product) or with the scope and
 * period (an owner, a team, a pipeline, a month). Each row carries what it adds to the figure.
 */
export const DRILL_FIGURES = {
  OPPORTUNITY: [...(Object.keys(OPPORTUNITY_SETS) as OpportunitySet[]), 'FUNNEL_ENTERED', 'FUNNEL_ADVANCED'] as const,
  ACTIVITY: Object.keys(ACTIVITY_SETS) as ActivitySet[],
  INVOICE: [...(Object.keys(INVOICE_SETS) as InvoiceSet[]), 'OWNED_REVENUE'] as const,
  QUOTE: Object.keys(QUOTE_SETS) as QuoteSet[],
  ORDER: Object.keys(ORDER_SETS) as OrderSet[],
  ACCOUNT: Object.keys(CUSTOMER_SETS) as CustomerSet[],
  CONTACT: (Object.keys(CUSTOMER_SETS) as CustomerSet[]).filter((name) => CUSTOMER_SETS[name].contact !== null),
};
export type DrillKind = keyof typeof DRILL_FIGURES;

export interface DrillGroup {
  stageId?: string | null;
  lossReasonId?: string | null;
  /** Lost opportunities without a loss reason (the "no reason" row of lossReasons). */
  noLossReason?: boolean | null;
  status?: 'OPEN' | 'WON' | 'LOST' | null;
  activityType?: (typeof ACTIVITY_TYPES)[number] | null;
  accountId?: string | null;
  productId?: string | null;
}

export interface DrillRow {
  id: string;
  cursor: string;
  /** The record's amount as the figure sums it (weighted or not, net or gross); null for activities, accounts and contacts. */
  amount: Money | null;
  weightedAmount: Money | null;
  /** Its share of a duration figure, in days. */
  days: number | null;
}

export interface DrillPage {
  rows: DrillRow[];
  totalCount: number;
  hasNextPage: boolean;
}

const GROUPS_OF: Record<DrillKind, Array<keyof DrillGroup>> = {
  OPPORTUNITY: ['stageId', 'lossReasonId', 'noLossReason', 'status'],
  ACTIVITY: ['activityType'],
  INVOICE: ['accountId', 'productId'],
  QUOTE: [],
  ORDER: [],
  ACCOUNT: [],
  CONTACT: [],
};

export async function drillDown(
  prisma: PrismaClient,
  q: KpiQuery,
  kind: DrillKind,
  figure: string,
  group: DrillGroup,
  page: { first: number; after?: string | null },
): Promise<DrillPage> {
  if (!(DRILL_FIGURES[kind] as readonly string[]).includes(figure)) throw ValidationError.field('figure', 'INVALID_VALUE', `Not a figure of ${kind.toLowerCase()}s.`);
  // noLossReason: false narrows nothing, so it is not a grouping either.
  const given = (Object.keys(group) as Array<keyof DrillGroup>).filter((key) => group[key] !== null && group[key] !== undefined && group[key] !== false);
  const misplaced = given.find((key) => !GROUPS_OF[kind].includes(key));
  if (misplaced) throw ValidationError.field(`group.${misplaced}`, 'NOT_APPLICABLE', `${kind.toLowerCase()} records are not grouped by ${misplaced}.`);
  if (q.asOf && (kind !== 'OPPORTUNITY' || PRESENT_ONLY_SETS.has(figure as OpportunitySet))) {
    throw ValidationError.field('asOf', 'NOT_SUPPORTED', 'Only opportunity figures can be reconstructed as of a past moment.');
  }
  const spec = specFor(q, kind, figure, group);
  const after = page.after ? decodeDrillCursor(page.after, spec.sortType) : null;
  const rows = await prisma.$queryRaw<Array<Record<string, any>>>(buildDrillStatement(q, spec, page.first + 1, after));
  const records = rows.filter((row) => row.id !== null);
  return {
    rows: records.slice(0, page.first).map((row) => ({
      id: row.id,
      cursor: encodeDrillCursor(row.sort_key, row.id),
      amount: row.amount === null || row.amount === undefined ? null : money(row.amount),
      weightedAmount: row.weighted === null || row.weighted === undefined ? null : money(row.weighted),
      days: optionalNumber(row.days),
    })),
    totalCount: Number(rows[0]?.total ?? 0),
    hasNextPage: records.length > page.first,
  };
}

const eq = (column: string, value: string, type: string) => sql`${raw(column)} = ${value}::${raw(type)}`;

function specFor(q: KpiQuery, kind: DrillKind, figure: string, group: DrillGroup): DrillSpec {
  switch (kind) {
    case 'OPPORTUNITY': {
      const name = figure as OpportunitySet | 'FUNNEL_ENTERED' | 'FUNNEL_ADVANCED';
      const funnel = name === 'FUNNEL_ENTERED' || name === 'FUNNEL_ADVANCED';
      const conditions: Sql[] = [];
      if (funnel) {
        conditions.push(sql`EXISTS (SELECT 1 FROM funnel_entries fe WHERE fe.id = o.id
          ${group.stageId ? sql`AND fe.stage_id = ${group.stageId}::uuid` : sql``} ${name === 'FUNNEL_ADVANCED' ? sql`AND fe.advanced` : sql``})`);
      } else {
        conditions.push(OPPORTUNITY_SETS[name](q));
        if (group.stageId) conditions.push(eq('o.stage_id', group.stageId, 'uuid'));
      }
      if (group.lossReasonId && group.noLossReason) throw ValidationError.field('group.noLossReason', 'INVALID_VALUE', 'Give a loss reason or noLossReason, not both.');
      if (group.lossReasonId) conditions.push(eq('o.loss_reason_id', group.lossReasonId, 'uuid'));
      if (group.noLossReason) conditions.push(sql`o.loss_reason_id IS NULL`);
      if (group.status) conditions.push(eq('o.status', group.status, '"OpportunityStatus"'));
      return {
        ctes: [opportunityRowsCte(q), ...(funnel ? funnelCtes(q) : [])],
        from: sql`o CROSS JOIN p`,
        id: sql`o.id`,
        condition: and(...conditions),
        amount: sql`o.amount`,
        weighted: sql`o.weighted`,
        days: funnel ? null : (OPPORTUNITY_SET_DAYS[name] ?? null),
        sortKey: sql`o.amount`,
        sortType: 'numeric',
        descending: true,
      };
    }
    case 'ACTIVITY': {
      const conditions = [ACTIVITY_SETS[figure as ActivitySet]()];
      if (group.activityType) conditions.push(eq('a.type', group.activityType, '"ActivityType"'));
      // Due first, overdue on top; undated ones last.
      return { ctes: [activityRowsCte(q)], from: sql`a CROSS JOIN p`, id: sql`a.id`, condition: and(...conditions), amount: null, weighted: null, days: null,
        sortKey: sql`COALESCE(a.due_at, 'infinity'::timestamptz)`, sortType: 'timestamptz', descending: false };
    }
    case 'INVOICE': {
      const owned = figure === 'OWNED_REVENUE';
      const alias = owned ? 'r' : 'i';
      const conditions = [owned ? sql`TRUE` : INVOICE_SETS[figure as InvoiceSet]()];
      let amount = owned ? sql`r.net` : raw(`i.${INVOICE_SET_AMOUNT[figure as InvoiceSet]}`);
      if (group.accountId) conditions.push(eq(owned ? 'r.account_id' : 'i.account_id', group.accountId, 'uuid'));
      if (group.productId) {
        const lines = sql`(SELECT sum(l."netAmount") FROM "InvoiceLine" l WHERE l."invoiceId" = ${raw(alias)}.id AND l."productId" = ${group.productId}::uuid)`;
        conditions.push(sql`${lines} IS NOT NULL`);
        amount = lines;
      }
      return { ctes: [owned ? ownedRevenueCte(q) : invoiceRowsCte(q)], from: sql`${raw(alias)} CROSS JOIN p`, id: raw(`${alias}.id`), condition: and(...conditions),
        amount, weighted: null, days: figure === 'INVOICES_PAID' ? sql`i.paid_date - i.issue_date` : null, sortKey: amount, sortType: 'numeric', descending: true };
    }
    case 'QUOTE':
      return { ctes: [quoteRowsCte(q)], from: sql`qu CROSS JOIN p`, id: sql`qu.id`, condition: QUOTE_SETS[figure as QuoteSet](), amount: sql`qu.net`, weighted: null,
        days: figure === 'QUOTES_DECIDED' ? sql`extract(epoch FROM qu.decided_at - qu.created_at) / 86400` : null, sortKey: sql`qu.net`, sortType: 'numeric', descending: true };
    case 'ORDER':
      return { ctes: [orderRowsCte(q)], from: sql`od CROSS JOIN p`, id: sql`od.id`, condition: ORDER_SETS[figure as OrderSet](), amount: sql`od.net`, weighted: null,
        days: figure === 'ORDERS_DELIVERED' ? sql`od.delivery_date - od.order_date` : null, sortKey: sql`od.net`, sortType: 'numeric', descending: true };
    case 'ACCOUNT':
    case 'CONTACT': {
      const sets = CUSTOMER_SETS[figure as CustomerSet];
      const alias = kind === 'ACCOUNT' ? 'ac' : 'co';
      const condition = kind === 'ACCOUNT' ? sets.account(q) : sets.contact!(q);
      return { ctes: customerRowsCtes(q), from: sql`${raw(alias)} CROSS JOIN p`, id: raw(`${alias}.id`), condition, amount: null, weighted: null, days: null,
        sortKey: raw(`${alias}.name`), sortType: 'text', descending: false };
    }
  }
}
