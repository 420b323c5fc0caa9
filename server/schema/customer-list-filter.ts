import { builder } from '../builder.ts';
import { decodeIds } from './ids.ts';

export const CustomerListFilter = builder.inputType('CustomerListFilter', {
  description: 'Filters for account and contact lists; all given conditions must hold.',
  fields: (t) => ({
    statusKeys: t.stringList(),
    ownerIds: t.idList(),
    teamIds: t.idList(),
    tagIds: t.idList({ description: 'Records with at least one of these tags.' }),
    sourceIds: t.idList(),
    country: t.string(),
  }),
});

export function decodeListFilter(filter: typeof CustomerListFilter.$inferInput | null | undefined) {
  if (!filter) return {};
  return {
    statusKeys: filter.statusKeys,
    country: filter.country,
    ownerIds: decodeIds(filter.ownerIds, 'User', 'filter.ownerIds'),
    teamIds: decodeIds(filter.teamIds, 'Team', 'filter.teamIds'),
    tagIds: decodeIds(filter.tagIds, 'Tag', 'filter.tagIds'),
    sourceIds: decodeIds(filter.sourceIds, 'Source', 'filter.sourceIds'),
  };
}
