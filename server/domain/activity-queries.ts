import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Activity, Prisma } from '../generated/prisma/client.ts';
import { activityReadWhere, canReadSalesRecord, canWriteSalesRecord, type OwnedRecord } from './access.ts';
import { containsText, searchTerms } from './text-search.ts';
import { entityId, moment, parseInput } from './validation.ts';

/** domain.md, "Activities": open, overdue (open and due in the past), completed. */
export const ACTIVITY_STATUSES = ['OPEN', 'OVERDUE', 'COMPLETED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_TYPES = ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE'] as const;

export function activityStatus(activity: Pick<Activity, 'doneAt' | 'dueAt'>, now: Date): ActivityStatus {
  if (activity.doneAt) return 'COMPLETED';
  return activity.dueAt && activity.dueAt < now ? 'OVERDUE' : 'OPEN';
}

export function activityStatusWhere(status: ActivityStatus, now: Date): Prisma.ActivityWhereInput {
  switch (status) {
    case 'COMPLETED':
      return { doneAt: { not: null } };
    case 'OVERDUE':
      return { doneAt: null, dueAt: { lt: now } };
    case 'OPEN':
      return { doneAt: null, OR: [{ dueAt: null }, { dueAt: { gte: now } }] };
  }
}

/**
 * Who may change, complete or delete an activity: whoever may read it and created it, is assigned
 * to it, or may change the record it is about (access.ts: ADMIN, the team's MANAGER, the owning
 * SALES user). Read-only tokens and SERVICE users change none.
 */
export function canWriteActivity(
  viewer: Viewer,
  activity: Pick<Activity, 'createdById' | 'assigneeId' | 'teamId'>,
  regarding: OwnedRecord | null,
): boolean {
  if (viewer.readOnly || viewer.role === 'SERVICE' || !canReadSalesRecord(viewer, activity)) return false;
  if (activity.createdById === viewer.id || activity.assigneeId === viewer.id) return true;
  return regarding !== null && canWriteSalesRecord(viewer, regarding);
}

/** The record an activity is about for access: its opportunity, else its account, else its contact. */
export function regardingRecord(activity: {
  opportunity?: OwnedRecord | null;
  account?: OwnedRecord | null;
  contact?: OwnedRecord | null;
}): OwnedRecord | null {
  return activity.opportunity ?? activity.account ?? activity.contact ?? null;
}

/** What `canWriteActivity` needs of the linked records, as a Prisma selection. */
export const REGARDING_OWNERS = {
  opportunity: { select: { ownerId: true, teamId: true } },
  account: { select: { ownerId: true, teamId: true } },
  contact: { select: { ownerId: true, teamId: true } },
} satisfies Prisma.ActivitySelect;

export const activityFilterSchema = z.object({
  /** Words found in the subject, notes or outcome. */
  search: z.string().trim().max(200, 'At most 200 characters.').nullish(),
  opportunityId: entityId.nullish(),
  accountId: entityId.nullish(),
  contactId: entityId.nullish(),
  assigneeId: entityId.nullish(),
  assigneeIds: z.array(entityId).max(50).nullish(),
  /** Only the viewer's own (assigned to them). */
  mine: z.boolean().nullish(),
  /** The teams of the records the activities are about. */
  teamIds: z.array(entityId).max(50).nullish(),
  status: z.array(z.enum(ACTIVITY_STATUSES)).max(3).nullish(),
  types: z.array(z.enum(ACTIVITY_TYPES)).max(5).nullish(),
  /** Due in [dueFrom, dueTo). */
  dueFrom: moment().nullish(),
  dueTo: moment().nullish(),
  /** Done in [doneFrom, doneTo). */
  doneFrom: moment().nullish(),
  doneTo: moment().nullish(),
});

export type ActivityFilter = z.input<typeof activityFilterSchema>;

/**
 * The activities the viewer may read that match every given condition. `accountId` and `contactId`
 * also match activities of the account's or contact's opportunities (they carry both links).
 */
