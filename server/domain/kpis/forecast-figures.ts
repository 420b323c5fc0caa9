import type { Part } from './family.ts';
import { monthList, readMonths, readStages, stageList } from './opportunity-lists.ts';
import { opportunitySet as set } from './opportunity-sets.ts';
import { funnelPart } from './funnel.ts';
import { MONTHS_CTE, monthOfDay, raw, sql } from './sql.ts';
import { targetsCte } from './targets.ts';
import { dayValue, jsonTotals, money } from './values.ts';

/**
 * Forecast tab (kpis.md): all from the opportunities' state now or as of a past moment. Parts of
 * the opportunity family, so a whole tab reads the opportunities once per asOf.
 */
export const FORECAST_MONTHS = 12;
export const SALESPERSON_INTERVALS = ['MONTH', 'QUARTER'] as const;
export type SalespersonInterval = (typeof SALESPERSON_INTERVALS)[number];

const byMonth: Part = {
  ctes: (q) => [targetsCte(q)],
  select: (q) => sql`(
    SELECT COALESCE(json_agg(json_build_object('month', m.month, 'count', COALESCE(g.n, 0), 'amount', COALESCE(g.amount, 0)::text,
             'weighted', COALESCE(g.weighted, 0)::text, 'target', COALESCE(t.amount, 0)::text) ORDER BY m.month), '[]'::json)
    FROM (SELECT generate_series(p.month_from, p.month_from + make_interval(months => ${FORECAST_MONTHS - 1}::int), interval '1 month')::date AS month FROM p) m
    LEFT JOIN (SELECT ${monthOfDay(sql`o.close_date`)} AS month, count(*)::int AS n, sum(o.amount) AS amount, sum(o.weighted) AS weighted
               FROM o CROSS JOIN p WHERE ${set('DEALS_OPEN', q)} GROUP BY 1) g ON g.month = m.month
    LEFT JOIN targets t ON t.month = m.month)`,
  read: (values) => (values.value as Array<Record<string, any>>).map((row) => ({ month: dayValue(row.month), ...jsonTotals(row), target: money(row.target) })),
};

const byStatus: Part = {
  select: (q) => sql`(
    SELECT json_agg(json_build_object('status', st.status, 'count', COALESCE(g.n, 0), 'amount', COALESCE(g.amount, 0)::text,
             'weighted', COALESCE(g.weighted, 0)::text) ORDER BY st.position)
    FROM (VALUES ('OPEN', 1), ('WON', 2), ('LOST', 3)) st(status, position)
    LEFT JOIN (SELECT o.status::text AS status, count(*)::int AS n, sum(o.amount) AS amount, sum(o.weighted) AS weighted
               FROM o CROSS JOIN p WHERE ${set('OPPORTUNITIES_BY_STATUS', q)} GROUP BY 1) g ON g.status = st.status)`,
  read: (values) => (values.value as Array<Record<string, any>>).map((row) => ({ status: row.status as string, ...jsonTotals(row) })),
};

const byStage: Part = {
  select: (q) => stageList(q, set('OPPORTUNITIES_OPEN', q), null),
  read: (values) => readStages(values.value),
};

const byCloseMonth: Part = {
  ctes: () => [{ name: 'months', body: MONTHS_CTE }],
  select: (q) => monthList(monthOfDay(sql`o.close_date`), set('OPPORTUNITIES_CLOSING', q)),
  read: (values) => readMonths(values.value),
};

/**
 * forecast.bySalesperson: per owner and month or quarter of the period, the DEALs won then and the
 * open DEALs expected to close then. Owners with neither are left out.
 */
function bySalesperson(interval: SalespersonInterval): Part {
  const unit = raw(`'${interval.toLowerCase()}'`);
  const step = raw(interval === 'MONTH' ? "'1 month'" : "'3 months'");
  return {
    select: (q) => sql`(
      WITH figures AS (
        SELECT o.owner_id, date_trunc(${unit}, o.closed_at AT TIME ZONE p.tz)::date AS start, 'won' AS what, count(*)::int AS n, sum(o.amount) AS amount
        FROM o CROSS JOIN p WHERE ${set('DEALS_WON', q)} GROUP BY 1, 2
        UNION ALL
        SELECT o.owner_id, date_trunc(${unit}, o.close_date)::date, 'open', count(*)::int, sum(o.amount)
        FROM o CROSS JOIN p WHERE ${set('DEALS_CLOSING', q)} GROUP BY 1, 2
      ),
      buckets AS (SELECT generate_series(date_trunc(${unit}, p.from_day), p.to_day - 1, interval ${step})::date AS start FROM p),
      rows AS (
        SELECT owners.owner_id, json_agg(json_build_object(
                 'start', b.start,
                 'wonCount', COALESCE(won.n, 0), 'wonAmount', COALESCE(won.amount, 0)::text,
                 'openCount', COALESCE(open.n, 0), 'openAmount', COALESCE(open.amount, 0)::text) ORDER BY b.start) AS buckets
        FROM (SELECT DISTINCT owner_id FROM figures) owners CROSS JOIN buckets b
        LEFT JOIN figures won ON won.owner_id = owners.owner_id AND won.start = b.start AND won.what = 'won'
        LEFT JOIN figures open ON open.owner_id = owners.owner_id AND open.start = b.start AND open.what = 'open'
        GROUP BY owners.owner_id
      )
      SELECT COALESCE(json_agg(json_build_object('ownerId', r.owner_id, 'buckets', r.buckets) ORDER BY u."name", r.owner_id), '[]'::json)
      FROM rows r JOIN "User" u ON u."id" = r.owner_id)`,
    read: (values) =>
      (values.value as Array<Record<string, any>>).map((row) => ({
        ownerId: row.ownerId as string,
        buckets: (row.buckets as Array<Record<string, any>>).map((bucket) => ({
          start: dayValue(bucket.start),
          won: { count: bucket.wonCount as number, amount: money(bucket.wonAmount) },
          open: { count: bucket.openCount as number, amount: money(bucket.openAmount) },
        })),
      })),
  };
}

export const forecastParts: Record<string, Part> = {
  forecastByMonth: byMonth,
  forecastByStatus: byStatus,
  forecastByStage: byStage,
  forecastByCloseMonth: byCloseMonth,
  forecastFunnel: funnelPart,
  forecastBySalespersonMONTH: bySalesperson('MONTH'),
  forecastBySalespersonQUARTER: bySalesperson('QUARTER'),
};
