import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Activity, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { assertCanCreateSalesRecords, canReadSalesRecord } from './access.ts';
import { ACTIVITY_TYPES, canWriteActivity, REGARDING_OWNERS, regardingRecord } from './activity-queries.ts';
import { assertAssignable, resolveRegarding } from './activity-regarding.ts';
import { emitActivityChanges, lockScope, recordActivityEvents, refreshLastActivityAt } from './activity-tracking.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from './errors.ts';
import { committed } from './events.ts';
import { notifyActivityAdded } from './notifications.ts';
import { entityId, moment, omittable, optionalText, parseInput, requiredText } from './validation.ts';

/**
 * Calls, e-mails, meetings, tasks and notes about an opportunity, account or contact
 * (domain.md, "Activities"). Who may read an activity follows the record it is about (its
 * `teamId` is that record's team); who may change it: see `canWriteActivity`.
 */
type Tx = Prisma.TransactionClient;

export interface Clock {
  now?: Date;
}

/** A client's clock may run a little ahead; "done" up to this far in the future counts as now. */
const CLOCK_SKEW_MS = 5 * 60_000;

const activityType = z.enum(ACTIVITY_TYPES, { error: 'Choose CALL, EMAIL, MEETING, TASK or NOTE.' });
const timestamp = moment();

const editableFields = {
  type: activityType,
  subject: requiredText(200),
  notes: optionalText(20_000),
  /** What came of it, in a line; free text, since a call's outcomes differ from a meeting's. */
  outcome: optionalText(500),
  /** Defaults to the viewer on create. */
  assigneeId: omittable(entityId),
  dueAt: timestamp.nullable().optional(),
  durationMinutes: z
    .number()
    .int('Enter whole minutes.')
    .min(0, 'Cannot be negative.')
    .max(1440, 'At most 1440 minutes (one day).')
    .nullable()
    .optional(),
};

const createActivityInput = z.object({
  ...editableFields,
  /** At least one; with an opportunity, account and contact default to the opportunity's. */
  opportunityId: omittable(entityId),
  accountId: omittable(entityId),
  contactId: omittable(entityId),
  /** For logging what already happened (a call made, a note taken); not in the future. */
  doneAt: omittable(timestamp),
});

const updateActivityInput = z.object({
  ...editableFields,
  type: omittable(activityType),
  subject: omittable(editableFields.subject),
  /** Corrects when a completed activity was done; not in the future. */
  doneAt: omittable(timestamp),
});

const rescheduleActivityInput = z.object({
  dueAt: timestamp,
  durationMinutes: editableFields.durationMinutes,
});

export type CreateActivityInput = z.input<typeof createActivityInput>;
export type UpdateActivityInput = z.input<typeof updateActivityInput>;
export type RescheduleActivityInput = z.input<typeof rescheduleActivityInput>;

export async function createActivity(
  prisma: PrismaClient,
  viewer: Viewer,
  rawInput: CreateActivityInput,
  { now = new Date() }: Clock = {},
): Promise<Activity> {
  assertCanCreateSalesRecords(viewer);
  const input = parseInput(createActivityInput, rawInput);
  const errors: FieldError[] = [];
  if (!input.opportunityId && !input.accountId && !input.contactId) {
    errors.push(fieldError('opportunityId', 'REQUIRED', 'Choose the opportunity, account or contact this activity is about.'));
  }
  if (input.doneAt && isInFuture(input.doneAt, now)) errors.push(IN_FUTURE);
  if (errors.length) throw new ValidationError(errors);
  const doneAt = input.doneAt ? new Date(Math.min(input.doneAt.getTime(), now.getTime())) : null;
  return committed(() => prisma.$transaction(async (tx) => {
    const regarding = await resolveRegarding(tx, viewer, input);
    const assigneeId = input.assigneeId ?? viewer.id;
    if (assigneeId !== viewer.id) await assertAssignable(tx, assigneeId, regarding.teamId);
    await lockScope(tx, regarding);
    const activity = await tx.activity.create({
      data: {
        type: input.type,
        subject: input.subject,
        notes: input.notes ?? null,
        outcome: input.outcome ?? null,
        opportunityId: regarding.opportunityId,
        accountId: regarding.accountId,
        contactId: regarding.contactId,
        teamId: regarding.teamId,
        assigneeId,
        createdById: viewer.id,
        // Something logged afterwards took place when it was done: that is where a calendar shows it.
        dueAt: input.dueAt ?? doneAt,
        durationMinutes: input.durationMinutes ?? null,
        doneAt,
        createdAt: now,
        updatedAt: now,
      },
    });
    await refreshLastActivityAt(tx, activity);
    await recordActivityEvents(tx, viewer.id, 'ACTIVITY_ADDED', [activity], now);
    await notifyActivityAdded(tx, activity, viewer.id, now);
    emitActivityChanges(viewer.id, 'CREATED', [activity]);
    return activity;
  }));
}

/**
 * Changes what an activity is, when it is due and what came of it; the record it is about stays.
 * A completed activity's done time may be corrected (not into the future).
 */
