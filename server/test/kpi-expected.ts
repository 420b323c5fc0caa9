import { berlinDay, DAY, money, replay, type GenOpportunity, type KpiWorld, type OppState } from './kpi-world.ts';

/**
 * The KPI figures of kpis.md computed in TypeScript from the generated world's in-memory records
 * (not from the database), for the known-answer tests. `teams` is what the viewer may read.
 */
export interface Filter {
  from: string;
  to: string;
  teams: string[];
  ownerIds?: string[];
  pipelineIds?: string[];
  /** Reconstruct the opportunities at this moment (and let "now" mean it). */
  asOf?: Date;
}

export interface Row extends OppState {
  id: string;
  accountId: string;
  createdAt: Date;
  inactiveSince: Date;
  convertedAt: Date | null;
  initialLead: boolean;
  dealSince: Date | null;
}

export const total = <T>(rows: T[], amount: (row: T) => number) => ({ count: rows.length, amount: money(rows.reduce((sum, row) => sum + amount(row), 0)) });
export const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
export const inDays = (day: string, f: Filter) => day >= f.from && day < f.to;
export const inPeriod = (at: Date | string | null, f: Filter) => at !== null && inDays(berlinDay(new Date(at)), f);
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

export function monthsOf(f: Filter): string[] {
  const months: string[] = [];
  for (let month = monthOf(f.from); month < f.to; month = nextMonth(month)) months.push(month);
  return months;
}
export const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

export function opportunityRows(world: KpiWorld, f: Filter): Row[] {
  const at = f.asOf ?? new Date(8.64e15);
  return world.opportunities.flatMap((o: GenOpportunity) => {
    const state = replay(o, at);
    if (!state || !f.teams.includes(o.state.teamId)) return [];
    if (f.ownerIds?.length && !f.ownerIds.includes(state.ownerId)) return [];
    if (f.pipelineIds?.length && !f.pipelineIds.includes(state.pipelineId)) return [];
    const conversion = o.changes.find((c) => c.field === 'kind' && c.newValue === 'DEAL' && c.at <= at);
    const convertedAt = conversion?.at ?? null;
    return [{
      ...state, id: o.id, accountId: o.accountId, createdAt: o.createdAt, inactiveSince: f.asOf ? inactiveSinceAsOf(world, o, at) : (o.lastActivityAt ?? o.createdAt), convertedAt,
      initialLead: o.initial.kind === 'LEAD', dealSince: state.kind === 'DEAL' ? (convertedAt ?? o.createdAt) : null,
    }];
  });
}

/** As of a past moment, from the activities created by then (the world's have no events and stay as they are). */
function inactiveSinceAsOf(world: KpiWorld, o: GenOpportunity, at: Date): Date {
  const moments = world.activities
    .filter((a) => a.opportunityId === o.id && a.createdAt <= at)
    .flatMap((a) => [a.createdAt, ...(a.doneAt && a.doneAt <= at ? [a.doneAt] : [])]);
  return moments.length ? new Date(Math.max(...moments.map((moment) => moment.getTime()))) : o.createdAt;
}

const days = (end: Date | string, start: Date) => (new Date(end).getTime() - start.getTime()) / DAY;

