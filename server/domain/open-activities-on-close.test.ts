import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertOpportunity } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { ConflictError, ValidationError } from './errors.ts';
import { loseOpportunity, winOpportunity } from './opportunities.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
let sales: Viewer;
let lossReasonId: string;

// The moment of closing lies after the fixtures are written (the activities' real creation time
// counts for `lastActivityAt`), whenever the suite runs.
const NOW = new Date(Math.ceil(Date.now() / 3_600_000 + 1) * 3_600_000);

/** An open opportunity with two open activities and one done, plus an open one on its account alone. */
async function withActivities(): Promise<Opportunity> {
  const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
  const base = { teamId: org.north.id, assigneeId: org.northSales.id, createdById: org.northSales.id, accountId: opportunity.accountId };
  await prisma.activity.createMany({
    data: [
      { ...base, type: 'CALL', subject: 'Nachfassen', opportunityId: opportunity.id, dueAt: new Date('2026-12-01T09:00:00Z') },
      { ...base, type: 'TASK', subject: 'Vertrag senden', opportunityId: opportunity.id, dueAt: new Date('2026-12-10T09:00:00Z') },
      { ...base, type: 'NOTE', subject: 'Erledigt', opportunityId: opportunity.id, doneAt: new Date('2026-11-20T09:00:00Z') },
      { ...base, type: 'TASK', subject: 'Kontoaufgabe', opportunityId: null },
    ],
  });
  return opportunity;
}

const openOf = (opportunity: Opportunity) =>
  prisma.activity.findMany({ where: { opportunityId: opportunity.id, doneAt: null }, orderBy: { subject: 'asc' } });

async function reasonsOf(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.map((fieldError) => [fieldError.field, fieldError.reason]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  sales = (await authenticate(prisma, `Bearer ${org.northSales.token}`))!;
  lossReasonId = (await prisma.lossReason.create({ data: { name: 'Preis' } })).id;
});
afterAll(() => database.drop());

describe('open activities when an opportunity is won or lost', () => {
  it('asks for a choice when there are open activities, and writes nothing without one', async () => {
    const opportunity = await withActivities();
    expect(await reasonsOf(winOpportunity(prisma, sales, opportunity.id, {}, { now: NOW }))).toEqual([['openActivities', 'CHOICE_REQUIRED']]);
    expect(await reasonsOf(loseOpportunity(prisma, sales, opportunity.id, { lossReasonId }, { now: NOW }))).toEqual([['openActivities', 'CHOICE_REQUIRED']]);
    expect(await reasonsOf(winOpportunity(prisma, sales, opportunity.id, { openActivities: 'LATER' as 'KEEP' }, { now: NOW }))).toEqual([
      ['openActivities', 'INVALID_VALUE'],
    ]);
    expect((await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).status).toBe('OPEN');
    expect(await openOf(opportunity)).toHaveLength(2);
  });

  it('CLOSE on a win marks them done at the moment of closing, in the same change, and leaves the account task alone', async () => {
    const opportunity = await withActivities();
    const won = await winOpportunity(prisma, sales, opportunity.id, { openActivities: 'CLOSE' }, { now: NOW });
    expect(won.status).toBe('WON');
    expect(await openOf(opportunity)).toEqual([]);
    const closed = await prisma.activity.findMany({ where: { opportunityId: opportunity.id, subject: { in: ['Nachfassen', 'Vertrag senden'] } } });
    expect(closed.map((activity) => activity.doneAt)).toEqual([NOW, NOW]);
    expect(await prisma.activity.count({ where: { subject: 'Kontoaufgabe', accountId: opportunity.accountId, doneAt: null } })).toBe(1);
    const history = await prisma.opportunityChange.findMany({ where: { opportunityId: opportunity.id, changedAt: NOW }, orderBy: { field: 'asc' } });
    expect(history.map((change) => change.field)).toEqual(expect.arrayContaining(['ACTIVITY_COMPLETED', 'ACTIVITY_COMPLETED', 'status']));
    expect(won.lastActivityAt).toEqual(NOW);
  });

  it('KEEP on a loss leaves them open', async () => {
    const opportunity = await withActivities();
    const lost = await loseOpportunity(prisma, sales, opportunity.id, { lossReasonId, openActivities: 'KEEP' }, { now: NOW });
    expect(lost.status).toBe('LOST');
    expect((await openOf(opportunity)).map((activity) => activity.subject)).toEqual(['Nachfassen', 'Vertrag senden']);
  });

  it('needs no choice without open activities, and closes nothing when the change fails', async () => {
    const bare = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
    expect((await winOpportunity(prisma, sales, bare.id, {}, { now: NOW })).status).toBe('WON');
    const opportunity = await withActivities();
    await expect(loseOpportunity(prisma, sales, opportunity.id, { lossReasonId, openActivities: 'CLOSE', expectedVersion: 99 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await reasonsOf(loseOpportunity(prisma, sales, opportunity.id, { lossReasonId: '00000000-0000-7000-8000-000000000000', openActivities: 'CLOSE' }))).toEqual([
      ['lossReasonId', 'NOT_FOUND'],
    ]);
    expect(await openOf(opportunity)).toHaveLength(2);
  });
});
