import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { normalizeCompanyName, normalizeEmail } from '../domain/normalize.ts';
import { opportunityAsOf, snapshotTracked } from '../domain/opportunity-history.ts';
import { optionalEmail, optionalPhone, optionalWebsite } from '../domain/validation.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './demo-data.ts';

let first: TestDatabase;
let second: TestDatabase;
let passwordHash: string;

beforeAll(async () => {
  // One argon2 hash for both databases: the seed would otherwise hash once per run.
  passwordHash = await hashPassword(DEMO_PASSWORD);
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  expect(await seedDemoData(first.db.prisma, { passwordHash })).toEqual({ created: true });
  expect(await seedDemoData(second.db.prisma, { passwordHash })).toEqual({ created: true });
});
afterAll(async () => {
  await first?.drop();
  await second?.drop();
});

describe('demo data', () => {
  it('holds two teams, six users of all roles, 50 accounts and 120 contacts', async () => {
    const prisma = first.db.prisma;
    expect((await prisma.team.findMany({ orderBy: { name: 'asc' } })).map((team) => team.name)).toEqual(['Vertrieb Nord', 'Vertrieb Süd']);
    const users = await prisma.user.findMany({ include: { memberships: { include: { team: true } } } });
    expect(users).toHaveLength(6);
    const roles = users.map((user) => user.role).sort();
    expect(roles).toEqual(['ADMIN', 'MANAGER', 'MANAGER', 'SALES', 'SALES', 'SERVICE']);
    for (const demoUser of DEMO_USERS) {
      const user = users.find((candidate) => candidate.email === demoUser.email)!;
      expect(user).toMatchObject({ name: demoUser.name, role: demoUser.role, active: true });
      expect(user.memberships.map((membership) => membership.team.name).sort()).toEqual([...demoUser.teams].sort());
    }
    expect(await prisma.account.count()).toBe(50);
    expect(await prisma.contact.count()).toBe(120);
    expect(await prisma.contact.count({ where: { accountId: null } })).toBe(6);
    expect(await prisma.source.count()).toBe(6);
    expect(await prisma.tag.count()).toBe(8);
    expect((await prisma.lifecycleStatus.findMany({ orderBy: { position: 'asc' } })).map((status) => status.key)).toEqual([
      'PROSPECT',
      'CUSTOMER',
      'INACTIVE',
      'BANKRUPT',
      'MERGED',
    ]);
    expect(await prisma.accountTag.count()).toBeGreaterThan(10);
    expect(await prisma.contactTag.count()).toBeGreaterThan(50);
  });

  it('uses every lifecycle status, and an account is a customer when it won a deal', async () => {
    const prisma = first.db.prisma;
    const accounts = await prisma.account.findMany({ include: { opportunities: { where: { status: 'WON' }, select: { closedAt: true } } } });
    const byStatus = new Map<string, number>();
    for (const account of accounts) byStatus.set(account.statusKey, (byStatus.get(account.statusKey) ?? 0) + 1);
    for (const key of ['PROSPECT', 'CUSTOMER', 'INACTIVE', 'BANKRUPT', 'MERGED']) expect(byStatus.get(key)).toBeGreaterThan(0);
    expect(byStatus.get('PROSPECT')).toBeGreaterThanOrEqual(5);
    for (const account of accounts) {
      if (account.opportunities.length) {
        expect(account.statusKey).toBe('CUSTOMER');
        const lastWin = Math.max(...account.opportunities.map((opportunity) => opportunity.closedAt!.getTime()));
        expect(account.updatedAt.getTime()).toBe(Math.max(lastWin, account.createdAt.getTime()));
      }
    }
    // Nobody sells to a company that is gone.
    expect(await prisma.opportunity.count({ where: { account: { statusKey: { in: ['INACTIVE', 'BANKRUPT', 'MERGED'] } } } })).toBe(0);
  });

  it('fills accounts and contacts as the domain would, with values its validation accepts', async () => {
    const prisma = first.db.prisma;
    const accounts = await prisma.account.findMany();
    const identities = new Set<string>();
    for (const account of accounts) {
      expect(account.normalizedName).toBe(normalizeCompanyName(account.name));
      expect(account.name.endsWith(` ${account.legalForm}`)).toBe(true);
      expect(['GmbH', 'GmbH & Co. KG', 'KG', 'AG', 'e.K.', 'SE']).toContain(account.legalForm);
      expect(account.email).toBe(normalizeEmail(account.email!));
      expect(optionalEmail.safeParse(account.email).success).toBe(true);
      expect(optionalPhone.safeParse(account.phone).success).toBe(true);
      expect(optionalWebsite.parse(account.website)).toBe(account.website);
      expect(account.postalCode).toMatch(/^\d{5}$/);
      expect(account).toMatchObject({ country: 'DE', industry: expect.any(String), street: expect.any(String), city: expect.any(String), sourceId: expect.any(String) });
      expect(account.employees).toBeGreaterThan(0);
      identities.add(`${account.normalizedName}|${account.postalCode}`);
    }
    expect(identities.size).toBe(accounts.length); // no duplicate warnings among the demo accounts

    const contacts = await prisma.contact.findMany({ include: { account: true } });
    expect(new Set(contacts.map((contact) => contact.email)).size).toBe(contacts.length);
    for (const contact of contacts) {
      expect(['Frau', 'Herr']).toContain(contact.salutation);
      expect(contact.email).toBe(normalizeEmail(contact.email!));
      expect(optionalEmail.safeParse(contact.email).success).toBe(true);
      expect(optionalPhone.safeParse(contact.phone).success).toBe(true);
      expect(optionalPhone.safeParse(contact.mobile).success).toBe(true);
      if (contact.account) expect(contact.email!.endsWith(`@${new URL(contact.account.website!).hostname.replace(/^www\./, '')}`)).toBe(true);
      else expect(contact.city).toEqual(expect.any(String));
      if (contact.birthday) expect(contact.birthday.toISOString()).toMatch(/T00:00:00\.000Z$/);
    }
    expect(contacts.filter((contact) => contact.birthday).length).toBeGreaterThan(20);
    expect(contacts.some((contact) => contact.title === 'Dr.')).toBe(true);
    expect(new Set(contacts.filter((contact) => contact.accountId).map((contact) => contact.accountId)).size).toBe(50);
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
    // Accounts existed before their first opportunity.
    const early = await prisma.opportunity.findMany({ include: { account: { select: { createdAt: true } } } });
    expect(early.every((opportunity) => opportunity.account.createdAt <= opportunity.createdAt)).toBe(true);
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
    const owners = new Map((await prisma.user.findMany()).map((user) => [user.id, user]));
    for (const record of [...(await prisma.account.findMany()), ...(await prisma.contact.findMany()), ...(await prisma.opportunity.findMany())]) {
      expect(memberships.has(`${record.ownerId}:${record.teamId}`)).toBe(true);
      expect(owners.get(record.ownerId)!.role).not.toBe('SERVICE');
    }
    const contacts = await prisma.contact.findMany({ where: { accountId: { not: null } }, include: { account: true } });
    for (const contact of contacts) expect(contact.teamId).toBe(contact.account!.teamId);
    // Both teams have work to do, and the sales people own most of it.
    const north = await prisma.team.findUniqueOrThrow({ where: { name: 'Vertrieb Nord' } });
    const northAccounts = await prisma.account.count({ where: { teamId: north.id } });
    expect(northAccounts).toBeGreaterThan(10);
    expect(northAccounts).toBeLessThan(40);
    expect(await prisma.account.count({ where: { owner: { role: 'SALES' } } })).toBeGreaterThan(15);
  });

  it('lets every demo user sign in with the demo password', async () => {
    const users = await first.db.prisma.user.findMany();
    expect(users.every((user) => user.passwordHash === passwordHash && user.active)).toBe(true);
    const admin = users.find((user) => user.email === 'admin@nordlicht.example')!;
    expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it('is loaded once: a second run changes nothing', async () => {
    const prisma = first.db.prisma;
    const before = await Promise.all([prisma.user.count(), prisma.team.count(), prisma.account.count(), prisma.contact.count(), prisma.opportunity.count()]);
    expect(await seedDemoData(prisma, { passwordHash })).toEqual({ created: false });
    expect(await Promise.all([prisma.user.count(), prisma.team.count(), prisma.account.count(), prisma.contact.count(), prisma.opportunity.count()])).toEqual(before);
  });

  it('is the same on every fresh database', async () => {
    const accountNames = (database: TestDatabase) => database.db.prisma.account.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { name: true } });
    const contactEmails = (database: TestDatabase) => database.db.prisma.contact.findMany({ orderBy: [{ email: 'asc' }, { id: 'asc' }], select: { email: true } });
    expect(await accountNames(first)).toEqual(await accountNames(second));
    expect(await contactEmails(first)).toEqual(await contactEmails(second));
    // Every column, ids and dates included.
    const everything = (database: TestDatabase) => {
      const prisma = database.db.prisma;
      return Promise.all([
        prisma.team.findMany({ orderBy: { id: 'asc' } }),
        prisma.user.findMany({ orderBy: { id: 'asc' } }),
        prisma.account.findMany({ orderBy: { id: 'asc' }, include: { tags: { orderBy: { tagId: 'asc' } } } }),
        prisma.contact.findMany({ orderBy: { id: 'asc' }, include: { tags: { orderBy: { tagId: 'asc' } } } }),
        prisma.opportunity.findMany({ orderBy: { id: 'asc' } }),
      ]);
    };
    expect(await everything(first)).toEqual(await everything(second));
    expect(new Set((await accountNames(first)).map((account) => account.name)).size).toBe(50);
  });
});
