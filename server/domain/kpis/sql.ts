import type { Viewer } from '../../auth/viewer.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { KpiQuery } from './kpi-query.ts';

/**
 * Building blocks of the KPI statements. Every statement starts with the CTE `p` (this body), one row holding
 * the query's moments and days in the organisation's time zone, so "the period", "today" and
 * "this month" are computed by PostgreSQL once and mean the same in every figure:
 *
 * - `from_day`/`to_day`, `from_ts`/`to_ts`: the period as days (DATE columns) and instants
 * - `now_ts`, `today`: the moment figures refer to (asOf or now) and its day
 * - `month_from`/`month_to` (+ `_ts`): the current month; `year_from`/`year_to`: the current year
 * - `stale_before`: activity older than this makes an open opportunity "without activity"
 * - `tz`: the organisation's time zone, for grouping instants by month
 */
export function paramsCte(q: KpiQuery): Prisma.Sql {
  const { timeZone, staleAfterDays } = q.settings;
  return Prisma.sql`
    SELECT d.*, (d.from_day::timestamp AT TIME ZONE d.tz) AS from_ts, (d.to_day::timestamp AT TIME ZONE d.tz) AS to_ts,
           (d.month_from::timestamp AT TIME ZONE d.tz) AS month_from_ts, (d.month_to::timestamp AT TIME ZONE d.tz) AS month_to_ts,
           (d.today::timestamp AT TIME ZONE d.tz) AS today_ts
    FROM (
      SELECT t.*, date_trunc('month', t.today)::date AS month_from, (date_trunc('month', t.today) + interval '1 month')::date AS month_to,
             date_trunc('year', t.today)::date AS year_from, (date_trunc('year', t.today) + interval '1 year')::date AS year_to
      FROM (
        SELECT ${timeZone}::text AS tz, ${day(q.from)}::date AS from_day, ${day(q.to)}::date AS to_day,
               ${q.now}::timestamptz AS now_ts, (${q.now}::timestamptz AT TIME ZONE ${timeZone}::text)::date AS today,
               ${q.now}::timestamptz - make_interval(days => ${staleAfterDays}::int) AS stale_before
      ) t
    ) d`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The period's first instant and the query's moment (as `p.from_ts` and `p.now_ts`) written as
 * parameters: PostgreSQL plans with their values, so it knows how many rows of a large table a
 * range on them selects (of `p`'s columns it knows nothing) and joins those rows accordingly.
 */
export const periodStartParam = (q: KpiQuery) => Prisma.sql`(${day(q.from)}::date::timestamp AT TIME ZONE ${q.settings.timeZone}::text)`;
export const nowParam = (q: KpiQuery) => Prisma.sql`${q.now}::timestamptz`;

/** The months of the period (first days), for lists that show every month, empty ones too. */
export const MONTHS_CTE = Prisma.sql`SELECT generate_series(date_trunc('month', p.from_day), p.to_day - 1, interval '1 month')::date AS month FROM p`;

/** Rows of sales records (opportunities, activities, documents, budgets) the viewer may read. */
export function salesReadable(viewer: Viewer, teamColumn: Prisma.Sql): Prisma.Sql {
  if (viewer.role === 'ADMIN') return Prisma.sql`TRUE`;
  if (viewer.role === 'SERVICE' || viewer.teamIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${teamColumn} = ANY(${viewer.teamIds}::uuid[])`;
}

/** Accounts and contacts the viewer may read (SERVICE reads them too, but is refused KPIs earlier). */
export function customerReadable(viewer: Viewer, teamColumn: Prisma.Sql): Prisma.Sql {
  if (viewer.role === 'ADMIN' || viewer.role === 'SERVICE') return Prisma.sql`TRUE`;
  if (viewer.teamIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${teamColumn} = ANY(${viewer.teamIds}::uuid[])`;
}

/** `column = ANY(ids)` when the scope names ids, else no condition. */
export function anyOf(ids: string[], column: Prisma.Sql): Prisma.Sql {
  return ids.length ? Prisma.sql`${column} = ANY(${ids}::uuid[])` : Prisma.sql`TRUE`;
}

export const and = (...conditions: Prisma.Sql[]) => Prisma.join(conditions.map((condition) => Prisma.sql`(${condition})`), ' AND ');

/** `column` lies in [lower, upper). */
export const within = (column: Prisma.Sql, lower: string, upper: string) =>
  Prisma.sql`${column} >= ${Prisma.raw(lower)} AND ${column} < ${Prisma.raw(upper)}`;

export const inPeriodTs = (column: Prisma.Sql) => within(column, 'p.from_ts', 'p.to_ts');
export const inPeriodDay = (column: Prisma.Sql) => within(column, 'p.from_day', 'p.to_day');

/** Aggregates read back exactly: counts as int, money as text (JSON numbers would lose digits). */
export const countWhere = (condition: Prisma.Sql) => Prisma.sql`count(*) FILTER (WHERE ${condition})::int`;
export const sumWhere = (value: Prisma.Sql, condition: Prisma.Sql) => Prisma.sql`COALESCE(sum(${value}) FILTER (WHERE ${condition}), 0)::text`;
/** Average of `end - start` in days (seconds / 86400); null over no rows. */
export const avgDaysWhere = (end: Prisma.Sql, start: Prisma.Sql, condition: Prisma.Sql) =>
  Prisma.sql`(avg(extract(epoch FROM (${end} - ${start}))) FILTER (WHERE ${condition}) / 86400)::float8`;
/** The same for DATE columns, whose difference is already whole days. */
export const avgDateDaysWhere = (end: Prisma.Sql, start: Prisma.Sql, condition: Prisma.Sql) =>
  Prisma.sql`(avg(${end} - ${start}) FILTER (WHERE ${condition}))::float8`;

/** A JSON array of the rows of `query` (an aggregate subquery), `[]` when there are none. */
export const jsonRows = (fields: Prisma.Sql, from: Prisma.Sql, orderBy: Prisma.Sql) =>
  Prisma.sql`(SELECT COALESCE(json_agg(json_build_object(${fields}) ORDER BY ${orderBy}), '[]'::json) FROM ${from})`;

/** Month of an instant on the organisation's calendar (first day, DATE). */
export const monthOfTs = (column: Prisma.Sql) => Prisma.sql`date_trunc('month', ${column} AT TIME ZONE p.tz)::date`;
export const monthOfDay = (column: Prisma.Sql) => Prisma.sql`date_trunc('month', ${column})::date`;

export const raw = Prisma.raw;
export const sql = Prisma.sql;
export type Sql = Prisma.Sql;
