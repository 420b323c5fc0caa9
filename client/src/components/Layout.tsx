import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useViewer } from '../hooks/useViewer.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { MainNav } from './MainNav.tsx';
import { NotificationBell } from './notifications/NotificationBell.tsx';
import { HeaderSearch } from './search/HeaderSearch.tsx';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/**
 * The frame of every signed-in page. On a phone the navigation and the user's settings fold into
 * a menu behind one button (Escape closes it and gives the focus back to the button); the live
 * indicator and the bell stay in sight.
 */
export function Layout() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const { viewer, signedOut, error } = useViewer();
  const [{ fetching: loggingOut }, logout] = useMutation(LogoutMutation);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  // A token the server no longer knows (expired, revoked, ended elsewhere): sign in again.
  useEffect(() => {
    if (signedOut) signOut();
  }, [signedOut, signOut]);

  // Following a link closes the menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  function closeMenuOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  }

  async function handleLogout() {
    await logout({});
    // Forget the token even when the server could not be reached.
    signOut();
  }

  return (
    <div className="app">
      <header className={`app-header${menuOpen ? ' app-header--menu-open' : ''}`}>
        <div className="app-header__brand">{t('layout.brand')}</div>
        <HeaderSearch />
        <div className="app-header__status">
          <LiveIndicator />
          <NotificationBell />
        </div>
        <button
          ref={menuButton}
          type="button"
          className="app-header__menu-button"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          data-testid="menu-button"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span> {t('layout.menu')}
        </button>
        <div className="app-header__menu" id={menuId} onKeyDown={closeMenuOnEscape}>
          {viewer && <MainNav role={viewer.role} />}
          <div className="app-header__user">
            {viewer && (
              <Link to="/profile" className="app-header__name" data-testid="current-user" title={t('settings.profile.open')}>
                {viewer.name}
                <span className="app-header__role">{t(`layout.role.${viewer.role}`)}</span>
              </Link>
            )}
            <LanguageSelect />
            <button type="button" className="button button--ghost" onClick={handleLogout} disabled={loggingOut}>
              {t('layout.logout')}
            </button>
          </div>
        </div>
      </header>
      {error && !viewer && (
        <div className="banner banner--error" role="alert">
          {t('layout.unreachable', { reason: error.message })}
        </div>
      )}
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
