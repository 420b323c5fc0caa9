import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { hashPassword } from '../auth/passwords.ts';
import { opportunityAsOf, snapshotTracked } from '../domain/opportunity-history.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './demo-data.ts';

let first: TestDatabase;
let second: TestDatabase;
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(DEMO_PASSWORD);
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  expect(await seedDemoData(first.db.prisma, { passwordHash })).toEqual({ created: true });
  expect(await seedDemoData(second.db.prisma, { passwordHash })).toEqual({ created: true });
});
afterAll(async () => {
  await first.drop();
  await second.drop();
});

describe('demo data', () => {
  it('holds two teams, six users of all roles, 50 accounts and 120 contacts', async () => {
    const prisma = first.db.prisma;
    expect(await prisma.team.count()).toBe(2);
    const users = await prisma.user.findMany({ include: { memberships: true } });
    expect(users).toHaveLength(DEMO_USERS.length);
    expect(new Set(users.map((user) => user.role))).toEqual(new Set(['ADMIN', 'MANAGER', 'SALES', 'SERVICE']));
    expect(await prisma.account.count()).toBe(50);
    expect(await prisma.contact.count()).toBe(120);
    expect(await prisma.contact.count({ where: { accountId: null } })).toBe(6);
    expect(await prisma.lifecycleStatus.count()).toBe(5);
  });

  it('holds four pipelines and 400 opportunities whose history reaches two years back', async () => {
    const prisma = first.db.prisma;
    expect(await prisma.pipeline.count({ where: { kind: 'LEAD' } })).toBe(2);
    expect(await prisma.pipeline.count({ where: { kind: 'DEAL' } })).toBe(2);
    expect(await prisma.opportunity.count()).toBe(400);
    for (const status of ['OPEN', 'WON', 'LOST'] as const) expect(await prisma.opportunity.count({ where: { status } })).toBeGreaterThan(40);
    const oldest = await prisma.opportunityChange.findFirstOrThrow({ orderBy: { changedAt: 'asc' } });
    expect(oldest.changedAt.getTime()).toBeLessThan(new Date('2025-02-01').getTime());
    expect(await prisma.opportunityLine.count()).toBeGreaterThan(100);
    expect(await prisma.activity.count({ where: { doneAt: null } })).toBeGreaterThan(50);
    const lost = await prisma.opportunity.findMany({ where: { status: 'LOST' } });
    expect(lost.every((opportunity) => opportunity.lossReasonId && opportunity.probability === 0)).toBe(true);
    const withLines = await prisma.opportunity.findMany({ where: { lines: { some: {} } }, include: { lines: true } });
    for (const opportunity of withLines.slice(0, 20)) {
      const sum = opportunity.lines.reduce((total, line) => total + Number(line.quantity) * Number(line.unitPrice) * (1 - Number(line.discountPercent) / 100), 0);
      expect(Number(opportunity.amount)).toBeCloseTo(sum, 1);
    }
  });

  it('has a history that rolls every opportunity back to its creation snapshot', async () => {
    const prisma = first.db.prisma;
    const created = await prisma.opportunityChange.findMany({ where: { field: 'CREATED' } });
    const opportunities = await prisma.opportunity.findMany();
    const past = new Map(
      (await Promise.all(opportunities.map((opportunity) => opportunityAsOf(prisma, opportunity.id, opportunity.createdAt)))).map((state) => [state!.id, state!]),
    );
    for (const row of created) {
      expect(snapshotTracked(past.get(row.opportunityId)!)).toEqual(row.newValue);
    }
  });

  it('keeps owners in the teams of their records, as the access rules require', async () => {
    const prisma = first.db.prisma;
    const memberships = new Set((await prisma.teamMembership.findMany()).map((row) => `${row.userId}:${row.teamId}`));
    for (const record of [...(await prisma.account.findMany()), ...(await prisma.contact.findMany()), ...(await prisma.opportunity.findMany())]) {
      expect(memberships.has(`${record.ownerId}:${record.teamId}`)).toBe(true);
    }
    const contacts = await prisma.contact.findMany({ where: { accountId: { not: null } }, include: { account: true } });
    for (const contact of contacts) expect(contact.teamId).toBe(contact.account!.teamId);
  });

  it('lets every demo user sign in with the demo password', async () => {
    const user = await first.db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@nordlicht.example' } });
    expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it('is loaded once: a second run changes nothing', async () => {
    expect(await seedDemoData(first.db.prisma, { passwordHash })).toEqual({ created: false });
    expect(await first.db.prisma.account.count()).toBe(50);
  });

  it('is the same on every fresh database', async () => {
    const names = (database: TestDatabase) =>
      database.db.prisma.account.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, city: true } });
    const emails = (database: TestDatabase) =>
      database.db.prisma.contact.findMany({ orderBy: { id: 'asc' }, select: { email: true, lastName: true } });
    expect(await names(first)).toEqual(await names(second));
    expect(await emails(first)).toEqual(await emails(second));
    expect(new Set((await names(first)).map((account) => account.name)).size).toBe(50);
  });
});
