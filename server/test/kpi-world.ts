import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation, type TestUser } from './fixtures.ts';
import { insertPipeline } from './sales-fixtures.ts';

/**
 * A generated sales history with known answers for the KPI tests: two teams, about 400
 * opportunities created over the last ~two years with their change history (stage moves, lead
 * conversions, amount and close date edits, owner changes, wins and losses), quotes, orders,
 * invoices with product lines, budgets of three years and activities. Everything is kept in memory
 * too (`world.opportunities` etc.), so a test computes the expected figures in TypeScript,
 * independently of the SQL that computes them; `stateAt` replays an opportunity's history up to a
 * moment (the "snapshot taken that day" of the asOf tests).
 */
export const DAY = 86_400_000;

export interface OppState {
  kind: 'LEAD' | 'DEAL';
  status: 'OPEN' | 'WON' | 'LOST';
  ownerId: string;
  teamId: string;
  pipelineId: string;
  stageId: string;
  amount: number; // cents
  probability: number;
  weightedAmount: number; // cents
  expectedCloseDate: string; // YYYY-MM-DD
  closedAt: string | null; // ISO
  lossReasonId: string | null;
}

export interface OppChange {
  at: Date;
  field: keyof OppState;
  oldValue: string | number | null;
  newValue: string | number | null;
}

export interface GenOpportunity {
  id: string;
  accountId: string;
  createdAt: Date;
  lastActivityAt: Date | null;
  initial: OppState;
  changes: OppChange[];
  state: OppState;
}

export interface GenQuote { id: string; opportunityId: string; accountId: string; ownerId: string; teamId: string; status: string; createdAt: Date; sentAt: Date | null; decidedAt: Date | null; net: number }
export interface GenOrder { id: string; opportunityId: string; accountId: string; ownerId: string; teamId: string; status: string; orderDate: string; deliveryDate: string | null; net: number }
export interface GenInvoice {
  id: string; opportunityId: string; accountId: string; ownerId: string; teamId: string; status: string;
  issueDate: string; dueDate: string; paidDate: string | null; net: number; gross: number; lines: Array<{ productId: string; net: number; quantity: number }>;
}
export interface GenActivity { id: string; type: string; teamId: string; assigneeId: string; opportunityId: string; accountId: string; createdAt: Date; dueAt: Date | null; doneAt: Date | null }
export interface GenBudget { teamId: string; userId: string | null; year: number; months: number[] }

/** A seeded generator, so a failing figure can be reproduced. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}

/** The calendar day of an instant in Europe/Berlin (the organisation's default time zone). */
export const berlinDay = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
export const money = (cents: number) => (cents / 100).toFixed(2);

export function replay(opportunity: GenOpportunity, at: Date): OppState | null {
  if (opportunity.createdAt > at) return null;
  const state = { ...opportunity.initial } as Record<string, unknown>;
  for (const change of opportunity.changes) if (change.at <= at) state[change.field] = change.field === 'amount' || change.field === 'weightedAmount' ? Math.round(Number(change.newValue) * 100) : change.newValue;
  return state as unknown as OppState;
}

const historyValue = (field: keyof OppState, value: unknown) => (value === null ? null : field === 'amount' || field === 'weightedAmount' ? money(value as number) : (value as string | number));

