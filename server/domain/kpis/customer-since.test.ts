import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount } from '../../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

// contacts.won counts accounts that became CUSTOMER in the period: the database remembers when.

let database: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createOrganisation(database.db.prisma);
});
afterAll(() => database.drop());

describe('Account.customerSince', () => {
  it('is set when an account turns CUSTOMER, kept when it changes again, and a writer may give the moment', async () => {
    const prisma = database.db.prisma;
    const account = await insertAccount(prisma, org.northSales, org.north.id);
    expect(account.customerSince).toBeNull();
    const before = Date.now();
    const customer = await prisma.account.update({ where: { id: account.id }, data: { statusKey: 'CUSTOMER' } });
    expect(customer.customerSince!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const inactive = await prisma.account.update({ where: { id: account.id }, data: { statusKey: 'INACTIVE' } });
    expect(inactive.customerSince).toEqual(customer.customerSince);
    const won = new Date('2026-03-04T10:00:00Z');
    const again = await prisma.account.update({ where: { id: account.id }, data: { statusKey: 'CUSTOMER', customerSince: won } });
    expect(again.customerSince).toEqual(won);
    const created = await prisma.account.create({ data: { name: 'Neu AG', normalizedName: 'neuag-since', statusKey: 'CUSTOMER', ownerId: org.northSales.id, teamId: org.north.id } });
    expect(created.customerSince).not.toBeNull();
  });
});