export function expectedOpportunityFigures(world: KpiWorld, f: Filter) {
  const rows = opportunityRows(world, f);
  const now = f.asOf ?? world.now;
  const amount = (row: Row) => row.amount;
  const weighted = (row: Row) => row.weightedAmount;
  const leadsCreated = rows.filter((r) => r.initialLead && inPeriod(r.createdAt, f));
  const closed = (kind: string, status: string) => rows.filter((r) => r.kind === kind && r.status === status && inPeriod(r.closedAt, f));
  const leadsSettled = rows.filter((r) => inPeriod(r.convertedAt, f) || (r.kind === 'LEAD' && r.status !== 'OPEN' && inPeriod(r.closedAt, f)));
  const dealsClosed = rows.filter((r) => r.kind === 'DEAL' && r.status !== 'OPEN' && inPeriod(r.closedAt, f));
  const openDeals = rows.filter((r) => r.kind === 'DEAL' && r.status === 'OPEN');
  const openLeads = rows.filter((r) => r.kind === 'LEAD' && r.status === 'OPEN');
  const lossReasons = (lost: Row[]) => {
    const names = new Map(world.lossReasons.map((reason) => [reason.id, reason.name]));
    const groups = new Map<string | null, Row[]>();
    for (const row of lost) groups.set(row.lossReasonId, [...(groups.get(row.lossReasonId) ?? []), row]);
    return [...groups].map(([id, list]) => ({ lossReason: id ? { name: names.get(id) } : null, ...total(list, amount) })).sort(byReason);
  };
  const staleBefore = now.getTime() - 14 * DAY;
  const stages = [world.leadPipeline, ...world.dealPipelines].flatMap((pipeline) => pipeline.stages.map((stage) => ({ pipeline, stage })));
  const byStage = (open: Row[]) =>
    stages
      .map(({ stage }) => {
        const list = open.filter((r) => r.stageId === stage.id);
        return { stage: { name: stage.name }, ...total(list, amount), weightedAmount: money(list.reduce((s, r) => s + r.weightedAmount, 0)) };
      })
      .filter((row) => row.count > 0);
  const won = closed('DEAL', 'WON');
  return {
    leads: {
      total: total(leadsCreated, amount),
      toDealRate: rate(leadsCreated.filter((r) => r.kind === 'DEAL').length, leadsCreated.length),
      won: total(closed('LEAD', 'WON'), amount),
      lost: total(closed('LEAD', 'LOST'), amount),
      avgDwellDays: average(leadsSettled.map((r) => days(inPeriod(r.convertedAt, f) ? r.convertedAt! : r.closedAt!, r.createdAt))),
      lossReasons: lossReasons(closed('LEAD', 'LOST')),
      open: { ...total(openLeads, amount), weightedAmount: money(openLeads.reduce((s, r) => s + weighted(r), 0)) },
      intake: monthsOf(f).map((month) => ({ month, ...total(leadsCreated.filter((r) => monthOf(berlinDay(r.createdAt)) === month), amount) })),
    },
    deals: {
      total: total(rows.filter((r) => r.dealSince && inPeriod(r.dealSince, f)), amount),
      winRate: rate(won.length, dealsClosed.length),
      won: total(won, amount),
      lost: total(closed('DEAL', 'LOST'), amount),
      avgDwellDays: average(dealsClosed.map((r) => days(r.closedAt!, r.dealSince!))),
      weightedOpen: total(openDeals, weighted),
      pipelineValue: total(openDeals, amount),
      byStage: byStage(openDeals),
      lossReasons: lossReasons(closed('DEAL', 'LOST')),
      withoutActivity: total(openDeals.filter((r) => r.inactiveSince.getTime() < staleBefore), amount),
    },
    salesCycleDays: average(won.map((r) => days(r.closedAt!, r.createdAt))),
    forecast: expectedForecast(world, f, rows, byStage),
  };
}

function expectedForecast(world: KpiWorld, f: Filter, rows: Row[], byStage: (open: Row[]) => unknown[]) {
  const now = f.asOf ?? world.now;
  const firstMonth = monthOf(berlinDay(now));
  const months: string[] = [];
  for (let month = firstMonth; months.length < 12; month = nextMonth(month)) months.push(month);
  const openDeals = rows.filter((r) => r.kind === 'DEAL' && r.status === 'OPEN');
  const status = (name: string) => rows.filter((r) => r.status === name && (name === 'OPEN' || inPeriod(r.closedAt, f)));
  return {
    byMonth: months.map((month) => {
      const list = openDeals.filter((r) => monthOf(r.expectedCloseDate) === month);
      return { month, ...total(list, (r) => r.amount), weightedAmount: money(list.reduce((s, r) => s + r.weightedAmount, 0)), target: target(world, f, month) };
    }),
    byStatus: ['OPEN', 'WON', 'LOST'].map((name) => {
      const list = status(name);
      return { status: name, ...total(list, (r) => r.amount), weightedAmount: money(list.reduce((s, r) => s + r.weightedAmount, 0)) };
    }),
    byStage: byStage(rows.filter((r) => r.status === 'OPEN')),
  };
}

/** The month's budget: the owners' own with an owner filter, else the readable teams'. */
export function target(world: KpiWorld, f: Filter, month: string): string {
  const [year, m] = month.split('-').map(Number);
  const budgets = world.budgets.filter((b) => b.year === year && f.teams.includes(b.teamId) && (f.ownerIds?.length ? b.userId !== null && f.ownerIds.includes(b.userId) : b.userId === null));
  return money(budgets.reduce((sum, b) => sum + b.months[m - 1], 0));
}

const byReason = (a: { lossReason: { name?: string } | null }, b: { lossReason: { name?: string } | null }) => (a.lossReason?.name ?? '').localeCompare(b.lossReason?.name ?? '');

/** Pipeline filters narrow documents and activities to those of an opportunity of the pipelines (as they are now). */
function documentInScope(world: KpiWorld, f: Filter, doc: { teamId: string; opportunityId: string }, owner: string) {
  if (!f.teams.includes(doc.teamId)) return false;
  if (f.ownerIds?.length && !f.ownerIds.includes(owner)) return false;
  if (f.pipelineIds?.length) {
    const opportunity = world.opportunities.find((o) => o.id === doc.opportunityId);
    return Boolean(opportunity && f.pipelineIds.includes(opportunity.state.pipelineId));
  }
  return true;
}

