import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlyAdminToken } from '../../test/admin-access.ts';
import { createBillingWorld, type BillingWorld } from '../../test/billing-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let world: BillingWorld;
let readOnlyToken: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await createBillingWorld(t.prisma);
  readOnlyToken = await readOnlyAdminToken(t, world.org);
});
afterAll(() => t.close());

const ERRORS = `
  ... on ValidationError { code fieldErrors { field reason } }
  ... on InvalidStatusTransitionError { code kind status action reason }
  ... on DocumentLockedError { code kind status fields }`;

const CREATE_QUOTE = `mutation($input: CreateQuoteInput!) { createQuote(input: $input) {
  __typename ... on CreateQuoteSuccess { quote { id number status netAmount taxAmount grossAmount taxes { rate net tax } lines { description quantity unit unitPrice discountPercent taxRate netAmount } opportunity { id } } } ${ERRORS} } }`;
const SEND = `mutation($id: ID!) { sendQuote(id: $id) { __typename ... on SendQuoteSuccess { quote { status sentAt } } ${ERRORS} } }`;
const ACCEPT = `mutation($id: ID!) { acceptQuote(id: $id, createOrder: true) { __typename ... on AcceptQuoteSuccess { quote { status order { id number status grossAmount } } } ${ERRORS} } }`;
const UPDATE_QUOTE = `mutation($id: ID!, $input: UpdateQuoteInput!) { updateQuote(id: $id, input: $input) { __typename ... on UpdateQuoteSuccess { quote { title } } ${ERRORS} } }`;
const DELIVER = `mutation($id: ID!) { deliverOrder(id: $id) { __typename ... on DeliverOrderSuccess { order { status deliveryDate } } ${ERRORS} } }`;
const CREATE_INVOICE = `mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) {
  __typename ... on CreateInvoiceSuccess { invoice { id number status issueDate dueDate grossAmount outstandingAmount recipientName recipientAddress { city country } } } ${ERRORS} } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) {
  __typename ... on RecordPaymentSuccess { invoice { status paidAmount outstandingAmount paidDate payments { id amount } } } ${ERRORS} } }`;

const opportunityId = () => globalId('Opportunity', world.north.id);

describe('quote -> order -> invoice -> paid through the API', () => {
  it('runs the whole way and leaves its history on the opportunity timeline', async () => {
    const seller = world.org.northSales.token;
    const created = (await t.graphql(CREATE_QUOTE, { input: { opportunityId: opportunityId() } }, seller)).data.createQuote;
    expect(created.__typename).toBe('CreateQuoteSuccess');
    expect(created.quote).toMatchObject({ status: 'DRAFT', netAmount: '73715', taxAmount: '14005.85', grossAmount: '87720.85', opportunity: { id: opportunityId() } });
    expect(created.quote.taxes).toEqual([{ rate: '19', net: '73715', tax: '14005.85' }]);
    expect(created.quote.lines[0]).toMatchObject({ description: 'Verpackungsmaschine VM-7', quantity: '1', unit: 'Stk.', unitPrice: '74500', discountPercent: '5', taxRate: '19', netAmount: '70775' });
    const quoteId = created.quote.id;

    expect((await t.graphql(SEND, { id: quoteId }, seller)).data.sendQuote.quote.status).toBe('SENT');
    const locked = (await t.graphql(UPDATE_QUOTE, { id: quoteId, input: { title: 'Neu' } }, seller)).data.updateQuote;
    expect(locked).toEqual({ __typename: 'DocumentLockedError', code: 'LOCKED', kind: 'QUOTE', status: 'SENT', fields: ['title'] });
    const accepted = (await t.graphql(ACCEPT, { id: quoteId }, seller)).data.acceptQuote;
    expect(accepted.quote).toMatchObject({ status: 'ACCEPTED', order: { status: 'OPEN', grossAmount: '87720.85' } });
    const again = (await t.graphql(ACCEPT, { id: quoteId }, seller)).data.acceptQuote;
    expect(again).toEqual({ __typename: 'InvalidStatusTransitionError', code: 'INVALID_TRANSITION', kind: 'QUOTE', status: 'ACCEPTED', action: 'accept', reason: 'ALREADY_DECIDED' });

    const orderId = accepted.quote.order.id;
    expect((await t.graphql(DELIVER, { id: orderId }, seller)).data.deliverOrder.order.status).toBe('DELIVERED');
    const invoice = (await t.graphql(CREATE_INVOICE, { input: { orderId, paymentTermDays: 30 } }, seller)).data.createInvoice.invoice;
    expect(invoice).toMatchObject({ status: 'OPEN', grossAmount: '87720.85', outstandingAmount: '87720.85', recipientName: 'Nordwerft GmbH', recipientAddress: { country: 'DE' } });
    const partial = (await t.graphql(PAY, { input: { invoiceId: invoice.id, amount: '20000.00' } }, seller)).data.recordPayment.invoice;
    expect(partial).toMatchObject({ status: 'OPEN', paidAmount: '20000', outstandingAmount: '67720.85', paidDate: null });
    const tooMuch = (await t.graphql(PAY, { input: { invoiceId: invoice.id, amount: '70000.00' } }, seller)).data.recordPayment;
    expect(tooMuch).toEqual({ __typename: 'ValidationError', code: 'VALIDATION', fieldErrors: [{ field: 'amount', reason: 'EXCEEDS_OUTSTANDING' }] });
    const paid = (await t.graphql(PAY, { input: { invoiceId: invoice.id, amount: '67720.85' } }, seller)).data.recordPayment.invoice;
    expect(paid).toMatchObject({ status: 'PAID', outstandingAmount: '0', paidDate: invoice.issueDate });
    expect(paid.payments).toHaveLength(2);

    const timeline = (
      await t.graphql(
        `query($id: ID!) { opportunity(id: $id) {
          timeline(first: 50) { edges { node { kind documentChange { event toStatus actor { name } quote { number } order { number } invoice { number } } } } }
          quotes { number status } orders { number status } invoices { number status }
        } }`,
        { id: opportunityId() },
        world.org.northManager.token,
      )
    ).data.opportunity;
    const events = timeline.timeline.edges.filter((edge: any) => edge.node.documentChange).map((edge: any) => `${edge.node.kind}:${edge.node.documentChange.event}`);
    expect(events).toEqual(
      expect.arrayContaining(['QUOTE:CREATED', 'QUOTE:SENT', 'QUOTE:ACCEPTED', 'ORDER:CREATED', 'ORDER:DELIVERED', 'INVOICE:CREATED', 'INVOICE:PAYMENT_RECORDED', 'INVOICE:PAID']),
    );
    expect([timeline.quotes.length, timeline.orders.length]).toEqual([1, 1]);
    expect(timeline.invoices).toEqual([{ number: invoice.number, status: 'PAID' }]);
  });
});

