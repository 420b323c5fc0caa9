import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { caught, createBillingWorld, type BillingWorld } from '../../test/billing-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { addDays } from '../calendar.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { collectEvents } from '../events.ts';
import { today } from './documents.ts';
import { DocumentLockedError, InvalidStatusTransitionError } from './errors.ts';
import { acceptQuote, createQuote, deleteQuote, rejectQuote, sendQuote, updateQuote } from './quotes.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let world: BillingWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  world = await createBillingWorld(prisma);
});
afterAll(() => database.drop());

const quoteFor = (team: 'north' | 'south' = 'north') =>
  createQuote(prisma, world.viewers[team === 'north' ? 'northSales' : 'southSales'], { opportunityId: world[team].id });

function expectTransition(error: unknown, reason: string) {
  expect(error).toBeInstanceOf(InvalidStatusTransitionError);
  expect((error as InvalidStatusTransitionError).reason).toBe(reason);
}

describe('creating a quote', () => {
  it("copies the opportunity's lines, account, contact, owner and team, with 19 % VAT by default", async () => {
    const quote = await quoteFor();
    const year = today(new Date()).getUTCFullYear();
    expect(quote.number).toMatch(new RegExp(`^QUO-${year}-\\d{4}$`));
    expect(quote).toMatchObject({
      status: 'DRAFT',
      opportunityId: world.north.id,
      accountId: world.northAccount.id,
      ownerId: world.org.northSales.id,
      teamId: world.org.north.id,
      title: world.north.title,
      currency: 'EUR',
    });
    expect(quote.validUntil).toEqual(addDays(today(new Date()), 30));
    expect([quote.netAmount, quote.taxAmount, quote.grossAmount].map((value) => value.toFixed(2))).toEqual(['73715.00', '14005.85', '87720.85']);
    const lines = await prisma.quoteLine.findMany({ where: { quoteId: quote.id }, orderBy: { position: 'asc' } });
    expect(lines.map((line) => [line.description, line.unit, line.quantity.toString(), line.discountPercent.toString(), line.taxRate.toString(), line.netAmount.toFixed(2)])).toEqual([
      ['Verpackungsmaschine VM-7', 'Stk.', '1', '5', '19', '70775.00'],
      ['Schulung Bedienpersonal', 'Tag', '3', '0', '19', '2940.00'],
    ]);
    const history = await prisma.documentChange.findMany({ where: { quoteId: quote.id } });
    expect(history).toMatchObject([{ event: 'CREATED', toStatus: 'DRAFT', opportunityId: world.north.id, accountId: world.northAccount.id, actorId: world.org.northSales.id }]);
  });

  it('numbers quotes one after the other within the year', async () => {
    const first = await quoteFor();
    const second = await quoteFor();
    expect(Number(second.number.slice(-4))).toBe(Number(first.number.slice(-4)) + 1);
  });

  it('creates a standalone quote on an account with given lines and tax rates', async () => {
    const quote = await createQuote(prisma, world.viewers.northManager, {
      accountId: world.northAccount.id,
      title: 'Ersatzteile',
      lines: [
        { productId: world.products.training.id, quantity: '2' },
        { description: 'Fachbuch Verpackungstechnik', quantity: '1', unitPrice: '49.90', taxRate: '7' },
      ],
    });
    expect(quote).toMatchObject({ opportunityId: null, ownerId: world.org.northManager.id, teamId: world.org.north.id });
    expect([quote.netAmount, quote.taxAmount, quote.grossAmount].map((value) => value.toFixed(2))).toEqual(['2009.90', '375.89', '2385.79']);
  });

  it('reports every bad line and field at once and writes nothing', async () => {
    const before = await prisma.quote.count();
    const error = await caught(
      createQuote(prisma, world.viewers.northSales, {
        opportunityId: world.north.id,
        validUntil: new Date('1850-01-01'),
        lines: [{ quantity: '0' }, { description: 'Ohne Preis', quantity: '1' }, { productId: world.products.machine.id, quantity: '1', taxRate: '16' }],
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((fieldError) => `${fieldError.field}:${fieldError.reason}`).sort()).toEqual(
      ['lines.0.quantity:TOO_SMALL', 'lines.2.taxRate:INVALID_TAX_RATE', 'validUntil:OUT_OF_RANGE'].sort(),
    );
    const missingPrice = await caught(createQuote(prisma, world.viewers.northSales, { opportunityId: world.north.id, lines: [{ description: 'Ohne Preis', quantity: '1' }] }));
    expect((missingPrice as ValidationError).fieldErrors).toEqual([expect.objectContaining({ field: 'lines.0.unitPrice', reason: 'REQUIRED' })]);
    expect(await prisma.quote.count()).toBe(before);
  });

  it('refuses a lost opportunity, and a validity in the past', async () => {
    const lost = await prisma.opportunity.create({
      data: { ...pick(world.north), title: 'Verloren', status: 'LOST', closedAt: new Date() },
    });
    expect((await caught(createQuote(prisma, world.viewers.northSales, { opportunityId: lost.id }))).fieldErrors).toEqual([
      expect.objectContaining({ field: 'opportunityId', reason: 'OPPORTUNITY_LOST' }),
    ]);
    const past = await caught(createQuote(prisma, world.viewers.northSales, { opportunityId: world.north.id, validUntil: addDays(today(new Date()), -1) }));
    expect(past.fieldErrors).toEqual([expect.objectContaining({ field: 'validUntil', reason: 'IN_THE_PAST' })]);
  });
});

describe('access to quotes', () => {
  it("follows the opportunity's rules: other teams see nothing, colleagues and SERVICE may not write, read-only tokens neither", async () => {
    const quote = await quoteFor();
    expect(await caught(sendQuote(prisma, world.viewers.southManager, quote.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(sendQuote(prisma, world.viewers.northSales2, quote.id))).toBeInstanceOf(ForbiddenError);
    expect(await caught(sendQuote(prisma, world.viewers.service, quote.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(sendQuote(prisma, { ...world.viewers.admin, readOnly: true }, quote.id))).toBeInstanceOf(ForbiddenError);
    expect(await caught(createQuote(prisma, world.viewers.northSales2, { opportunityId: world.north.id }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(createQuote(prisma, world.viewers.service, { accountId: world.northAccount.id, title: 'x' }))).toBeInstanceOf(ForbiddenError);
    const foreign = await caught(createQuote(prisma, world.viewers.southSales, { opportunityId: world.north.id }));
    expect(foreign.fieldErrors).toEqual([expect.objectContaining({ field: 'opportunityId', reason: 'NOT_FOUND' })]);
    // The team's manager may.
    expect((await sendQuote(prisma, world.viewers.northManager, quote.id)).status).toBe('SENT');
  });
});

describe('the life of a quote', () => {
  it('is edited as a draft, then sent, then accepted with its order in one step', async () => {
    const quote = await quoteFor();
    const edited = await updateQuote(prisma, world.viewers.northSales, quote.id, { lines: [{ productId: world.products.machine.id, quantity: '2', discountPercent: '10' }], introText: 'Vielen Dank für Ihre Anfrage.' });
    expect(edited.netAmount.toFixed(2)).toBe('134100.00');
    const { result: sent, events } = await collectEvents(() => sendQuote(prisma, world.viewers.northSales, quote.id));
    expect(sent.status).toBe('SENT');
    expect(sent.sentAt).not.toBeNull();
    expect(events).toEqual([expect.objectContaining({ type: 'DOCUMENT_CHANGED', kind: 'QUOTE', event: 'SENT', status: 'SENT', opportunityId: world.north.id })]);
    const locked = await caught(updateQuote(prisma, world.viewers.northSales, quote.id, { title: 'Geändert' }));
    expect(locked).toBeInstanceOf(DocumentLockedError);
    expect(locked.fields).toEqual(['title']);

    const accepted = await acceptQuote(prisma, world.viewers.northSales, quote.id, { createOrder: true });
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.decidedAt).not.toBeNull();
    const order = await prisma.order.findUniqueOrThrow({ where: { quoteId: quote.id }, include: { lines: true } });
    expect(order).toMatchObject({ status: 'OPEN', opportunityId: world.north.id, accountId: world.northAccount.id, title: quote.title });
    expect(order.netAmount.toFixed(2)).toBe('134100.00');
    expect(order.lines).toHaveLength(1);
    const history = await prisma.documentChange.findMany({ where: { quoteId: quote.id }, orderBy: { at: 'asc' } });
    expect(history.map((change) => [change.event, change.fromStatus, change.toStatus])).toEqual([
      ['CREATED', null, 'DRAFT'],
      ['UPDATED', null, null],
      ['SENT', 'DRAFT', 'SENT'],
      ['ACCEPTED', 'SENT', 'ACCEPTED'],
    ]);
  });

  it('refuses transitions its life cycle does not allow, with a reason', async () => {
    const draft = await quoteFor();
    expectTransition(await caught(acceptQuote(prisma, world.viewers.northSales, draft.id)), 'NOT_SENT');
    expectTransition(await caught(rejectQuote(prisma, world.viewers.northSales, draft.id)), 'NOT_SENT');
    await sendQuote(prisma, world.viewers.northSales, draft.id);
    expectTransition(await caught(sendQuote(prisma, world.viewers.northSales, draft.id)), 'NOT_DRAFT');
    expectTransition(await caught(deleteQuote(prisma, world.viewers.northSales, draft.id)), 'NOT_DRAFT');
    const rejected = await rejectQuote(prisma, world.viewers.northSales, draft.id, { reason: 'Zu teuer' });
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Zu teuer' });
    expectTransition(await caught(acceptQuote(prisma, world.viewers.northSales, draft.id)), 'ALREADY_DECIDED');

    const empty = await createQuote(prisma, world.viewers.northSales, { opportunityId: world.north.id, lines: [] });
    expectTransition(await caught(sendQuote(prisma, world.viewers.northSales, empty.id)), 'NO_LINES');
  });

  it('cannot be accepted once its validity is over, even before the expiry job ran', async () => {
    const quote = await quoteFor();
    await sendQuote(prisma, world.viewers.northSales, quote.id);
    const later = addDays(quote.validUntil, 2);
    expectTransition(await caught(acceptQuote(prisma, world.viewers.northSales, quote.id, {}, { now: later })), 'EXPIRED');
  });

  it('deletes a draft with its lines and history, and announces it', async () => {
    const quote = await quoteFor();
    const { events } = await collectEvents(() => deleteQuote(prisma, world.viewers.northSales, quote.id));
    expect(await prisma.quote.count({ where: { id: quote.id } })).toBe(0);
    expect(await prisma.quoteLine.count({ where: { quoteId: quote.id } })).toBe(0);
    expect(events).toEqual([expect.objectContaining({ change: 'DELETED', documentId: quote.id })]);
  });
});

function pick(opportunity: BillingWorld['north']) {
  const { accountId, ownerId, teamId, pipelineId, stageId, probability, expectedCloseDate } = opportunity;
  return { accountId, ownerId, teamId, pipelineId, stageId, probability, expectedCloseDate };
}