export function expectedDocumentFigures(world: KpiWorld, f: Filter) {
  const today = world.today;
  const thisMonth = monthOf(today);
  const invoices = world.invoices.filter((i) => documentInScope(world, f, i, i.ownerId));
  const quotes = world.quotes.filter((q) => documentInScope(world, f, q, q.ownerId));
  const orders = world.orders.filter((o) => documentInScope(world, f, o, o.ownerId));
  const activities = world.activities.filter((a) => documentInScope(world, f, a, a.assigneeId));
  const revenue = invoices.filter((i) => i.status !== 'CANCELLED' && inDays(i.issueDate, f));
  const paid = invoices.filter((i) => i.status === 'PAID' && inDays(i.paidDate!, f));
  const net = (i: { net: number }) => i.net;
  const gross = (i: { gross: number }) => i.gross;
  const decided = quotes.filter((q) => ['ACCEPTED', 'REJECTED', 'EXPIRED'].includes(q.status) && inPeriod(q.decidedAt, f));
  const sent = quotes.filter((q) => inPeriod(q.sentAt, f));
  const created = quotes.filter((q) => inPeriod(q.createdAt, f));
  const status = new Map(world.opportunities.map((o) => [o.id, o.state.status]));
  const dated = orders.filter((o) => o.status !== 'CANCELLED' && inDays(o.orderDate, f));
  const delivered = orders.filter((o) => o.status === 'DELIVERED' && inDays(o.deliveryDate!, f));
  const dayDiff = (end: string, start: string) => (Date.parse(end) - Date.parse(start)) / DAY;
  const accountName = new Map(world.accounts.map((a) => [a.id, a.name]));
  const byAccount = new Map<string, number>();
  for (const invoice of revenue) byAccount.set(invoice.accountId, (byAccount.get(invoice.accountId) ?? 0) + invoice.net);
  return {
    revenue: {
      year: total(revenue, net),
      byMonth: monthsOf(f).map((month) => {
        const list = revenue.filter((i) => monthOf(i.issueDate) === month);
        return { month, target: target(world, f, month), actual: money(list.reduce((s, i) => s + i.net, 0)), invoiceCount: list.length };
      }),
    },
    cashflow: {
      byMonth: monthsOf(f).map((month) => ({
        month,
        received: total(paid.filter((i) => monthOf(i.paidDate!) === month), gross),
        due: total(invoices.filter((i) => i.status !== 'CANCELLED' && inDays(i.dueDate, f) && monthOf(i.dueDate) === month), gross),
      })),
    },
    invoices: {
      overdue: total(invoices.filter((i) => i.status === 'OPEN' && i.dueDate < today), gross),
      dueThisMonth: total(invoices.filter((i) => i.status === 'OPEN' && monthOf(i.dueDate) === thisMonth), gross),
      avgPaymentDays: average(paid.map((i) => dayDiff(i.paidDate!, i.issueDate))),
      onTimeRate: rate(paid.filter((i) => i.paidDate! <= i.dueDate).length, paid.length),
    },
    quotes: {
      volume: total(created, net),
      open: total(quotes.filter((q) => q.status === 'DRAFT' || q.status === 'SENT'), net),
      acceptanceRate: rate(decided.filter((q) => q.status === 'ACCEPTED').length, decided.length),
      avgRuntimeDays: average(decided.map((q) => days(q.decidedAt!, q.createdAt))),
      sent: total(sent, net),
      conversionRate: rate(sent.filter((q) => status.get(q.opportunityId) === 'WON').length, sent.length),
    },
    orders: {
      volume: money(dated.reduce((s, o) => s + o.net, 0)),
      total: dated.length,
      avgDeliveryDays: average(delivered.map((o) => dayDiff(o.deliveryDate!, o.orderDate))),
    },
    activities: {
      open: activities.filter((a) => !a.doneAt).length,
      overdue: activities.filter((a) => !a.doneAt && a.dueAt && a.dueAt < world.now).length,
      completed: activities.filter((a) => inPeriod(a.doneAt, f)).length,
      byType: ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE'].map((type) => ({ type, count: activities.filter((a) => a.type === type && inPeriod(a.createdAt, f)).length })),
    },
    customers: {
      top10: [...byAccount]
        .sort(([a, x], [b, y]) => y - x || accountName.get(a)!.localeCompare(accountName.get(b)!))
        .slice(0, 10)
        .map(([id, cents]) => ({ account: { name: accountName.get(id) }, revenue: { amount: money(cents) } })),
    },
  };
}

export function expectedContacts(world: KpiWorld, f: Filter) {
  const accounts = world.accounts.filter((a) => f.teams.includes(a.teamId));
  const activities = world.activities.filter((a) => f.teams.includes(a.teamId) && (inPeriod(a.createdAt, f) || inPeriod(a.doneAt, f)));
  const opportunities = world.opportunities.filter((o) => f.teams.includes(o.state.teamId));
  const lost = accounts.filter((account) => {
    const own = opportunities.filter((o) => o.accountId === account.id);
    const closedInPeriod = own.filter((o) => inPeriod(o.state.closedAt, f));
    return closedInPeriod.length > 0 && closedInPeriod.every((o) => o.state.status === 'LOST') && !own.some((o) => o.state.status === 'OPEN');
  });
  return {
    all: { accounts: accounts.length, contacts: world.contacts.filter((c) => f.teams.includes(c.teamId)).length },
    active: { accounts: accounts.filter((a) => activities.some((act) => act.accountId === a.id)).length, contacts: 0 },
    won: accounts.filter((a) => inPeriod(a.customerSince, f)).length,
    lost: lost.length,
  };
}


