import type { Cte, Part } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { opportunitySet as set } from './opportunity-sets.ts';
import { anyOf, nowParam, periodStartParam, sql } from './sql.ts';
import { money } from './values.ts';

/**
 * forecast.funnel: per stage in board order, the open opportunities in it (count, amount) and the
 * conversion to the next stage over the period: of the opportunities that entered the stage in
 * the period, the share that went on to a later stage of the same pipeline (or was won) by the
 * moment the figures refer to. Stage entries come from the history (creation and stage changes).
 */
export function funnelCtes(q: KpiQuery): Cte[] {
  return [
    {
      name: 'stage_entries',
      // Entries before the period are left out: only an entry at or after one in the period can
      // make that one advanced, so they could change no figure.
      body: sql`
        SELECT c."opportunityId" AS id, s."id" AS stage_id, s."pipelineId" AS pipeline_id, s."position" AS pos, c."changedAt" AS at
        FROM "OpportunityChange" c
        JOIN "Stage" s ON s."id"::text = (CASE WHEN c."field" = 'CREATED' THEN c."newValue" ->> 'stageId' ELSE c."newValue" #>> '{}' END)
        WHERE c."field" IN ('CREATED', 'stageId') AND c."changedAt" >= ${periodStartParam(q)} AND c."changedAt" <= ${nowParam(q)}`,
    },
    {
      // One row per opportunity of `o` and stage entered in the period (its first entry then).
      // Each opportunity's entries are compared among themselves only, so `o` (what the viewer
      // may read, in scope) is joined last, to the entries of the period alone.
      name: 'funnel_entries',
      body: sql`
        SELECT f.id, f.stage_id, f.at, (COALESCE(f.later_at >= f.at, FALSE) OR (w.status = 'WON' AND w.closed_at >= f.at)) AS advanced
        FROM (
          SELECT DISTINCT ON (x.id, x.stage_id) x.id, x.stage_id, x.at, x.later_at
          FROM (
            SELECT e.*, max(e.at) OVER (PARTITION BY e.id, e.pipeline_id ORDER BY e.pos DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS later_at
            FROM stage_entries e
          ) x
          CROSS JOIN p
          WHERE x.at >= p.from_ts AND x.at < p.to_ts
          ORDER BY x.id, x.stage_id, x.at
        ) f
        JOIN o w ON w.id = f.id`,
    },
  ];
}

export interface FunnelStage {
  stageId: string;
  count: number;
  amount: ReturnType<typeof money>;
  weightedAmount: ReturnType<typeof money>;
  entered: number;
  advanced: number;
}

export const funnelPart: Part<FunnelStage[]> = {
  ctes: funnelCtes,
  select: (q: KpiQuery) => sql`(
    SELECT COALESCE(json_agg(json_build_object('stageId', s."id", 'count', COALESCE(g.n, 0), 'amount', COALESCE(g.amount, 0)::text,
             'weighted', COALESCE(g.weighted, 0)::text, 'entered', COALESCE(f.entered, 0), 'advanced', COALESCE(f.advanced, 0))
             ORDER BY pl."position", pl."name", s."position"), '[]'::json)
    FROM "Stage" s JOIN "Pipeline" pl ON pl."id" = s."pipelineId"
    LEFT JOIN (SELECT o.stage_id, count(*)::int AS n, sum(o.amount) AS amount, sum(o.weighted) AS weighted
               FROM o CROSS JOIN p WHERE ${set('OPPORTUNITIES_OPEN', q)} GROUP BY 1) g ON g.stage_id = s."id"
    LEFT JOIN (SELECT stage_id, count(*)::int AS entered, count(*) FILTER (WHERE advanced)::int AS advanced
               FROM funnel_entries GROUP BY 1) f ON f.stage_id = s."id"
    WHERE ${anyOf(q.scope.pipelineIds, sql`pl."id"`)})`,
  read: (values) =>
    (values.value as Array<Record<string, any>>).map((row) => ({
      stageId: row.stageId,
      count: row.count,
      amount: money(row.amount),
      weightedAmount: money(row.weighted),
      entered: row.entered,
      advanced: row.advanced,
    })),
};
