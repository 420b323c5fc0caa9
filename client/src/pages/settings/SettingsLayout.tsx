import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet } from 'react-router';
import { mayUse } from '../../components/nav-items.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { SETTINGS_PAGES, settingsPath } from './settings-pages.ts';
import './settings.css';

/** The frame of the settings pages: their navigation (the pages the viewer's role may use) beside the page. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  if (!viewer) return null;
  return (
    <div className="settings">
      <nav className="settings-nav" aria-label={t('settings.nav.label')}>
        <ul className="settings-nav__list">
          {SETTINGS_PAGES.filter((page) => mayUse(page, viewer.role)).map((page) => (
            <li key={page.path}>
              <NavLink to={settingsPath(page.path)} className="settings-nav__link">
                {t(page.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings__page">
        <Outlet />
      </div>
    </div>
  );
}

/** `/settings`: the first settings page the viewer's role may use. */
export function SettingsIndex() {
  const { viewer } = useViewer();
  const first = SETTINGS_PAGES.find((page) => viewer && mayUse(page, viewer.role));
  return first ? <Navigate to={settingsPath(first.path)} replace /> : null;
}
