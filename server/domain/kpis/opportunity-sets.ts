import { withoutActivity } from './activity-history.ts';
import type { KpiQuery } from './kpi-query.ts';
import { inPeriodDay, inPeriodTs, sql, within, type Sql } from './sql.ts';

/**
 * The sets of opportunities behind the figures (kpis.md), as conditions over the CTE `o` and the
 * parameters `p`. A figure aggregates its set; its drill-down lists the same set, so a number on
 * a dashboard and the records it opens cannot disagree.
 */
export const OPPORTUNITY_SETS = {
  /** leads.total: LEADs created in the period, including those converted since. */
  LEADS_CREATED: () => sql`o.initial_lead AND ${inPeriodTs(sql`o.created_at`)}`,
  /** The part of leads.total that has become a DEAL (leads.toDealRate). */
  LEADS_CONVERTED: () => sql`o.initial_lead AND o.kind = 'DEAL' AND ${inPeriodTs(sql`o.created_at`)}`,
  /** leads.won / leads.lost: closed while still a LEAD, in the period. */
  LEADS_WON: () => sql`o.kind = 'LEAD' AND o.status = 'WON' AND ${inPeriodTs(sql`o.closed_at`)}`,
  LEADS_LOST: () => sql`o.kind = 'LEAD' AND o.status = 'LOST' AND ${inPeriodTs(sql`o.closed_at`)}`,
  /** leads.avgDwellDays: LEADs converted or closed in the period. */
  LEADS_SETTLED: () =>
    sql`(${inPeriodTs(sql`o.converted_at`)}) OR (o.kind = 'LEAD' AND o.status <> 'OPEN' AND ${inPeriodTs(sql`o.closed_at`)})`,
  LEADS_OPEN: () => sql`o.kind = 'LEAD' AND o.status = 'OPEN'`,
  LEADS_WITHOUT_ACTIVITY: (q) => sql`o.kind = 'LEAD' AND o.status = 'OPEN' AND ${withoutActivity(q)}`,
  /** deals.total: DEALs created, or converted from a LEAD, in the period. */
  DEALS_CREATED: () => sql`o.kind = 'DEAL' AND ${inPeriodTs(sql`o.deal_since`)}`,
  DEALS_OPEN: () => sql`o.kind = 'DEAL' AND o.status = 'OPEN'`,
  DEALS_WON: () => sql`o.kind = 'DEAL' AND o.status = 'WON' AND ${inPeriodTs(sql`o.closed_at`)}`,
  DEALS_LOST: () => sql`o.kind = 'DEAL' AND o.status = 'LOST' AND ${inPeriodTs(sql`o.closed_at`)}`,
  /** Won and lost in the period: winRate's denominator, deals.avgDwellDays. */
  DEALS_CLOSED: () => sql`o.kind = 'DEAL' AND o.status <> 'OPEN' AND ${inPeriodTs(sql`o.closed_at`)}`,
  DEALS_WITHOUT_ACTIVITY: (q) => sql`o.kind = 'DEAL' AND o.status = 'OPEN' AND ${withoutActivity(q)}`,
  /** Open DEALs expected to close in the period (forecast months, a salesperson's open pipeline). */
  DEALS_CLOSING: () => sql`o.kind = 'DEAL' AND o.status = 'OPEN' AND ${inPeriodDay(sql`o.close_date`)}`,
  /** deals.closingThisMonth: open DEALs expected to close in the current month. */
  DEALS_CLOSING_THIS_MONTH: () => sql`o.kind = 'DEAL' AND o.status = 'OPEN' AND ${within(sql`o.close_date`, 'p.month_from', 'p.month_to')}`,
  /** revenue.forecastMonth: open DEALs expected to close from today to the end of the month. */
  DEALS_CLOSING_REST_OF_MONTH: () => sql`o.kind = 'DEAL' AND o.status = 'OPEN' AND ${within(sql`o.close_date`, 'p.today', 'p.month_to')}`,
  /** revenue.projectedYear: open DEALs expected to close from today to the end of the year. */
  DEALS_CLOSING_REST_OF_YEAR: () => sql`o.kind = 'DEAL' AND o.status = 'OPEN' AND ${within(sql`o.close_date`, 'p.today', 'p.year_to')}`,
  /** Open LEADs and DEALs: forecast.byStage, forecast.funnel, revenue.byPipeline. */
  OPPORTUNITIES_OPEN: () => sql`o.status = 'OPEN'`,
  /** Open opportunities expected to close in the period (forecast.byCloseMonth). */
  OPPORTUNITIES_CLOSING: () => sql`o.status = 'OPEN' AND ${inPeriodDay(sql`o.close_date`)}`,
  /** forecast.byStatus: open ones, and those won or lost in the period. */
  OPPORTUNITIES_BY_STATUS: () => sql`o.status = 'OPEN' OR ${inPeriodTs(sql`o.closed_at`)}`,
  /** my.followed: the viewer follows them. */
  FOLLOWED: (q: KpiQuery) => sql`EXISTS (SELECT 1 FROM "OpportunityFollower" f WHERE f."opportunityId" = o.id AND f."userId" = ${q.viewer.id}::uuid)`,
} satisfies Record<string, (q: KpiQuery) => Sql>;

export type OpportunitySet = keyof typeof OPPORTUNITY_SETS;

/** Sets without a history (who follows what is not kept): they have no value as of a past moment. */
export const PRESENT_ONLY_SETS = new Set<OpportunitySet>(['FOLLOWED']);

/** A record's share of a duration figure, in days (null where the set has none). */
export const OPPORTUNITY_SET_DAYS: Partial<Record<OpportunitySet, Sql>> = {
  LEADS_SETTLED: sql`extract(epoch FROM (CASE WHEN ${inPeriodTs(sql`o.converted_at`)} THEN o.converted_at ELSE o.closed_at END) - o.created_at) / 86400`,
  DEALS_CLOSED: sql`extract(epoch FROM o.closed_at - o.deal_since) / 86400`,
  DEALS_WON: sql`extract(epoch FROM o.closed_at - o.created_at) / 86400`,
};

export const opportunitySet = (name: OpportunitySet, q: KpiQuery) => OPPORTUNITY_SETS[name](q);
