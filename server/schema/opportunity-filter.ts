import { builder } from '../builder.ts';
import type { OpportunityFilter } from '../domain/opportunity-queries.ts';
import { decodeIds, decodeOptionalFilterId } from './ids.ts';
import { OpportunityKindEnum } from './opportunity-kind.ts';

const OpportunityStatusFilter = builder.enumType('OpportunityStatusFilter', { values: ['OPEN', 'WON', 'LOST'] as const });

export const OpportunityFilterInput = builder.inputType('OpportunityFilter', {
  description: 'Filters for opportunity lists and the board; all given conditions must hold.',
  fields: (t) => ({
    search: t.string({ description: 'Words matched in title, account, contact, next step; OPP-1042 finds by number.' }),
    pipelineIds: t.idList(),
    stageIds: t.idList(),
    ownerIds: t.idList(),
    teamIds: t.idList(),
    accountId: t.id(),
    kinds: t.field({ type: [OpportunityKindEnum] }),
    statuses: t.field({ type: [OpportunityStatusFilter] }),
    closeDateFrom: t.field({ type: 'Date' }),
    closeDateTo: t.field({ type: 'Date' }),
    amountMin: t.field({ type: 'Decimal' }),
    amountMax: t.field({ type: 'Decimal' }),
    tagIds: t.idList({ description: 'Opportunities with at least one of these tags.' }),
    stale: t.boolean({ description: 'true: only open opportunities without recent activity; false: only the others.' }),
  }),
});

export function decodeOpportunityFilter(filter: typeof OpportunityFilterInput.$inferInput | null | undefined): OpportunityFilter {
  if (!filter) return {};
  return {
    ...filter,
    pipelineIds: decodeIds(filter.pipelineIds, 'Pipeline', 'filter.pipelineIds'),
    stageIds: decodeIds(filter.stageIds, 'Stage', 'filter.stageIds'),
    ownerIds: decodeIds(filter.ownerIds, 'User', 'filter.ownerIds'),
    teamIds: decodeIds(filter.teamIds, 'Team', 'filter.teamIds'),
    tagIds: decodeIds(filter.tagIds, 'Tag', 'filter.tagIds'),
    accountId: decodeOptionalFilterId(filter.accountId, 'Account', 'filter.accountId'),
  };
}
