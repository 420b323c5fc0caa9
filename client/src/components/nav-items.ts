import type { ParseKeys } from 'i18next';
import type { Role } from '../gql/graphql.ts';

/** Roles that work with opportunities; SERVICE users read customers only. */
export const SELLING_ROLES: readonly Role[] = ['SALES', 'MANAGER', 'ADMIN'];

export interface NavItem {
  to: string;
  label: ParseKeys;
  /** Who sees the link (and may open the page, see RequireRole); everyone when absent. */
  roles?: readonly Role[];
}

/** The main navigation, in its order. A new page adds its entry here and its route in App.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/accounts', label: 'layout.nav.accounts' },
  { to: '/board', label: 'layout.nav.board', roles: SELLING_ROLES },
  { to: '/tasks', label: 'layout.nav.tasks', roles: SELLING_ROLES },
  { to: '/import', label: 'layout.nav.import', roles: SELLING_ROLES },
];

export const mayUse = (item: { roles?: readonly Role[] }, role: Role | undefined) => !item.roles || (role !== undefined && item.roles.includes(role));
