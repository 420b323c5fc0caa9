import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { ValidationError } from '../../domain/errors.ts';
import { DRILL_FIGURES, drillDown, type DrillGroup, type DrillKind, type DrillRow } from '../../domain/kpis/drill-down.ts';
import { AccountRef } from '../account.ts';
import { ActivityRef } from '../activity.ts';
import { ActivityTypeEnum } from '../activity-type.ts';
import { InvoiceRef } from '../billing/invoice.ts';
import { OrderRef } from '../billing/order.ts';
import { QuoteRef } from '../billing/quote.ts';
import { ContactRef } from '../contact.ts';
import { decodeOptionalFilterId } from '../ids.ts';
import { OpportunityRef, OpportunityStatusEnum } from '../opportunity.ts';
import { KpiPeriodInput, KpiScopeInput, resolveKpiQuery } from './kpi-inputs.ts';

/**
 * Drill-down (kpis.md: every figure opens the records behind it): one query per kind of record,
 * taking the figure, the figure's period, scope (and asOf) and a group to narrow a grouped figure
 * to one of its items. A page costs two statements: the set's ids in order, and the records.
 */
const MAX_PAGE = 100;
const DEFAULT_PAGE = 20;

const KpiGroupInput = builder.inputType('KpiGroupInput', {
  description: 'One item of a grouped figure (byStage, lossReasons, byStatus, byType, top10, products.top).',
  fields: (t) => ({
    stageId: t.id({ description: 'Opportunities in (for FUNNEL_*: that entered) this stage.' }),
    lossReasonId: t.id({ description: 'Opportunities lost for this reason.' }),
    noLossReason: t.boolean({ description: 'Opportunities lost without a reason (the lossReasons row whose lossReason is null).' }),
    status: t.field({ type: OpportunityStatusEnum, description: 'Opportunities of this status (OPPORTUNITIES_BY_STATUS).' }),
    activityType: t.field({ type: ActivityTypeEnum }),
    accountId: t.id({ description: 'Invoices of this account (customers.top10).' }),
    productId: t.id({ description: 'Invoices with lines of this product; the edge amount is their net (products.top).' }),
  }),
});

const KINDS = {
  OPPORTUNITY: { field: 'kpiOpportunities', ref: OpportunityRef, model: 'opportunity', typeName: 'Opportunity', enumName: 'KpiOpportunityFigure' },
  ACTIVITY: { field: 'kpiActivities', ref: ActivityRef, model: 'activity', typeName: 'Activity', enumName: 'KpiActivityFigure' },
  INVOICE: { field: 'kpiInvoices', ref: InvoiceRef, model: 'invoice', typeName: 'Invoice', enumName: 'KpiInvoiceFigure' },
  QUOTE: { field: 'kpiQuotes', ref: QuoteRef, model: 'quote', typeName: 'Quote', enumName: 'KpiQuoteFigure' },
  ORDER: { field: 'kpiOrders', ref: OrderRef, model: 'order', typeName: 'Order', enumName: 'KpiOrderFigure' },
  ACCOUNT: { field: 'kpiAccounts', ref: AccountRef, model: 'account', typeName: 'Account', enumName: 'KpiAccountFigure' },
  CONTACT: { field: 'kpiContacts', ref: ContactRef, model: 'contact', typeName: 'Contact', enumName: 'KpiContactFigure' },
} as const;

export function decodeGroup(group: typeof KpiGroupInput.$inferInput | null | undefined): DrillGroup {
  if (!group) return {};
  return {
    stageId: decodeOptionalFilterId(group.stageId, 'Stage', 'group.stageId'),
    lossReasonId: decodeOptionalFilterId(group.lossReasonId, 'LossReason', 'group.lossReasonId'),
    noLossReason: group.noLossReason,
    status: group.status,
    activityType: group.activityType,
    accountId: decodeOptionalFilterId(group.accountId, 'Account', 'group.accountId'),
    productId: decodeOptionalFilterId(group.productId, 'Product', 'group.productId'),
  };
}

