import type { ParseKeys } from 'i18next';

export type SearchKind = 'accounts' | 'contacts' | 'opportunities';

export interface SearchHit {
  id: string;
  label: string;
  detail?: string | null;
  href: string;
}

export interface SearchGroup {
  kind: SearchKind;
  heading: ParseKeys;
  count: number;
  hits: SearchHit[];
  /** The full list, searched for the same text, when it holds more than the hits shown. */
  moreHref: string | null;
}

/** One choosable line of the result list: a hit, or "all N …" of a group. */
export interface SearchOption {
  id: string;
  kind: SearchKind;
  href: string;
}

const HEADINGS: Record<SearchKind, ParseKeys> = {
  accounts: 'search.group.accounts',
  contacts: 'search.group.contacts',
  opportunities: 'search.group.opportunities',
};

interface Counted {
  count: number;
  hits: SearchHit[];
}

/**
 * The groups to show, in a fixed order, leaving out kinds without a hit; a group whose count is
 * larger than its hits offers the full list (`listHref(kind)`).
 */
export function searchGroups(results: Record<SearchKind, Counted>, listHref: (kind: SearchKind) => string | null): SearchGroup[] {
  return (['accounts', 'contacts', 'opportunities'] as const)
    .filter((kind) => results[kind].hits.length > 0)
    .map((kind) => ({
      kind,
      heading: HEADINGS[kind],
      count: results[kind].count,
      hits: results[kind].hits,
      moreHref: results[kind].count > results[kind].hits.length ? listHref(kind) : null,
    }));
}

/** The options in the order the arrow keys walk them. */
export function searchOptions(groups: readonly SearchGroup[]): SearchOption[] {
  return groups.flatMap((group) => [
    ...group.hits.map((hit) => ({ id: `search-${group.kind}-${hit.id}`, kind: group.kind, href: hit.href })),
    ...(group.moreHref ? [{ id: `search-${group.kind}-more`, kind: group.kind, href: group.moreHref }] : []),
  ]);
}

/** The option an arrow key (or Home/End) moves to from `current` (-1: none), wrapping around. */
export function moveActive(current: number, key: string, count: number): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return current;
  }
}

/** Whether a key press is the search's shortcut: Ctrl+K or ⌘K anywhere, "/" outside text fields. */
export function isSearchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, typingInField: boolean): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField;
}
