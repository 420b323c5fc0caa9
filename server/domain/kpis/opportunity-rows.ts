import { Prisma } from '../../generated/prisma/client.ts';
import type { Cte } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { and, anyOf, salesReadable, sql, type Sql } from './sql.ts';

/**
 * The opportunities figures count, as the CTE `o`: readable by the viewer (today's rule: what the
 * viewer may not read now never counts), in the scope's teams and pipelines, with their state now
 * or, given `asOf`, as it was then. Columns: id, account_id, contact_id, created_at, kind, status,
 * owner_id, team_id, pipeline_id, stage_id, amount, weighted, close_date, closed_at,
 * loss_reason_id, inactive_since, converted_at (when a LEAD became a DEAL), initial_lead (created
 * as a LEAD), deal_since (when it became a DEAL: conversion, or creation for deals created as such).
 *
 * As of a moment the state is rolled back in SQL, the way `opportunitiesAsOf` does it in
 * TypeScript: every tracked field that changed later takes the old value of its first later
 * change; opportunities created later did not exist. Owner, team and pipeline filters apply to
 * that past state.
 */
const TRACKED = [
  ['accountId', 'uuid', 'account_id'],
  ['contactId', 'uuid', 'contact_id'],
  ['kind', '"OpportunityKind"', 'kind'],
  ['status', '"OpportunityStatus"', 'status'],
  ['ownerId', 'uuid', 'owner_id'],
  ['teamId', 'uuid', 'team_id'],
  ['pipelineId', 'uuid', 'pipeline_id'],
  ['stageId', 'uuid', 'stage_id'],
  ['amount', 'numeric', 'amount'],
  ['weightedAmount', 'numeric', 'weighted'],
  ['expectedCloseDate', 'date', 'close_date'],
  ['closedAt', 'timestamptz', 'closed_at'],
  ['lossReasonId', 'uuid', 'loss_reason_id'],
] as const;

/** Index of conversions: a LEAD becomes a DEAL once (convertToDeal), recorded as a `kind` change. */
const conversions = (asOf: Date | null) => sql`
  SELECT c."opportunityId", min(c."changedAt") AS converted_at
  FROM "OpportunityChange" c
  WHERE c."field" = 'kind' AND c."newValue" = '"DEAL"'::jsonb ${asOf ? sql`AND c."changedAt" <= ${asOf}::timestamptz` : Prisma.empty}
  GROUP BY c."opportunityId"`;

/** Per opportunity, the old value of the first change after `asOf` of each tracked field. */
const rollback = (asOf: Date) => sql`
  SELECT f."opportunityId",
    ${Prisma.join(
      TRACKED.map(([field, , column]) => sql`bool_or(f."field" = ${field}) AS ${Prisma.raw(`"${column}_changed"`)}, max(f.old) FILTER (WHERE f."field" = ${field}) AS ${Prisma.raw(`"${column}_old"`)}`),
      ', ',
    )}
  FROM (
    SELECT DISTINCT ON (c."opportunityId", c."field") c."opportunityId", c."field", c."oldValue" #>> '{}' AS old
    FROM "OpportunityChange" c
    WHERE c."changedAt" > ${asOf}::timestamptz AND c."field" IN (${Prisma.join(TRACKED.map(([field]) => field))})
    ORDER BY c."opportunityId", c."field", c."changedAt", c."id"
  ) f
  GROUP BY f."opportunityId"`;

function stateColumns(asOf: Date | null): Sql {
  return Prisma.join(
    TRACKED.map(([field, type, column]) => {
      const current = Prisma.raw(`op."${field}"`);
      if (!asOf) return sql`${current} AS ${Prisma.raw(column)}`;
      return sql`CASE WHEN b.${Prisma.raw(`"${column}_changed"`)} THEN (b.${Prisma.raw(`"${column}_old"`)})::${Prisma.raw(type)} ELSE ${current} END AS ${Prisma.raw(column)}`;
    }),
    ', ',
  );
}

export function opportunityRowsCte(q: KpiQuery): Cte {
  const { asOf, scope, viewer } = q;
  const body = sql`
    SELECT s.*, (s.kind = 'LEAD' OR s.converted_at IS NOT NULL) AS initial_lead,
           CASE WHEN s.kind = 'DEAL' THEN COALESCE(s.converted_at, s.created_at) END AS deal_since
    FROM (
      SELECT op."id", op."createdAt" AS created_at,
             op."inactiveSince" AS inactive_since, conv.converted_at, ${stateColumns(asOf)}
      FROM "Opportunity" op
      ${asOf ? sql`LEFT JOIN (${rollback(asOf)}) b ON b."opportunityId" = op."id"` : Prisma.empty}
      LEFT JOIN (${conversions(asOf)}) conv ON conv."opportunityId" = op."id"
      WHERE ${and(salesReadable(viewer, sql`op."teamId"`), asOf ? sql`op."createdAt" <= ${asOf}::timestamptz` : sql`TRUE`)}
    ) s
    WHERE ${and(anyOf(scope.ownerIds, sql`s.owner_id`), anyOf(scope.teamIds, sql`s.team_id`), anyOf(scope.pipelineIds, sql`s.pipeline_id`))}`;
  // The present state is a plain view of the table: each reader's conditions reach its indexes.
  // A past state is rolled back from the history once, whatever the number of readers.
  return { name: 'o', body, inline: !asOf };
}
