import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Account, Contact, PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact, insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { createInvoice } from './billing/invoices.ts';
import { createOrder } from './billing/orders.ts';
import { createQuote } from './billing/quotes.ts';
import { activityCounts, contactCounts, documentCounts, opportunityCounts } from './record-counts.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
let account: Account;
let empty: Account;
let contact: Contact;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northSales', 'southSales', 'service'] as const) viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  account = await insertAccount(prisma, org.northSales, org.north.id);
  empty = await insertAccount(prisma, org.northSales, org.north.id);
  contact = await insertContact(prisma, org.northSales, org.north.id, { accountId: account.id });
  // A contact of the south team at the north account: the north team may not read it.
  await insertContact(prisma, org.southSales, org.south.id, { accountId: account.id });
  const pipeline = await insertPipeline(prisma);
  const base = { owner: org.northSales, teamId: org.north.id, accountId: account.id, pipeline };
  const open = await insertOpportunity(prisma, { ...base, contactId: contact.id });
  await insertOpportunity(prisma, { ...base, status: 'WON' });
  await insertOpportunity(prisma, { ...base, status: 'LOST', contactId: contact.id });
  // The south team sells to the north account too; north must not count it.
  await insertOpportunity(prisma, { owner: org.southSales, teamId: org.south.id, accountId: account.id, pipeline });
  const activity = { type: 'CALL' as const, subject: 'Anruf', assigneeId: org.northSales.id, createdById: org.northSales.id };
  await prisma.activity.createMany({
    data: [
      { ...activity, accountId: account.id, opportunityId: open.id, contactId: contact.id, teamId: org.north.id },
      { ...activity, accountId: account.id, teamId: org.north.id },
      { ...activity, accountId: account.id, teamId: org.south.id, assigneeId: org.southSales.id, createdById: org.southSales.id },
    ],
  });
  const document = { title: 'Wartung', lines: [{ description: 'Wartung', quantity: '1', unitPrice: '100.00' }] };
  await createQuote(prisma, viewers.northSales, { ...document, accountId: account.id, contactId: contact.id });
  await createQuote(prisma, viewers.northSales, { ...document, accountId: account.id });
  await createOrder(prisma, viewers.northSales, { ...document, accountId: account.id, contactId: contact.id });
  await createInvoice(prisma, viewers.northSales, { ...document, accountId: account.id });
  // The south team quotes the north account too; north must not count it.
  await createQuote(prisma, viewers.admin, { ...document, accountId: account.id, ownerId: org.southSales.id, teamId: org.south.id });
});
afterAll(() => database.drop());

describe('record counts', () => {
  it('counts per record and kind what the viewer may read', async () => {
    const ids = [account.id, empty.id];
    expect(await activityCounts(prisma, viewers.northSales, 'accountId', ids)).toEqual(new Map([[account.id, 2]]));
    expect(await activityCounts(prisma, viewers.admin, 'accountId', ids)).toEqual(new Map([[account.id, 3]]));
    expect(await activityCounts(prisma, viewers.northSales, 'contactId', [contact.id])).toEqual(new Map([[contact.id, 1]]));
    expect(await opportunityCounts(prisma, viewers.northSales, 'accountId', ids)).toEqual(new Map([[account.id, { OPEN: 1, WON: 1, LOST: 1 }]]));
    expect(await opportunityCounts(prisma, viewers.admin, 'accountId', ids)).toEqual(new Map([[account.id, { OPEN: 2, WON: 1, LOST: 1 }]]));
    expect(await opportunityCounts(prisma, viewers.northSales, 'contactId', [contact.id])).toEqual(new Map([[contact.id, { OPEN: 1, WON: 0, LOST: 1 }]]));
    expect(await contactCounts(prisma, viewers.northSales, ids)).toEqual(new Map([[account.id, 1]]));
    expect(await contactCounts(prisma, viewers.southSales, ids)).toEqual(new Map([[account.id, 1]]));
    expect(await documentCounts(prisma, viewers.northSales, 'quote', 'accountId', ids)).toEqual(new Map([[account.id, 2]]));
    expect(await documentCounts(prisma, viewers.admin, 'quote', 'accountId', ids)).toEqual(new Map([[account.id, 3]]));
    expect(await documentCounts(prisma, viewers.northSales, 'quote', 'contactId', [contact.id])).toEqual(new Map([[contact.id, 1]]));
    expect(await documentCounts(prisma, viewers.northSales, 'order', 'contactId', [contact.id])).toEqual(new Map([[contact.id, 1]]));
    expect(await documentCounts(prisma, viewers.northSales, 'invoice', 'accountId', ids)).toEqual(new Map([[account.id, 1]]));
    expect(await documentCounts(prisma, viewers.northSales, 'invoice', 'contactId', [contact.id])).toEqual(new Map());
  });

  it('gives SERVICE contacts but no opportunities or activities', async () => {
    expect(await contactCounts(prisma, viewers.service, [account.id])).toEqual(new Map([[account.id, 2]]));
    expect(await opportunityCounts(prisma, viewers.service, 'accountId', [account.id])).toEqual(new Map());
    expect(await activityCounts(prisma, viewers.service, 'accountId', [account.id])).toEqual(new Map());
    expect(await documentCounts(prisma, viewers.service, 'quote', 'accountId', [account.id])).toEqual(new Map());
  });
});
