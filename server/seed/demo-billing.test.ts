import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.ts';
import { documentTotals } from '../domain/billing/totals.ts';
import { sumMoney } from '../domain/money.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { DEMO_LETTERHEAD } from './demo-billing.ts';
import { DEMO_PASSWORD, seedDemoData } from './demo-data.ts';

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  await seedDemoData(prisma, { passwordHash: await hashPassword(DEMO_PASSWORD) });
});
afterAll(() => database.drop());

describe('demo quotes, orders and invoices', () => {
  it('follow the won opportunities: an accepted quote, its order, and once delivered its invoice', async () => {
    const won = await prisma.opportunity.findMany({ where: { status: 'WON' }, include: { quotes: true, orders: true, invoices: true } });
    expect(won.length).toBeGreaterThan(50);
    for (const opportunity of won) {
      expect(opportunity.quotes.map((quote) => quote.status)).toEqual(['ACCEPTED']);
      expect(opportunity.orders).toHaveLength(1);
      const [order] = opportunity.orders;
      expect(order.quoteId).toBe(opportunity.quotes[0].id);
      expect(order.grossAmount.toFixed(2)).toBe(opportunity.quotes[0].grossAmount.toFixed(2));
      if (order.status !== 'DELIVERED') expect(opportunity.invoices).toHaveLength(0);
      else expect(opportunity.invoices.filter((invoice) => invoice.status !== 'CANCELLED')).toHaveLength(1);
    }
    const statuses = await prisma.invoice.groupBy({ by: ['status'], _count: { _all: true } });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row._count._all]))).toEqual({ OPEN: expect.any(Number), PAID: expect.any(Number), CANCELLED: expect.any(Number) });
    expect(await prisma.order.count({ where: { status: 'CANCELLED' } })).toBeGreaterThan(0);
    expect(await prisma.quote.count({ where: { status: 'REJECTED' } })).toBeGreaterThan(5);
    expect(await prisma.quote.count({ where: { status: 'EXPIRED' } })).toBeGreaterThan(5);
    expect(await prisma.quote.count({ where: { status: { in: ['DRAFT', 'SENT'] } } })).toBeGreaterThan(10);
  });

  it('reach two years back, with overdue and corrected invoices', async () => {
    const [first] = await prisma.invoice.findMany({ orderBy: { issueDate: 'asc' }, take: 1 });
    const [last] = await prisma.invoice.findMany({ orderBy: { issueDate: 'desc' }, take: 1 });
    expect((last.issueDate.getTime() - first.issueDate.getTime()) / 86_400_000).toBeGreaterThan(540);
    const overdue = await prisma.invoice.count({ where: { status: 'OPEN', dueDate: { lt: last.issueDate } } });
    expect(overdue).toBeGreaterThan(2);
    const corrections = await prisma.invoice.findMany({ where: { correctsInvoiceId: { not: null } }, include: { correctsInvoice: true } });
    expect(corrections.length).toBeGreaterThan(0);
    for (const correction of corrections) expect(correction.correctsInvoice!.status).toBe('CANCELLED');
  });

  it('add up exactly: lines, totals and payments', async () => {
    const invoices = await prisma.invoice.findMany({ include: { lines: true, payments: true } });
    for (const invoice of invoices) {
      const totals = documentTotals(invoice.lines);
      expect([invoice.netAmount, invoice.taxAmount, invoice.grossAmount].map((value) => value.toFixed(2))).toEqual([totals.net, totals.tax, totals.gross].map((value) => value.toFixed(2)));
      expect(sumMoney(invoice.payments.map((payment) => payment.amount)).toFixed(2)).toBe(invoice.paidAmount.toFixed(2));
      if (invoice.status === 'PAID') {
        expect(invoice.paidAmount.toFixed(2)).toBe(invoice.grossAmount.toFixed(2));
        expect(invoice.paidDate).toEqual(invoice.payments.map((payment) => payment.paymentDate).sort((a, b) => b.getTime() - a.getTime())[0]);
      }
      for (const payment of invoice.payments) expect(payment.paymentDate >= invoice.issueDate).toBe(true);
    }
  });

  it('are numbered gap-free per kind and year in date order, and the counters continue after them', async () => {
    const invoices = await prisma.invoice.findMany({ orderBy: { number: 'asc' } });
    const byYear = new Map<number, typeof invoices>();
    for (const invoice of invoices) byYear.set(invoice.issueDate.getUTCFullYear(), [...(byYear.get(invoice.issueDate.getUTCFullYear()) ?? []), invoice]);
    for (const [year, list] of byYear) {
      expect(list.map((invoice) => invoice.number)).toEqual(list.map((_, index) => `INV-${year}-${String(index + 1).padStart(4, '0')}`));
      for (let index = 1; index < list.length; index += 1) expect(list[index].issueDate >= list[index - 1].issueDate).toBe(true);
      const counter = await prisma.documentSequence.findUniqueOrThrow({ where: { kind_year: { kind: 'INVOICE', year } } });
      expect(counter.lastNumber).toBe(list.length);
    }
  });

  it('carry their history, which the timelines show', async () => {
    const paid = await prisma.invoice.findFirstOrThrow({ where: { status: 'PAID' }, include: { changes: { orderBy: { at: 'asc' } } } });
    expect(paid.changes[0]).toMatchObject({ event: 'CREATED', opportunityId: paid.opportunityId, accountId: paid.accountId });
    expect(paid.changes.at(-1)).toMatchObject({ event: 'PAID', toStatus: 'PAID' });
    const expired = await prisma.quote.findFirstOrThrow({ where: { status: 'EXPIRED' }, include: { changes: { orderBy: { at: 'asc' } } } });
    expect(expired.changes.map((change) => change.event)).toEqual(['CREATED', 'SENT', 'EXPIRED']);
  });
});

describe('demo campaigns, budgets and letterhead', () => {
  it('has three campaigns with opportunities, remembered in their creation snapshots', async () => {
    const campaigns = await prisma.campaign.findMany({ include: { _count: { select: { opportunities: true } } } });
    expect(campaigns).toHaveLength(3);
    for (const campaign of campaigns) expect(campaign._count.opportunities).toBeGreaterThan(0);
    const member = await prisma.opportunity.findFirstOrThrow({ where: { campaignId: { not: null } }, include: { changes: { where: { field: 'CREATED' } } } });
    expect((member.changes[0].newValue as Record<string, unknown>).campaignId).toBe(member.campaignId);
    expect(await prisma.invoice.count({ where: { opportunity: { campaignId: { not: null } } } })).toBeGreaterThan(0);
  });

  it('plans both sales teams (and their sales people) for last, this and next year, months adding up', async () => {
    const budgets = await prisma.budget.findMany({ include: { months: true, team: true } });
    const teamBudgets = budgets.filter((budget) => budget.userId === null);
    expect(teamBudgets.map((budget) => `${budget.team.name} ${budget.year}`).sort()).toHaveLength(6);
    expect(new Set(teamBudgets.map((budget) => budget.year)).size).toBe(3);
    expect(budgets.length).toBeGreaterThan(6);
    for (const budget of budgets) {
      expect(budget.months).toHaveLength(12);
      expect(sumMoney(budget.months.map((month) => month.amount)).toFixed(2)).toBe(budget.total.toFixed(2));
    }
  });

  it('prints with a real letterhead', async () => {
    const settings = await prisma.organisationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings).toMatchObject(DEMO_LETTERHEAD);
  });
});
