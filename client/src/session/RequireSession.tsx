import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './SessionProvider.tsx';

/** Pages behind it need a token; without one the user signs in and comes back here. */
export function RequireSession() {
  const { token } = useSession();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
