import { builder } from '../builder.ts';
import type { CustomerListFilter as DomainFilter } from '../domain/customer-queries.ts';
import { decodeFilterIds, type FilterFieldTypes } from './ids.ts';

export const CustomerListFilter = builder.inputType('CustomerListFilter', {
  description: 'Filters for account and contact lists; all given conditions must hold.',
  fields: (t) => ({
    search: t.string({ description: 'Words as in the `search` argument of the list, which takes precedence when both are given.' }),
    statusKeys: t.stringList(),
    ownerIds: t.idList(),
    teamIds: t.idList(),
    tagIds: t.idList({ description: 'Records with at least one of these tags.' }),
    sourceIds: t.idList(),
    country: t.string(),
  }),
});

/** Where the filter holds ids (for decoding, and for saved views to encode back). */
export const CUSTOMER_FILTER_TYPES: FilterFieldTypes = {
  idLists: { ownerIds: 'User', teamIds: 'Team', tagIds: 'Tag', sourceIds: 'Source' },
};

/** The filter for the domain; the list's `search` argument wins over `filter.search`. */
export function decodeListFilter(filter: typeof CustomerListFilter.$inferInput | null | undefined, search?: string | null): DomainFilter {
  const decoded = filter ? (decodeFilterIds(filter, CUSTOMER_FILTER_TYPES) as DomainFilter) : {};
  return { ...decoded, search: search ?? decoded.search };
}
