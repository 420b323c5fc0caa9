import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import { createOrganisation, createUser, type Organisation } from '../test/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { ConflictError } from './errors.ts';
import { followOpportunity } from './follows.ts';
import { createOpportunity, moveOpportunity } from './opportunities.ts';

let database: TestDatabase;
let org: Organisation;
let managers: Viewer[];
let stages: { id: string; probability: number }[];

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  // Fifty people of the team, each dragging the same card at the same moment.
  const users = await Promise.all(
    Array.from({ length: 50 }, (_, index) => createUser(prisma, { name: `Manager ${index}`, email: `manager${index}@test.example`, role: 'MANAGER', teamIds: [org.north.id] })),
  );
  managers = await Promise.all(users.map(async (user) => (await authenticate(prisma, `Bearer ${user.token}`))!));
  const pipeline = await prisma.pipeline.create({
    data: { name: 'Leads', kind: 'LEAD', stages: { create: [10, 30, 50, 70].map((probability, position) => ({ name: `S${position}`, position, probability })) } },
    include: { stages: { orderBy: { position: 'asc' } } },
  });
  stages = pipeline.stages;
});
afterAll(() => database.drop());

describe('concurrent moves of one card', () => {
  it('lets exactly one move per version win and records exactly the winners', async () => {
    const prisma = database.db.prisma;
    const account = await prisma.account.create({ data: { name: 'Wettlauf AG', normalizedName: 'wettlauf', statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id } });
    const owner = (await authenticate(prisma, `Bearer ${org.northSales.token}`))!;
    const card = await createOpportunity(prisma, owner, { title: 'Umkämpft', accountId: account.id, amount: '1000' });
    // Nina follows the card: she must hear of each move that happened, and of nothing else.
    const follower = (await authenticate(prisma, `Bearer ${org.northSales2.token}`))!;
    await followOpportunity(prisma, follower, card.id);
    const stageNotices = () =>
      prisma.notification.findMany({ where: { userId: follower.id, opportunityId: card.id, kind: 'OPPORTUNITY_CHANGED' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

    // Everyone saw version 1 and moves the card to a stage other than the current one.
    const results = await Promise.allSettled(
      managers.map((manager, index) => moveOpportunity(prisma, manager, card.id, stages[1 + (index % 3)].id, { expectedVersion: 1 })),
    );
    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers.every((result) => result.reason instanceof ConflictError)).toBe(true);

    const final = await prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } });
    const winner = (winners[0] as PromiseFulfilledResult<typeof final>).value;
    expect(final).toMatchObject({ version: 2, stageId: winner.stageId, probability: winner.probability });
    expect(final.weightedAmount.toFixed(2)).toBe((10 * winner.probability).toFixed(2));
    const moves = await prisma.opportunityChange.findMany({ where: { opportunityId: card.id, field: 'stageId' } });
    expect(moves).toHaveLength(1);
    expect(moves[0].newValue).toBe(winner.stageId);
    const afterRace = await stageNotices();
    expect(afterRace).toHaveLength(1);
    expect(afterRace[0].actorId).toBe(moves[0].actorId);

    // Without a version, every move is applied in turn and none is lost.
    await Promise.all(managers.slice(0, 20).map((manager, index) => moveOpportunity(prisma, manager, card.id, stages[index % 4].id)));
    const after = await prisma.opportunity.findUniqueOrThrow({ where: { id: card.id } });
    const history = await prisma.opportunityChange.findMany({ where: { opportunityId: card.id, field: 'stageId' }, orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] });
    expect(after.version).toBe(2 + history.length - 1);
    expect(history.at(-1)!.newValue).toBe(after.stageId);
    for (let index = 1; index < history.length; index += 1) expect(history[index].oldValue).toBe(history[index - 1].newValue);
    // One notice per recorded move, from the one who made it.
    const notices = await stageNotices();
    expect(notices.map((notice) => notice.actorId)).toEqual(history.map((change) => change.actorId));
  });
});
