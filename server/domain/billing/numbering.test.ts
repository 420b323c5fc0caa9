import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { caught, createBillingWorld, type BillingWorld } from '../../test/billing-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { ValidationError } from '../errors.ts';
import { today } from './documents.ts';
import { createInvoice } from './invoices.ts';
import { formatDocumentNumber, nextDocumentNumber } from './numbering.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let world: BillingWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  world = await createBillingWorld(prisma);
});
afterAll(() => database.drop());

const sequenceOf = (number: string) => Number(number.slice(-4));

describe('invoice numbers', () => {
  it('stay gap-free and unique under 20 concurrent creations, with failing ones among them', async () => {
    const year = today(new Date()).getUTCFullYear();
    const attempts = Array.from({ length: 20 }, (_, index) =>
      createInvoice(prisma, index % 2 ? world.viewers.northSales : world.viewers.southSales, {
        opportunityId: index % 2 ? world.north.id : world.south.id,
        // Every fifth one is refused; the others still number without a gap.
        lines: index % 5 === 4 ? [{ description: 'Kulanz', quantity: '1', unitPrice: '0' }] : undefined,
      }),
    );
    const results = await Promise.allSettled(attempts);
    const created = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(failed).toHaveLength(4);
    expect(failed.every((error) => error instanceof ValidationError)).toBe(true);
    expect(created).toHaveLength(16);
    const numbers = created.map((invoice) => invoice.number).sort();
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, index) => formatDocumentNumber('INVOICE', year, index + 1)));
    const stored = await prisma.invoice.findMany({ orderBy: { number: 'asc' }, select: { number: true } });
    expect(stored.map((invoice) => invoice.number)).toEqual(numbers);
    // The next one continues right after the last, whatever failed before.
    const next = await createInvoice(prisma, world.viewers.northSales, { opportunityId: world.north.id });
    expect(sequenceOf(next.number)).toBe(17);
  });

  it('count per kind and year', async () => {
    const numbers = await prisma.$transaction(async (tx) => [
      await nextDocumentNumber(tx, 'INVOICE', 2031),
      await nextDocumentNumber(tx, 'INVOICE', 2031),
      await nextDocumentNumber(tx, 'ORDER', 2031),
      await nextDocumentNumber(tx, 'INVOICE', 2032),
    ]);
    expect(numbers).toEqual(['INV-2031-0001', 'INV-2031-0002', 'ORD-2031-0001', 'INV-2032-0001']);
  });

  it('are given back when the creating transaction rolls back', async () => {
    await caught(
      prisma.$transaction(async (tx) => {
        expect(await nextDocumentNumber(tx, 'INVOICE', 2040)).toBe('INV-2040-0001');
        throw new Error('rolled back');
      }),
    );
    expect(await prisma.$transaction((tx) => nextDocumentNumber(tx, 'INVOICE', 2040))).toBe('INV-2040-0001');
  });
});