function pageSize(args: { first?: number | null; last?: number | null; before?: string | null }) {
  if (args.last != null || args.before != null) throw ValidationError.field('last', 'NOT_SUPPORTED', 'Page forwards with first and after.');
  const first = args.first ?? DEFAULT_PAGE;
  if (first < 1 || first > MAX_PAGE) {
    throw new ValidationError([{ field: 'first', reason: first < 1 ? 'TOO_SMALL' : 'TOO_LARGE', message: `Between 1 and ${MAX_PAGE}.`, limit: first < 1 ? 1 : MAX_PAGE }]);
  }
  return first;
}

interface Edge {
  cursor: string;
  node: unknown;
  row: DrillRow;
}

async function resolvePage(kind: DrillKind, args: Record<string, any>, context: Context, info: GraphQLResolveInfo) {
  const first = pageSize(args);
  const query = await resolveKpiQuery(context, args.period, args.scope, args.asOf);
  const page = await drillDown(context.prisma, query, kind, args.figure, decodeGroup(args.group), { first, after: args.after });
  const { model, typeName } = KINDS[kind];
  const select = queryFromInfo({ context, info, typeName, path: ['edges', 'node'] });
  const ids = page.rows.map((row) => row.id);
  const delegate = context.prisma[model] as unknown as { findMany(args: object): Promise<Array<{ id: string }>> };
  const records = ids.length ? new Map((await delegate.findMany({ ...select, where: { id: { in: ids } } })).map((record) => [record.id, record])) : new Map();
  const edges: Edge[] = page.rows.flatMap((row) => (records.has(row.id) ? [{ cursor: row.cursor, node: records.get(row.id), row }] : []));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(args.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

for (const kind of Object.keys(KINDS) as DrillKind[]) {
  const { field, ref, enumName, typeName } = KINDS[kind];
  const figureEnum = builder.enumType(enumName, {
    description: `The figures whose records are ${typeName.toLowerCase()}s (see the figures' descriptions).`,
    values: DRILL_FIGURES[kind] as readonly string[],
  });
  builder.queryField(field, (t) =>
    t.connection(
      {
        type: ref as never,
        authScopes: { sales: true },
        description: `The ${typeName.toLowerCase()}s behind a key figure: the same set, period, scope${kind === 'OPPORTUNITY' ? ' and asOf' : ''} as the figure, largest contribution first${kind === 'ACTIVITY' ? ' (activities: by due time, overdue first)' : kind === 'ACCOUNT' || kind === 'CONTACT' ? ' (by name)' : ''}. Two statements per page.`,
        args: {
          figure: t.arg({ type: figureEnum, required: true }),
          period: t.arg({ type: KpiPeriodInput }),
          scope: t.arg({ type: KpiScopeInput }),
          ...(kind === 'OPPORTUNITY' ? { asOf: t.arg({ type: 'DateTime', description: 'As in kpis { deals(asOf:) }.' }) } : {}),
          group: t.arg({ type: KpiGroupInput }),
        },
        resolve: (_root, args, context, info) => resolvePage(kind, args as Record<string, any>, context, info) as never,
      },
      {
        name: `Kpi${typeName}Connection`,
        fields: (connection) => ({
          totalCount: connection.int({ description: 'How many records the figure counts.', resolve: (parent) => (parent as unknown as { totalCount: number }).totalCount }),
        }),
      },
      {
        name: `Kpi${typeName}Edge`,
        fields: (edge) => ({
          amount: edge.field({
            type: 'Decimal',
            nullable: true,
            description: 'What the record adds to the figure\'s amount (as of the figure\'s moment; net or gross as the figure sums).',
            resolve: (parent) => (parent as unknown as Edge).row.amount,
          }),
          weightedAmount: edge.field({ type: 'Decimal', nullable: true, resolve: (parent) => (parent as unknown as Edge).row.weightedAmount }),
          days: edge.float({ nullable: true, description: 'Its share of a duration figure, in days.', resolve: (parent) => (parent as unknown as Edge).row.days }),
        }),
      },
    ),
  );
}
