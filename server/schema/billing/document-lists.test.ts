import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addDays } from '../../domain/calendar.ts';
import { today } from '../../domain/billing/documents.ts';
import { createInvoice } from '../../domain/billing/invoices.ts';
import { createOrder } from '../../domain/billing/orders.ts';
import { recordPayment } from '../../domain/billing/payments.ts';
import { createQuote, sendQuote } from '../../domain/billing/quotes.ts';
import { createBillingWorld, type BillingWorld } from '../../test/billing-fixtures.ts';
import { insertAccount } from '../../test/sales-fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let world: BillingWorld;
let smallAccountId: string;
let largeAccountId: string;

const lines = (count: number) => Array.from({ length: count }, (_, index) => ({ description: `Position ${index + 1}`, quantity: '2', unitPrice: '100.00', taxRate: index % 2 ? '7' : '19' }));

/** An account with `count` quotes, orders and invoices of `lineCount` lines each, some invoices partly paid. */
async function accountWithDocuments(name: string, count: number, lineCount: number) {
  const account = await insertAccount(t.prisma, world.org.northSales, world.org.north.id, { name });
  const seller = world.viewers.northSales;
  for (let index = 0; index < count; index += 1) {
    const quote = await createQuote(t.prisma, seller, { accountId: account.id, title: `Angebot ${index}`, lines: lines(lineCount) });
    if (index % 2) await sendQuote(t.prisma, seller, quote.id);
    await createOrder(t.prisma, seller, { accountId: account.id, title: `Auftrag ${index}`, lines: lines(lineCount) });
    const invoice = await createInvoice(t.prisma, seller, { accountId: account.id, title: `Rechnung ${index}`, lines: lines(lineCount) });
    if (index % 3 === 0) await recordPayment(t.prisma, seller, { invoiceId: invoice.id, amount: '10.00' });
  }
  return account.id;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createBillingWorld(t.prisma);
  smallAccountId = await accountWithDocuments('Klein GmbH', 2, 1);
  largeAccountId = await accountWithDocuments('Groß GmbH', 12, 5);
});
afterAll(() => t.close());

const DOCUMENT = `number title status netAmount grossAmount currency account { name } owner { name } team { name } contact { lastName }
  taxes { rate net tax } lines { description quantity netAmount product { name } } viewerCanEdit`;

const LISTS = {
  quotes: `query($account: ID!) { quotes(first: 50, filter: { accountId: $account }) { totalCount edges { node { ${DOCUMENT} validUntil sentAt order { number } opportunity { title } } } } }`,
  orders: `query($account: ID!) { orders(first: 50, filter: { accountId: $account }) { totalCount edges { node { ${DOCUMENT} orderDate quote { number } invoices { number } } } } }`,
  invoices: `query($account: ID!) { invoices(first: 50, filter: { accountId: $account }) { totalCount edges { node { ${DOCUMENT} dueDate isOverdue paidAmount outstandingAmount payments { amount createdBy { name } } order { number } } } } }`,
  account: `query($account: ID!) { account(id: $account) {
    quotes(first: 50) { totalCount edges { node { ${DOCUMENT} } } }
    orders(first: 50) { totalCount edges { node { ${DOCUMENT} } } }
    invoices(first: 50) { totalCount edges { node { ${DOCUMENT} payments { amount } } } }
    counts { quotes orders invoices }
    timeline(first: 100) { edges { node { kind documentChange { event actor { name } quote { number } order { number } invoice { number } } } } }
  } }`,
};

