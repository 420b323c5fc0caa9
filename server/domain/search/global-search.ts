import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { accountReadWhere, contactReadWhere, opportunityReadWhere } from '../access.ts';
import { normalizeCompanyName } from '../normalize.ts';
import { containsText, escapeLike, opportunityNumber, searchTerms } from '../text-search.ts';
import { parseInput } from '../validation.ts';

/**
 * The header's search across accounts (name, e-mail), contacts (name, e-mail) and opportunities
 * (title, OPP- number). Each kind is searched on its own, among the records the viewer may read,
 * limited to `first` hits: one statement per kind, whatever matches.
 */
export const MAX_HITS_PER_KIND = 20;

const searchInput = z.object({
  text: z.string().trim().min(1, 'Type something to search for.').max(200, 'At most 200 characters.'),
  first: z.number().int().min(1, 'At least 1.').max(MAX_HITS_PER_KIND, `At most ${MAX_HITS_PER_KIND}.`).default(5),
});

export type GlobalSearchInput = z.input<typeof searchInput>;

export interface GlobalSearch {
  first: number;
  accounts: Prisma.AccountWhereInput;
  contacts: Prisma.ContactWhereInput;
  opportunities: Prisma.OpportunityWhereInput;
}

/** Where each kind is searched, every word somewhere in the kind's fields. */
export function globalSearch(viewer: Viewer, rawInput: GlobalSearchInput): GlobalSearch {
  const { text, first } = parseInput(searchInput, rawInput);
  const terms = searchTerms(text);
  return {
    first,
    accounts: {
      AND: [
        accountReadWhere(viewer),
        ...terms.map((term) => {
          const folded = normalizeCompanyName(term);
          return {
            OR: [{ name: containsText(term) }, { email: containsText(term) }, ...(folded ? [{ normalizedName: { contains: escapeLike(folded) } }] : [])],
          };
        }),
      ],
    },
    contacts: {
      AND: [
        contactReadWhere(viewer),
        ...terms.map((term) => ({ OR: [{ firstName: containsText(term) }, { lastName: containsText(term) }, { email: containsText(term) }] })),
      ],
    },
    opportunities: {
      AND: [
        opportunityReadWhere(viewer),
        ...terms.map((term) => {
          const number = opportunityNumber(term);
          return { OR: [{ title: containsText(term) }, ...(number !== null ? [{ number }] : [])] };
        }),
      ],
    },
  };
}

export const ACCOUNT_HIT_ORDER: Prisma.AccountOrderByWithRelationInput[] = [{ name: 'asc' }, { id: 'asc' }];
export const CONTACT_HIT_ORDER: Prisma.ContactOrderByWithRelationInput[] = [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }];
/** Open opportunities before closed ones, the most recently changed first. */
export const OPPORTUNITY_HIT_ORDER: Prisma.OpportunityOrderByWithRelationInput[] = [{ status: 'asc' }, { updatedAt: 'desc' }, { id: 'asc' }];
