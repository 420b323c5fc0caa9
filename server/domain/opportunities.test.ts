import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { ConflictError, ForbiddenError, NotFoundError, OpportunityClosedError, ValidationError } from './errors.ts';
import {
  convertToDeal,
  createOpportunity,
  loseOpportunity,
  moveOpportunity,
  reopenOpportunity,
  setOpportunityLines,
  updateOpportunity,
  winOpportunity,
} from './opportunities.ts';
import { opportunityAsOf } from './opportunity-history.ts';
import { cancelInvoice, createInvoice } from './billing/invoices.ts';
import { cancelOrder, createOrder } from './billing/orders.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
let accountId: string;
let southAccountId: string;
let leadPipeline: { id: string; stages: { id: string; probability: number }[] };
let dealPipeline: { id: string; stages: { id: string; probability: number }[] };
let lossReasonId: string;
let productId: string;

const NOW = new Date('2026-03-10T10:00:00Z');

async function expectFieldError(promise: Promise<unknown>, field: string, reason: string) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fieldErrors).toContainEqual(expect.objectContaining({ field, reason }));
}

async function createPipeline(name: string, kind: 'LEAD' | 'DEAL', probabilities: number[]) {
  return prisma.pipeline.create({
    data: { name, kind, stages: { create: probabilities.map((probability, position) => ({ name: `${name} ${position + 1}`, position, probability })) } },
    include: { stages: { orderBy: { position: 'asc' } } },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northManager', 'northSales', 'northSales2', 'southSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  const source = await prisma.source.create({ data: { name: 'Messe' } });
  accountId = (await prisma.account.create({
    data: { name: 'Nordwind GmbH', normalizedName: 'nordwind', statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id, sourceId: source.id },
  })).id;
  southAccountId = (await prisma.account.create({
    data: { name: 'Südhang AG', normalizedName: 'sudhang', statusKey: 'PROSPECT', ownerId: org.southSales.id, teamId: org.south.id },
  })).id;
  leadPipeline = await createPipeline('Leads', 'LEAD', [10, 20]);
  dealPipeline = await createPipeline('Projekte', 'DEAL', [30, 60, 90]);
  lossReasonId = (await prisma.lossReason.create({ data: { name: 'Preis' } })).id;
  productId = (await prisma.product.create({ data: { sku: 'M-100', name: 'Wartungsvertrag', unitPrice: '1200.00' } })).id;
});
afterAll(() => database.drop());

const create = (viewer = viewers.northSales, input: Record<string, unknown> = {}) =>
  createOpportunity(prisma, viewer, { title: 'Neue Linie', accountId, ...input }, { now: NOW });

describe('createOpportunity', () => {
  it('creates a LEAD in the first lead pipeline with the defaults of domain.md', async () => {
    const opportunity = await create();
    expect(opportunity).toMatchObject({
      kind: 'LEAD',
      status: 'OPEN',
      pipelineId: leadPipeline.id,
      stageId: leadPipeline.stages[0].id,
      probability: 10,
      ownerId: org.northSales.id,
      teamId: org.north.id,
    });
    expect(opportunity.number).toBeGreaterThanOrEqual(1001);
    expect(opportunity.expectedCloseDate.toISOString().slice(0, 10)).toBe('2026-04-21');
    const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(opportunity.sourceId).toBe(account.sourceId);
    const created = await prisma.opportunityChange.findMany({ where: { opportunityId: opportunity.id } });
    expect(created).toEqual([expect.objectContaining({ field: 'CREATED', actorId: org.northSales.id })]);
  });

  it('creates a DEAL in a deal pipeline when asked for one', async () => {
    const deal = await create(viewers.northSales, { kind: 'DEAL', pipelineId: dealPipeline.id });
    expect(deal).toMatchObject({ kind: 'DEAL', pipelineId: dealPipeline.id, probability: 30 });
    await expectFieldError(create(viewers.northSales, { kind: 'DEAL', pipelineId: leadPipeline.id }), 'pipelineId', 'WRONG_KIND');
  });

  it('refuses a deal pipeline, another team’s account and a contact of another account', async () => {
    await expectFieldError(create(viewers.northSales, { pipelineId: dealPipeline.id }), 'pipelineId', 'WRONG_KIND');
    await expectFieldError(create(viewers.northSales, { accountId: southAccountId }), 'accountId', 'NOT_FOUND');
    const contact = await prisma.contact.create({
      data: { firstName: 'Sven', lastName: 'Süd', statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id, accountId: southAccountId },
    });
    await expectFieldError(create(viewers.northSales, { contactId: contact.id }), 'contactId', 'OTHER_ACCOUNT');
  });

  it('keeps SERVICE and read-only callers out', async () => {
    await expect(create(viewers.service)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(create({ ...viewers.northSales, readOnly: true })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('validates amount, probability and title and writes nothing', async () => {
    const before = await prisma.opportunity.count();
    const error = await create(viewers.northSales, { title: ' ', amount: '12.345', probability: 120 }).catch((caught: unknown) => caught);
    expect((error as ValidationError).fieldErrors.map((fieldError) => [fieldError.field, fieldError.reason])).toEqual([
      ['title', 'REQUIRED'],
      ['amount', 'INVALID_FORMAT'],
      ['probability', 'TOO_LARGE'],
    ]);
    expect(await prisma.opportunity.count()).toBe(before);
  });
});

describe('stage moves and probability', () => {
  it('sets the stage default on a move, and a later explicit probability overrides it', async () => {
    const opportunity = await create(viewers.northSales, { amount: '10000.00' });
    const moved = await moveOpportunity(prisma, viewers.northSales, opportunity.id, leadPipeline.stages[1].id, { now: NOW });
    expect(moved.probability).toBe(20);
    expect(moved.weightedAmount.toString()).toBe('2000');
    const overridden = await updateOpportunity(prisma, viewers.northSales, opportunity.id, { probability: 35 }, { now: NOW });
    expect(overridden.probability).toBe(35);
    expect(overridden.weightedAmount.toFixed(2)).toBe('3500.00');
    const both = await updateOpportunity(prisma, viewers.northSales, opportunity.id, { stageId: leadPipeline.stages[0].id, probability: 15 }, { now: NOW });
    expect(both.probability).toBe(15);
  });

  it('computes the weighted amount exactly', async () => {
    const opportunity = await create(viewers.northSales, { amount: '0.10', probability: 33 });
    expect(opportunity.weightedAmount.toFixed(2)).toBe('0.03');
    const big = await updateOpportunity(prisma, viewers.northSales, opportunity.id, { amount: '999999999999.99', probability: 99 }, { now: NOW });
    expect(big.weightedAmount.toFixed(2)).toBe('989999999999.99');
  });

  it('refuses a stage of another pipeline', async () => {
    const opportunity = await create();
    await expectFieldError(moveOpportunity(prisma, viewers.northSales, opportunity.id, dealPipeline.stages[0].id), 'stageId', 'NOT_IN_PIPELINE');
  });

  it('refuses a stale version with a conflict', async () => {
    const opportunity = await create();
    await moveOpportunity(prisma, viewers.northSales, opportunity.id, leadPipeline.stages[1].id, { expectedVersion: 1 });
    await expect(moveOpportunity(prisma, viewers.northSales, opportunity.id, leadPipeline.stages[0].id, { expectedVersion: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('lets a teammate read but not move, and hides the record from another team', async () => {
    const opportunity = await create();
    await expect(moveOpportunity(prisma, viewers.northSales2, opportunity.id, leadPipeline.stages[1].id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(moveOpportunity(prisma, viewers.southSales, opportunity.id, leadPipeline.stages[1].id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(moveOpportunity(prisma, viewers.service, opportunity.id, leadPipeline.stages[1].id)).rejects.toBeInstanceOf(NotFoundError);
    const managed = await moveOpportunity(prisma, viewers.northManager, opportunity.id, leadPipeline.stages[1].id);
    expect(managed.stageId).toBe(leadPipeline.stages[1].id);
  });
});

describe('lines', () => {
  it('makes the amount the sum of the lines, with discounts, and refuses a manual amount then', async () => {
    const opportunity = await create(viewers.northSales, { probability: 50 });
    const withLines = await setOpportunityLines(prisma, viewers.northSales, opportunity.id, [
      { productId, quantity: '2' },
      { description: 'Inbetriebnahme', quantity: '1.5', unitPrice: '999.99', discountPercent: '10' },
    ]);
    // 2 x 1200 + 1.5 x 999.99 x 0.9 = 2400 + 1349.9865 -> 1349.99
    expect(withLines.amount.toFixed(2)).toBe('3749.99');
    expect(withLines.weightedAmount.toFixed(2)).toBe('1875.00');
    await expectFieldError(updateOpportunity(prisma, viewers.northSales, opportunity.id, { amount: '5' }), 'amount', 'DERIVED_FROM_LINES');
    await expectFieldError(
      setOpportunityLines(prisma, viewers.northSales, opportunity.id, [{ quantity: '0' }]),
      'lines.0.quantity',
      'INVALID',
    );
    expect((await prisma.opportunityLine.count({ where: { opportunityId: opportunity.id } }))).toBe(2);
  });
});

describe('closing', () => {
  it('wins: probability 100, closedAt, account becomes CUSTOMER, business data frozen, report still writable', async () => {
    const opportunity = await create(viewers.northSales, { amount: '5000' });
    const won = await winOpportunity(prisma, viewers.northSales, opportunity.id, {}, { now: NOW });
    expect(won).toMatchObject({ status: 'WON', probability: 100, closedAt: NOW });
    expect(won.weightedAmount.toFixed(2)).toBe('5000.00');
    expect((await prisma.account.findUniqueOrThrow({ where: { id: accountId } })).statusKey).toBe('CUSTOMER');
    await expect(updateOpportunity(prisma, viewers.northSales, opportunity.id, { amount: '1' })).rejects.toBeInstanceOf(OpportunityClosedError);
    await expect(moveOpportunity(prisma, viewers.northSales, opportunity.id, leadPipeline.stages[1].id)).rejects.toBeInstanceOf(OpportunityClosedError);
    await expect(setOpportunityLines(prisma, viewers.northSales, opportunity.id, [])).rejects.toBeInstanceOf(OpportunityClosedError);
    await expect(loseOpportunity(prisma, viewers.northSales, opportunity.id, { lossReasonId })).rejects.toBeInstanceOf(OpportunityClosedError);
    const reported = await updateOpportunity(prisma, viewers.northSales, opportunity.id, { winLossReport: 'Referenz überzeugte.' });
    expect(reported.winLossReport).toBe('Referenz überzeugte.');
  });

  it('loses only with a loss reason; probability 0', async () => {
    const opportunity = await create();
    await expectFieldError(loseOpportunity(prisma, viewers.northSales, opportunity.id, {}), 'lossReasonId', 'REQUIRED');
    expect((await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).status).toBe('OPEN');
    const lost = await loseOpportunity(prisma, viewers.northSales, opportunity.id, { lossReasonId }, { now: NOW });
    expect(lost).toMatchObject({ status: 'LOST', probability: 0, closedAt: NOW, lossReasonId });
    const reopened = await reopenOpportunity(prisma, viewers.northSales, opportunity.id);
    expect(reopened).toMatchObject({ status: 'OPEN', probability: 10, closedAt: null, lossReasonId: null });
  });
});

describe('reopening', () => {
  it('takes a won opportunity back into work; the account stays a customer and the history records it', async () => {
    const opportunity = await create(viewers.northSales, { amount: '5000' });
    await winOpportunity(prisma, viewers.northSales, opportunity.id, {}, { now: NOW });
    const later = new Date(NOW.getTime() + 60_000);
    const reopened = await reopenOpportunity(prisma, viewers.northSales, opportunity.id, { now: later });
    expect(reopened).toMatchObject({ status: 'OPEN', probability: 10, closedAt: null, forecastCategoryKey: 'PIPELINE' });
    expect(reopened.weightedAmount.toFixed(2)).toBe('500.00');
    expect((await prisma.account.findUniqueOrThrow({ where: { id: accountId } })).statusKey).toBe('CUSTOMER');
    const changes = await prisma.opportunityChange.findMany({ where: { opportunityId: opportunity.id, changedAt: later } });
    expect(changes.map((change) => [change.field, change.oldValue, change.newValue, change.actorId])).toContainEqual(['status', 'WON', 'OPEN', org.northSales.id]);
    // Open again, it is business data as before.
    expect((await moveOpportunity(prisma, viewers.northSales, opportunity.id, leadPipeline.stages[1].id)).probability).toBe(20);
  });

  it('refuses a won opportunity with an order or invoice that is not cancelled', async () => {
    const opportunity = await create(viewers.northSales, { amount: '5000' });
    await winOpportunity(prisma, viewers.northSales, opportunity.id, {});
    const order = await createOrder(prisma, viewers.northSales, { opportunityId: opportunity.id });
    await expectFieldError(reopenOpportunity(prisma, viewers.northSales, opportunity.id), 'status', 'HAS_ORDERS');
    await cancelOrder(prisma, viewers.northSales, order.id);
    const invoice = await createInvoice(prisma, viewers.northSales, { opportunityId: opportunity.id });
    await expectFieldError(reopenOpportunity(prisma, viewers.northSales, opportunity.id), 'status', 'HAS_ORDERS');
    const refused = await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });
    expect(refused).toMatchObject({ status: 'WON', probability: 100 });
    await cancelInvoice(prisma, viewers.northSales, invoice.id, { reason: 'Falsche Anschrift' });
    expect((await reopenOpportunity(prisma, viewers.northSales, opportunity.id)).status).toBe('OPEN');
  });

  it('refuses an open opportunity, and anyone who may not change it', async () => {
    const opportunity = await create(viewers.northSales);
    await expectFieldError(reopenOpportunity(prisma, viewers.northSales, opportunity.id), 'status', 'NOT_CLOSED');
    await winOpportunity(prisma, viewers.northSales, opportunity.id, {});
    await expect(reopenOpportunity(prisma, viewers.southSales, opportunity.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reopenOpportunity(prisma, viewers.northSales2, opportunity.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reopenOpportunity(prisma, viewers.service, opportunity.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).status).toBe('WON');
    expect((await reopenOpportunity(prisma, viewers.northManager, opportunity.id)).status).toBe('OPEN');
  });
});

describe('convertToDeal', () => {
  it('makes a DEAL in the first deal pipeline at its first stage', async () => {
    const opportunity = await create();
    const deal = await convertToDeal(prisma, viewers.northSales, opportunity.id, {});
    expect(deal).toMatchObject({ kind: 'DEAL', pipelineId: dealPipeline.id, stageId: dealPipeline.stages[0].id, probability: 30 });
    await expectFieldError(convertToDeal(prisma, viewers.northSales, opportunity.id, {}), 'kind', 'ALREADY_DEAL');
  });
});

describe('history', () => {
  it('stores every tracked change with actor and reconstructs any past moment', async () => {
    const t0 = new Date('2025-01-01T09:00:00Z');
    const t1 = new Date('2025-02-01T09:00:00Z');
    const t2 = new Date('2025-03-01T09:00:00Z');
    const opportunity = await createOpportunity(prisma, viewers.northSales, { title: 'Historie', accountId, amount: '1000' }, { now: t0 });
    await updateOpportunity(prisma, viewers.northSales, opportunity.id, { stageId: leadPipeline.stages[1].id, amount: '2000' }, { now: t1 });
    await updateOpportunity(prisma, viewers.northManager, opportunity.id, { probability: 80, expectedCloseDate: new Date('2025-06-30') }, { now: t2 });

    const changes = await prisma.opportunityChange.findMany({ where: { opportunityId: opportunity.id }, orderBy: [{ changedAt: 'asc' }, { field: 'asc' }] });
    expect(changes.map((change) => [change.field, change.oldValue, change.newValue, change.actorId])).toEqual([
      ['CREATED', null, expect.any(Object), org.northSales.id],
      ['amount', '1000', '2000', org.northSales.id],
      ['probability', 10, 20, org.northSales.id],
      ['stageId', leadPipeline.stages[0].id, leadPipeline.stages[1].id, org.northSales.id],
      ['weightedAmount', '100', '400', org.northSales.id],
      ['expectedCloseDate', '2025-02-12', '2025-06-30', org.northManager.id],
      ['probability', 20, 80, org.northManager.id],
      ['weightedAmount', '400', '1600', org.northManager.id],
    ]);

    expect(await opportunityAsOf(prisma, opportunity.id, new Date('2024-12-31T00:00:00Z'))).toBeNull();
    const atStart = await opportunityAsOf(prisma, opportunity.id, new Date('2025-01-15T00:00:00Z'));
    expect(atStart).toMatchObject({ stageId: leadPipeline.stages[0].id, probability: 10 });
    expect(atStart!.amount.toString()).toBe('1000');
    const between = await opportunityAsOf(prisma, opportunity.id, t1);
    expect(between).toMatchObject({ stageId: leadPipeline.stages[1].id, probability: 20 });
    expect(between!.expectedCloseDate.toISOString().slice(0, 10)).toBe('2025-02-12');
    const now = await opportunityAsOf(prisma, opportunity.id, new Date());
    expect(now).toMatchObject({ probability: 80 });
  });
});