export function activityListWhere(viewer: Viewer, rawFilter: ActivityFilter, now: Date): Prisma.ActivityWhereInput {
  const filter = parseInput(activityFilterSchema, rawFilter, 'filter');
  const and: Prisma.ActivityWhereInput[] = [activityReadWhere(viewer)];
  for (const term of searchTerms(filter.search)) {
    and.push({ OR: [{ subject: containsText(term) }, { notes: containsText(term) }, { outcome: containsText(term) }] });
  }
  if (filter.opportunityId) and.push({ opportunityId: filter.opportunityId });
  if (filter.accountId) and.push({ accountId: filter.accountId });
  if (filter.contactId) and.push({ contactId: filter.contactId });
  if (filter.assigneeId) and.push({ assigneeId: filter.assigneeId });
  if (filter.assigneeIds?.length) and.push({ assigneeId: { in: filter.assigneeIds } });
  if (filter.mine) and.push({ assigneeId: viewer.id });
  if (filter.teamIds?.length) and.push({ teamId: { in: filter.teamIds } });
  if (filter.status?.length) and.push({ OR: filter.status.map((status) => activityStatusWhere(status, now)) });
  if (filter.types?.length) and.push({ type: { in: filter.types } });
  if (filter.dueFrom) and.push({ dueAt: { gte: filter.dueFrom } });
  if (filter.dueTo) and.push({ dueAt: { lt: filter.dueTo } });
  if (filter.doneFrom) and.push({ doneAt: { gte: filter.doneFrom } });
  if (filter.doneTo) and.push({ doneAt: { lt: filter.doneTo } });
  return { AND: and };
}

/**
 * Lists: open activities first (overdue ones on top, since they are due earliest; undated ones
 * last), then completed ones, most recently done first. The id breaks ties for stable cursors.
 */
export const ACTIVITY_LIST_ORDER: Prisma.ActivityOrderByWithRelationInput[] = [
  { doneAt: { sort: 'desc', nulls: 'first' } },
  { dueAt: { sort: 'asc', nulls: 'last' } },
  { id: 'asc' },
];

/** Sort keys an activity list may choose instead of the order above; activities without the date come last. */
export const ACTIVITY_SORT_FIELDS = ['dueAt', 'doneAt', 'createdAt', 'type', 'subject'] as const;
export type ActivitySortField = (typeof ACTIVITY_SORT_FIELDS)[number];

export function activityOrderBy(field?: ActivitySortField, direction: 'asc' | 'desc' = 'asc'): Prisma.ActivityOrderByWithRelationInput[] {
  if (!field) return ACTIVITY_LIST_ORDER;
  const primary: Prisma.ActivityOrderByWithRelationInput =
    field === 'dueAt' || field === 'doneAt' ? { [field]: { sort: direction, nulls: 'last' } } : { [field]: direction };
  return [primary, { id: direction }];
}

/** A calendar shows at most six weeks (a month view with its leading and trailing days). */
export const MAX_CALENDAR_DAYS = 42;

const calendarRange = z
  .object({ from: moment(), to: moment() })
  .refine((range) => range.to > range.from, { path: ['to'], error: 'The end must come after the start.', params: { reason: 'BEFORE_START' } })
  .refine((range) => range.to.getTime() - range.from.getTime() <= MAX_CALENDAR_DAYS * 86_400_000, {
    path: ['to'],
    error: `Show at most ${MAX_CALENDAR_DAYS} days at once.`,
    params: { reason: 'RANGE_TOO_LONG' },
  });

/** Scheduled activities (done or not) due in [from, to) that match the list filter. */
export function activityCalendarWhere(
  viewer: Viewer,
  rawRange: { from: Date; to: Date },
  rawFilter: ActivityFilter,
  now: Date,
): Prisma.ActivityWhereInput {
  const range = parseInput(calendarRange, rawRange);
  return { AND: [activityListWhere(viewer, rawFilter, now), { dueAt: { gte: range.from, lt: range.to } }] };
}

/** Calendar entries by start; the id breaks ties. */
export const CALENDAR_ORDER: Prisma.ActivityOrderByWithRelationInput[] = [{ dueAt: 'asc' }, { id: 'asc' }];

/** The viewer's open activities of any record they can still read. */
export function myTasksWhere(viewer: Viewer): Prisma.ActivityWhereInput {
  return { AND: [activityReadWhere(viewer), { assigneeId: viewer.id, doneAt: null }] };
}

/**
 * "My tasks": overdue first, the longest overdue on top, then the rest by due date, undated last.
 * Overdue means due before now, so this is simply the due date ascending, whatever the clock says.
 */
export const MY_TASKS_ORDER: Prisma.ActivityOrderByWithRelationInput[] = [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }];

/** The earliest-due open activity of an opportunity (undated ones after dated ones). */
export function nextOpenActivityQuery(viewer: Viewer) {
  return {
    where: { AND: [activityReadWhere(viewer), { doneAt: null }] },
    orderBy: MY_TASKS_ORDER,
    take: 1,
  } satisfies Prisma.Opportunity$activitiesArgs;
}
