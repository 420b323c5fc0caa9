import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ACTIVITY_TYPES } from '../../components/opportunity/activity-format.ts';
import type { ActivityType } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { ActivityFilterOptionsQuery } from './activity-queries.ts';
import { STATUS_CHOICES, type ActivityListParams, type StatusChoice } from './activity-filter-params.ts';

interface Props {
  values: ActivityListParams;
  onChange(patch: Partial<ActivityListParams>): void;
  /** The list filters by status and dates; the week shows its own days, done or not. */
  withStatusAndDates: boolean;
}

/** Whose activities (mine, anyone's, one colleague's), which team, type, status and days. */
export function ActivityFilters({ values, onChange, withStatusAndDates }: Props) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [{ data }] = useQuery({ query: ActivityFilterOptionsQuery, requestPolicy: 'cache-and-network' });
  const users = (data?.users ?? []).filter((user) => user.id !== viewer?.id);
  const known = values.assignee === 'me' || values.assignee === 'all' || users.some((user) => user.id === values.assignee);

  return (
    <div className="toolbar activity-filters" role="group" aria-label={t('agenda.filters.label')}>
      <label className="activity-filters__field">
        <span>{t('agenda.filters.assignee')}</span>
        <select className="input" value={values.assignee} onChange={(event) => onChange({ assignee: event.target.value })}>
          <option value="me">{t('agenda.filters.mine')}</option>
          <option value="all">{t('agenda.filters.anyone')}</option>
          {!known && <option value={values.assignee}>…</option>}
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </label>
      <label className="activity-filters__field">
        <span>{t('agenda.filters.team')}</span>
        <select className="input" value={values.team} onChange={(event) => onChange({ team: event.target.value })}>
          <option value="">{t('agenda.filters.anyTeam')}</option>
          {(data?.teams ?? []).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label className="activity-filters__field">
        <span>{t('activities.field.type')}</span>
        <select className="input" value={values.type} onChange={(event) => onChange({ type: event.target.value as ActivityType | '' })}>
          <option value="">{t('agenda.filters.anyType')}</option>
          {ACTIVITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`activities.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {withStatusAndDates && (
        <>
          <label className="activity-filters__field">
            <span>{t('agenda.filters.status')}</span>
            <select className="input" value={values.status} onChange={(event) => onChange({ status: event.target.value as StatusChoice })}>
              {STATUS_CHOICES.map((status) => (
                <option key={status} value={status}>
                  {status ? t(`agenda.filters.statusChoice.${status}`) : t('agenda.filters.anyStatus')}
                </option>
              ))}
            </select>
          </label>
          <label className="activity-filters__field">
            <span>{values.status === 'done' ? t('agenda.filters.doneFrom') : t('agenda.filters.dueFrom')}</span>
            <input className="input" type="date" value={values.from} max={values.to || undefined} onChange={(event) => onChange({ from: event.target.value })} />
          </label>
          <label className="activity-filters__field">
            <span>{t('agenda.filters.until')}</span>
            <input className="input" type="date" value={values.to} min={values.from || undefined} onChange={(event) => onChange({ to: event.target.value })} />
          </label>
        </>
      )}
      <label className="activity-filters__field activity-filters__search">
        <span>{t('agenda.filters.search')}</span>
        <input className="input" type="search" value={values.q} onChange={(event) => onChange({ q: event.target.value })} />
      </label>
    </div>
  );
}
