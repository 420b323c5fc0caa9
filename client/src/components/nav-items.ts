import type { ParseKeys } from 'i18next';
import { matchPath } from 'react-router';
import type { Role } from '../gql/graphql.ts';

/** Roles that work with opportunities; SERVICE users read customers only. */
export const SELLING_ROLES: readonly Role[] = ['SALES', 'MANAGER', 'ADMIN'];

/** The settings: administrators set everything up; managers manage their teams' users. */
export const SETTINGS_ROLES: readonly Role[] = ['ADMIN', 'MANAGER'];
export const ADMIN_ROLES: readonly Role[] = ['ADMIN'];

export interface NavItem {
  to: string;
  label: ParseKeys;
  /** Who sees the link (and may open the page, see RequireRole); everyone when absent. */
  roles?: readonly Role[];
}

/** Pages that belong together behind one entry of the header (a disclosure; a section of the phone menu). */
export interface NavGroup {
  id: 'sales' | 'customers' | 'revenue';
  label: ParseKeys;
  items: readonly NavItem[];
}

export type NavEntry = NavGroup | NavItem;

/**
 * The main navigation, in its order. A new page adds its entry here, in its group, and its route
 * in App.tsx (with the same roles): the header and the phone menu follow.
 */
export const NAV: readonly NavEntry[] = [
  {
    id: 'sales',
    label: 'layout.nav.group.sales',
    items: [
      { to: '/opportunities', label: 'layout.nav.opportunities', roles: SELLING_ROLES },
      { to: '/board', label: 'layout.nav.board', roles: SELLING_ROLES },
      { to: '/activities', label: 'agenda.nav', roles: SELLING_ROLES },
      { to: '/tasks', label: 'layout.nav.tasks', roles: SELLING_ROLES },
    ],
  },
  {
    id: 'customers',
    label: 'layout.nav.group.customers',
    items: [
      { to: '/accounts', label: 'layout.nav.accounts' },
      { to: '/contacts', label: 'layout.nav.contacts' },
      { to: '/import', label: 'layout.nav.import', roles: SELLING_ROLES },
    ],
  },
  {
    id: 'revenue',
    label: 'layout.nav.group.revenue',
    items: [
      { to: '/quotes', label: 'billing.nav.quotes', roles: SELLING_ROLES },
      { to: '/orders', label: 'billing.nav.orders', roles: SELLING_ROLES },
      { to: '/invoices', label: 'billing.nav.invoices', roles: SELLING_ROLES },
      { to: '/campaigns', label: 'billing.nav.campaigns', roles: SELLING_ROLES },
      { to: '/budgets', label: 'billing.nav.budgets', roles: SELLING_ROLES },
      { to: '/kpis', label: 'kpis.nav', roles: SELLING_ROLES },
    ],
  },
  { to: '/settings', label: 'settings.nav.entry', roles: SETTINGS_ROLES },
];

export const mayUse = (item: { roles?: readonly Role[] }, role: Role | undefined) => !item.roles || (role !== undefined && item.roles.includes(role));

export const isGroup = (entry: NavEntry): entry is NavGroup => 'items' in entry;

/** The navigation a role sees: its links, and the groups that keep at least one. */
export function navigationFor(role: Role | undefined): NavEntry[] {
  return NAV.flatMap((entry): NavEntry[] => {
    if (!isGroup(entry)) return mayUse(entry, role) ? [entry] : [];
    const items = entry.items.filter((item) => mayUse(item, role));
    return items.length ? [{ ...entry, items }] : [];
  });
}

/** Whether the page at `pathname` is this link's page or one below it (`/board/…` is the board's). */
export const isCurrent = (item: NavItem, pathname: string) => matchPath({ path: item.to, end: false }, pathname) !== null;
