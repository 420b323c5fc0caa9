import type { Activity, Opportunity, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { committed, emit } from './events.ts';
import type { FieldChange } from './opportunity-history.ts';

type Tx = Prisma.TransactionClient;

/**
 * What a notification's (English) title says, stored beside it so that clients can say it in the
 * user's language: the opportunity was won or lost, which notified fields changed, or the
 * activity it is about.
 */
export interface NotificationDetails {
  status?: 'WON' | 'LOST';
  fields?: string[];
  activityType?: Activity['type'];
  subject?: string;
}

const details = (value: NotificationDetails) => value as Prisma.InputJsonObject;

/** Changes of a followed opportunity that its followers are told about. */
const NOTIFIED_FIELDS: Record<string, string> = {
  stageId: 'stage',
  status: 'status',
  amount: 'amount',
  expectedCloseDate: 'expected close date',
  ownerId: 'owner',
};

/**
 * Notifications caused by a change of an opportunity, written in its transaction: followers hear
 * of stage, status, amount, close date and owner changes; a new owner hears that they own it.
 * The actor is never notified of their own change.
 */
export async function notifyOpportunityChange(
  tx: Tx,
  opportunity: Pick<Opportunity, 'id' | 'number' | 'title' | 'ownerId'>,
  actorId: string,
  changes: FieldChange[],
  at: Date,
) {
  await notifyOpportunityChanges(tx, [{ opportunity, changes }], actorId, at);
}

/** The same for changes of many opportunities by one actor (the CSV import): two statements at most. */
export async function notifyOpportunityChanges(
  tx: Tx,
  items: Array<{ opportunity: Pick<Opportunity, 'id' | 'number' | 'title' | 'ownerId'>; changes: FieldChange[] }>,
  actorId: string,
  at: Date,
) {
  const notifiedIds = items
    .filter(({ changes }) => changes.some((change) => change.field in NOTIFIED_FIELDS))
    .map(({ opportunity }) => opportunity.id);
  const followers = notifiedIds.length
    ? await tx.opportunityFollower.findMany({ where: { opportunityId: { in: notifiedIds }, userId: { not: actorId } } })
    : [];
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const { opportunity, changes } of items) {
    const notified = changes.filter((change) => change.field in NOTIFIED_FIELDS);
    const label = `OPP-${opportunity.number} ${opportunity.title}`;
    if (notified.length) {
      const what = [...new Set(notified.map((change) => NOTIFIED_FIELDS[change.field]))].join(', ');
      const status = notified.find((change) => change.field === 'status')?.newValue;
      const closed = status === 'WON' || status === 'LOST' ? status : null;
      const fields = [...new Set(notified.map((change) => change.field))];
      for (const follower of followers.filter((candidate) => candidate.opportunityId === opportunity.id)) {
        rows.push({
          userId: follower.userId,
          kind: 'OPPORTUNITY_CHANGED',
          opportunityId: opportunity.id,
          actorId,
          title: closed ? `${label} was ${closed.toLowerCase()}` : `${label}: ${what} changed`,
          details: details(closed ? { status: closed } : { fields }),
          createdAt: at,
        });
      }
    }
    const ownerChange = changes.find((change) => change.field === 'ownerId');
    if (ownerChange && opportunity.ownerId !== actorId) {
      rows.push({
        userId: opportunity.ownerId,
        kind: 'OWNER_ASSIGNED',
        opportunityId: opportunity.id,
        actorId,
        title: `You now own ${label}`,
        createdAt: at,
      });
    }
  }
  await createNotifications(tx, rows);
}

export async function createNotifications(tx: Tx, rows: Prisma.NotificationCreateManyInput[]) {
  if (rows.length === 0) return;
  const created = await tx.notification.createManyAndReturn({ data: rows, select: { id: true, userId: true } });
  for (const notification of created) emit({ type: 'NOTIFICATION_ADDED', userId: notification.userId, notificationId: notification.id });
}

