import { builder } from '../builder.ts';
import type { OpportunityFilter } from '../domain/opportunity-queries.ts';
import { decodeFilterIds, type FilterFieldTypes } from './ids.ts';
import { OpportunityKindEnum } from './opportunity-kind.ts';

const OpportunityStatusFilter = builder.enumType('OpportunityStatusFilter', { values: ['OPEN', 'WON', 'LOST'] as const });

export const OpportunityFilterInput = builder.inputType('OpportunityFilter', {
  description: 'Filters for opportunity lists and the board; all given conditions must hold.',
  fields: (t) => ({
    search: t.string({
      description:
        'Words matched in title, next step, OPP- number (OPP-1042 or 1042), and the names of the account and contact where the viewer may read them.',
    }),
    pipelineIds: t.idList(),
    stageIds: t.idList(),
    ownerIds: t.idList(),
    mine: t.boolean({ description: "true: only the viewer's own opportunities." }),
    teamIds: t.idList(),
    accountId: t.id(),
    contactId: t.id({ description: "The contact's opportunities." }),
    kinds: t.field({ type: [OpportunityKindEnum] }),
    statuses: t.field({ type: [OpportunityStatusFilter] }),
    closeDateFrom: t.field({ type: 'Date', description: 'Expected close date on or after.' }),
    closeDateTo: t.field({ type: 'Date', description: 'Expected close date on or before.' }),
    closedFrom: t.field({ type: 'DateTime', description: 'Won or lost at or after.' }),
    closedTo: t.field({ type: 'DateTime', description: 'Won or lost before.' }),
    amountMin: t.field({ type: 'Decimal' }),
    amountMax: t.field({ type: 'Decimal' }),
    tagIds: t.idList({ description: 'Opportunities with at least one of these tags.' }),
    sourceIds: t.idList(),
    stale: t.boolean({ description: 'true: only open opportunities without recent activity; false: only the others.' }),
    followed: t.boolean({ description: 'true: only those the viewer follows; false: only the others.' }),
    withoutOpenActivity: t.boolean({ description: 'true: only those with no open activity planned; false: only those with one.' }),
  }),
});

/** Where the filter holds ids and days (for decoding, and for saved views to encode back). */
export const OPPORTUNITY_FILTER_TYPES: FilterFieldTypes = {
  idLists: { pipelineIds: 'Pipeline', stageIds: 'Stage', ownerIds: 'User', teamIds: 'Team', tagIds: 'Tag', sourceIds: 'Source' },
  ids: { accountId: 'Account', contactId: 'Contact' },
  days: ['closeDateFrom', 'closeDateTo'],
};

export function decodeOpportunityFilter(filter: typeof OpportunityFilterInput.$inferInput | null | undefined): OpportunityFilter {
  if (!filter) return {};
  return decodeFilterIds(filter, OPPORTUNITY_FILTER_TYPES) as OpportunityFilter;
}
