import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertOpportunity } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { followedOpportunities, followOpportunity, unfollowOpportunity } from './follows.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northSales', 'northSales2', 'southSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
});
afterAll(() => database.drop());

describe('follows', () => {
  it('follows and unfollows idempotently, writing one timeline entry per actual change', async () => {
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
    // A teammate who may not change it may still follow it.
    const at = (minute: number) => ({ now: new Date(Date.UTC(2026, 2, 10, 10, minute)) });
    await followOpportunity(prisma, viewers.northSales2, opportunity.id, at(1));
    await followOpportunity(prisma, viewers.northSales2, opportunity.id, at(2));
    expect(await prisma.opportunityFollower.findMany({ where: { opportunityId: opportunity.id } })).toEqual([
      expect.objectContaining({ userId: org.northSales2.id }),
    ]);
    await unfollowOpportunity(prisma, viewers.northSales2, opportunity.id, at(3));
    await unfollowOpportunity(prisma, viewers.northSales2, opportunity.id, at(4));
    expect(await prisma.opportunityFollower.count({ where: { opportunityId: opportunity.id } })).toBe(0);
    const changes = await prisma.opportunityChange.findMany({ where: { opportunityId: opportunity.id }, orderBy: { changedAt: 'asc' } });
    expect(changes.map((change) => [change.field, change.actorId, (change.newValue as { userId: string }).userId])).toEqual([
      ['FOLLOWED', org.northSales2.id, org.northSales2.id],
      ['UNFOLLOWED', org.northSales2.id, org.northSales2.id],
    ]);
    expect((await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).version).toBe(opportunity.version);
  });

  it('is for those who can read the opportunity, not through read-only tokens', async () => {
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
    await expect(followOpportunity(prisma, viewers.southSales, opportunity.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(followOpportunity(prisma, viewers.service, opportunity.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(followOpportunity(prisma, { ...viewers.northSales, readOnly: true }, opportunity.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.opportunityFollower.count({ where: { opportunityId: opportunity.id } })).toBe(0);
  });

  it('lists followed opportunities the viewer can still read', async () => {
    const kept = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
    const moved = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
    await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
    await followOpportunity(prisma, viewers.northSales, kept.id);
    await followOpportunity(prisma, viewers.northSales, moved.id);
    expect((await followedOpportunities(prisma, viewers.northSales)).map((o) => o.id).sort()).toEqual([kept.id, moved.id].sort());
    await prisma.opportunity.update({ where: { id: moved.id }, data: { teamId: org.south.id } });
    expect((await followedOpportunities(prisma, viewers.northSales)).map((o) => o.id)).toEqual([kept.id]);
    expect(await followedOpportunities(prisma, viewers.northSales2)).toEqual([]);
  });
});