/** A new activity: its assignee hears of it, and so do the followers of its opportunity. */
export async function notifyActivityAdded(tx: Tx, activity: Activity, actorId: string, at: Date) {
  const rows: Prisma.NotificationCreateManyInput[] = [];
  const opportunity = activity.opportunityId
    ? await tx.opportunity.findUnique({ where: { id: activity.opportunityId }, select: { id: true, number: true, title: true } })
    : null;
  const about = opportunity ? ` on OPP-${opportunity.number} ${opportunity.title}` : '';
  if (activity.assigneeId !== actorId) {
    rows.push({ userId: activity.assigneeId, kind: 'ACTIVITY_ASSIGNED', opportunityId: opportunity?.id, actorId, title: `New ${activity.type.toLowerCase()} for you${about}: ${activity.subject}`.slice(0, 200), details: details({ activityType: activity.type, subject: activity.subject }), createdAt: at });
  }
  if (opportunity) {
    const followers = await tx.opportunityFollower.findMany({
      where: { opportunityId: opportunity.id, userId: { notIn: [actorId, activity.assigneeId] } },
    });
    for (const follower of followers) {
      rows.push({ userId: follower.userId, kind: 'OPPORTUNITY_CHANGED', opportunityId: opportunity.id, actorId, title: `New ${activity.type.toLowerCase()}${about}`.slice(0, 200), body: activity.subject, details: details({ activityType: activity.type, subject: activity.subject }), createdAt: at });
    }
  }
  await createNotifications(tx, rows);
}

/** "Due" is announced this long before the due time. */
export const DUE_SOON_MS = 60 * 60_000;
/** Activities that were already overdue this long ago are not announced (e.g. after an outage). */
const OVERDUE_HORIZON_MS = 24 * 60 * 60_000;

interface DueRow {
  id: string;
  assigneeId: string;
  subject: string;
  opportunityId: string | null;
}

/** Activities announced per transaction; a run takes batch after batch (at most `DUE_MAX_BATCHES` of each kind). */
export const DUE_BATCH_SIZE = 1_000;
/** What a run leaves over is announced by the next run, which starts where this one stopped. */
export const DUE_MAX_BATCHES = 50;

type DueKind = 'ACTIVITY_DUE' | 'ACTIVITY_OVERDUE';

/**
 * Tells assignees about their open activities that are about to be due or have become overdue,
 * each once per due date, in batches of `batchSize` activities, each batch in a short transaction
 * of its own (a backlog of 100,000 is worked off batch by batch instead of failing as a whole).
 * Each batch claims its rows with one UPDATE over rows selected FOR UPDATE SKIP LOCKED, so
 * several server instances running this at the same moment split the work and never announce an
 * activity twice; a claimed row is marked, so the next batch or run goes on where this one stopped.
 */
export async function notifyDueActivities(
  prisma: PrismaClient,
  now = new Date(),
  { batchSize = DUE_BATCH_SIZE, maxBatches = DUE_MAX_BATCHES } = {},
): Promise<number> {
  let total = 0;
  for (const kind of ['ACTIVITY_DUE', 'ACTIVITY_OVERDUE'] as const) {
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const announced = await committed(() =>
        prisma.$transaction(async (tx) => {
          const rows = await claimDue(tx, kind, now, batchSize);
          await createNotifications(
            tx,
            rows.map((row) => ({
              userId: row.assigneeId,
              kind,
              opportunityId: row.opportunityId,
              title: `${kind === 'ACTIVITY_DUE' ? 'Due soon' : 'Overdue'}: ${row.subject}`.slice(0, 200),
              details: details({ subject: row.subject }),
              createdAt: now,
            })),
          );
          return rows.length;
        }),
      );
      total += announced;
      if (announced < batchSize) break;
    }
  }
  return total;
}

/** Marks up to `limit` activities as announced (earliest due first) and returns them. */
function claimDue(tx: Tx, kind: DueKind, now: Date, limit: number): Promise<DueRow[]> {
  if (kind === 'ACTIVITY_DUE') {
    const soon = new Date(now.getTime() + DUE_SOON_MS);
    return tx.$queryRaw<DueRow[]>`
      WITH claimed AS (
        SELECT "id" FROM "Activity"
        WHERE "doneAt" IS NULL AND "dueNotifiedAt" IS NULL AND "dueAt" > ${now} AND "dueAt" <= ${soon}
        ORDER BY "dueAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "Activity" a SET "dueNotifiedAt" = ${now}
      FROM claimed WHERE a."id" = claimed."id"
      RETURNING a."id", a."assigneeId", a."subject", a."opportunityId"`;
  }
  const horizon = new Date(now.getTime() - OVERDUE_HORIZON_MS);
  return tx.$queryRaw<DueRow[]>`
    WITH claimed AS (
      SELECT "id" FROM "Activity"
      WHERE "doneAt" IS NULL AND "overdueNotifiedAt" IS NULL AND "dueAt" <= ${now} AND "dueAt" > ${horizon}
      ORDER BY "dueAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Activity" a SET "overdueNotifiedAt" = ${now}
    FROM claimed WHERE a."id" = claimed."id"
    RETURNING a."id", a."assigneeId", a."subject", a."opportunityId"`;
}
