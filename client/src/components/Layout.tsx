import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useViewer } from '../hooks/useViewer.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { BillingNavLinks } from '../pages/billing/BillingNavLinks.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { NotificationBell } from './notifications/NotificationBell.tsx';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export function Layout() {
  const { signOut } = useSession();
  const { viewer, signedOut, error } = useViewer();
  const [{ fetching: loggingOut }, logout] = useMutation(LogoutMutation);

  // A token the server no longer knows (expired, revoked, ended elsewhere): sign in again.
  useEffect(() => {
    if (signedOut) signOut();
  }, [signedOut, signOut]);

  async function handleLogout() {
    await logout({});
    // Forget the token even when the server could not be reached.
    signOut();
  }

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">Pipeline CRM</div>
        <nav className="app-header__nav" aria-label="Main">
          <NavLink to="/accounts">Accounts</NavLink>
          <NavLink to="/board">Board</NavLink>
          <NavLink to="/tasks">My tasks</NavLink>
          {viewer && viewer.role !== 'SERVICE' && <BillingNavLinks />}
        </nav>
        <div className="app-header__user">
          <LiveIndicator />
          <NotificationBell />
          {viewer && (
            <span className="app-header__name" data-testid="current-user">
              {viewer.name}
              <span className="app-header__role">{viewer.role.toLowerCase()}</span>
            </span>
          )}
          <button type="button" className="button button--ghost" onClick={handleLogout} disabled={loggingOut}>
            Log out
          </button>
        </div>
      </header>
      {error && !viewer && (
        <div className="banner banner--error" role="alert">
          The server cannot be reached: {error.message}
        </div>
      )}
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