describe('document lists and pages cost the same number of statements whatever their length', () => {
  for (const [name, query] of Object.entries(LISTS)) {
    it(name, async () => {
      const token = world.org.northManager.token;
      const small = await countStatements(t.db, () => t.graphql(query, { account: globalId('Account', smallAccountId) }, token));
      const large = await countStatements(t.db, () => t.graphql(query, { account: globalId('Account', largeAccountId) }, token));
      expect(small.result.errors).toBeUndefined();
      expect(large.result.errors).toBeUndefined();
      expect(JSON.stringify(large.result.data)).toContain('Groß GmbH');
      expect(large.statements.length).toBe(small.statements.length);
    });
  }

  it("a document's page, with its lines, payments and history", async () => {
    const token = world.org.northManager.token;
    const page = `query($id: ID!) { invoice(id: $id) { ${DOCUMENT} payments { amount createdBy { name } } order { number } correctedBy { number }
      history { event actor { name } } recipientAddress { city } } }`;
    const pick = async (accountId: string) => (await t.prisma.invoice.findFirstOrThrow({ where: { accountId }, include: { _count: { select: { lines: true } } }, orderBy: { number: 'asc' } }));
    const small = await pick(smallAccountId);
    const large = await pick(largeAccountId);
    expect(large._count.lines).toBeGreaterThan(small._count.lines);
    const one = await countStatements(t.db, () => t.graphql(page, { id: globalId('Invoice', small.id) }, token));
    const many = await countStatements(t.db, () => t.graphql(page, { id: globalId('Invoice', large.id) }, token));
    expect(many.result.data.invoice.lines).toHaveLength(5);
    expect(many.statements.length).toBe(one.statements.length);
  });

  it("an opportunity's documents", async () => {
    const token = world.org.northManager.token;
    const query = `query($id: ID!) { opportunity(id: $id) { quotes { number status grossAmount order { number } } orders { number status } invoices { number status isOverdue } } }`;
    const before = await countStatements(t.db, () => t.graphql(query, { id: globalId('Opportunity', world.south.id) }, world.org.southManager.token));
    for (let index = 0; index < 4; index += 1) {
      await createQuote(t.prisma, world.viewers.northSales, { opportunityId: world.north.id });
      await createInvoice(t.prisma, world.viewers.northSales, { opportunityId: world.north.id });
    }
    await createOrder(t.prisma, world.viewers.northSales, { opportunityId: world.north.id });
    const after = await countStatements(t.db, () => t.graphql(query, { id: globalId('Opportunity', world.north.id) }, token));
    expect(after.result.data.opportunity.quotes.length).toBeGreaterThanOrEqual(4);
    expect(before.result.data.opportunity.quotes).toEqual([]);
    expect(after.statements.length).toBe(before.statements.length);
  });

  it('a campaign list with its results', async () => {
    const query = `query($search: String) { campaigns(first: 50, search: $search) { totalCount edges { node { name cost results { openCount wonCount revenue returnOnCost } opportunities(first: 5) { totalCount edges { node { title } } } } } } }`;
    for (let index = 0; index < 8; index += 1) {
      await t.prisma.campaign.create({ data: { name: `${index < 2 ? 'Klein' : 'Groß'} Kampagne ${index}`, type: 'EMAIL', startDate: new Date('2026-01-01'), cost: '1000' } });
    }
    const token = world.org.northManager.token;
    const small = await countStatements(t.db, () => t.graphql(query, { search: 'Klein' }, token));
    const large = await countStatements(t.db, () => t.graphql(query, {}, token));
    expect(large.result.data.campaigns.totalCount).toBe(8);
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe('filters', () => {
  const count = async (list: 'quotes' | 'orders' | 'invoices', filter: Record<string, unknown>) =>
    (await t.graphql(`query($filter: ${list === 'quotes' ? 'Quote' : list === 'orders' ? 'Order' : 'Invoice'}Filter) { ${list}(filter: $filter) { totalCount } }`, { filter }, world.org.northManager.token)).data[list]
      .totalCount as number;

  it('by status, account, owner, team, date range and overdue', async () => {
    const large = globalId('Account', largeAccountId);
    expect(await count('quotes', { accountId: large, statuses: ['SENT'] })).toBe(6);
    expect(await count('quotes', { accountId: large, statuses: ['DRAFT', 'SENT'] })).toBe(12);
    expect(await count('invoices', { accountId: large, ownerIds: [globalId('User', world.org.northSales.id)] })).toBe(12);
    expect(await count('invoices', { accountId: large, teamIds: [globalId('Team', world.org.south.id)] })).toBe(0);
    const day = today(new Date()).toISOString().slice(0, 10);
    expect(await count('orders', { accountId: large, dateFrom: day, dateTo: day })).toBe(12);
    expect(await count('quotes', { accountId: large, dateField: 'CREATED', dateFrom: day, dateTo: day })).toBe(12);
    const tomorrow = addDays(today(new Date()), 1).toISOString().slice(0, 10);
    expect(await count('invoices', { accountId: large, dateFrom: tomorrow })).toBe(0);
    expect(await count('quotes', { search: 'klein angebot' })).toBe(2);
    const number = (await t.prisma.quote.findFirstOrThrow({ where: { accountId: largeAccountId }, orderBy: { number: 'desc' } })).number;
    expect(await count('quotes', { search: number.toLowerCase() })).toBe(1);
    // Make one overdue: issued long ago (the database refuses to change an issued invoice, so insert one).
    const old = await t.prisma.$transaction(async (tx) => {
      const invoice = await tx.invoice.create({
        data: {
          number: 'INV-2020-9999', accountId: largeAccountId, ownerId: world.org.northSales.id, teamId: world.org.north.id, title: 'Alt',
          issueDate: new Date('2020-01-01'), dueDate: new Date('2020-01-15'), recipientName: 'Groß GmbH', netAmount: '10', taxAmount: '1.9', grossAmount: '11.9',
          lines: { create: [{ position: 0, description: 'Alt', quantity: '1', unit: 'Stk.', unitPrice: '10', taxRate: '19', netAmount: '10' }] },
        },
      });
      return invoice;
    });
    expect(await count('invoices', { accountId: large, overdue: true })).toBe(1);
    expect(await count('invoices', { accountId: large, overdue: false })).toBe(12);
    const listed = await t.graphql(`query($filter: InvoiceFilter) { invoices(filter: $filter) { edges { node { number isOverdue } } } }`, { filter: { overdue: true } }, world.org.northManager.token);
    expect(listed.data.invoices.edges).toEqual([{ node: { number: old.number, isOverdue: true } }]);
    const bad = await t.graphql(`{ invoices(filter: { search: "${'x'.repeat(201)}" }) { totalCount } }`, {}, world.org.northManager.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('live document events', () => {
  let client: Client | undefined;
  afterAll(async () => {
    await client?.dispose();
    await t.app.stop();
  });

  it("reach an open opportunity page of the document's team, and nobody else", async () => {
    const { url } = await t.app.start(0, '127.0.0.1');
    const connect = (token: string) =>
      createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const query = 'subscription($id: ID!) { documentChanged(opportunityId: $id) { kind change event number status documentId actor { name } } }';
    const received: any[] = [];
    client = connect(world.org.northManager.token);
    client.subscribe({ query, variables: { id: globalId('Opportunity', world.north.id) } }, { next: (value) => received.push(value), error: () => {}, complete: () => {} });
    const foreign = connect(world.org.southManager.token);
    const refused = await new Promise<any>((resolve) =>
      foreign.subscribe({ query, variables: { id: globalId('Opportunity', world.north.id) } }, { next: resolve, error: resolve, complete: () => {} }),
    );
    expect(JSON.stringify(refused)).toContain('NOT_FOUND');
    await foreign.dispose();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const created = await t.graphql(
      'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { ... on CreateQuoteSuccess { quote { id number } } } }',
      { input: { opportunityId: globalId('Opportunity', world.north.id) } },
      world.org.northSales.token,
    );
    const quote = created.data.createQuote.quote;
    await t.graphql('mutation($id: ID!) { sendQuote(id: $id) { __typename } }', { id: quote.id }, world.org.northSales.token);
    for (let waited = 0; received.length < 2 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.map((message) => message.data.documentChanged)).toEqual([
      { kind: 'QUOTE', change: 'CREATED', event: 'CREATED', number: quote.number, status: 'DRAFT', documentId: quote.id, actor: { name: 'Nils Sales' } },
      { kind: 'QUOTE', change: 'UPDATED', event: 'SENT', number: quote.number, status: 'SENT', documentId: quote.id, actor: { name: 'Nils Sales' } },
    ]);
  });
});
