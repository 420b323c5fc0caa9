import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { createBillingWorld, type BillingWorld } from '../../test/billing-fixtures.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { addDays } from '../calendar.ts';
import { collectEvents } from '../events.ts';
import { today } from './documents.ts';
import { expireQuotes } from './expiry.ts';
import { startOfOrganisationDay } from './queries.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let world: BillingWorld;
/** A second server instance: its own connection pool on the same PostgreSQL database (PGlite has one). */
let secondInstance: Database | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  world = await createBillingWorld(prisma);
  if (process.env.DATABASE_URL) {
    const [{ name }] = await prisma.$queryRaw<Array<{ name: string }>>`SELECT current_database() AS name`;
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    secondInstance = await openDatabase({ url: url.toString() });
  }
});
afterAll(async () => {
  await secondInstance?.close();
  await database.drop();
});

const NOW = new Date();

async function insertSentQuotes(count: number, validUntil: Date, status: 'SENT' | 'DRAFT' = 'SENT') {
  const first = await prisma.quote.count();
  await prisma.quote.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      number: `QUO-2099-${String(first + index + 1).padStart(5, '0')}`,
      opportunityId: world.north.id,
      accountId: world.northAccount.id,
      ownerId: world.org.northSales.id,
      teamId: world.org.north.id,
      title: `Angebot ${index}`,
      status,
      validUntil,
      sentAt: status === 'SENT' ? addDays(validUntil, -30) : null,
    })),
  });
}

describe('quote expiry', () => {
  it('expires each overdue quote exactly once when two instances run it at the same time, batch by batch', async () => {
    const yesterday = addDays(today(NOW), -1);
    await insertSentQuotes(130, yesterday);
    await insertSentQuotes(5, today(NOW)); // still valid today
    await insertSentQuotes(5, yesterday, 'DRAFT'); // never sent: nothing to expire
    const other = secondInstance?.prisma ?? prisma;
    const [first, second] = await Promise.all([
      collectEvents(() => expireQuotes(prisma, { now: NOW, batchSize: 20 })),
      collectEvents(() => expireQuotes(other, { now: NOW, batchSize: 20 })),
    ]);
    expect(first.result + second.result).toBe(130);
    expect(first.events.length + second.events.length).toBe(130);
    const expiredIds = new Set([...first.events, ...second.events].map((event) => (event as { documentId: string }).documentId));
    expect(expiredIds.size).toBe(130);

    const expired = await prisma.quote.findMany({ where: { status: 'EXPIRED' } });
    expect(expired).toHaveLength(130);
    // Expired at the start of the day after the validity, in the organisation's time zone.
    const expectedMoment = startOfOrganisationDay(today(NOW));
    for (const quote of expired) expect(quote.decidedAt!.getTime()).toBe(Math.min(expectedMoment.getTime(), NOW.getTime()));
    const changes = await prisma.documentChange.groupBy({ by: ['quoteId'], where: { event: 'EXPIRED' }, _count: { _all: true } });
    expect(changes).toHaveLength(130);
    expect(changes.every((row) => row._count._all === 1)).toBe(true);
    expect(await prisma.quote.count({ where: { status: 'SENT' } })).toBe(5);
    expect(await prisma.quote.count({ where: { status: 'DRAFT' } })).toBe(5);

    // Nothing left: a later run changes nothing.
    expect(await expireQuotes(prisma, { now: NOW })).toBe(0);
  });
});
