import { describe, expect, it } from 'vitest';
import { isSearchShortcut, moveActive, searchGroups, searchOptions } from './search-options.ts';

const hit = (id: string) => ({ id, label: id, href: `/x/${id}` });
const key = (overrides: Partial<KeyboardEvent>) => ({ key: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...overrides });

describe('the header search results', () => {
  const groups = searchGroups(
    {
      accounts: { count: 7, hits: [hit('a1'), hit('a2')] },
      contacts: { count: 0, hits: [] },
      opportunities: { count: 1, hits: [hit('o1')] },
    },
    (kind) => `/${kind}?q=kran`,
  );

  it('leave out kinds without hits, and offer the full list where more match than are shown', () => {
    expect(groups.map((group) => [group.kind, group.count, group.moreHref])).toEqual([
      ['accounts', 7, '/accounts?q=kran'],
      ['opportunities', 1, null],
    ]);
  });

  it('are walked by the arrow keys in the order shown, the "all" line included', () => {
    const options = searchOptions(groups);
    expect(options.map((option) => option.id)).toEqual(['search-accounts-a1', 'search-accounts-a2', 'search-accounts-more', 'search-opportunities-o1']);
    expect(moveActive(-1, 'ArrowDown', options.length)).toBe(0);
    expect(moveActive(-1, 'ArrowUp', options.length)).toBe(3);
    expect(moveActive(3, 'ArrowDown', options.length)).toBe(0);
    expect(moveActive(0, 'ArrowUp', options.length)).toBe(3);
    expect(moveActive(2, 'End', options.length)).toBe(3);
    expect(moveActive(2, 'Home', options.length)).toBe(0);
    expect(moveActive(2, 'ArrowDown', 0)).toBe(-1);
  });
});

describe('the search shortcut', () => {
  it('is Ctrl+K or ⌘K anywhere, and "/" only outside a text field', () => {
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true }), true)).toBe(true);
    expect(isSearchShortcut(key({ key: 'K', metaKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key({ key: '/' }), false)).toBe(true);
    expect(isSearchShortcut(key({ key: '/' }), true)).toBe(false);
    expect(isSearchShortcut(key({ key: 'k' }), false)).toBe(false);
  });
});
