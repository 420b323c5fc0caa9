import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { ActivityFieldsFragment } from '../../gql/graphql.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useQueryParams } from '../../hooks/useQueryParams.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { ActivitiesHeader } from './ActivitiesHeader.tsx';
import { readParams, toFilter, writeParams, type ActivityListParams } from './activity-filter-params.ts';
import { activityRecord } from './activity-paths.ts';
import { ActivityCalendarQuery } from './activity-queries.ts';
import { ActivityFilters } from './ActivityFilters.tsx';
import { byDay, endOf } from './week-calendar.ts';
import { addDaysTo, dayRange, mondayOf, todayIn, wallTimeOf, weekDays } from './zoned-time.ts';
import './activities.css';

/** More than a week's worth of entries for one person; beyond it the page says so. */
const MAX_ENTRIES = 100;

/**
 * `/activities/week`: the scheduled activities of one week (Monday to Sunday on the organisation's
 * calendar), a column per day with today marked; on a phone the days stand one under the other.
 * Each entry links to the record it is about.
 */
export function ActivityWeekPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const [search, setSearch] = useQueryParams();
  const params = readParams(search);
  const today = todayIn(formats.timeZone);
  const requested = search.get('week') ?? '';
  const monday = mondayOf(/^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : today);
  const days = weekDays(monday);
  const range = dayRange(days[0], days[6], formats.timeZone)!;
  const words = useDebouncedValue(params.q, 300);
  const filter = toFilter({ ...params, q: words }, formats.timeZone, { withDates: false });
  const context = useMemo(() => ({ additionalTypenames: ['Activity'] }), []);
  const [{ data, error, fetching }] = useQuery({
    query: ActivityCalendarQuery,
    variables: { from: range.from, to: range.to, filter, first: MAX_ENTRIES },
    requestPolicy: 'cache-and-network',
    context,
  });
  const calendar = data?.activityCalendar;
  const grouped = byDay(calendar?.edges.map((edge) => edge.node) ?? [], days, formats.timeZone);

  const weekQuery = (week: string) => writeParams(params, week === mondayOf(today) ? {} : { week });
  const changeFilters = (patch: Partial<ActivityListParams>) =>
    setSearch((latest) => writeParams({ ...readParams(latest), ...patch }, requested ? { week: monday } : {}), { replace: true });
  const goTo = (week: string) => setSearch(weekQuery(week));

  return (
    <section aria-labelledby="activities-page-title" className="activities-page">
      <ActivitiesHeader search={search.toString()} />
      <ActivityFilters values={params} onChange={changeFilters} withStatusAndDates={false} />
      <div className="week-nav" role="group" aria-label={t('agenda.week.navigation')}>
        <button type="button" className="button button--secondary" onClick={() => goTo(addDaysTo(monday, -7))}>
          ← {t('agenda.week.previous')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => goTo(mondayOf(today))} disabled={monday === mondayOf(today)}>
          {t('agenda.week.thisWeek')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => goTo(addDaysTo(monday, 7))}>
          {t('agenda.week.next')} →
        </button>
        <h2 className="week-nav__title" data-testid="week-title">
          {t('agenda.week.range', { from: formats.day(days[0]), to: formats.day(days[6]) })}
        </h2>
      </div>
      {error && !data && <QueryError error={error} />}
      {!data && fetching && <Loading what={t('agenda.loading')} />}
      {calendar?.pageInfo.hasNextPage && (
        <div className="banner banner--warning" role="status">
          {t('agenda.week.truncated', { shown: calendar.edges.length, count: calendar.totalCount })}
        </div>
      )}
      {calendar && (
        <ol className="week" aria-label={t('agenda.week.title')}>
          {days.map((day) => {
            const entries = grouped.get(day) ?? [];
            const isToday = day === today;
            return (
              <li key={day} className={`week__day${isToday ? ' week__day--today' : ''}${entries.length === 0 ? ' week__day--empty' : ''}`} data-day={day} data-testid="week-day">
                <h3 className="week__day-title" aria-current={isToday ? 'date' : undefined}>
                  {formats.weekday(day)}
                  {isToday && <span className="week__today">{t('agenda.week.today')}</span>}
                </h3>
                {entries.length === 0 ? (
                  <p className="week__nothing muted">{t('agenda.week.nothing')}</p>
                ) : (
                  <ul className="week__entries">
                    {entries.map((activity) => (
                      <WeekEntry key={activity.id} activity={activity} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function WeekEntry({ activity }: { activity: ActivityFieldsFragment }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const record = activityRecord(activity);
  const dueAt = activity.dueAt!;
  const end = endOf(dueAt, activity.durationMinutes);
  const timed = wallTimeOf(dueAt, formats.timeZone).time !== '';
  const when = timed ? (end ? `${formats.time(dueAt)}–${formats.time(end)}` : formats.time(dueAt)) : t('agenda.week.anyTime');
  const body = (
    <>
      <span className="week-entry__time">{when}</span>
      <span className="week-entry__what">
        <span className="activity__type">{t(`activities.type.${activity.type}`)}</span> <span className="week-entry__subject">{activity.subject}</span>
      </span>
      {record && <span className="week-entry__record muted">{record.label}</span>}
      <span className="week-entry__who muted">
        {activity.assignee.name}
        {activity.status !== 'OPEN' && ` · ${t(`activities.status.${activity.status}`)}`}
      </span>
    </>
  );
  return (
    <li className={`week-entry week-entry--${activity.type.toLowerCase()} week-entry--${activity.status.toLowerCase()}`} data-testid="week-entry">
      {record ? (
        <Link to={record.path} className="week-entry__link">
          {body}
        </Link>
      ) : (
        <span className="week-entry__link">{body}</span>
      )}
    </li>
  );
}
