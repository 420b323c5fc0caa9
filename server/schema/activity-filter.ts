import { builder } from '../builder.ts';
import type { ActivityFilter } from '../domain/activity-queries.ts';
import { ActivityStatusEnum } from './activity-status.ts';
import { ActivityTypeEnum } from './activity-type.ts';
import { decodeFilterIds, type FilterFieldTypes } from './ids.ts';

export const ActivityFilterInput = builder.inputType('ActivityFilter', {
  description: 'Filters for activity lists and the calendar; all given conditions must hold.',
  fields: (t) => ({
    search: t.string({ description: 'Words found in the subject, notes or outcome.' }),
    opportunityId: t.id(),
    accountId: t.id({ description: "The account's activities, including those about its opportunities." }),
    contactId: t.id({ description: "The contact's activities, including those about its opportunities." }),
    assigneeId: t.id(),
    assigneeIds: t.idList({ description: 'Assigned to any of these users.' }),
    mine: t.boolean({ description: 'true: only those assigned to the viewer.' }),
    teamIds: t.idList({ description: 'About records of these teams.' }),
    status: t.field({ type: [ActivityStatusEnum], description: 'Any of these, e.g. [OPEN, OVERDUE] for everything not done.' }),
    types: t.field({ type: [ActivityTypeEnum] }),
    dueFrom: t.field({ type: 'DateTime', description: 'Due at or after.' }),
    dueTo: t.field({ type: 'DateTime', description: 'Due before.' }),
    doneFrom: t.field({ type: 'DateTime', description: 'Done at or after.' }),
    doneTo: t.field({ type: 'DateTime', description: 'Done before.' }),
  }),
});

/** Where the filter holds ids (for decoding, and for saved views to encode back). */
export const ACTIVITY_FILTER_TYPES: FilterFieldTypes = {
  idLists: { assigneeIds: 'User', teamIds: 'Team' },
  ids: { opportunityId: 'Opportunity', accountId: 'Account', contactId: 'Contact', assigneeId: 'User' },
};

export function decodeActivityFilter(filter: typeof ActivityFilterInput.$inferInput | null | undefined): ActivityFilter {
  if (!filter) return {};
  return decodeFilterIds(filter, ACTIVITY_FILTER_TYPES) as ActivityFilter;
}
