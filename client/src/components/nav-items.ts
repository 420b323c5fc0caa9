import type { ParseKeys } from 'i18next';
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

/** The main navigation, in its order. A new page adds its entry here and its route in App.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/accounts', label: 'layout.nav.accounts' },
  { to: '/contacts', label: 'layout.nav.contacts' },
  { to: '/opportunities', label: 'layout.nav.opportunities', roles: SELLING_ROLES },
  { to: '/board', label: 'layout.nav.board', roles: SELLING_ROLES },
  { to: '/tasks', label: 'layout.nav.tasks', roles: SELLING_ROLES },
  { to: '/activities', label: 'agenda.nav', roles: SELLING_ROLES },
  { to: '/quotes', label: 'billing.nav.quotes', roles: SELLING_ROLES },
  { to: '/orders', label: 'billing.nav.orders', roles: SELLING_ROLES },
  { to: '/invoices', label: 'billing.nav.invoices', roles: SELLING_ROLES },
  { to: '/campaigns', label: 'billing.nav.campaigns', roles: SELLING_ROLES },
  { to: '/budgets', label: 'billing.nav.budgets', roles: SELLING_ROLES },
  { to: '/kpis', label: 'kpis.nav', roles: SELLING_ROLES },
  { to: '/import', label: 'layout.nav.import', roles: SELLING_ROLES },
  { to: '/settings', label: 'settings.nav.entry', roles: SETTINGS_ROLES },
];

export const mayUse = (item: { roles?: readonly Role[] }, role: Role | undefined) => !item.roles || (role !== undefined && item.roles.includes(role));
