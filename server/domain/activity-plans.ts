import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { Activity, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { assertCanCreateSalesRecords, assertCanWriteSalesRecord, canReadSalesRecord } from './access.ts';
import { emitActivityChanges, lockScope, recordActivityEvents, refreshLastActivityAt } from './activity-tracking.ts';
import { addDays, ORGANISATION_TIME_ZONE, organisationDay } from './calendar.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { committed } from './events.ts';
import { entityId, parseInput } from './validation.ts';

/** Planned tasks are due at this hour of the organisation's day. */
export const PLAN_DUE_HOUR = 9;

/** The pipeline has no steps to schedule; an administrator can add them. */
export class NoActivityPlanError extends ValidationError {
  constructor(readonly pipelineName: string) {
    super([
      {
        field: 'opportunityId',
        reason: 'NO_ACTIVITY_PLAN',
        message: `The pipeline “${pipelineName}” has no activity plan: an administrator can add one.`,
      },
    ]);
  }
}

const applyPlanInput = z.object({
  opportunityId: entityId,
  /** The day the plan starts (a calendar day: the date part counts); today when omitted. */
  startDate: z.date({ error: 'Enter a date.' }).nullish(),
});

/**
 * Schedules the opportunity's pipeline plan (domain.md, "Activity plans"): one activity per step
 * in plan order, due `dayOffset` days after the start date at 09:00 organisation time, assigned to
 * the opportunity's owner (the viewer when the owner is no longer active). Only those who may
 * change the opportunity may apply it. Returns the new activities in plan order.
 */
export async function applyActivityPlan(
  prisma: PrismaClient,
  viewer: Viewer,
  opportunityId: string,
  startDate?: Date | null,
  { now = new Date() }: { now?: Date } = {},
): Promise<Activity[]> {
  assertCanCreateSalesRecords(viewer);
  const input = parseInput(applyPlanInput, { opportunityId, startDate });
  const startDay = input.startDate ? utcDay(input.startDate) : organisationDay(now);
  return committed(() => prisma.$transaction(async (tx) => {
    await lockScope(tx, { opportunityId: input.opportunityId, accountId: null, contactId: null });
    const opportunity = await tx.opportunity.findUnique({
      where: { id: input.opportunityId },
      include: {
        owner: { select: { active: true } },
        pipeline: { select: { name: true, planSteps: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } } },
      },
    });
    if (!opportunity || !canReadSalesRecord(viewer, opportunity)) throw new NotFoundError('Opportunity');
    assertCanWriteSalesRecord(viewer, opportunity);
    const steps = opportunity.pipeline.planSteps;
    if (steps.length === 0) throw new NoActivityPlanError(opportunity.pipeline.name);
    const rows: Prisma.ActivityCreateManyInput[] = steps.map((step) => ({
      type: step.type,
      subject: step.subject,
      durationMinutes: step.durationMinutes,
      dueAt: atOrganisationTime(addDays(startDay, step.dayOffset), PLAN_DUE_HOUR),
      opportunityId: opportunity.id,
      accountId: opportunity.accountId,
      contactId: opportunity.contactId,
      teamId: opportunity.teamId,
      assigneeId: opportunity.owner.active ? opportunity.ownerId : viewer.id,
      createdById: viewer.id,
      createdAt: now,
      updatedAt: now,
    }));
    const created = inInputOrder(rows, await tx.activity.createManyAndReturn({ data: rows }));
    await refreshLastActivityAt(tx, { opportunityId: opportunity.id, accountId: null, contactId: null });
    await recordActivityEvents(tx, viewer.id, 'ACTIVITY_ADDED', created, now);
    emitActivityChanges(viewer.id, 'CREATED', created);
    return created;
  }));
}

/**
 * INSERT ... RETURNING gives no guaranteed order: match the rows back to the input. Steps that
 * are alike in every column are interchangeable, so matching the first unused equal row is exact.
 */
function inInputOrder(rows: Prisma.ActivityCreateManyInput[], created: Activity[]): Activity[] {
  const key = (row: { type: string; subject: string; dueAt?: Date | string | null; durationMinutes?: number | null }) =>
    JSON.stringify([row.type, row.subject, row.dueAt ? new Date(row.dueAt).toISOString() : null, row.durationMinutes ?? null]);
  const unused = [...created];
  return rows.map((row) => {
    const index = unused.findIndex((activity) => key(activity) === key(row));
    return unused.splice(index, 1)[0];
  });
}

/** The calendar day a Date scalar stands for (it arrives as UTC midnight). */
function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

const zoneFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ORGANISATION_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far the organisation's wall clock is ahead of UTC at `at`, in milliseconds. */
function zoneOffset(at: number): number {
  const parts = Object.fromEntries(zoneFormat.formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant when the organisation's clock shows `hour`:00 on `day` (a UTC-midnight Date, as
 * `organisationDay` returns), across summer time changes: 09:00 in Berlin is 08:00 UTC in winter
 * and 07:00 UTC in summer.
 */
export function atOrganisationTime(day: Date, hour: number): Date {
  const wall = day.getTime() + hour * 3_600_000;
  const first = wall - zoneOffset(wall);
  return new Date(wall - zoneOffset(first));
}
