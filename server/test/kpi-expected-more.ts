import { addDays, berlinDay, DAY, money, type KpiWorld } from './kpi-world.ts';
import { inDays, inPeriod, monthOf, monthsOf, nextMonth, opportunityRows, rate, target, total, type Filter, type Row } from './kpi-expected.ts';

/** Month tab, projections, funnel, sales grid and the remaining monthly lists (admin's view, no scope filters). */
export function expectedMoreFigures(world: KpiWorld, f: Filter) {
  const rows = opportunityRows(world, f);
  const today = world.today;
  const monthFrom = monthOf(today);
  const monthTo = nextMonth(monthFrom);
  const yearFrom = `${today.slice(0, 4)}-01-01`;
  const yearTo = `${Number(today.slice(0, 4)) + 1}-01-01`;
  const openDeals = rows.filter((r) => r.kind === 'DEAL' && r.status === 'OPEN');
  const open = rows.filter((r) => r.status === 'OPEN');
  const closing = (from: string, to: string) => openDeals.filter((r) => r.expectedCloseDate >= from && r.expectedCloseDate < to);
  const weighted = (list: Row[]) => total(list, (r) => r.weightedAmount);
  const invoices = world.invoices.filter((i) => f.teams.includes(i.teamId) && i.status !== 'CANCELLED');
  const revenue = (from: string, to: string) => total(invoices.filter((i) => i.issueDate >= from && i.issueDate < to), (i) => i.net);
  const sum = (a: string, b: string) => (Number(a) + Number(b)).toFixed(2);
  const month = revenue(monthFrom, monthTo);
  const yearToDate = revenue(yearFrom, addDays(today, 1));
  const inPeriodRevenue = invoices.filter((i) => inDays(i.issueDate, f));
  const products = world.products
    .map((product) => {
      const lines = inPeriodRevenue.flatMap((i) => i.lines.filter((l) => l.productId === product.id).map((l) => ({ ...l, invoiceId: i.id })));
      return { product: { name: product.name }, quantity: lines.reduce((s, l) => s + l.quantity, 0).toFixed(2), revenue: { count: new Set(lines.map((l) => l.invoiceId)).size, amount: money(lines.reduce((s, l) => s + l.net, 0)) } };
    })
    .filter((row) => row.revenue.count > 0)
    .sort((a, b) => Number(b.revenue.amount) - Number(a.revenue.amount) || a.product.name.localeCompare(b.product.name));
  const pipelines = [world.leadPipeline, ...world.dealPipelines].map((pipeline) => {
    const list = open.filter((r) => r.pipelineId === pipeline.id);
    return { pipeline: { name: pipeline.name }, ...total(list, (r) => r.amount), weightedAmount: money(list.reduce((s, r) => s + r.weightedAmount, 0)) };
  });
  const orders = world.orders.filter((o) => f.teams.includes(o.teamId) && o.status !== 'CANCELLED' && inDays(o.orderDate, f));
  return {
    month: {
      deals: { closingThisMonth: total(closing(monthFrom, monthTo), (r) => r.amount) },
      revenue: {
        month,
        forecastMonth: { actual: month, weightedOpenDeals: weighted(closing(today, monthTo)), total: sum(month.amount, weighted(closing(today, monthTo)).amount) },
        projectedYear: { actual: yearToDate, weightedOpenDeals: weighted(closing(today, yearTo)), total: sum(yearToDate.amount, weighted(closing(today, yearTo)).amount) },
        monthTargetVsActual: { month: monthFrom, target: target(world, f, monthFrom), actual: month.amount },
        byPipeline: pipelines,
      },
      products: { top: products.slice(0, 10) },
    },
    byCloseMonth: monthsOf(f).map((m) => {
      const list = open.filter((r) => inDays(r.expectedCloseDate, f) && monthOf(r.expectedCloseDate) === m);
      return { month: m, ...total(list, (r) => r.amount), weightedAmount: money(list.reduce((s, r) => s + r.weightedAmount, 0)) };
    }),
    ordersIntake: monthsOf(f).map((m) => ({ month: m, ...total(orders.filter((o) => monthOf(o.orderDate) === m), (o) => o.net) })),
    leadsWithoutActivity: total(rows.filter((r) => r.kind === 'LEAD' && r.status === 'OPEN' && r.inactiveSince.getTime() < world.now.getTime() - 14 * DAY), (r) => r.amount),
    funnel: expectedFunnel(world, f, rows),
    bySalesperson: expectedSalesGrid(f, rows),
  };
}

function expectedFunnel(world: KpiWorld, f: Filter, rows: Row[]) {
  const stages = new Map([world.leadPipeline, ...world.dealPipelines].flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, { ...stage, pipelineId: pipeline.id }])));
  const entered = new Map<string, number>();
  const advanced = new Map<string, number>();
  const now = f.asOf ?? new Date(8.64e15);
  for (const row of rows) {
    const opportunity = world.opportunities.find((o) => o.id === row.id)!;
    const entries = [{ stageId: opportunity.initial.stageId, at: opportunity.createdAt }, ...opportunity.changes.filter((c) => c.field === 'stageId' && c.at <= now).map((c) => ({ stageId: c.newValue as string, at: c.at }))];
    const firsts = new Map<string, Date>();
    for (const entry of entries) if (inPeriod(entry.at, f) && !firsts.has(entry.stageId)) firsts.set(entry.stageId, entry.at);
    for (const [stageId, at] of firsts) {
      const stage = stages.get(stageId)!;
      entered.set(stageId, (entered.get(stageId) ?? 0) + 1);
      const later = entries.some((e) => stages.get(e.stageId)!.pipelineId === stage.pipelineId && stages.get(e.stageId)!.position > stage.position && e.at >= at);
      const won = row.status === 'WON' && new Date(row.closedAt!) >= at;
      if (later || won) advanced.set(stageId, (advanced.get(stageId) ?? 0) + 1);
    }
  }
  return [...stages.values()]
    .map((stage) => {
      const list = rows.filter((r) => r.status === 'OPEN' && r.stageId === stage.id);
      const n = entered.get(stage.id) ?? 0;
      const a = advanced.get(stage.id) ?? 0;
      return { stage: { name: stage.name }, ...total(list, (r) => r.amount), entered: n, advanced: a, conversionToNext: rate(a, n) };
    })
    .filter((row) => row.count > 0 || row.entered > 0);
}

function expectedSalesGrid(f: Filter, rows: Row[]) {
  const quarterOf = (day: string) => `${day.slice(0, 4)}-${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const quarters = [...new Set(monthsOf(f).map(quarterOf))];
  const won = rows.filter((r) => r.kind === 'DEAL' && r.status === 'WON' && inPeriod(r.closedAt, f));
  const closing = rows.filter((r) => r.kind === 'DEAL' && r.status === 'OPEN' && inDays(r.expectedCloseDate, f));
  const owners = [...new Set([...won, ...closing].map((r) => r.ownerId))];
  return new Map(
    owners.map((ownerId) => [
      ownerId,
      quarters.map((start) => ({
        start,
        won: total(won.filter((r) => r.ownerId === ownerId && quarterOf(berlinDay(new Date(r.closedAt!))) === start), (r) => r.amount),
        open: total(closing.filter((r) => r.ownerId === ownerId && quarterOf(r.expectedCloseDate) === start), (r) => r.amount),
      })),
    ]),
  );
}
