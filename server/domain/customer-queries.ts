import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { accountReadWhere, contactReadWhere } from './access.ts';
import { normalizeCompanyName } from './normalize.ts';
import { containsText, escapeLike, searchTerms, startsWithText } from './text-search.ts';
import { entityId, parseInput } from './validation.ts';

/** List arguments shared by the account and contact lists; validated like any other input. */
export const customerListFilterSchema = z.object({
  search: z.string().trim().max(200, 'At most 200 characters.').nullish(),
  statusKeys: z.array(z.string().max(40)).max(20).nullish(),
  ownerIds: z.array(entityId).max(50).nullish(),
  teamIds: z.array(entityId).max(50).nullish(),
  tagIds: z.array(entityId).max(50).nullish(),
  sourceIds: z.array(entityId).max(50).nullish(),
  country: z.string().trim().toUpperCase().length(2, 'Use a two-letter country code.').nullish(),
});

export type CustomerListFilter = z.input<typeof customerListFilterSchema>;

export type SortDirection = 'asc' | 'desc';
export const ACCOUNT_SORT_FIELDS = ['name', 'city', 'createdAt', 'updatedAt'] as const;
export const CONTACT_SORT_FIELDS = ['lastName', 'city', 'createdAt', 'updatedAt'] as const;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number];

const contains = containsText;

export function accountListWhere(viewer: Viewer, rawFilter: CustomerListFilter = {}): Prisma.AccountWhereInput {
  const filter = parseInput(customerListFilterSchema, rawFilter);
  const and: Prisma.AccountWhereInput[] = [accountReadWhere(viewer)];
  for (const term of searchTerms(filter.search)) {
    const folded = normalizeCompanyName(term);
    and.push({
      OR: [
        { name: contains(term) },
        ...(folded ? [{ normalizedName: { contains: escapeLike(folded) } }] : []),
        { city: contains(term) },
        { postalCode: startsWithText(term) },
        { email: contains(term) },
        { industry: contains(term) },
      ],
    });
  }
  and.push(...sharedFilters(filter));
  if (filter.tagIds?.length) and.push({ tags: { some: { tagId: { in: filter.tagIds } } } });
  return { AND: and };
}

export function contactListWhere(
  viewer: Viewer,
  rawFilter: CustomerListFilter & { accountId?: string | null } = {},
): Prisma.ContactWhereInput {
  const filter = parseInput(customerListFilterSchema, rawFilter);
  const and: Prisma.ContactWhereInput[] = [contactReadWhere(viewer)];
  for (const term of searchTerms(filter.search)) {
    and.push({
      OR: [
        { firstName: contains(term) },
        { lastName: contains(term) },
        { email: contains(term) },
        { jobTitle: contains(term) },
        { city: contains(term) },
        // Only through an account the viewer may read: its name must not reveal a hidden record.
        { account: { AND: [accountReadWhere(viewer), { name: contains(term) }] } },
      ],
    });
  }
  and.push(...sharedFilters(filter));
  if (filter.tagIds?.length) and.push({ tags: { some: { tagId: { in: filter.tagIds } } } });
  if (rawFilter.accountId) and.push({ accountId: rawFilter.accountId });
  return { AND: and };
}

function sharedFilters(filter: z.output<typeof customerListFilterSchema>) {
  const where: Array<Prisma.AccountWhereInput & Prisma.ContactWhereInput> = [];
  if (filter.statusKeys?.length) where.push({ statusKey: { in: filter.statusKeys } });
  if (filter.ownerIds?.length) where.push({ ownerId: { in: filter.ownerIds } });
  if (filter.teamIds?.length) where.push({ teamId: { in: filter.teamIds } });
  if (filter.sourceIds?.length) where.push({ sourceId: { in: filter.sourceIds } });
  if (filter.country) where.push({ country: filter.country });
  return where;
}

/** The id breaks ties, so cursor pagination is stable when the sort key repeats. */
export function accountOrderBy(field: AccountSortField = 'name', direction: SortDirection = 'asc'): Prisma.AccountOrderByWithRelationInput[] {
  const primary: Prisma.AccountOrderByWithRelationInput =
    field === 'city' ? { city: { sort: direction, nulls: 'last' } } : { [field]: direction };
  return [primary, { id: direction }];
}

export function contactOrderBy(field: ContactSortField = 'lastName', direction: SortDirection = 'asc'): Prisma.ContactOrderByWithRelationInput[] {
  if (field === 'lastName') return [{ lastName: direction }, { firstName: direction }, { id: direction }];
  const primary: Prisma.ContactOrderByWithRelationInput =
    field === 'city' ? { city: { sort: direction, nulls: 'last' } } : { [field]: direction };
  return [primary, { id: direction }];
}
