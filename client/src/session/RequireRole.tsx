import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import type { Role } from '../gql/graphql.ts';
import { useViewer } from '../hooks/useViewer.ts';

/** Pages behind it are for these roles only; the navigation offers them to no one else. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  if (!viewer) return null;
  if (!roles.includes(viewer.role)) {
    return (
      <div className="empty">
        <h1>{t('layout.notForYourRole.title')}</h1>
        <p>
          <Link to="/accounts">{t('layout.notForYourRole.back')}</Link>
        </p>
      </div>
    );
  }
  return <Outlet />;
}
