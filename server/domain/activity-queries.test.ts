import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertContact, insertOpportunity } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import {
  ACTIVITY_SORT_FIELDS,
  activityCalendarWhere,
  activityListWhere,
  activityOrderBy,
  CALENDAR_ORDER,
  type ActivityFilter,
} from './activity-queries.ts';
import { ValidationError } from './errors.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
let north: Opportunity;
let south: Opportunity;
let contactId: string;

const NOW = new Date('2026-12-07T08:00:00Z'); // a Monday
const DAY = 86_400_000;
const TYPE_ORDER = ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE'];
const day = (offset: number, hours = 9) => new Date(NOW.getTime() + offset * DAY + (hours - 8) * 3_600_000);

async function subjects(viewer: Viewer, filter: ActivityFilter) {
  const rows = await prisma.activity.findMany({ where: activityListWhere(viewer, filter, NOW), orderBy: { subject: 'asc' } });
  return rows.map((row) => row.subject);
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northManager', 'northSales', 'northSales2', 'southSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  north = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id });
  south = await insertOpportunity(prisma, { owner: org.southSales, teamId: org.south.id });
  contactId = (await insertContact(prisma, org.northSales, org.north.id, { accountId: north.accountId })).id;
  const base = { opportunityId: north.id, accountId: north.accountId, teamId: org.north.id, createdById: org.northSales.id };
  await prisma.activity.createMany({
    data: [
      { ...base, subject: 'a overdue call', type: 'CALL', assigneeId: org.northSales.id, dueAt: day(-2) },
      { ...base, subject: 'b monday meeting', type: 'MEETING', assigneeId: org.northSales2.id, dueAt: day(0, 14), durationMinutes: 60, notes: 'Preis 100% klären' },
      { ...base, subject: 'c friday task', type: 'TASK', assigneeId: org.northSales.id, dueAt: day(4, 10) },
      { ...base, subject: 'd next week', type: 'EMAIL', assigneeId: org.northManager.id, dueAt: day(8) },
      { ...base, subject: 'e done on tuesday', type: 'CALL', assigneeId: org.northSales.id, dueAt: day(1), doneAt: day(1, 11), outcome: 'Zusage' },
      { ...base, subject: 'f undated note', type: 'NOTE', assigneeId: org.northSales.id, contactId, opportunityId: null },
      { subject: 'g south call', type: 'CALL', opportunityId: south.id, accountId: south.accountId, teamId: org.south.id, assigneeId: org.southSales.id, createdById: org.southSales.id, dueAt: day(2) },
    ],
  });
});
afterAll(() => database.drop());

describe('activity list filters', () => {
  it('filters mine, by assignee, team, type and status', async () => {
    expect(await subjects(viewers.northSales, { mine: true })).toEqual(['a overdue call', 'c friday task', 'e done on tuesday', 'f undated note']);
    expect(await subjects(viewers.northManager, { assigneeIds: [org.northSales2.id, org.northManager.id] })).toEqual(['b monday meeting', 'd next week']);
    expect(await subjects(viewers.admin, { teamIds: [org.south.id] })).toEqual(['g south call']);
    expect(await subjects(viewers.northManager, { types: ['CALL', 'NOTE'] })).toEqual(['a overdue call', 'e done on tuesday', 'f undated note']);
    expect(await subjects(viewers.northManager, { status: ['OVERDUE'] })).toEqual(['a overdue call']);
    expect(await subjects(viewers.northManager, { status: ['COMPLETED'] })).toEqual(['e done on tuesday']);
    expect(await subjects(viewers.northManager, { status: ['OPEN'] })).toEqual(['b monday meeting', 'c friday task', 'd next week', 'f undated note']);
  });

  it('filters by due and done ranges, the linked record and words, wildcards taken literally', async () => {
    expect(await subjects(viewers.northManager, { dueFrom: day(0, 0), dueTo: day(7, 0) })).toEqual(['b monday meeting', 'c friday task', 'e done on tuesday']);
    expect(await subjects(viewers.northManager, { doneFrom: day(1, 0), doneTo: day(2, 0) })).toEqual(['e done on tuesday']);
    expect(await subjects(viewers.northManager, { contactId })).toEqual(['f undated note']);
    expect(await subjects(viewers.northManager, { opportunityId: north.id, search: 'call' })).toEqual(['a overdue call']);
    expect(await subjects(viewers.northManager, { search: '100%' })).toEqual(['b monday meeting']);
    expect(await subjects(viewers.northManager, { search: '%' })).toEqual(['b monday meeting']);
    expect(await subjects(viewers.northManager, { search: 'zusage' })).toEqual(['e done on tuesday']);
  });

  it("shows nothing of another team's records and nothing to SERVICE", async () => {
    expect(await subjects(viewers.southSales, {})).toEqual(['g south call']);
    expect(await subjects(viewers.northSales2, { opportunityId: south.id })).toEqual([]);
    expect(await subjects(viewers.service, {})).toEqual([]);
  });

  it('sorts by each key in both directions, undated ones last', async () => {
    for (const field of ACTIVITY_SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const rows = await prisma.activity.findMany({ where: activityListWhere(viewers.admin, {}, NOW), orderBy: activityOrderBy(field, direction) });
        const keys = rows.map((row) => row[field]);
        const present = keys.filter((key) => key !== null);
        expect(keys.slice(present.length).every((key) => key === null), `${field} ${direction}: nulls last`).toBe(true);
        // Types sort in the enum's order, as PostgreSQL sorts enums.
        const comparable = present.map((key) => (key instanceof Date ? key.getTime() : field === 'type' ? TYPE_ORDER.indexOf(key as string) : key) as number | string);
        const sorted = [...comparable].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(comparable, `${field} ${direction}`).toEqual(direction === 'asc' ? sorted : sorted.reverse());
      }
    }
  });
});

describe('calendar', () => {
  it("shows a week's scheduled activities, done ones included, by due time", async () => {
    const week = await prisma.activity.findMany({
      where: activityCalendarWhere(viewers.northManager, { from: day(0, 0), to: day(7, 0) }, {}, NOW),
      orderBy: CALENDAR_ORDER,
    });
    expect(week.map((row) => row.subject)).toEqual(['b monday meeting', 'e done on tuesday', 'c friday task']);
    const mine = await prisma.activity.findMany({
      where: activityCalendarWhere(viewers.northSales, { from: day(0, 0), to: day(7, 0) }, { mine: true }, NOW),
      orderBy: CALENDAR_ORDER,
    });
    expect(mine.map((row) => row.subject)).toEqual(['e done on tuesday', 'c friday task']);
  });

  it('refuses a range that ends before it starts or is longer than six weeks', () => {
    const reasons = (range: { from: Date; to: Date }) => {
      try {
        activityCalendarWhere(viewers.northManager, range, {}, NOW);
        return [];
      } catch (error) {
        return (error as ValidationError).fieldErrors.map((fieldError) => [fieldError.field, fieldError.reason]);
      }
    };
    expect(reasons({ from: day(7), to: day(0) })).toEqual([['to', 'BEFORE_START']]);
    expect(reasons({ from: day(0), to: day(43) })).toEqual([['to', 'RANGE_TOO_LONG']]);
    expect(reasons({ from: day(0), to: day(42) })).toEqual([]);
    expect(reasons({ from: new Date('1800-01-01'), to: day(0) })).toEqual([
      ['from', 'TOO_SMALL'],
      ['to', 'RANGE_TOO_LONG'],
    ]);
  });
});
