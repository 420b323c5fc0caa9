import type { Cte, Family, Part } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { opportunityRowsCte } from './opportunity-rows.ts';
import { opportunitySet as set } from './opportunity-sets.ts';
import { and, anyOf, countWhere, inPeriodDay, raw, salesReadable, sql } from './sql.ts';
import { money, readTotal, type KpiTotal } from './values.ts';

/**
 * Team tab (kpis.md): per user and per team, DEALs won and lost in the period, open DEALs owned,
 * and revenue: the net of the (not cancelled) invoices issued in the period of the opportunities
 * the user owns (a team: of the team's opportunities). my.revenue is the viewer's share.
 */

/** Revenue of opportunities as `r`: the invoice's net with its opportunity's owner and team. */
export const ownedRevenueCte = (q: KpiQuery): Cte => ({
  name: 'r',
  body: sql`
    SELECT inv."id", inv."netAmount" AS net, inv."accountId" AS account_id, op."ownerId" AS owner_id, op."teamId" AS team_id
    FROM "Invoice" inv JOIN "Opportunity" op ON op."id" = inv."opportunityId" CROSS JOIN p
    WHERE ${and(
      salesReadable(q.viewer, sql`inv."teamId"`),
      salesReadable(q.viewer, sql`op."teamId"`),
      sql`inv."status" <> 'CANCELLED'`,
      inPeriodDay(sql`inv."issueDate"`),
      anyOf(q.scope.ownerIds, sql`op."ownerId"`),
      anyOf(q.scope.teamIds, sql`op."teamId"`),
      anyOf(q.scope.pipelineIds, sql`op."pipelineId"`),
    )}`,
});

export interface TeamRow {
  id: string;
  won: KpiTotal;
  lost: KpiTotal;
  owned: KpiTotal;
  revenue: KpiTotal;
}

/**
 * The deal figures per owner and team as `team_deals`, from one pass over the DEALs that count
 * (won or lost in the period, or open): the per-user and per-team lists both sum it up.
 */
const teamDealsCte = (q: KpiQuery): Cte => ({
  name: 'team_deals',
  body: sql`
    SELECT o.owner_id, o.team_id,
           ${countWhere(set('DEALS_WON', q))} AS won_n, COALESCE(sum(o.amount) FILTER (WHERE ${set('DEALS_WON', q)}), 0) AS won_amount,
           ${countWhere(set('DEALS_LOST', q))} AS lost_n, COALESCE(sum(o.amount) FILTER (WHERE ${set('DEALS_LOST', q)}), 0) AS lost_amount,
           ${countWhere(set('DEALS_OPEN', q))} AS owned_n, COALESCE(sum(o.amount) FILTER (WHERE ${set('DEALS_OPEN', q)}), 0) AS owned_amount
    FROM o CROSS JOIN p
    WHERE ${set('DEALS_WON', q)} OR ${set('DEALS_LOST', q)} OR ${set('DEALS_OPEN', q)}
    GROUP BY 1, 2`,
});

/** Per key (owner or team): the deal figures from `team_deals` and the revenue from `r`. */
function figuresBy(column: 'owner_id' | 'team_id') {
  const key = raw(column);
  return sql`
    LEFT JOIN (
      SELECT ${key} AS id, sum(won_n)::int AS won_n, sum(won_amount)::text AS won_amount, sum(lost_n)::int AS lost_n,
             sum(lost_amount)::text AS lost_amount, sum(owned_n)::int AS owned_n, sum(owned_amount)::text AS owned_amount
      FROM team_deals GROUP BY 1
    ) d ON d.id = x.id
    LEFT JOIN (SELECT r.${key} AS id, count(*)::int AS n, sum(r.net)::text AS amount FROM r GROUP BY 1) rv ON rv.id = x.id`;
}

const rowFields = sql`'id', x.id,
  'wonCount', COALESCE(d.won_n, 0), 'wonAmount', COALESCE(d.won_amount, '0'),
  'lostCount', COALESCE(d.lost_n, 0), 'lostAmount', COALESCE(d.lost_amount, '0'),
  'ownedCount', COALESCE(d.owned_n, 0), 'ownedAmount', COALESCE(d.owned_amount, '0'),
  'revenueCount', COALESCE(rv.n, 0), 'revenueAmount', COALESCE(rv.amount, '0')`;

const readRows = (rows: Array<Record<string, any>>): TeamRow[] =>
  rows.map((row) => ({
    id: row.id,
    won: { count: row.wonCount, amount: money(row.wonAmount) },
    lost: { count: row.lostCount, amount: money(row.lostAmount) },
    owned: { count: row.ownedCount, amount: money(row.ownedAmount) },
    revenue: { count: row.revenueCount, amount: money(row.revenueAmount) },
  }));

/** The active members of the readable teams in scope, and whoever else has figures, by name. */
const byUser: Part<TeamRow[]> = {
  ctes: (q) => [teamDealsCte(q)],
  select: (q) => sql`(
    SELECT COALESCE(json_agg(json_build_object(${rowFields}) ORDER BY x.name, x.id), '[]'::json)
    FROM (SELECT u."id", u."name" FROM "User" u) x
    ${figuresBy('owner_id')}
    WHERE d.id IS NOT NULL OR rv.id IS NOT NULL OR x.id IN (
      SELECT m."userId" FROM "TeamMembership" m JOIN "User" mu ON mu."id" = m."userId"
      WHERE ${and(sql`mu."active"`, salesReadable(q.viewer, sql`m."teamId"`), anyOf(q.scope.teamIds, sql`m."teamId"`), anyOf(q.scope.ownerIds, sql`m."userId"`))}))`,
  read: (values) => readRows(values.value),
};

/** The readable sales teams in scope, and any other team with figures, by name. */
const byTeam: Part<TeamRow[]> = {
  ctes: (q) => [teamDealsCte(q)],
  select: (q) => sql`(
    SELECT COALESCE(json_agg(json_build_object(${rowFields}) ORDER BY x.name, x.id), '[]'::json)
    FROM (SELECT t."id", t."name", t."type" FROM "Team" t WHERE ${and(salesReadable(q.viewer, sql`t."id"`), anyOf(q.scope.teamIds, sql`t."id"`))}) x
    ${figuresBy('team_id')}
    WHERE x.type = 'SALES' OR d.id IS NOT NULL OR rv.id IS NOT NULL)`,
  read: (values) => readRows(values.value),
};

export const teamFamily: Family = {
  name: 'team',
  ctes: (q: KpiQuery) => [opportunityRowsCte(q), ownedRevenueCte(q)],
  from: sql`r`,
  parts: {
    teamByUser: byUser,
    teamByTeam: byTeam,
    ownedRevenue: { columns: () => ({ count: sql`count(*)::int`, amount: sql`COALESCE(sum(r.net), 0)::text` }), read: (values) => readTotal(values) },
  },
};
