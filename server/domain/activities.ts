import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Activity, Opportunity, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { assertCanCreateSalesRecords, canReadCustomerRecord, canReadSalesRecord } from './access.ts';
import { ACTIVITY_TYPES, canWriteActivity, REGARDING_OWNERS, regardingRecord } from './activity-queries.ts';
import { lockScope, recordActivityEvents, refreshLastActivityAt } from './activity-tracking.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from './errors.ts';
import { committed } from './events.ts';
import { notifyActivityAdded } from './notifications.ts';
import { entityId, omittable, optionalText, parseInput, requiredText } from './validation.ts';

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
const timestamp = z.date({ error: 'Enter a date and time.' });

const editableFields = {
  type: activityType,
  subject: requiredText(200),
  notes: optionalText(20_000),
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
});

export type CreateActivityInput = z.input<typeof createActivityInput>;
export type UpdateActivityInput = z.input<typeof updateActivityInput>;

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
  if (input.doneAt && input.doneAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.push(fieldError('doneAt', 'IN_FUTURE', 'An activity cannot be done in the future; give it a due date instead.'));
  }
  if (errors.length) throw new ValidationError(errors);
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
        opportunityId: regarding.opportunityId,
        accountId: regarding.accountId,
        contactId: regarding.contactId,
        teamId: regarding.teamId,
        assigneeId,
        createdById: viewer.id,
        dueAt: input.dueAt ?? null,
        durationMinutes: input.durationMinutes ?? null,
        doneAt: input.doneAt ? new Date(Math.min(input.doneAt.getTime(), now.getTime())) : null,
        createdAt: now,
        updatedAt: now,
      },
    });
    await refreshLastActivityAt(tx, activity);
    await recordActivityEvents(tx, viewer.id, 'ACTIVITY_ADDED', [activity], now);
    await notifyActivityAdded(tx, activity, viewer.id, now);
    return activity;
  }));
}

/** Changes what an activity is and when it is due; the record it is about stays. */
export async function updateActivity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: UpdateActivityInput,
  { now = new Date() }: Clock = {},
): Promise<Activity> {
  const input = parseInput(updateActivityInput, rawInput);
  return prisma.$transaction(async (tx) => {
    const current = await loadWritableActivity(tx, viewer, id);
    if (input.assigneeId && input.assigneeId !== current.assigneeId && input.assigneeId !== viewer.id) {
      await assertAssignable(tx, input.assigneeId, current.teamId);
    }
    return tx.activity.update({
      where: { id },
      data: {
        type: input.type,
        subject: input.subject,
        notes: input.notes,
        assigneeId: input.assigneeId,
        dueAt: input.dueAt,
        // A new due date is announced again when it comes.
        ...(input.dueAt !== undefined && input.dueAt?.getTime() !== current.dueAt?.getTime()
          ? { dueNotifiedAt: null, overdueNotifiedAt: null }
          : {}),
        durationMinutes: input.durationMinutes,
        updatedAt: now,
      },
    });
  });
}

/** Marks an activity done now, or open again; asking for the state it is in changes nothing. */
export async function completeActivity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  done: boolean,
  { now = new Date() }: Clock = {},
): Promise<Activity> {
  return prisma.$transaction(async (tx) => {
    const current = await loadWritableActivity(tx, viewer, id, { lock: true });
    if (done === (current.doneAt !== null)) return current;
    const updated = await tx.activity.update({ where: { id }, data: { doneAt: done ? now : null, updatedAt: now } });
    await refreshLastActivityAt(tx, updated);
    await recordActivityEvents(tx, viewer.id, done ? 'ACTIVITY_COMPLETED' : 'ACTIVITY_REOPENED', [updated], now);
    return updated;
  });
}

export async function deleteActivity(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  { now = new Date() }: Clock = {},
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const current = await loadWritableActivity(tx, viewer, id, { lock: true });
    await tx.activity.delete({ where: { id } });
    await refreshLastActivityAt(tx, current);
    await recordActivityEvents(tx, viewer.id, 'ACTIVITY_DELETED', [current], now);
    return { id };
  });
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

interface Regarding {
  opportunityId: string | null;
  accountId: string | null;
  contactId: string | null;
  /** The team of the record the activity is about: the opportunity's, else the account's, else the contact's. */
  teamId: string;
}

/**
 * The records an activity is about. The viewer must be able to read each one given; an
 * opportunity brings its account and contact unless given, and all of them must fit together.
 */
async function resolveRegarding(
  tx: Tx,
  viewer: Viewer,
  input: { opportunityId?: string; accountId?: string; contactId?: string },
): Promise<Regarding> {
  const errors: FieldError[] = [];
  let opportunity: Opportunity | null = null;
  if (input.opportunityId) {
    opportunity = await tx.opportunity.findUnique({ where: { id: input.opportunityId } });
    if (!opportunity || !canReadSalesRecord(viewer, opportunity)) {
      opportunity = null;
      errors.push(fieldError('opportunityId', 'NOT_FOUND', 'Unknown opportunity.'));
    }
  }
  const account = input.accountId ? await tx.account.findUnique({ where: { id: input.accountId } }) : null;
  if (input.accountId) {
    if (!account || !canReadCustomerRecord(viewer, account)) errors.push(fieldError('accountId', 'NOT_FOUND', 'Unknown account.'));
    else if (opportunity && opportunity.accountId !== account.id) {
      errors.push(fieldError('accountId', 'OTHER_ACCOUNT', 'The opportunity belongs to another account.'));
    }
  }
  const contact = input.contactId ? await tx.contact.findUnique({ where: { id: input.contactId } }) : null;
  const accountId = opportunity?.accountId ?? account?.id ?? null;
  if (input.contactId) {
    if (!contact || !canReadCustomerRecord(viewer, contact)) errors.push(fieldError('contactId', 'NOT_FOUND', 'Unknown contact.'));
    else if (contact.accountId && accountId && contact.accountId !== accountId) {
      errors.push(fieldError('contactId', 'OTHER_ACCOUNT', 'This contact works at another account.'));
    }
  }
  if (errors.length) throw new ValidationError(errors);
  // About a contact alone: it counts for the contact's account too, if the viewer may see that
  // account (the activity takes the account's team, and its author must still be able to read it).
  const contactsAccount =
    !accountId && contact?.accountId ? await tx.account.findUnique({ where: { id: contact.accountId } }) : null;
  const derivedAccount = contactsAccount && canReadCustomerRecord(viewer, contactsAccount) ? contactsAccount : null;
  // Who may read it: the team of the opportunity, else of the account, else of the contact
  // (`syncCustomerActivities` keeps this rule when teams change).
  const primary = opportunity ?? account ?? derivedAccount ?? contact;
  return {
    opportunityId: opportunity?.id ?? null,
    accountId: accountId ?? derivedAccount?.id ?? null,
    contactId: contact?.id ?? opportunity?.contactId ?? null,
    teamId: primary!.teamId,
  };
}

/** An assignee must be an active user who may read the activity. */
async function assertAssignable(tx: Tx, userId: string, teamId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { memberships: { select: { teamId: true } } } });
  if (!user || !user.active) throw ValidationError.field('assigneeId', 'NOT_FOUND', 'Unknown or inactive user.');
  const asViewer = { role: user.role, teamIds: user.memberships.map((membership) => membership.teamId) } as Viewer;
  if (!canReadSalesRecord(asViewer, { teamId })) {
    throw ValidationError.field('assigneeId', 'NOT_ALLOWED', 'This user cannot see the record the activity is about.');
  }
}

function fieldError(field: string, reason: string, message: string): FieldError {
  return { field, reason, message };
}