describe('access', () => {
  let quoteId: string;
  let invoiceId: string;
  beforeAll(async () => {
    quoteId = (await t.graphql(CREATE_QUOTE, { input: { opportunityId: opportunityId() } }, world.org.northSales.token)).data.createQuote.quote.id;
    invoiceId = (await t.graphql(CREATE_INVOICE, { input: { opportunityId: opportunityId() } }, world.org.northSales.token)).data.createInvoice.invoice.id;
  });

  it('hides documents of other teams like missing ones, everywhere', async () => {
    const query = `query($q: ID!, $i: ID!) { quote(id: $q) { number } invoice(id: $i) { number } node(id: $q) { id } quotes { totalCount } invoices { totalCount } }`;
    const south = await t.graphql(query, { q: quoteId, i: invoiceId }, world.org.southManager.token);
    expect(south.data).toEqual({ quote: null, invoice: null, node: null, quotes: { totalCount: 0 }, invoices: { totalCount: 0 } });
    const north = await t.graphql(query, { q: quoteId, i: invoiceId }, world.org.northSales2.token);
    expect(north.data.quote).not.toBeNull();
    const account = await t.graphql(
      `query($id: ID!) { account(id: $id) { quotes { totalCount } invoices { totalCount } counts { quotes orders invoices } } }`,
      { id: globalId('Account', world.northAccount.id) },
      world.org.service.token,
    );
    expect(account.data.account.quotes.totalCount).toBe(0);
    expect(account.data.account.counts).toEqual({ quotes: 0, orders: 0, invoices: 0 });
    const service = await t.graphql('{ quotes { totalCount } }', {}, world.org.service.token);
    expect(service.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("lets only who may change the opportunity change its documents", async () => {
    const colleague = await t.graphql(SEND, { id: quoteId }, world.org.northSales2.token);
    expect(colleague.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherTeam = await t.graphql(SEND, { id: quoteId }, world.org.southManager.token);
    expect(otherTeam.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const notYours = (await t.graphql(CREATE_QUOTE, { input: { opportunityId: opportunityId() } }, world.org.southSales.token)).data.createQuote;
    expect(notYours).toEqual({ __typename: 'ValidationError', code: 'VALIDATION', fieldErrors: [{ field: 'opportunityId', reason: 'NOT_FOUND' }] });
  });

  it('refuses every document, campaign and budget mutation to a read-only token', async () => {
    const mutations: Array<[string, Record<string, unknown>]> = [
      [CREATE_QUOTE, { input: { opportunityId: opportunityId() } }],
      [UPDATE_QUOTE, { id: quoteId, input: { title: 'x' } }],
      [SEND, { id: quoteId }],
      [ACCEPT, { id: quoteId }],
      ['mutation($id: ID!) { rejectQuote(id: $id) { __typename } }', { id: quoteId }],
      ['mutation($id: ID!) { deleteQuote(id: $id) { __typename } }', { id: quoteId }],
      ['mutation($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }', { input: { opportunityId: opportunityId() } }],
      ['mutation($id: ID!) { updateOrder(id: $id, input: { notes: "x" }) { __typename } }', { id: globalId('Order', world.north.id) }],
      [DELIVER, { id: globalId('Order', world.north.id) }],
      ['mutation($id: ID!) { cancelOrder(id: $id) { __typename } }', { id: globalId('Order', world.north.id) }],
      [CREATE_INVOICE, { input: { opportunityId: opportunityId() } }],
      ['mutation($id: ID!) { cancelInvoice(id: $id) { __typename } }', { id: invoiceId }],
      [PAY, { input: { invoiceId, amount: '1.00' } }],
      ['mutation($id: ID!) { removePayment(id: $id) { __typename } }', { id: globalId('Payment', world.north.id) }],
      ['mutation { createCampaign(input: { name: "x", type: EMAIL, startDate: "2026-01-01" }) { __typename } }', {}],
      ['mutation($id: ID!) { updateCampaign(id: $id, input: { name: "y" }) { __typename } }', { id: globalId('Campaign', world.north.id) }],
      ['mutation($id: ID!) { deleteCampaign(id: $id) { __typename } }', { id: globalId('Campaign', world.north.id) }],
      ['mutation($team: ID!) { createBudget(input: { year: 2027, teamId: $team, total: "1200", split: EVEN }) { __typename } }', { team: globalId('Team', world.org.north.id) }],
      ['mutation($id: ID!) { setBudgetMonth(id: $id, month: 1, amount: "1") { __typename } }', { id: globalId('Budget', world.north.id) }],
      ['mutation($id: ID!) { resplitBudget(id: $id, input: { total: "1", split: EVEN }) { __typename } }', { id: globalId('Budget', world.north.id) }],
      ['mutation($id: ID!) { deleteBudget(id: $id) { __typename } }', { id: globalId('Budget', world.north.id) }],
    ];
    const before = await Promise.all([t.prisma.quote.count(), t.prisma.invoice.count(), t.prisma.payment.count(), t.prisma.campaign.count(), t.prisma.budget.count()]);
    for (const [mutation, variables] of mutations) {
      const response = await t.graphql(mutation, variables, readOnlyToken);
      expect(response.errors?.[0].extensions?.code, mutation.slice(0, 60)).toBe('FORBIDDEN');
      expect(Object.values(response.data ?? {})[0] ?? null, mutation.slice(0, 60)).toBeNull();
    }
    expect(await Promise.all([t.prisma.quote.count(), t.prisma.invoice.count(), t.prisma.payment.count(), t.prisma.campaign.count(), t.prisma.budget.count()])).toEqual(before);
  });
});

describe('printable documents', () => {
  it('makes a PDF with the letterhead, the lines and the totals', async () => {
    await t.prisma.organisationSettings.upsert({
      where: { id: 1 },
      create: { id: 1, companyName: 'Nordlicht Maschinenbau GmbH', iban: 'DE89370400440532013000', vatId: 'DE123456789' },
      update: { companyName: 'Nordlicht Maschinenbau GmbH', iban: 'DE89370400440532013000', vatId: 'DE123456789' },
    });
    const invoice = (await t.graphql(CREATE_INVOICE, { input: { opportunityId: opportunityId() } }, world.org.northSales.token)).data.createInvoice.invoice;
    const response = await t.graphql(`query($id: ID!) { invoice(id: $id) { pdf { fileName contentType base64 } } }`, { id: invoice.id }, world.org.northSales.token);
    const { fileName, contentType, base64 } = response.data.invoice.pdf;
    expect(fileName).toBe(`${invoice.number}.pdf`);
    expect(contentType).toBe('application/pdf');
    const pdf = Buffer.from(base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Nordlicht Maschinenbau GmbH', `Rechnung ${invoice.number}`, 'Nordwerft GmbH', 'Verpackungsmaschine VM-7', '87.720,85 €', 'USt-IdNr. DE123456789', 'IBAN DE89370400440532013000']) {
      expect(text, expected).toContain(expected);
    }
  });
});

/** The text of a PDF's content streams, decoded from pdfkit's hex strings (WinAnsi). */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const streams = [...source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
    const raw = Buffer.from(match[1], 'latin1');
    try {
      return inflateSync(raw).toString('latin1');
    } catch {
      return match[1];
    }
  });
  // Amounts keep their currency sign with a no-break space; compared here as a plain one.
  const winAnsi = (code: number) => (code === 0x80 ? '€' : code === 0xa0 ? ' ' : String.fromCharCode(code));
  return streams
    .flatMap((stream) => [...stream.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((tj) => [...tj[1].matchAll(/<([0-9a-f]*)>/gi)].map((hex) => Buffer.from(hex[1], 'hex')).map((bytes) => [...bytes].map(winAnsi).join('')).join('')))
    .join('\n');
}
