import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact, insertOpportunity } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { completeActivity, createActivity, deleteActivity, updateActivity } from './activities.ts';
import { activityListWhere, activityStatus } from './activity-queries.ts';
import { syncOpportunityActivities } from './activity-tracking.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
let northOpportunity: Opportunity;
let southOpportunity: Opportunity;

const NOW = new Date('2026-03-10T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.map((fieldError) => [fieldError.field, fieldError.reason]);
}

const log = (viewer: Viewer, input: Record<string, unknown>, now = NOW) =>
  createActivity(prisma, viewer, { type: 'CALL', subject: 'Anruf', ...input }, { now });

const reload = (opportunity: Opportunity) => prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northManager', 'northSales', 'northSales2', 'southSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  const contact = await insertContact(prisma, org.northSales, org.north.id);
  northOpportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, contactId: contact.id });
  await prisma.contact.update({ where: { id: contact.id }, data: { accountId: northOpportunity.accountId } });
  southOpportunity = await insertOpportunity(prisma, { owner: org.southSales, teamId: org.south.id });
});
afterAll(() => database.drop());

describe('createActivity', () => {
  it("links an activity to an opportunity with the opportunity's account, contact and team", async () => {
    const activity = await log(viewers.northSales, { opportunityId: northOpportunity.id, dueAt: later(60), durationMinutes: 30 });
    expect(activity).toMatchObject({
      opportunityId: northOpportunity.id,
      accountId: northOpportunity.accountId,
      contactId: northOpportunity.contactId,
      teamId: org.north.id,
      assigneeId: org.northSales.id,
      createdById: org.northSales.id,
      doneAt: null,
      createdAt: NOW,
    });
  });

  it('reports every invalid field with a reason and writes nothing', async () => {
    const before = await prisma.activity.count();
    expect(
      await fieldErrorsOf(
        createActivity(prisma, viewers.northSales, { type: 'VISIT' as 'CALL', subject: ' ', durationMinutes: 1441, notes: 'x'.repeat(20_001) }),
      ),
    ).toEqual([
      ['type', 'INVALID_VALUE'],
      ['subject', 'REQUIRED'],
      ['notes', 'TOO_LONG'],
      ['durationMinutes', 'TOO_LARGE'],
    ]);
    expect(await fieldErrorsOf(log(viewers.northSales, { durationMinutes: -1, opportunityId: 'nope' }))).toEqual([
      ['durationMinutes', 'TOO_SMALL'],
      ['opportunityId', 'INVALID_ID'],
    ]);
    expect(await fieldErrorsOf(log(viewers.northSales, { doneAt: later(60) }))).toEqual([
      ['opportunityId', 'REQUIRED'],
      ['doneAt', 'IN_FUTURE'],
    ]);
    expect(await prisma.activity.count()).toBe(before);
  });

  it('refuses records the viewer cannot read, records that do not fit together and unsuitable assignees', async () => {
    expect(await fieldErrorsOf(log(viewers.northSales, { opportunityId: southOpportunity.id }))).toEqual([['opportunityId', 'NOT_FOUND']]);
    expect(await fieldErrorsOf(log(viewers.northSales, { opportunityId: northOpportunity.id, accountId: southOpportunity.accountId }))).toEqual([
      ['accountId', 'NOT_FOUND'],
    ]);
    const otherNorthAccount = await insertAccount(prisma, org.northSales, org.north.id);
    expect(await fieldErrorsOf(log(viewers.northSales, { opportunityId: northOpportunity.id, accountId: otherNorthAccount.id }))).toEqual([
      ['accountId', 'OTHER_ACCOUNT'],
    ]);
    expect(await fieldErrorsOf(log(viewers.northSales, { accountId: otherNorthAccount.id, contactId: northOpportunity.contactId }))).toEqual([
      ['contactId', 'OTHER_ACCOUNT'],
    ]);
    expect(await fieldErrorsOf(log(viewers.northSales, { opportunityId: northOpportunity.id, assigneeId: org.southSales.id }))).toEqual([
      ['assigneeId', 'NOT_ALLOWED'],
    ]);
    expect(await fieldErrorsOf(log(viewers.northSales, { opportunityId: northOpportunity.id, assigneeId: org.service.id }))).toEqual([
      ['assigneeId', 'NOT_ALLOWED'],
    ]);
    await prisma.user.update({ where: { id: org.northSales2.id }, data: { active: false } });
    try {
      expect(await fieldErrorsOf(log(viewers.northSales, { opportunityId: northOpportunity.id, assigneeId: org.northSales2.id }))).toEqual([
        ['assigneeId', 'NOT_FOUND'],
      ]);
    } finally {
      await prisma.user.update({ where: { id: org.northSales2.id }, data: { active: true } });
    }
  });

  it('keeps SERVICE and read-only callers out', async () => {
    await expect(log(viewers.service, { accountId: northOpportunity.accountId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(log({ ...viewers.admin, readOnly: true }, { opportunityId: northOpportunity.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets a teammate log an activity on an opportunity they can read, assigned to someone else who can', async () => {
    const activity = await log(viewers.northSales2, { opportunityId: northOpportunity.id, assigneeId: org.northSales.id, type: 'TASK' });
    expect(activity).toMatchObject({ assigneeId: org.northSales.id, createdById: org.northSales2.id });
  });

  it("takes a contact's account and team for an activity about the contact alone", async () => {
    const activity = await log(viewers.northSales, { contactId: northOpportunity.contactId, type: 'EMAIL' });
    expect(activity).toMatchObject({ opportunityId: null, accountId: northOpportunity.accountId, teamId: org.north.id });
    // A contact whose account the viewer cannot see: about the contact alone, readable by its team.
    const southAccount = await insertAccount(prisma, org.southSales, org.south.id);
    const borrowed = await insertContact(prisma, org.northSales, org.north.id, { accountId: southAccount.id });
    const alone = await log(viewers.northSales, { contactId: borrowed.id });
    expect(alone).toMatchObject({ accountId: null, contactId: borrowed.id, teamId: org.north.id });
  });
});

describe('changing, completing and deleting', () => {
  let activityId: string;

  beforeAll(async () => {
    activityId = (await log(viewers.northSales, { opportunityId: northOpportunity.id, type: 'TASK', subject: 'Angebot nachfassen' })).id;
  });

  it('lets the creator change it and clears optional fields with null', async () => {
    await updateActivity(prisma, viewers.northSales, activityId, { notes: 'mit Preisliste', dueAt: later(120) });
    const updated = await updateActivity(prisma, viewers.northSales, activityId, { subject: 'Angebot nachfassen (2)', notes: null });
    expect(updated).toMatchObject({ subject: 'Angebot nachfassen (2)', notes: null, dueAt: later(120) });
    expect(await fieldErrorsOf(updateActivity(prisma, viewers.northSales, activityId, { subject: '' }))).toEqual([['subject', 'REQUIRED']]);
  });

  it('hides it from other teams, forbids teammates who neither created, are assigned nor own the record', async () => {
    await expect(updateActivity(prisma, viewers.southSales, activityId, { subject: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(completeActivity(prisma, viewers.southSales, activityId, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(completeActivity(prisma, viewers.northSales2, activityId, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteActivity(prisma, viewers.northSales2, activityId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteActivity(prisma, viewers.service, activityId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(completeActivity(prisma, { ...viewers.northManager, readOnly: true }, activityId, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(completeActivity(prisma, viewers.northSales, '0190a5d2-0000-7000-8000-000000000000', true)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.activity.findUniqueOrThrow({ where: { id: activityId } })).doneAt).toBeNull();
  });

  it('lets the assignee and the manager of the team change it', async () => {
    await updateActivity(prisma, viewers.northSales, activityId, { assigneeId: org.northSales2.id });
    await updateActivity(prisma, viewers.northSales2, activityId, { durationMinutes: 15 });
    await updateActivity(prisma, viewers.northManager, activityId, { durationMinutes: 20 });
    await expect(updateActivity(prisma, viewers.southSales, activityId, { durationMinutes: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('completes and reopens idempotently, with one timeline entry per actual change, leaving the opportunity version alone', async () => {
    const before = await reload(northOpportunity);
    const done = await completeActivity(prisma, viewers.northManager, activityId, true, { now: later(10) });
    expect(done.doneAt).toEqual(later(10));
    const again = await completeActivity(prisma, viewers.northManager, activityId, true, { now: later(20) });
    expect(again.doneAt).toEqual(later(10));
    expect((await reload(northOpportunity)).version).toBe(before.version);
    const reopened = await completeActivity(prisma, viewers.northSales, activityId, false, { now: later(30) });
    expect(reopened.doneAt).toBeNull();
    const events = await prisma.opportunityChange.findMany({
      where: { opportunityId: northOpportunity.id, field: { in: ['ACTIVITY_COMPLETED', 'ACTIVITY_REOPENED'] } },
      orderBy: { changedAt: 'asc' },
    });
    expect(events.map((event) => [event.field, event.newValue])).toEqual([
      ['ACTIVITY_COMPLETED', { activityId, type: 'TASK', subject: 'Angebot nachfassen (2)', doneAt: later(10).toISOString() }],
      ['ACTIVITY_REOPENED', { activityId, type: 'TASK', subject: 'Angebot nachfassen (2)' }],
    ]);
    expect((await reload(northOpportunity)).version).toBe(before.version);
  });

  it('deletes it for the owner of the opportunity', async () => {
    const other = await log(viewers.northSales2, { opportunityId: northOpportunity.id, assigneeId: org.northSales2.id });
    await deleteActivity(prisma, viewers.northSales, other.id);
    expect(await prisma.activity.findUnique({ where: { id: other.id } })).toBeNull();
    expect(await prisma.opportunityChange.count({ where: { opportunityId: northOpportunity.id, field: 'ACTIVITY_DELETED' } })).toBe(1);
  });
});

describe('status', () => {
  it('is OPEN, OVERDUE once due in the past, and COMPLETED when done, at an injected now', async () => {
    const activity = await log(viewers.northSales, { opportunityId: northOpportunity.id, dueAt: later(60), subject: 'Status' });
    expect(activityStatus(activity, NOW)).toBe('OPEN');
    expect(activityStatus(activity, later(61))).toBe('OVERDUE');
    expect(activityStatus({ dueAt: null, doneAt: null }, later(100_000))).toBe('OPEN');
    const done = await completeActivity(prisma, viewers.northSales, activity.id, true, { now: later(90) });
    expect(activityStatus(done, later(120))).toBe('COMPLETED');

    const open = await log(viewers.northSales, { opportunityId: northOpportunity.id, dueAt: later(60), subject: 'Status 2' });
    const ids = async (status: 'OPEN' | 'OVERDUE' | 'COMPLETED', now: Date) =>
      (
        await prisma.activity.findMany({
          where: { AND: [activityListWhere(viewers.northSales, { status: [status] }, now), { subject: { startsWith: 'Status' } }] },
        })
      ).map((row) => row.id);
    expect(await ids('OPEN', NOW)).toEqual([open.id]);
    expect(await ids('OVERDUE', NOW)).toEqual([]);
    expect(await ids('OVERDUE', later(61))).toEqual([open.id]);
    expect(await ids('COMPLETED', later(61))).toEqual([activity.id]);
  });
});

describe('lastActivityAt', () => {
  it('follows activities on the opportunity, on its account and on its contact, and goes back when they go', async () => {
    const account = await insertAccount(prisma, org.northSales, org.north.id);
    const contact = await insertContact(prisma, org.northSales, org.north.id, { accountId: account.id });
    const standalone = await insertContact(prisma, org.northSales, org.north.id);
    const first = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, accountId: account.id });
    const second = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, accountId: account.id, contactId: standalone.id });
    const won = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, accountId: account.id, status: 'WON' });
    const elsewhere = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
    const last = async () => Promise.all([first, second, won, elsewhere].map(async (o) => (await reload(o)).lastActivityAt));

    // On an opportunity: that opportunity only.
    const call = await log(viewers.northSales, { opportunityId: first.id }, later(1));
    expect(await last()).toEqual([later(1), null, null, null]);
    expect((await reload(first)).version).toBe(first.version);

    // On the account (or a contact of it): every open opportunity of the account.
    await log(viewers.northSales, { accountId: account.id, type: 'NOTE' }, later(2));
    expect(await last()).toEqual([later(2), later(2), null, null]);
    const mail = await log(viewers.northSales, { contactId: contact.id, type: 'EMAIL' }, later(3));
    expect(await last()).toEqual([later(3), later(3), null, null]);
    // On a contact without account that an opportunity names.
    await log(viewers.northSales, { contactId: standalone.id }, later(4));
    expect(await last()).toEqual([later(3), later(4), null, null]);

    // Completing counts at the moment it is done; reopening and deleting take it back.
    await completeActivity(prisma, viewers.northSales, call.id, true, { now: later(10) });
    expect((await reload(first)).lastActivityAt).toEqual(later(10));
    await completeActivity(prisma, viewers.northSales, call.id, false, { now: later(11) });
    expect((await reload(first)).lastActivityAt).toEqual(later(3));
    await deleteActivity(prisma, viewers.northSales, mail.id);
    expect(await last()).toEqual([later(2), later(4), null, null]);
    // No OpportunityChange for account-level activities: they are not on an opportunity's timeline.
    expect(await prisma.opportunityChange.count({ where: { opportunityId: second.id } })).toBe(0);
  });

  it('moves activities with their opportunity to another team and recounts (syncOpportunityActivities)', async () => {
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
    const activity = await log(viewers.northSales, { opportunityId: opportunity.id }, later(5));
    await prisma.opportunity.update({ where: { id: opportunity.id }, data: { teamId: org.south.id, lastActivityAt: null } });
    await prisma.$transaction((tx) => syncOpportunityActivities(tx, opportunity.id));
    expect((await prisma.activity.findUniqueOrThrow({ where: { id: activity.id } })).teamId).toBe(org.south.id);
    expect((await reload(opportunity)).lastActivityAt).toEqual(later(5));
  });
});
