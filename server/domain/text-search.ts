/**
 * Word search over text columns, shared by every list and the global search. Each word must
 * appear somewhere (case-insensitive); LIKE's wildcards in what the user typed are taken
 * literally, so "100%" finds "100%" and "a_b" does not find "axb".
 */
const MAX_TERMS = 8;

export function searchTerms(search: string | null | undefined): string[] {
  return (search ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
}

/** Escapes `\`, `%` and `_`, the characters PostgreSQL's LIKE/ILIKE give a meaning (backslash is its escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export const containsText = (term: string) => ({ contains: escapeLike(term), mode: 'insensitive' as const });

export const startsWithText = (term: string) => ({ startsWith: escapeLike(term) });

/** "OPP-1042", "opp-1042" or "1042": the number of a human id, else null. */
export function opportunityNumber(term: string): number | null {
  const digits = /^(?:opp-)?(\d{1,9})$/i.exec(term)?.[1];
  return digits ? Number(digits) : null;
}
