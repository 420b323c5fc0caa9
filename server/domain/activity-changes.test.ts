import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertOpportunity } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { completeActivity, createActivity, deleteActivity, rescheduleActivity, updateActivity } from './activities.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
let opportunity: Opportunity;

const NOW = new Date('2026-12-03T10:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.map((fieldError) => [fieldError.field, fieldError.reason]);
}

const log = (viewer: Viewer, input: Record<string, unknown> = {}) =>
  createActivity(prisma, viewer, { type: 'CALL', subject: 'Anruf', opportunityId: opportunity.id, ...input }, { now: NOW });

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northManager', 'northSales', 'northSales2', 'southManager', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, createdAt: at(-24 * 30) });
});
afterAll(() => database.drop());

describe('logging what already happened', () => {
  it('creates a done activity at a past moment with notes and outcome, due when it happened', async () => {
    const activity = await log(viewers.northSales, {
      type: 'MEETING',
      doneAt: at(-26),
      durationMinutes: 45,
      notes: 'Besprochen: Anlage, Termine, Preis.',
      outcome: 'Angebot bis Freitag zugesagt',
    });
    expect(activity).toMatchObject({ doneAt: at(-26), dueAt: at(-26), durationMinutes: 45, outcome: 'Angebot bis Freitag zugesagt', createdAt: NOW });
    // It was logged now: the opportunity counts it as activity from now on.
    expect((await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).lastActivityAt).toEqual(NOW);
    const planned = await log(viewers.northSales, { doneAt: at(-2), dueAt: at(-3) });
    expect(planned.dueAt).toEqual(at(-3));
  });

  it('refuses a done moment in the future or outside 1900-2200, and an overlong outcome', async () => {
    expect(await fieldErrorsOf(log(viewers.northSales, { doneAt: at(1) }))).toEqual([['doneAt', 'IN_FUTURE']]);
    expect(await fieldErrorsOf(log(viewers.northSales, { doneAt: new Date('1899-12-31T00:00:00Z'), dueAt: new Date('2201-01-01T00:00:00Z') }))).toEqual([
      ['dueAt', 'TOO_LARGE'],
      ['doneAt', 'TOO_SMALL'],
    ]);
    expect(await fieldErrorsOf(log(viewers.northSales, { outcome: 'x'.repeat(501) }))).toEqual([['outcome', 'TOO_LONG']]);
  });
});

describe('editing, completing at a past moment, rescheduling', () => {
  it('edits notes and outcome, corrects the done time of a completed activity and recounts the last activity', async () => {
    const open = await log(viewers.northSales, { dueAt: at(5) });
    expect(await fieldErrorsOf(updateActivity(prisma, viewers.northSales, open.id, { doneAt: at(-1) }, { now: NOW }))).toEqual([['doneAt', 'NOT_DONE']]);
    const done = await completeActivity(prisma, viewers.northSales, open.id, true, { now: at(2), doneAt: at(1) });
    expect(done.doneAt).toEqual(at(1));
    expect((await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).lastActivityAt).toEqual(at(1));
    const corrected = await updateActivity(prisma, viewers.northSales, open.id, { doneAt: at(1.5), outcome: 'Erreicht', notes: null }, { now: at(3) });
    expect(corrected).toMatchObject({ doneAt: at(1.5), outcome: 'Erreicht', notes: null });
    expect((await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).lastActivityAt).toEqual(at(1.5));
    expect(await fieldErrorsOf(updateActivity(prisma, viewers.northSales, open.id, { doneAt: at(4) }, { now: at(3) }))).toEqual([['doneAt', 'IN_FUTURE']]);
    expect(await fieldErrorsOf(completeActivity(prisma, viewers.northSales, open.id, false, { now: at(3), doneAt: at(1) }))).toEqual([['doneAt', 'NOT_ALLOWED']]);
  });

  it('reschedules open activities only, and announces the new due time again', async () => {
    const task = await log(viewers.northSales, { type: 'TASK', dueAt: at(1), durationMinutes: 30 });
    await prisma.activity.update({ where: { id: task.id }, data: { dueNotifiedAt: at(0.5) } });
    const moved = await rescheduleActivity(prisma, viewers.northSales, task.id, { dueAt: at(48) }, { now: NOW });
    expect(moved).toMatchObject({ dueAt: at(48), durationMinutes: 30, dueNotifiedAt: null });
    const longer = await rescheduleActivity(prisma, viewers.northSales, task.id, { dueAt: at(48), durationMinutes: 90 }, { now: NOW });
    expect(longer.durationMinutes).toBe(90);
    await completeActivity(prisma, viewers.northSales, task.id, true, { now: NOW });
    expect(await fieldErrorsOf(rescheduleActivity(prisma, viewers.northSales, task.id, { dueAt: at(72) }, { now: NOW }))).toEqual([['dueAt', 'ALREADY_DONE']]);
    expect(await fieldErrorsOf(rescheduleActivity(prisma, viewers.northSales, task.id, { dueAt: null as never }, { now: NOW }))).toEqual([['dueAt', 'REQUIRED']]);
  });
});

describe('who may change and delete', () => {
  /** An activity about the north opportunity (owned by northSales), created by northSales2 and assigned to northManager. */
  const delegated = () => log(viewers.northSales2, { assigneeId: org.northManager.id });

  it('lets the creator, the assignee, the owner of the record, the team manager and an admin delete', async () => {
    for (const viewer of ['northSales2', 'northManager', 'northSales', 'admin'] as const) {
      const activity = await delegated();
      await expect(deleteActivity(prisma, viewers[viewer], activity.id, { now: NOW }), viewer).resolves.toEqual({ id: activity.id });
    }
    // The team's manager who is neither creator nor assignee.
    const own = await log(viewers.northSales);
    await expect(deleteActivity(prisma, viewers.northManager, own.id, { now: NOW })).resolves.toEqual({ id: own.id });
  });

  it('refuses a salesperson of the team who has nothing to do with it, other teams, SERVICE and read-only tokens', async () => {
    const activity = await log(viewers.northSales);
    await expect(deleteActivity(prisma, viewers.northSales2, activity.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rescheduleActivity(prisma, viewers.northSales2, activity.id, { dueAt: at(5) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateActivity(prisma, viewers.northSales2, activity.id, { outcome: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteActivity(prisma, viewers.southManager, activity.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteActivity(prisma, viewers.service, activity.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteActivity(prisma, { ...viewers.admin, readOnly: true }, activity.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(completeActivity(prisma, { ...viewers.northSales, readOnly: true }, activity.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.activity.findUnique({ where: { id: activity.id } })).toMatchObject({ doneAt: null, dueAt: null });
  });
});