export async function createKpiWorld(prisma: PrismaClient, seed = 12) {
  const rnd = random(seed);
  const now = new Date(Date.now() - 60_000);
  const today = berlinDay(now);
  // Instants keep at least an hour away from whole days before now, so "now minus N days"
  // rules give the same answer at the test's moment and the request's.
  const offset = () => rnd.int(3_600_000, DAY - 3_600_000);
  const org: Organisation = await createOrganisation(prisma);
  const sellers: Record<string, TestUser[]> = { [org.north.id]: [org.northSales, org.northSales2, org.northManager], [org.south.id]: [org.southSales, org.southManager] };
  const leadPipeline = await insertPipeline(prisma, { name: 'Leads', kind: 'LEAD', position: 0, probabilities: [10, 20, 30] });
  const dealPipelines = [await insertPipeline(prisma, { name: 'Projekte', kind: 'DEAL', position: 1, probabilities: [10, 30, 60, 90] }), await insertPipeline(prisma, { name: 'Service', kind: 'DEAL', position: 2, probabilities: [20, 50, 80] })];
  const lossReasons = await Promise.all(['Preis', 'Wettbewerb', 'Kein Bedarf'].map((name, position) => prisma.lossReason.create({ data: { name: `KPI ${name}`, position } })));
  const products = await Promise.all(['Maschine', 'Schulung', 'Wartung'].map((name, i) => prisma.product.create({ data: { sku: `KPI-${i}`, name: `KPI ${name}`, unitPrice: '100.00' } })));

  const accounts: Array<{ id: string; teamId: string; ownerId: string; name: string; statusKey: string; customerSince: Date | null }> = [];
  for (const teamId of [org.north.id, org.south.id]) {
    for (let n = 0; n < 15; n++) {
      const customer = rnd.chance(0.4);
      accounts.push({ id: randomUUID(), teamId, ownerId: rnd.pick(sellers[teamId]).id, name: `KPI ${teamId === org.north.id ? 'Nord' : 'Süd'} ${String(n).padStart(2, '0')}`, statusKey: customer ? 'CUSTOMER' : 'PROSPECT', customerSince: customer ? new Date(now.getTime() - rnd.int(1, 700) * DAY) : null });
    }
  }
  await prisma.account.createMany({ data: accounts.map((a) => ({ ...a, normalizedName: a.name.toLowerCase().replace(/[^a-z0-9]+/g, '') })) });
  const contacts = accounts.map((account) => ({ id: randomUUID(), accountId: account.id, teamId: account.teamId, ownerId: account.ownerId, firstName: 'Kim', lastName: account.name, statusKey: 'PROSPECT' }));
  await prisma.contact.createMany({ data: contacts });

  const opportunities: GenOpportunity[] = [];
  for (let n = 0; n < 400; n++) {
    const teamId = rnd.chance(0.55) ? org.north.id : org.south.id;
    const account = rnd.pick(accounts.filter((a) => a.teamId === teamId));
    const createdAt = new Date(now.getTime() - rnd.int(1, 700) * DAY - offset());
    const lead = rnd.chance(0.55);
    const pipeline = lead ? leadPipeline : rnd.pick(dealPipelines);
    const amount = rnd.int(1_000_00, 100_000_00);
    const stage = pipeline.stages[0];
    const initial: OppState = {
      kind: lead ? 'LEAD' : 'DEAL', status: 'OPEN', ownerId: rnd.pick(sellers[teamId]).id, teamId, pipelineId: pipeline.id, stageId: stage.id, amount, probability: stage.probability,
      weightedAmount: Math.round((amount * stage.probability) / 100), expectedCloseDate: addDays(berlinDay(createdAt), rnd.int(20, 200)), closedAt: null, lossReasonId: null,
    };
    const state = { ...initial };
    const changes: OppChange[] = [];
    const change = (at: Date, values: Partial<OppState>) => {
      for (const [field, value] of Object.entries(values) as Array<[keyof OppState, never]>) {
        if (state[field] === value) continue;
        changes.push({ at, field, oldValue: historyValue(field, state[field]), newValue: historyValue(field, value) });
        (state as Record<string, unknown>)[field] = value;
      }
    };
    let at = createdAt;
    for (let step = rnd.int(0, 5); step > 0; step--) {
      at = new Date(at.getTime() + rnd.int(1, 70) * DAY + rnd.int(0, DAY - 1));
      if (at >= now || state.status !== 'OPEN') break;
      const current = [leadPipeline, ...dealPipelines].find((p) => p.id === state.pipelineId)!;
      const position = current.stages.findIndex((s) => s.id === state.stageId);
      const roll = rnd.next();
      if (roll < 0.35 && position < current.stages.length - 1) {
        const next = current.stages[position + 1];
        change(at, { stageId: next.id, probability: next.probability, weightedAmount: Math.round((state.amount * next.probability) / 100) });
      } else if (roll < 0.5 && state.kind === 'LEAD') {
        const target = rnd.pick(dealPipelines);
        change(at, { kind: 'DEAL', pipelineId: target.id, stageId: target.stages[0].id, probability: target.stages[0].probability, weightedAmount: Math.round((state.amount * target.stages[0].probability) / 100) });
      } else if (roll < 0.6) {
        const newAmount = rnd.int(1_000_00, 100_000_00);
        change(at, { amount: newAmount, weightedAmount: Math.round((newAmount * state.probability) / 100), expectedCloseDate: addDays(berlinDay(at), rnd.int(10, 300)) });
      } else if (roll < 0.68) {
        change(at, { ownerId: rnd.pick(sellers[teamId]).id });
      } else if (roll < 0.84) {
        change(at, { status: 'WON', closedAt: at.toISOString(), probability: 100, weightedAmount: state.amount });
      } else {
        change(at, { status: 'LOST', closedAt: at.toISOString(), probability: 0, weightedAmount: 0, lossReasonId: rnd.chance(0.9) ? rnd.pick(lossReasons).id : null });
      }
    }
    const lastActivityAt = rnd.chance(0.5) ? new Date(now.getTime() - rnd.int(0, 60) * DAY - offset()) : null;
    opportunities.push({ id: randomUUID(), accountId: account.id, createdAt, lastActivityAt: lastActivityAt && lastActivityAt > createdAt ? lastActivityAt : null, initial, changes, state });
  }
  await prisma.opportunity.createMany({
    data: opportunities.map((o, n) => ({
      id: o.id, title: `KPI Chance ${n}`, accountId: o.accountId, ...o.state, amount: money(o.state.amount), weightedAmount: money(o.state.weightedAmount),
      expectedCloseDate: new Date(`${o.state.expectedCloseDate}T00:00:00Z`), closedAt: o.state.closedAt ? new Date(o.state.closedAt) : null, createdAt: o.createdAt, stageEnteredAt: o.createdAt, lastActivityAt: o.lastActivityAt,
    })),
  });
  await prisma.opportunityChange.createMany({
    data: opportunities.flatMap((o) => [
      { opportunityId: o.id, changedAt: o.createdAt, field: 'CREATED', newValue: Object.fromEntries(Object.entries(o.initial).map(([field, value]) => [field, historyValue(field as keyof OppState, value)])) },
      ...o.changes.map((c) => ({ opportunityId: o.id, changedAt: c.at, field: c.field, oldValue: c.oldValue ?? undefined, newValue: c.newValue ?? undefined })),
    ]),
  });

  const { quotes, orders, invoices } = documents(rnd, opportunities, products.map((p) => p.id), now, today);
  await prisma.quote.createMany({ data: quotes.map((q, n) => ({ id: q.id, number: `KQ-${n}`, opportunityId: q.opportunityId, accountId: q.accountId, ownerId: q.ownerId, teamId: q.teamId, title: 'Angebot', status: q.status as never, validUntil: new Date(q.createdAt.getTime() + 30 * DAY), sentAt: q.sentAt, decidedAt: q.decidedAt, netAmount: money(q.net), taxAmount: money(Math.round(q.net * 0.19)), grossAmount: money(q.net + Math.round(q.net * 0.19)), createdAt: q.createdAt })) });
  await prisma.order.createMany({ data: orders.map((o, n) => ({ id: o.id, number: `KO-${n}`, opportunityId: o.opportunityId, accountId: o.accountId, ownerId: o.ownerId, teamId: o.teamId, title: 'Auftrag', status: o.status as never, orderDate: new Date(`${o.orderDate}T00:00:00Z`), deliveryDate: o.deliveryDate ? new Date(`${o.deliveryDate}T00:00:00Z`) : null, netAmount: money(o.net), taxAmount: '0', grossAmount: money(o.net) })) });
  // Lines go in with their invoice, in its transaction (issued invoices' lines are immutable).
  await prisma.$transaction([prisma.invoice.createMany({ data: invoices.map((i, n) => ({ id: i.id, number: `KR-${n}`, opportunityId: i.opportunityId, accountId: i.accountId, ownerId: i.ownerId, teamId: i.teamId, title: 'Rechnung', status: i.status as never, issueDate: new Date(`${i.issueDate}T00:00:00Z`), dueDate: new Date(`${i.dueDate}T00:00:00Z`), paidDate: i.paidDate ? new Date(`${i.paidDate}T00:00:00Z`) : null, recipientName: 'Kunde', netAmount: money(i.net), taxAmount: money(i.gross - i.net), grossAmount: money(i.gross) })) }),
    prisma.invoiceLine.createMany({ data: invoices.flatMap((i) => i.lines.map((l, position) => ({ invoiceId: i.id, position, productId: l.productId, description: 'Position', quantity: String(l.quantity), unit: 'Stk.', unitPrice: money(l.net), taxRate: '19', netAmount: money(l.net) }))) })]);

  const year = Number(today.slice(0, 4));
  const budgets: GenBudget[] = [];
  for (const teamId of [org.north.id, org.south.id]) for (const y of [year - 2, year - 1, year]) budgets.push({ teamId, userId: null, year: y, months: Array.from({ length: 12 }, () => rnd.int(50_000_00, 150_000_00)) });
  budgets.push({ teamId: org.north.id, userId: org.northSales.id, year, months: Array.from({ length: 12 }, () => rnd.int(10_000_00, 40_000_00)) });
  for (const budget of budgets) {
    await prisma.budget.create({ data: { year: budget.year, teamId: budget.teamId, userId: budget.userId, split: 'EVEN', total: money(budget.months.reduce((a, b) => a + b, 0)), months: { create: budget.months.map((amount, i) => ({ month: i + 1, amount: money(amount) })) } } });
  }

  const activities: GenActivity[] = [];
  for (let n = 0; n < 600; n++) {
    const opportunity = rnd.pick(opportunities);
    const createdAt = new Date(now.getTime() - rnd.int(0, 700) * DAY - offset());
    const doneAt = rnd.chance(0.6) ? new Date(Math.min(now.getTime() - 1000, createdAt.getTime() + rnd.int(0, 20) * DAY)) : null;
    const dueAt = rnd.chance(0.85) ? new Date(createdAt.getTime() + rnd.int(-2, 40) * DAY) : null;
    activities.push({ id: randomUUID(), type: rnd.pick(['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE']), teamId: opportunity.state.teamId, assigneeId: rnd.pick(sellers[opportunity.state.teamId]).id, opportunityId: opportunity.id, accountId: opportunity.accountId, createdAt, dueAt, doneAt });
  }
  await prisma.activity.createMany({ data: activities.map((a) => ({ ...a, type: a.type as never, subject: 'KPI Aktivität', createdById: a.assigneeId })) });

  return { org, now, today, leadPipeline, dealPipelines, lossReasons, products, accounts, contacts, opportunities, quotes, orders, invoices, budgets, activities };
}

