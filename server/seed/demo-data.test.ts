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

/** The first database is loaded at this moment, the second 40 days and 5 hours later. */
const LOADED_AT = new Date('2026-12-03T10:00:00Z');
const REFERENCE = new Date('2026-12-03T09:00:00Z');
const SHIFT_DAYS = 40;
const DAY = 86_400_000;

beforeAll(async () => {
  // One argon2 hash for both databases: the seed would otherwise hash once per run.
  passwordHash = await hashPassword(DEMO_PASSWORD);
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  expect(await seedDemoData(first.db.prisma, { passwordHash, loadedAt: LOADED_AT })).toEqual({ created: true, reference: REFERENCE });
  const later = new Date(LOADED_AT.getTime() + SHIFT_DAYS * DAY + 5 * 3_600_000);
  expect(await seedDemoData(second.db.prisma, { passwordHash, loadedAt: later })).toEqual({
    created: true,
    reference: new Date(REFERENCE.getTime() + SHIFT_DAYS * DAY),
  });
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
    expect(oldest.changedAt.getTime()).toBeLessThan(REFERENCE.getTime() - 600 * DAY);
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

  it('is the same on every fresh database, dated relative to the day it is loaded', async () => {
    const accountNames = (database: TestDatabase) => database.db.prisma.account.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { name: true } });
    const contactEmails = (database: TestDatabase) => database.db.prisma.contact.findMany({ orderBy: [{ email: 'asc' }, { id: 'asc' }], select: { email: true } });
    expect(await accountNames(first)).toEqual(await accountNames(second));
    expect(await contactEmails(first)).toEqual(await contactEmails(second));
    // Every column, ids included; every date (but birthdays) of the later load is SHIFT_DAYS later.
    const everything = (database: TestDatabase) => {
      const prisma = database.db.prisma;
      return Promise.all([
        prisma.team.findMany({ orderBy: { id: 'asc' } }),
        prisma.user.findMany({ orderBy: { id: 'asc' } }),
        prisma.account.findMany({ orderBy: { id: 'asc' }, include: { tags: { orderBy: { tagId: 'asc' } } } }),
        prisma.contact.findMany({ orderBy: { id: 'asc' }, include: { tags: { orderBy: { tagId: 'asc' } } } }),
        prisma.opportunity.findMany({ orderBy: { id: 'asc' } }),
        prisma.activity.findMany({ orderBy: { id: 'asc' } }),
        prisma.opportunityChange.findMany({ orderBy: { id: 'asc' }, omit: { oldValue: true, newValue: true } }),
      ]);
    };
    const shifted = (value: unknown, key?: string): unknown => {
      if (value instanceof Date) return key === 'birthday' ? value : new Date(value.getTime() + SHIFT_DAYS * DAY);
      if (Array.isArray(value)) return value.map((item) => shifted(item));
      if (value && typeof value === 'object' && !('toFixed' in value)) {
        return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, shifted(item, field)]));
      }
      return value;
    };
    // Titles name the year the opportunity came up ("Wartungsvertrag 2026"), which moves with it.
    const withoutYears = ([teams, users, accounts, contacts, opportunities, ...rest]: Awaited<ReturnType<typeof everything>>) => {
      for (const opportunity of opportunities) expect(opportunity.title.endsWith(` ${opportunity.createdAt.getUTCFullYear()}`)).toBe(true);
      return [teams, users, accounts, contacts, opportunities.map((opportunity) => ({ ...opportunity, title: opportunity.title.slice(0, -5) })), ...rest];
    };
    expect(withoutYears(await everything(second))).toEqual(shifted(withoutYears(await everything(first))));
    expect(new Set((await accountNames(first)).map((account) => account.name)).size).toBe(50);
  });

  it('looks current when loaded: recent activity on most open deals, a few stale ones and overdue tasks, nothing after the load', async () => {
    const prisma = first.db.prisma;
    const open = await prisma.opportunity.findMany({ where: { status: 'OPEN' }, include: { activities: true } });
    expect(open.length).toBeGreaterThan(60);
    const stale = open.filter((opportunity) => opportunity.inactiveSince.getTime() < REFERENCE.getTime() - 14 * DAY);
    expect(stale.length).toBeGreaterThan(open.length * 0.04);
    expect(stale.length).toBeLessThan(open.length * 0.25);
    // The last activity is what the domain's rule makes of the activities (created or done, the later).
    for (const opportunity of open) {
      const moments = opportunity.activities.map((activity) => Math.max(activity.createdAt.getTime(), activity.doneAt?.getTime() ?? 0));
      expect(opportunity.lastActivityAt?.getTime() ?? null).toBe(moments.length ? Math.max(...moments) : null);
    }
    const tasks = await prisma.activity.findMany({ where: { doneAt: null } });
    const overdue = tasks.filter((task) => task.dueAt! < REFERENCE);
    expect(overdue.length).toBeGreaterThan(3);
    expect(overdue.length).toBeLessThan(tasks.length * 0.3);
    // Close dates are current: a few just passed, many this month or the next.
    const today = REFERENCE.toISOString().slice(0, 10);
    const closing = open.map((opportunity) => opportunity.expectedCloseDate.toISOString().slice(0, 10));
    expect(closing.filter((day) => day < today).length).toBeLessThan(open.length * 0.15);
    expect(closing.filter((day) => day.slice(0, 7) === today.slice(0, 7)).length).toBeGreaterThan(5);
    const latest = await Promise.all([
      prisma.activity.aggregate({ _max: { createdAt: true, doneAt: true } }),
      prisma.opportunityChange.aggregate({ _max: { changedAt: true } }),
      prisma.opportunity.aggregate({ _max: { createdAt: true, updatedAt: true, closedAt: true } }),
      prisma.account.aggregate({ _max: { createdAt: true, updatedAt: true } }),
      prisma.contact.aggregate({ _max: { createdAt: true } }),
    ]);
    const moments = latest.flatMap((aggregate) => Object.values(aggregate._max)).filter((value): value is Date => value instanceof Date);
    expect(Math.max(...moments.map((moment) => moment.getTime()))).toBeLessThanOrEqual(LOADED_AT.getTime());
  });
});
