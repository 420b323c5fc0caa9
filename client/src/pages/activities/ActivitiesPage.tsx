import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ActivityCheckbox } from '../../components/opportunity/ActivityCheckbox.tsx';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { ActivityFieldsFragment } from '../../gql/graphql.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { ActivitiesHeader } from './ActivitiesHeader.tsx';
import { ActivityActions } from './ActivityActions.tsx';
import { readParams, toFilter, writeParams, type ActivityListParams } from './activity-filter-params.ts';
import { activityRecord } from './activity-paths.ts';
import { ActivityListQuery } from './activity-queries.ts';
import { ActivityFilters } from './ActivityFilters.tsx';
import './activities.css';

const PAGE_SIZE = 25;
/** The table's columns as the export's keys: the activity, what it is about, when, who, its status. */
const EXPORT_COLUMNS = ['type', 'subject', 'opportunity', 'account', 'contact', 'dueAt', 'doneAt', 'assignee', 'status'];

/** `/activities`: every activity the viewer may read, filtered by the URL's query, a page at a time. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const [search, setSearch] = useQueryParams();
  const params = readParams(search);
  const words = useDebouncedValue(params.q, 300);
  // urql tells variables apart by their content, so a new object each render asks nothing new.
  const filter = toFilter({ ...params, q: words }, formats.timeZone);
  // A page cursor belongs to one filter: a new filter starts on the first page.
  const filterKey = JSON.stringify(filter);
  const [cursor, setCursor] = useState<{ filterKey: string; after?: string; before?: string }>({ filterKey });
  const page = cursor.filterKey === filterKey ? cursor : { filterKey };
  const variables = page.before ? { filter, last: PAGE_SIZE, before: page.before } : { filter, first: PAGE_SIZE, after: page.after ?? null };
  const context = useMemo(() => ({ additionalTypenames: ['Activity'] }), []);
  const [{ data, error, fetching }] = useQuery({ query: ActivityListQuery, variables, requestPolicy: 'cache-and-network', context });
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const list = data?.activities;

  function changeFilters(patch: Partial<ActivityListParams>) {
    setSearch((latest) => writeParams({ ...readParams(latest), ...patch }), { replace: true });
  }

  return (
    <section aria-labelledby="activities-page-title" className="activities-page">
      <ActivitiesHeader search={search.toString()} actions={<ExportCsvButton list="activities" args={{ filter }} columns={EXPORT_COLUMNS} />} />
      <ActivityFilters values={params} onChange={changeFilters} withStatusAndDates />
      {notice && (
        <div className={`banner ${notice.error ? 'banner--error' : 'banner--success'}`} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {error && !data && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('agenda.loading')} />}
      {list && (
        <p className="toolbar__count" data-testid="activity-count" aria-live="polite">
          {t('agenda.count', { count: list.totalCount })}
        </p>
      )}
      {list && list.edges.length === 0 && <p className="empty">{t('agenda.none')}</p>}
      {list && list.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards activity-table" aria-label={t('agenda.title')}>
            <thead>
              <tr>
                <th scope="col">{t('agenda.column.activity')}</th>
                <th scope="col">{t('agenda.column.regarding')}</th>
                <th scope="col">{t('agenda.column.when')}</th>
                <th scope="col">{t('agenda.form.assignee')}</th>
                <th scope="col">{t('agenda.filters.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: activity }) => (
                <ActivityRow
                  key={activity.id}
                  activity={activity}
                  onNotice={(text) => setNotice({ text })}
                  onError={(text) => setNotice({ text, error: true })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && (
        <Pager
          label={t('agenda.pages')}
          pageInfo={list.pageInfo}
          onPrevious={(before) => setCursor({ filterKey, before })}
          onNext={(after) => setCursor({ filterKey, after })}
        />
      )}
    </section>
  );
}

function ActivityRow({ activity, onNotice, onError }: { activity: ActivityFieldsFragment; onNotice(text: string): void; onError(text: string): void }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const record = activityRecord(activity);
  const done = activity.status === 'COMPLETED';
  return (
    <tr data-testid="activity-row" className={`activity-row activity-row--${activity.status.toLowerCase()}`}>
      <td className="table__card-title">
        <span className="activity-row__title">
          <ActivityCheckbox activity={activity} disabled={!activity.viewerCanEdit} onError={onError} />
          <span>
            <span className="activity__type">{t(`activities.type.${activity.type}`)}</span> <span className="activity__subject">{activity.subject}</span>
            {activity.outcome && <span className="activity-row__outcome muted"> · {activity.outcome}</span>}
          </span>
        </span>
      </td>
      <td data-label={t('agenda.column.regarding')}>
        {record ? <Link to={record.path}>{record.label}</Link> : <span className="muted">{t('common.restrictedRecord')}</span>}
      </td>
      <td data-label={t('agenda.column.when')}>
        {done && activity.doneAt
          ? t('activities.doneAt', { when: formats.dateTime(activity.doneAt) })
          : activity.dueAt
            ? formats.due(activity.dueAt)
            : <span className="muted">{t('activities.noDue')}</span>}
      </td>
      <td data-label={t('agenda.form.assignee')}>{activity.assignee.name}</td>
      <td data-label={t('agenda.filters.status')}>
        <span className={`status status--${activity.status === 'OVERDUE' ? 'overdue' : done ? 'won' : 'open'}`}>{t(`activities.status.${activity.status}`)}</span>
      </td>
      <td data-label={t('common.actions')}>
        <ActivityActions activity={activity} onNotice={onNotice} onError={onError} />
      </td>
    </tr>
  );
}