export async function updateActivity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: UpdateActivityInput,
  { now = new Date() }: Clock = {},
): Promise<Activity> {
  const input = parseInput(updateActivityInput, rawInput);
  if (input.doneAt && isInFuture(input.doneAt, now)) throw new ValidationError([IN_FUTURE]);
  return committed(() => prisma.$transaction(async (tx) => {
    // A new done time moves the opportunities' last activity: lock them as every such writer does.
    const current = await loadWritableActivity(tx, viewer, id, { lock: input.doneAt !== undefined });
    if (input.doneAt && current.doneAt === null) {
      throw ValidationError.field('doneAt', 'NOT_DONE', 'Complete the activity to give it a done time.');
    }
    if (input.assigneeId && input.assigneeId !== current.assigneeId && input.assigneeId !== viewer.id) {
      await assertAssignable(tx, input.assigneeId, current.teamId);
    }
    const updated = await tx.activity.update({
      where: { id },
      data: {
        type: input.type,
        subject: input.subject,
        notes: input.notes,
        outcome: input.outcome,
        assigneeId: input.assigneeId,
        ...dueChange(current, input.dueAt),
        durationMinutes: input.durationMinutes,
        doneAt: input.doneAt && new Date(Math.min(input.doneAt.getTime(), now.getTime())),
        updatedAt: now,
      },
    });
    if (input.doneAt) await refreshLastActivityAt(tx, updated);
    emitActivityChanges(viewer.id, 'UPDATED', [updated]);
    return updated;
  }));
}

/** Moves an open activity to another time (the calendar's drag, "postpone"); a done one stays where it happened. */
export async function rescheduleActivity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: RescheduleActivityInput,
  { now = new Date() }: Clock = {},
): Promise<Activity> {
  const input = parseInput(rescheduleActivityInput, rawInput);
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritableActivity(tx, viewer, id);
    if (current.doneAt) throw ValidationError.field('dueAt', 'ALREADY_DONE', 'A completed activity cannot be rescheduled.');
    const updated = await tx.activity.update({
      where: { id },
      data: { ...dueChange(current, input.dueAt), durationMinutes: input.durationMinutes, updatedAt: now },
    });
    emitActivityChanges(viewer.id, 'UPDATED', [updated]);
    return updated;
  }));
}

/** A new due date is announced again when it comes. */
function dueChange(current: Pick<Activity, 'dueAt'>, dueAt: Date | null | undefined) {
  if (dueAt === undefined) return {};
  if (dueAt?.getTime() === current.dueAt?.getTime()) return { dueAt };
  return { dueAt, dueNotifiedAt: null, overdueNotifiedAt: null };
}

/**
 * Marks an activity done (now, or at the past moment `doneAt` when it was done earlier), or open
 * again; asking for the state it is in changes nothing.
 */
export async function completeActivity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  done: boolean,
  { now = new Date(), doneAt: rawDoneAt }: Clock & { doneAt?: Date | null } = {},
): Promise<Activity> {
  const { doneAt } = parseInput(z.object({ doneAt: omittable(timestamp) }), { doneAt: rawDoneAt });
  if (doneAt && (!done || isInFuture(doneAt, now))) {
    throw new ValidationError([done ? IN_FUTURE : fieldError('doneAt', 'NOT_ALLOWED', 'Only a completion has a done time.')]);
  }
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritableActivity(tx, viewer, id, { lock: true });
    if (done === (current.doneAt !== null)) return current;
    const completedAt = doneAt ? new Date(Math.min(doneAt.getTime(), now.getTime())) : now;
    const updated = await tx.activity.update({ where: { id }, data: { doneAt: done ? completedAt : null, updatedAt: now } });
    await refreshLastActivityAt(tx, updated);
    await recordActivityEvents(tx, viewer.id, done ? 'ACTIVITY_COMPLETED' : 'ACTIVITY_REOPENED', [updated], now);
    emitActivityChanges(viewer.id, 'UPDATED', [updated]);
    return updated;
  }));
}

export async function deleteActivity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  { now = new Date() }: Clock = {},
): Promise<{ id: string }> {
  return committed(() => prisma.$transaction(async (tx) => {
    const current = await loadWritableActivity(tx, viewer, id, { lock: true });
    await tx.activity.delete({ where: { id } });
    await refreshLastActivityAt(tx, current);
    await recordActivityEvents(tx, viewer.id, 'ACTIVITY_DELETED', [current], now);
    emitActivityChanges(viewer.id, 'DELETED', [current]);
    return { id };
  }));
}

/**
 * Reads an activity for a change; unreadable ones are reported as missing. With `lock`, first
 * locks the opportunities it counts for and then the activity itself (the order every writer
 * uses), for changes that recompute `lastActivityAt`.
 */
async function loadWritableActivity(tx: Tx, viewer: Viewer, id: string, { lock = false } = {}): Promise<Activity> {
  if (viewer.readOnly || viewer.role === 'SERVICE') throw new ForbiddenError('Your role may not change activities.');
  if (lock) {
    const scope = await tx.activity.findUnique({ where: { id }, select: { opportunityId: true, accountId: true, contactId: true } });
    if (!scope) throw new NotFoundError('Activity');
    await lockScope(tx, scope);
    await tx.$queryRaw`SELECT "id" FROM "Activity" WHERE "id" = ${id}::uuid FOR UPDATE`;
  }
  const activity = await tx.activity.findUnique({ where: { id }, include: REGARDING_OWNERS });
  if (!activity || !canReadSalesRecord(viewer, activity)) throw new NotFoundError('Activity');
  if (!canWriteActivity(viewer, activity, regardingRecord(activity))) throw new ForbiddenError('You may not change this activity.');
  const { opportunity: _opportunity, account: _account, contact: _contact, ...row } = activity;
  return row;
}

function isInFuture(doneAt: Date, now: Date) {
  return doneAt.getTime() > now.getTime() + CLOCK_SKEW_MS;
}

const IN_FUTURE: FieldError = {
  field: 'doneAt',
  reason: 'IN_FUTURE',
  message: 'An activity cannot be done in the future; give it a due date instead.',
};

function fieldError(field: string, reason: string, message: string): FieldError {
  return { field, reason, message };
}
