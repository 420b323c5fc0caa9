import { describe, expect, it } from 'vitest';
import { isCurrent, isGroup, navigationFor, type NavEntry } from './nav-items.ts';

/** The navigation as group ids with their links' paths, and plain links as their paths. */
const shape = (entries: NavEntry[]) => entries.map((entry) => (isGroup(entry) ? { [entry.id]: entry.items.map((item) => item.to) } : entry.to));

describe('the main navigation by role', () => {
  it('gives the selling roles their groups, and the settings to managers and administrators', () => {
    const sales = {
      sales: ['/opportunities', '/board', '/activities', '/tasks'],
    };
    const customers = { customers: ['/accounts', '/contacts', '/import'] };
    const revenue = { revenue: ['/quotes', '/orders', '/invoices', '/campaigns', '/budgets', '/kpis'] };
    expect(shape(navigationFor('SALES'))).toEqual([sales, customers, revenue]);
    expect(shape(navigationFor('MANAGER'))).toEqual([sales, customers, revenue, '/settings']);
    expect(shape(navigationFor('ADMIN'))).toEqual([sales, customers, revenue, '/settings']);
  });

  it('leaves SERVICE users the customers without import, and drops the groups they cannot use', () => {
    expect(shape(navigationFor('SERVICE'))).toEqual([{ customers: ['/accounts', '/contacts'] }]);
  });

  it('marks a link current on its page and on the pages below it', () => {
    const board = { to: '/board', label: 'layout.nav.board' } as const;
    expect(isCurrent(board, '/board')).toBe(true);
    expect(isCurrent(board, '/board/UGlwZWxpbmU6MQ')).toBe(true);
    expect(isCurrent(board, '/boards')).toBe(false);
    expect(isCurrent(board, '/opportunities/1')).toBe(false);
  });
});
