import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { hashPassword } from '../auth/passwords.ts';
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

  it('keeps owners in the teams of their records, as the access rules require', async () => {
    const prisma = first.db.prisma;
    const memberships = new Set((await prisma.teamMembership.findMany()).map((row) => `${row.userId}:${row.teamId}`));
    for (const record of [...(await prisma.account.findMany()), ...(await prisma.contact.findMany())]) {
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
