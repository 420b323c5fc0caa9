import { Prisma } from '../../generated/prisma/client.ts';
import type { KpiQuery } from './kpi-query.ts';
import { anyOf, sql, type Sql } from './sql.ts';
import { dayValue, money } from './values.ts';

/** Grouped lists over the CTE `o`, as JSON subqueries, and how they are read back. */

export interface StageFigure {
  stageId: string;
  count: number;
  amount: Prisma.Decimal;
  weightedAmount: Prisma.Decimal;
}

/**
 * Count, amount and weighted amount per stage of the pipelines in scope (of one kind, or all),
 * in board order; stages without records are listed with zeros.
 */
export function stageList(q: KpiQuery, condition: Sql, kind: 'LEAD' | 'DEAL' | null): Sql {
  return sql`(
    SELECT COALESCE(json_agg(json_build_object('stageId', s."id", 'count', COALESCE(g.n, 0), 'amount', COALESCE(g.amount, 0)::text,
             'weighted', COALESCE(g.weighted, 0)::text) ORDER BY pl."position", pl."name", s."position"), '[]'::json)
    FROM "Stage" s JOIN "Pipeline" pl ON pl."id" = s."pipelineId"
    LEFT JOIN (SELECT o.stage_id, count(*)::int AS n, sum(o.amount) AS amount, sum(o.weighted) AS weighted
               FROM o CROSS JOIN p WHERE ${condition} GROUP BY o.stage_id) g ON g.stage_id = s."id"
    WHERE ${kind ? sql`pl."kind" = ${kind}::"OpportunityKind"` : sql`TRUE`} AND ${anyOf(q.scope.pipelineIds, sql`pl."id"`)})`;
}

export const readStages = (rows: Array<Record<string, any>>): StageFigure[] =>
  rows.map((row) => ({ stageId: row.stageId, count: row.count, amount: money(row.amount), weightedAmount: money(row.weighted) }));

export interface MonthFigure {
  month: Date;
  count: number;
  amount: Prisma.Decimal;
  weightedAmount: Prisma.Decimal;
}

/** Count, amount and weighted amount per month of the period (every month, empty ones too). */
export function monthList(month: Sql, condition: Sql): Sql {
  return sql`(
    SELECT COALESCE(json_agg(json_build_object('month', m.month, 'count', COALESCE(g.n, 0), 'amount', COALESCE(g.amount, 0)::text,
             'weighted', COALESCE(g.weighted, 0)::text) ORDER BY m.month), '[]'::json)
    FROM months m
    LEFT JOIN (SELECT ${month} AS month, count(*)::int AS n, sum(o.amount) AS amount, sum(o.weighted) AS weighted
               FROM o CROSS JOIN p WHERE ${condition} GROUP BY 1) g ON g.month = m.month)`;
}

export const readMonths = (rows: Array<Record<string, any>>): MonthFigure[] =>
  rows.map((row) => ({ month: dayValue(row.month), count: row.count, amount: money(row.amount), weightedAmount: money(row.weighted) }));

export interface LossReasonFigure {
  lossReasonId: string | null;
  count: number;
  amount: Prisma.Decimal;
}

/** Count and amount per loss reason, most frequent first (ties by the reason's name). */
export function lossReasonList(condition: Sql): Sql {
  return sql`(
    SELECT COALESCE(json_agg(json_build_object('lossReasonId', g.id, 'count', g.n, 'amount', g.amount::text) ORDER BY g.n DESC, lr."name", g.id), '[]'::json)
    FROM (SELECT o.loss_reason_id AS id, count(*)::int AS n, sum(o.amount) AS amount FROM o CROSS JOIN p WHERE ${condition} GROUP BY 1) g
    LEFT JOIN "LossReason" lr ON lr."id" = g.id)`;
}

export const readLossReasons = (rows: Array<Record<string, any>>): LossReasonFigure[] =>
  rows.map((row) => ({ lossReasonId: row.lossReasonId, count: row.count, amount: money(row.amount) }));