export type KpiWorld = Awaited<ReturnType<typeof createKpiWorld>>;

function documents(rnd: ReturnType<typeof random>, opportunities: GenOpportunity[], productIds: string[], now: Date, today: string) {
  const quotes: GenQuote[] = [];
  const orders: GenOrder[] = [];
  const invoices: GenInvoice[] = [];
  const before = (at: number) => new Date(Math.min(at, now.getTime() - 1000));
  for (const o of opportunities) {
    if (o.state.kind !== 'DEAL' || !rnd.chance(0.6)) continue;
    const base = { opportunityId: o.id, accountId: o.accountId, ownerId: o.state.ownerId, teamId: o.state.teamId };
    const createdAt = before(o.createdAt.getTime() + rnd.int(0, 20) * DAY);
    const status = o.state.status === 'WON' ? 'ACCEPTED' : o.state.status === 'LOST' ? 'REJECTED' : rnd.pick(['DRAFT', 'SENT', 'SENT', 'EXPIRED']);
    const sentAt = status === 'DRAFT' ? null : before(createdAt.getTime() + rnd.int(0, 5) * DAY + 3_600_000);
    const decidedAt = sentAt && status !== 'SENT' ? before(sentAt.getTime() + rnd.int(1, 30) * DAY) : null;
    quotes.push({ id: randomUUID(), ...base, status, createdAt, sentAt, decidedAt, net: o.state.amount });
    if (status !== 'ACCEPTED') continue;
    const orderDate = berlinDay(decidedAt!);
    const delivery = addDays(orderDate, rnd.int(5, 60));
    const cancelled = rnd.chance(0.1);
    const orderStatus = cancelled ? 'CANCELLED' : delivery <= today && rnd.chance(0.85) ? 'DELIVERED' : 'OPEN';
    orders.push({ id: randomUUID(), ...base, status: orderStatus, orderDate, deliveryDate: orderStatus === 'DELIVERED' ? delivery : null, net: o.state.amount });
    if (cancelled) continue;
    let issueDate = addDays(orderDate, rnd.int(0, 30));
    if (issueDate > today) issueDate = today;
    const dueDate = addDays(issueDate, 30);
    const roll = rnd.next();
    let paidDate: string | null = roll < 0.7 ? addDays(issueDate, rnd.int(3, 50)) : null;
    if (paidDate && paidDate > today) paidDate = null;
    const invoiceStatus = roll > 0.95 ? 'CANCELLED' : paidDate ? 'PAID' : 'OPEN';
    const first = Math.round(o.state.amount * 0.7);
    const lines = [{ productId: rnd.pick(productIds), net: first, quantity: rnd.int(1, 5) }, { productId: rnd.pick(productIds), net: o.state.amount - first, quantity: rnd.int(1, 5) }];
    invoices.push({ id: randomUUID(), ...base, status: invoiceStatus, issueDate, dueDate, paidDate: invoiceStatus === 'PAID' ? paidDate : null, net: o.state.amount, gross: o.state.amount + Math.round(o.state.amount * 0.19), lines });
  }
  return { quotes, orders, invoices };
}
