import { Prisma, type Activity } from '../generated/prisma/client.ts';
import { emit } from './events.ts';

type Tx = Prisma.TransactionClient;

/**
 * What an activity changes on opportunities, in the activity's transaction:
 *
 * - `Opportunity.lastActivityAt` ("deals without activity", domain.md) is the latest moment any
 *   activity happened (created or done) on the opportunity itself, or on its account or contact
 *   without being about another opportunity. An activity on an opportunity counts for that
 *   opportunity only; one on an account or contact counts for all of its open opportunities.
 *   Recomputed rather than pushed forward, so deleting an activity or reopening it sets it back.
 * - An opportunity's own activities appear on its timeline (OpportunityChange rows such as
 *   ACTIVITY_ADDED) and bump its version, so whoever holds an old copy sees it changed.
 */
export type ActivityEvent = 'ACTIVITY_ADDED' | 'ACTIVITY_COMPLETED' | 'ACTIVITY_REOPENED' | 'ACTIVITY_DELETED';

/** The opportunities an activity counts for, see above. */
export interface ActivityScope {
  opportunityId: string | null;
  accountId: string | null;
  contactId: string | null;
}

export function scopeOf(activity: ActivityScope): ActivityScope {
  return activity.opportunityId
    ? { opportunityId: activity.opportunityId, accountId: null, contactId: null }
    : { opportunityId: null, accountId: activity.accountId, contactId: activity.contactId };
}

function scopeCondition(scope: ActivityScope) {
  const { opportunityId, accountId, contactId } = scopeOf(scope);
  if (opportunityId) return Prisma.sql`o."id" = ${opportunityId}::uuid`;
  return Prisma.sql`o."status" = 'OPEN' AND (o."accountId" = ${accountId}::uuid OR o."contactId" = ${contactId}::uuid)`;
}

/**
 * Locks the opportunities an activity counts for (in id order, as every writer does), so two
 * activities logged at once cannot both compute `lastActivityAt` without seeing the other.
 * Call it before writing the activity.
 */
export async function lockScope(tx: Tx, scope: ActivityScope): Promise<void> {
  await tx.$queryRaw`SELECT o."id" FROM "Opportunity" o WHERE ${scopeCondition(scope)} ORDER BY o."id" FOR UPDATE`;
}

/** Recomputes `lastActivityAt` of the opportunities in the scope: one statement. */
export async function refreshLastActivityAt(tx: Tx, scope: ActivityScope): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Opportunity" o SET "lastActivityAt" = (${LAST_ACTIVITY_OF_O})
    WHERE ${scopeCondition(scope)}`;
}

/** Postgres' GREATEST ignores NULL, so an open activity counts with its creation only. */
const LAST_ACTIVITY_OF_O = Prisma.sql`
  SELECT MAX(GREATEST(a."createdAt", a."doneAt")) FROM "Activity" a
  WHERE a."opportunityId" = o."id"
     OR (a."opportunityId" IS NULL AND (a."accountId" = o."accountId" OR a."contactId" = o."contactId"))`;

/**
 * Timeline entry of the activity's opportunity, if it has one. The opportunity's version stays:
 * it guards the opportunity's own fields, and logging a call must not make a colleague's open
 * edit of the amount fail with a conflict.
 */
export async function recordActivityEvents(
  tx: Tx,
  actorId: string,
  event: ActivityEvent,
  activities: Array<Pick<Activity, 'id' | 'opportunityId' | 'type' | 'subject'> & Partial<Pick<Activity, 'doneAt'>>>,
  now: Date,
): Promise<void> {
  const byOpportunity = new Set(activities.flatMap((activity) => (activity.opportunityId ? [activity.opportunityId] : [])));
  if (byOpportunity.size === 0) return;
  for (const opportunityId of [...byOpportunity].sort()) {
    await tx.opportunity.update({ where: { id: opportunityId }, data: { updatedAt: now } });
  }
  await tx.opportunityChange.createMany({
    data: activities
      .filter((activity) => activity.opportunityId)
      .map((activity) => ({
        opportunityId: activity.opportunityId!,
        actorId,
        changedAt: now,
        field: event,
        // A completion keeps its done time (it may lie before the event): figures as of a past
        // moment read it from here once the activity is reopened or deleted (activity-history.ts).
        newValue: {
          activityId: activity.id,
          type: activity.type,
          subject: activity.subject,
          ...(event === 'ACTIVITY_COMPLETED' && activity.doneAt ? { doneAt: activity.doneAt.toISOString() } : {}),
        },
      })),
  });
}

/** Tells the dashboards (kpisChanged) once the transaction has committed; call inside `committed`. */
export function emitActivityChanges(
  actorId: string,
  change: 'CREATED' | 'UPDATED' | 'DELETED',
  activities: Array<Pick<Activity, 'id' | 'opportunityId' | 'accountId' | 'contactId' | 'teamId' | 'assigneeId'>>,
): void {
  for (const activity of activities) {
    emit({
      type: 'ACTIVITY_CHANGED',
      change,
      activityId: activity.id,
      opportunityId: activity.opportunityId,
      accountId: activity.accountId,
      contactId: activity.contactId,
      teamId: activity.teamId,
      assigneeId: activity.assigneeId,
      actorId,
    });
  }
}

/**
 * For the opportunity rules: call in the transaction of every change of an opportunity's team,
 * account, contact or status (and after creating one or several). Its activities move to its team (who may
 * read an activity follows the record it is about) and `lastActivityAt` is recomputed, since
 * activities on the new account or contact now count for it.
 */
export async function syncOpportunityActivities(tx: Tx, opportunityIds: string | string[]): Promise<void> {
  const ids = typeof opportunityIds === 'string' ? [opportunityIds] : opportunityIds;
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Activity" a SET "teamId" = o."teamId"
    FROM "Opportunity" o
    WHERE o."id" = ANY(${ids}::uuid[]) AND a."opportunityId" = o."id" AND a."teamId" <> o."teamId"`;
  await tx.$executeRaw`
    UPDATE "Opportunity" o SET "lastActivityAt" = (${LAST_ACTIVITY_OF_O})
    WHERE o."id" = ANY(${ids}::uuid[])`;
}

/**
 * For the account and contact rules: call when an account's or contact's team changes, so the
 * activities about it alone (not about one of its opportunities) stay readable by that team.
 */
export async function syncCustomerActivities(tx: Tx, record: { accountId: string } | { contactId: string }): Promise<void> {
  if ('accountId' in record) {
    await tx.$executeRaw`
      UPDATE "Activity" a SET "teamId" = c."teamId" FROM "Account" c
      WHERE c."id" = ${record.accountId}::uuid AND a."accountId" = c."id" AND a."opportunityId" IS NULL AND a."teamId" <> c."teamId"`;
  } else {
    await tx.$executeRaw`
      UPDATE "Activity" a SET "teamId" = c."teamId" FROM "Contact" c
      WHERE c."id" = ${record.contactId}::uuid AND a."contactId" = c."id" AND a."opportunityId" IS NULL AND a."accountId" IS NULL
        AND a."teamId" <> c."teamId"`;
  }
}
