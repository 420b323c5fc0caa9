import type { KpiQuery } from './kpi-query.ts';
import { sql, type Sql } from './sql.ts';

/**
 * "Without activity" (kpis.md) of a row of `o`: no activity created or done on it in the
 * `staleAfterDays` before the moment the figures refer to; without any activity, created before.
 *
 * Now, that is the maintained `inactiveSince` (activity-tracking.ts). As of a past moment T it is
 * reconstructed the way `lastActivityAt` would have been computed at T:
 * - the opportunity's own activities from their events (ACTIVITY_ADDED, _COMPLETED with its done
 *   time, _REOPENED, _DELETED), so one reopened or deleted after T still counts as it was at T;
 * - activities about its account or contact (as of T), and older ones written without events,
 *   from their rows: created by T, done by T. Their reopening, deletion or a completion back-dated
 *   after T are not recorded, so these count as they are now.
 */
export function withoutActivity(q: KpiQuery): Sql {
  if (!q.asOf) return sql`o.inactive_since < p.stale_before`;
  // As `inactiveSince` = COALESCE(lastActivityAt, createdAt): creation counts only without any activity.
  const since = sql`p.stale_before`;
  const ever = sql`'-infinity'::timestamptz`;
  return sql`NOT EXISTS (${activityRowsSince(since)}) AND NOT EXISTS (${activityEventsSince(since)})
    AND (o.created_at < p.stale_before OR EXISTS (${activityRowsSince(ever)}) OR EXISTS (${activityEventsSince(ever)}))`;
}

/** Activities known by their rows only (see above), created or done within [since, now]. */
const activityRowsSince = (since: Sql) => sql`
  SELECT 1 FROM "Activity" a
  WHERE (a."opportunityId" = o.id OR (a."opportunityId" IS NULL AND (a."accountId" = o.account_id OR a."contactId" = o.contact_id)))
    AND a."createdAt" <= p.now_ts
    AND (a."createdAt" >= ${since} OR (a."doneAt" >= ${since} AND a."doneAt" <= p.now_ts))
    AND NOT EXISTS (
      SELECT 1 FROM "OpportunityChange" e
      WHERE e."opportunityId" = o.id AND e."field" = 'ACTIVITY_ADDED' AND e."newValue" ->> 'activityId' = a."id"::text)`;

/** The opportunity's own activities by their events up to now: added, or last completed, within [since, now] and not deleted by now. */
const activityEventsSince = (since: Sql) => sql`
  SELECT 1 FROM "OpportunityChange" added
  WHERE added."opportunityId" = o.id AND added."field" = 'ACTIVITY_ADDED' AND added."changedAt" <= p.now_ts
    AND NOT EXISTS (
      SELECT 1 FROM "OpportunityChange" deleted
      WHERE deleted."opportunityId" = o.id AND deleted."field" = 'ACTIVITY_DELETED' AND deleted."changedAt" <= p.now_ts
        AND deleted."newValue" ->> 'activityId' = added."newValue" ->> 'activityId')
    AND (added."changedAt" >= ${since} OR COALESCE((
      SELECT s."field" = 'ACTIVITY_COMPLETED' AND COALESCE((s."newValue" ->> 'doneAt')::timestamptz, s."changedAt") >= ${since}
      FROM "OpportunityChange" s
      WHERE s."opportunityId" = o.id AND s."field" IN ('ACTIVITY_COMPLETED', 'ACTIVITY_REOPENED') AND s."changedAt" <= p.now_ts
        AND s."newValue" ->> 'activityId' = added."newValue" ->> 'activityId'
      ORDER BY s."changedAt" DESC, s."id" DESC
      LIMIT 1), FALSE))`;
