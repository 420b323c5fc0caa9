import { builder } from '../builder.ts';
import type { ActivityFilter } from '../domain/activity-queries.ts';
import { ActivityStatusEnum } from './activity-status.ts';
import { ActivityTypeEnum } from './activity-type.ts';
import { decodeOptionalFilterId } from './ids.ts';

export const ActivityFilterInput = builder.inputType('ActivityFilter', {
  description: 'Filters for activity lists; all given conditions must hold.',
  fields: (t) => ({
    opportunityId: t.id(),
    accountId: t.id({ description: "The account's activities, including those about its opportunities." }),
    contactId: t.id({ description: "The contact's activities, including those about its opportunities." }),
    assigneeId: t.id(),
    status: t.field({ type: [ActivityStatusEnum], description: 'Any of these, e.g. [OPEN, OVERDUE] for everything not done.' }),
    types: t.field({ type: [ActivityTypeEnum] }),
  }),
});

export function decodeActivityFilter(filter: typeof ActivityFilterInput.$inferInput | null | undefined): ActivityFilter {
  if (!filter) return {};
  return {
    ...filter,
    opportunityId: decodeOptionalFilterId(filter.opportunityId, 'Opportunity', 'filter.opportunityId'),
    accountId: decodeOptionalFilterId(filter.accountId, 'Account', 'filter.accountId'),
    contactId: decodeOptionalFilterId(filter.contactId, 'Contact', 'filter.contactId'),
    assigneeId: decodeOptionalFilterId(filter.assigneeId, 'User', 'filter.assigneeId'),
  };
}
