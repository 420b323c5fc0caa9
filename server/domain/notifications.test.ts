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

// 100,000 on PostgreSQL; the embedded PGlite of the fast suite takes 10,000 (about a minute
// for 100,000 there), with batches a tenth the size, so the runs are the same.
describe('a backlog of 100,000 overdue activities', () => {
  it('is announced in bounded batches, each run going on where the last one stopped', async () => {
    const backlog = await createTestDatabase();
    const size = backlog.db.kind === 'postgres' ? 100_000 : 10_000;
    const batchSize = size / 100;
    try {
      const prisma = backlog.db.prisma;
      const people = await createOrganisation(prisma);
      const account = await prisma.account.create({
        data: { name: 'Rückstand GmbH', normalizedName: 'ruckstand', statusKey: 'PROSPECT', ownerId: people.northSales.id, teamId: people.north.id },
      });
      const sql = await backlog.db.connect();
      try {
        await sql.query(
          `INSERT INTO "Activity" ("id", "type", "subject", "accountId", "assigneeId", "createdById", "teamId", "dueAt", "createdAt", "updatedAt")
           SELECT gen_random_uuid(), 'TASK', 'Rückstand ' || n, $1, $2, $2, $3, $4::timestamptz - (n % 600) * interval '1 minute', $4::timestamptz, $4::timestamptz
           FROM generate_series(1, $5::int) AS n`,
          [account.id, people.northSales.id, people.north.id, NOW, size],
        );
      } finally {
        sql.release();
      }
      const runs: number[] = [];
      for (let run = 0; run < 10 && runs.at(-1) !== 0; run += 1) runs.push(await notifyDueActivities(prisma, NOW, { batchSize, maxBatches: 30 }));
      // 30 batches per run: four runs work off the backlog, the fifth finds nothing.
      expect(runs).toEqual([0.3, 0.3, 0.3, 0.1, 0].map((share) => share * size));
      expect(await prisma.notification.count({ where: { kind: 'ACTIVITY_OVERDUE' } })).toBe(size);
      expect(await prisma.activity.count({ where: { overdueNotifiedAt: null } })).toBe(0);
    } finally {
      await backlog.drop();
    }
  }, 600_000);
});
