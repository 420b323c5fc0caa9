import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { activityPaths } from './activity-paths.ts';

/** The activity pages' heading, the switch between list and week (keeping the filters), the way to My tasks, and a page's own actions. */
export function ActivitiesHeader({ search, subtitle, actions }: { search: string; subtitle?: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const withFilters = (path: string) => ({ pathname: path, search });
  return (
    <div className="page-header">
      <div>
        <h1 id="activities-page-title">{t('agenda.title')}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      <div className="page-header__actions">
        <nav className="view-switch" aria-label={t('agenda.views')}>
          <NavLink end to={withFilters(activityPaths.list())} className="view-switch__link">
            {t('agenda.list')}
          </NavLink>
          <NavLink to={withFilters(activityPaths.week())} className="view-switch__link">
            {t('agenda.week.title')}
          </NavLink>
        </nav>
        <Link to={pipelinePaths.tasks()} className="button button--ghost">
          {t('activities.myTasks.title')}
        </Link>
        {actions}
      </div>
    </div>
  );
}
