import type { Family, Part } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { lossReasonList, monthList, readLossReasons, readMonths, readStages, stageList } from './opportunity-lists.ts';
import { opportunityRowsCte } from './opportunity-rows.ts';
import { opportunitySet as set, type OpportunitySet } from './opportunity-sets.ts';
import { forecastParts } from './forecast-figures.ts';
import { avgDaysWhere, countWhere, MONTHS_CTE, monthOfTs, sql } from './sql.ts';
import { jsonTotals, rate, readTotal, totalColumns } from './values.ts';

/**
 * The figures built on opportunities (leads.*, deals.*, forecast.*, and the opportunity parts of
 * revenue, quotes and my board). All of a request's figures for the same period, scope and asOf
 * are one statement over the CTE `o` (opportunity-rows.ts).
 */
const months = () => [{ name: 'months', body: MONTHS_CTE }];

/** count and amount of a set. */
const total = (name: OpportunitySet, amount = sql`o.amount`): Part => ({
  columns: (q) => totalColumns(set(name, q), amount),
  rows: (q) => set(name, q),
  read: (values) => readTotal(values),
});

const ratio = (numerator: OpportunitySet, denominator: OpportunitySet): Part => ({
  columns: (q) => ({ numerator: countWhere(set(numerator, q)), denominator: countWhere(set(denominator, q)) }),
  rows: (q) => sql`${set(numerator, q)} OR ${set(denominator, q)}`,
  read: (values) => rate(values.numerator, values.denominator),
});

const averageDays = (name: OpportunitySet, end: ReturnType<typeof sql>, start: ReturnType<typeof sql>): Part => ({
  columns: (q) => ({ days: avgDaysWhere(end, start, set(name, q)) }),
  rows: (q) => set(name, q),
  read: (values) => (values.days === null ? null : Number(values.days)),
});

const intake = (name: OpportunitySet, at: ReturnType<typeof sql>): Part => ({
  ctes: months,
  select: (q) => monthList(monthOfTs(at), set(name, q)),
  read: (values) => readMonths(values.value),
});

/** An open DEAL/LEAD's count, amount and weighted amount. */
const openTotals = (name: OpportunitySet): Part => ({
  columns: (q) => ({ ...totalColumns(set(name, q), sql`o.amount`), ...totalColumns(set(name, q), sql`o.weighted`, 'weighted_') }),
  rows: (q) => set(name, q),
  read: (values) => ({ ...readTotal(values), weightedAmount: readTotal(values, 'weighted_').amount }),
});

const leadParts: Record<string, Part> = {
  leadsTotal: total('LEADS_CREATED'),
  leadsToDealRate: ratio('LEADS_CONVERTED', 'LEADS_CREATED'),
  leadsWon: total('LEADS_WON'),
  leadsLost: total('LEADS_LOST'),
  leadsIntake: intake('LEADS_CREATED', sql`o.created_at`),
  leadsAvgDwellDays: {
    columns: (q) => ({
      days: avgDaysWhere(
        sql`CASE WHEN o.converted_at >= p.from_ts AND o.converted_at < p.to_ts THEN o.converted_at ELSE o.closed_at END`,
        sql`o.created_at`,
        set('LEADS_SETTLED', q),
      ),
    }),
    rows: (q) => set('LEADS_SETTLED', q),
    read: (values) => (values.days === null ? null : Number(values.days)),
  },
  leadsLossReasons: { select: (q) => lossReasonList(set('LEADS_LOST', q)), read: (values) => readLossReasons(values.value) },
  leadsWithoutActivity: total('LEADS_WITHOUT_ACTIVITY'),
  leadsOpen: openTotals('LEADS_OPEN'),
};

const dealParts: Record<string, Part> = {
  dealsTotal: total('DEALS_CREATED'),
  dealsWeightedOpen: total('DEALS_OPEN', sql`o.weighted`),
  dealsWinRate: ratio('DEALS_WON', 'DEALS_CLOSED'),
  dealsWon: total('DEALS_WON'),
  dealsLost: total('DEALS_LOST'),
  dealsIntake: intake('DEALS_CREATED', sql`o.deal_since`),
  dealsAvgDwellDays: averageDays('DEALS_CLOSED', sql`o.closed_at`, sql`o.deal_since`),
  dealsByStage: { select: (q) => stageList(q, set('DEALS_OPEN', q), 'DEAL'), read: (values) => readStages(values.value) },
  dealsPipelineValue: total('DEALS_OPEN'),
  dealsWithoutActivity: total('DEALS_WITHOUT_ACTIVITY'),
  dealsLossReasons: { select: (q) => lossReasonList(set('DEALS_LOST', q)), read: (values) => readLossReasons(values.value) },
  dealsClosingThisMonth: total('DEALS_CLOSING_THIS_MONTH'),
  dealsOpen: openTotals('DEALS_OPEN'),
};

const otherParts: Record<string, Part> = {
  /** quotes.avgSalesCycleDays: DEALs won in the period, from the opportunity's creation. */
  salesCycleDays: averageDays('DEALS_WON', sql`o.closed_at`, sql`o.created_at`),
  /** The opportunity halves of revenue.projectedYear and revenue.forecastMonth. */
  weightedRestOfYear: total('DEALS_CLOSING_REST_OF_YEAR', sql`o.weighted`),
  weightedRestOfMonth: total('DEALS_CLOSING_REST_OF_MONTH', sql`o.weighted`),
  /** revenue.byPipeline: open opportunities' weighted amount per pipeline in scope. */
  byPipeline: {
    select: (q) => sql`(
      SELECT COALESCE(json_agg(json_build_object('pipelineId', pl."id", 'count', COALESCE(g.n, 0), 'amount', COALESCE(g.amount, 0)::text,
               'weighted', COALESCE(g.weighted, 0)::text) ORDER BY pl."position", pl."name"), '[]'::json)
      FROM "Pipeline" pl
      LEFT JOIN (SELECT o.pipeline_id, count(*)::int AS n, sum(o.amount) AS amount, sum(o.weighted) AS weighted
                 FROM o CROSS JOIN p WHERE ${set('OPPORTUNITIES_OPEN', q)} GROUP BY 1) g ON g.pipeline_id = pl."id"
      WHERE ${q.scope.pipelineIds.length ? sql`pl."id" = ANY(${q.scope.pipelineIds}::uuid[])` : sql`TRUE`})`,
    read: (values) => (values.value as Array<Record<string, any>>).map((row) => ({ pipelineId: row.pipelineId as string, ...jsonTotals(row) })),
  },
  followed: total('FOLLOWED'),
};

export const opportunityFamily: Family = {
  name: 'opportunities',
  ctes: (q: KpiQuery) => [opportunityRowsCte(q)],
  from: sql`o CROSS JOIN p`,
  parts: { ...leadParts, ...dealParts, ...otherParts, ...forecastParts },
};
