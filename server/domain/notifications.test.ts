import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { updateActivity } from './activities.ts';
import { collectEvents } from './events.ts';
import { notifyDueActivities } from './notifications.ts';

let database: TestDatabase;
let org: Organisation;
let accountId: string;
const NOW = new Date('2026-06-01T10:00:00Z');
const minutes = (value: number) => new Date(NOW.getTime() + value * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createOrganisation(database.db.prisma);
  accountId = (await database.db.prisma.account.create({
    data: { name: 'Fällig GmbH', normalizedName: 'fallig', statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id },
  })).id;
});
afterAll(() => database.drop());

async function task(subject: string, dueAt: Date, doneAt: Date | null = null) {
  return database.db.prisma.activity.create({
    data: { type: 'TASK', subject, accountId, assigneeId: org.northSales.id, createdById: org.northManager.id, teamId: org.north.id, dueAt, doneAt, createdAt: minutes(-600) },
  });
}

describe('due and overdue activities', () => {
  it('announces each open activity once when it is about to be due and once when it is overdue', async () => {
    const prisma = database.db.prisma;
    await task('Bald fällig', minutes(30));
    await task('Gerade überfällig', minutes(-5));
    await task('Längst überfällig', minutes(-3 * 24 * 60));
    await task('Erledigt', minutes(-5), minutes(-10));
    await task('Später', minutes(300));

    const { result, events } = await collectEvents(() => notifyDueActivities(prisma, NOW));
    expect(result).toBe(2);
    const notes = await prisma.notification.findMany({ where: { userId: org.northSales.id }, orderBy: { title: 'asc' } });
    expect(notes.map((note) => [note.kind, note.title, note.details])).toEqual([
      ['ACTIVITY_DUE', 'Due soon: Bald fällig', { subject: 'Bald fällig' }],
      ['ACTIVITY_OVERDUE', 'Overdue: Gerade überfällig', { subject: 'Gerade überfällig' }],
    ]);
    expect(events.filter((event) => event.type === 'NOTIFICATION_ADDED')).toHaveLength(2);
    expect(await notifyDueActivities(prisma, minutes(1))).toBe(0);
    // An hour later the first one is overdue too.
    expect(await notifyDueActivities(prisma, minutes(45))).toBe(1);
  });

  it('announces again after the due date was moved', async () => {
    const prisma = database.db.prisma;
    const activity = await task('Verschoben', minutes(-1));
    await notifyDueActivities(prisma, NOW);
    const manager = (await authenticate(prisma, `Bearer ${org.northManager.token}`))!;
    await updateActivity(prisma, manager, activity.id, { dueAt: minutes(120) }, { now: NOW });
    expect(await notifyDueActivities(prisma, minutes(90))).toBe(1);
    const latest = await prisma.notification.findFirstOrThrow({ where: { title: 'Due soon: Verschoben' } });
    expect(latest.kind).toBe('ACTIVITY_DUE');
  });

  it('announces once even when several instances check at the same moment', async () => {
    const prisma = database.db.prisma;
    await task('Gleichzeitig', minutes(600 + 30));
    await Promise.all([1, 2, 3, 4].map(() => notifyDueActivities(prisma, minutes(600))));
    expect(await prisma.notification.count({ where: { title: { contains: 'Gleichzeitig' } } })).toBe(1);
  });
});
