import type { ParseKeys } from 'i18next';
import { ADMIN_ROLES, SETTINGS_ROLES } from '../../components/nav-items.ts';
import type { Role } from '../../gql/graphql.ts';

export interface SettingsPage {
  /** Below /settings. */
  path: string;
  label: ParseKeys;
  /** Who is offered the page (and may open it, see RequireRole in App.tsx). */
  roles: readonly Role[];
}

/** The settings' own navigation, in its order. A new settings page adds its entry here and its route in App.tsx. */
export const SETTINGS_PAGES: readonly SettingsPage[] = [
  { path: 'users', label: 'settings.nav.users', roles: SETTINGS_ROLES },
  { path: 'teams', label: 'settings.nav.teams', roles: SETTINGS_ROLES },
  { path: 'pipelines', label: 'settings.nav.pipelines', roles: ADMIN_ROLES },
  { path: 'loss-reasons', label: 'settings.nav.lossReasons', roles: ADMIN_ROLES },
  { path: 'sources', label: 'settings.nav.sources', roles: ADMIN_ROLES },
  { path: 'tags', label: 'settings.nav.tags', roles: ADMIN_ROLES },
  { path: 'priorities', label: 'settings.nav.priorities', roles: ADMIN_ROLES },
  { path: 'forecast-categories', label: 'settings.nav.forecastCategories', roles: ADMIN_ROLES },
  { path: 'customer-statuses', label: 'settings.nav.customerStatuses', roles: ADMIN_ROLES },
  { path: 'products', label: 'settings.nav.products', roles: ADMIN_ROLES },
  { path: 'organisation', label: 'settings.nav.organisation', roles: ADMIN_ROLES },
];

export const settingsPath = (page: string) => `/settings/${page}`;
