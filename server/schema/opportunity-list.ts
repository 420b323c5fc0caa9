import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { opportunityListWhere, opportunityOrderBy, type OpportunitySortField } from '../domain/opportunity-queries.ts';
import { OpportunityFilterInput, decodeOpportunityFilter } from './opportunity-filter.ts';
import { SortDirection } from './sort-direction.ts';
import { requireViewer } from './viewer.ts';

/** GraphQL names of the list's sort keys; saved views store the domain's. */
export const OPPORTUNITY_SORT_VALUES = {
  TITLE: { value: 'title' },
  ACCOUNT_NAME: { value: 'accountName' },
  STAGE: { value: 'stage', description: "By the pipeline's position, then the stage's." },
  OWNER_NAME: { value: 'ownerName' },
  AMOUNT: { value: 'amount' },
  WEIGHTED_AMOUNT: { value: 'weightedAmount' },
  PROBABILITY: { value: 'probability' },
  EXPECTED_CLOSE_DATE: { value: 'expectedCloseDate' },
  STATUS: { value: 'status', description: 'OPEN, WON, LOST.' },
  LAST_ACTIVITY_AT: { value: 'lastActivityAt', description: 'Never active ones last.' },
  DAYS_WITHOUT_ACTIVITY: { value: 'daysWithoutActivity', description: 'How stale: ascending puts the most recently active first.' },
  CREATED_AT: { value: 'createdAt' },
  UPDATED_AT: { value: 'updatedAt' },
} as const satisfies Record<string, { value: OpportunitySortField; description?: string }>;

const OpportunitySortFieldEnum = builder.enumType('OpportunitySortField', { values: OPPORTUNITY_SORT_VALUES });

const OpportunityOrder = builder.inputType('OpportunityOrder', {
  fields: (t) => ({
    field: t.field({ type: OpportunitySortFieldEnum, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

export interface OpportunityListArgs {
  filter?: typeof OpportunityFilterInput.$inferInput | null;
  orderBy?: { field: OpportunitySortField; direction?: 'asc' | 'desc' | null } | null;
}

/** The list's rows: the filter with the viewer's read rule, and the order (also the hot path's, `server/hot-paths/`). */
export async function opportunityListQuery(context: Context, args: OpportunityListArgs) {
  const where = opportunityListWhere(requireViewer(context), decodeOpportunityFilter(args.filter), {
    now: new Date(),
    staleAfterDays: await context.loaders.staleAfterDays.load('organisation'),
  });
  return { where, orderBy: opportunityOrderBy(args.orderBy?.field, args.orderBy?.direction ?? undefined) };
}

builder.queryFields((t) => ({
  opportunities: t.prismaConnection(
    {
      type: 'Opportunity',
      cursor: 'id',
      authScopes: { sales: true },
      description:
        'Opportunities the viewer can read, for the list view and the record pages (`accountId`, `contactId`). Sorted by expected close date unless `orderBy` says otherwise; the id breaks ties, so cursors stay stable.',
      args: {
        filter: t.arg({ type: OpportunityFilterInput }),
        orderBy: t.arg({ type: OpportunityOrder }),
      },
      resolve: async (query, _root, args, context) => context.prisma.opportunity.findMany({ ...query, ...(await opportunityListQuery(context, args)) }),
      totalCount: async (_connection, args, context) => context.prisma.opportunity.count({ where: (await opportunityListQuery(context, args)).where }),
    },
    {},
    {},
  ),
}));
