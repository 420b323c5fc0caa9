import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationCost } from '../../security/query-cost.ts';
import { schema } from '../index.ts';
import { expectedMoreFigures } from '../../test/kpi-expected-more.ts';
import { expectedOpportunityFigures, opportunityRows, type Filter } from '../../test/kpi-expected.ts';
import { normalize, OPPORTUNITY_FIGURES, TAB_QUERIES } from '../../test/kpi-queries.ts';
import { addDays, berlinDay, DAY, money, createKpiWorld, type KpiWorld } from '../../test/kpi-world.ts';
import { countStatements, createTestApp, globalId, testConfig, type TestApp } from '../../test/test-app.ts';

// The dashboard tabs as whole requests: constant statement counts, the Team tab and My board with
// known answers, forecasts as of past days against the history replayed up to that day, and the
// drill-down lists behind the numbers.

let t: TestApp;
let world: KpiWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createKpiWorld(t.prisma, 34);
  const north = world.opportunities.filter((o) => o.state.teamId === world.org.north.id).slice(0, 3);
  const south = world.opportunities.filter((o) => o.state.teamId === world.org.south.id).slice(0, 2);
  await t.prisma.opportunityFollower.createMany({ data: [...north, ...south].map((o) => ({ opportunityId: o.id, userId: world.org.northSales.id })) });
}, 120_000);
afterAll(() => t.close());

const year = () => Number(world.today.slice(0, 4));
const lastYear = () => ({ from: `${year() - 1}-01-01`, to: `${year()}-01-01` });
const both = () => [world.org.north.id, world.org.south.id];

async function kpis(selection: string, token: string, variables: Record<string, unknown> = {}, extraArgs = '') {
  const response = await t.graphql(
    `query($period: KpiPeriodInput, $scope: KpiScopeInput${extraArgs}) { kpis(period: $period, scope: $scope) { ${selection} } }`,
    variables,
    token,
  );
  expect(response.errors).toBeUndefined();
  return response.data.kpis;
}

describe('tabs', () => {
  it('cost a constant number of statements whatever the period, scope and viewer', async () => {
    const counts: Record<string, number[]> = {};
    for (const [tab, selection] of Object.entries(TAB_QUERIES)) {
      for (const [token, variables] of [
        [world.org.admin.token, { period: lastYear() }],
        [world.org.northSales.token, { period: { from: `${year() - 2}-06-01`, to: `${year()}-06-01` } }],
        [world.org.admin.token, { period: lastYear(), scope: { pipelineIds: [globalId('Pipeline', world.dealPipelines[0].id)] } }],
      ] as const) {
        const { statements } = await countStatements(t.db, () => kpis(selection, token, variables));
        (counts[tab] ??= []).push(statements.length);
      }
    }
    // Per tab: the credential (1), the organisation's settings, one statement per family of figures
    // (and per asOf), one per kind of linked record shown (stages, users, loss reasons, ...); My
    // board's eight families (seven of the viewer's, the followed opportunities) in one statement.
    expect(counts).toEqual({ overview: [11, 11, 11], month: [7, 7, 7], team: [6, 6, 6], forecast: [6, 6, 6], my: [3, 3, 3] });
  });

  it('each fit the query cost limit, a monthly list counting every month a period may hold', () => {
    const costs = Object.fromEntries(
      Object.entries(TAB_QUERIES).map(([tab, selection]) => [tab, operationCost({ schema, document: parse(`{ kpis { ${selection} } }`) })!]),
    );
    for (const cost of Object.values(costs)) expect(cost).toBeLessThan(testConfig().limits.maxCost);
    expect(costs.overview).toBeGreaterThan(36 * 4);
  });

  it('Team tab: won, lost, owned and revenue per user and per team', async () => {
    const period = lastYear();
    const actual = normalize(await kpis(TAB_QUERIES.team, world.org.admin.token, { period }));
    const filter: Filter = { ...period, teams: both() };
    const rows = opportunityRows(world, filter);
    const inPeriod = (at: string | null) => at !== null && berlinDay(new Date(at)) >= period.from && berlinDay(new Date(at)) < period.to;
    const owner = new Map(world.opportunities.map((o) => [o.id, o.state]));
    const figures = (match: (ownerId: string, teamId: string) => boolean) => {
      const mine = rows.filter((r) => match(r.ownerId, r.teamId) && r.kind === 'DEAL');
      const sum = (list: typeof mine) => ({ count: list.length, amount: money(list.reduce((s, r) => s + r.amount, 0)) });
      const revenue = world.invoices.filter((i) => i.status !== 'CANCELLED' && i.issueDate >= period.from && i.issueDate < period.to && match(owner.get(i.opportunityId)!.ownerId, owner.get(i.opportunityId)!.teamId));
      return {
        won: sum(mine.filter((r) => r.status === 'WON' && inPeriod(r.closedAt))),
        lost: sum(mine.filter((r) => r.status === 'LOST' && inPeriod(r.closedAt))),
        owned: sum(mine.filter((r) => r.status === 'OPEN')),
        revenue: { count: revenue.length, amount: money(revenue.reduce((s, i) => s + i.net, 0)) },
      };
    };
    const people = [world.org.admin, world.org.northSales, world.org.northSales2, world.org.northManager, world.org.southSales, world.org.southManager];
    const names = new Map((await t.prisma.user.findMany()).map((u) => [u.id, u.name]));
    const expectedUsers = people.map((user) => ({ user: { name: names.get(user.id) }, ...figures((ownerId) => ownerId === user.id) })).sort((a, b) => a.user.name!.localeCompare(b.user.name!));
    expect(actual.team.byUser).toEqual(normalize(expectedUsers));
    expect(actual.team.byTeam).toEqual(normalize([
      { team: { name: 'North' }, ...figures((_, teamId) => teamId === world.org.north.id) },
      { team: { name: 'South' }, ...figures((_, teamId) => teamId === world.org.south.id) },
    ]));
  });

  it("My board: the viewer's own figures, and only the followed opportunities it may read", async () => {
    const me = world.org.northSales;
    const actual = normalize(await kpis(TAB_QUERIES.my, me.token, { period: lastYear() }));
    const open = (kind: string) => world.opportunities.filter((o) => o.state.ownerId === me.id && o.state.kind === kind && o.state.status === 'OPEN');
    const sum = (list: Array<{ state: { amount: number; weightedAmount: number } }>) => ({
      count: list.length, amount: money(list.reduce((s, o) => s + o.state.amount, 0)), weightedAmount: money(list.reduce((s, o) => s + o.state.weightedAmount, 0)),
    });
    const myActivities = world.activities.filter((a) => a.assigneeId === me.id && !a.doneAt);
    const openInvoices = world.invoices.filter((i) => i.ownerId === me.id && i.status === 'OPEN');
    const gross = (list: typeof openInvoices) => ({ count: list.length, amount: money(list.reduce((s, i) => s + i.gross, 0)) });
    const quotes = world.quotes.filter((q) => q.ownerId === me.id && (q.status === 'DRAFT' || q.status === 'SENT'));
    expect(actual.my).toMatchObject(normalize({
      leads: sum(open('LEAD')),
      deals: { open: sum(open('DEAL')) },
      tasks: { open: myActivities.length, overdue: myActivities.filter((a) => a.dueAt && a.dueAt < world.now).length },
      quotes: { count: quotes.length, amount: money(quotes.reduce((s, q) => s + q.net, 0)) },
      invoices: { open: gross(openInvoices), overdue: gross(openInvoices.filter((i) => i.dueDate < world.today)) },
      followed: { count: 3 },
    }));
    const months = actual.my.deals.forecastByMonth;
    expect(months).toHaveLength(12);
    const budget = world.budgets.find((b) => b.userId === me.id)!;
    for (const { month, target } of months) {
      const [y, m] = month.split('-').map(Number);
      expect(target).toBe(y === year() ? money(budget.months[m - 1]) : '0.00');
    }
  });
});

describe('month tab, projections, funnel, sales grid', () => {
  const TOTAL = '{ count amount }';
  const MORE = `deals { closingThisMonth ${TOTAL} }
    revenue { month ${TOTAL} forecastMonth { actual ${TOTAL} weightedOpenDeals ${TOTAL} total } projectedYear { actual ${TOTAL} weightedOpenDeals ${TOTAL} total }
      monthTargetVsActual { month target actual } byPipeline { pipeline { name } count amount weightedAmount } }
    products { top { product { name } quantity revenue ${TOTAL} } }
    forecast { byCloseMonth { month count amount weightedAmount } funnel { stage { name } count amount entered advanced conversionToNext }
      bySalesperson(interval: QUARTER) { user { id } buckets { start won ${TOTAL} open ${TOTAL} } } }
    orders { intake { month count amount } } leads { withoutActivity ${TOTAL} }`;

  for (const which of ['lastYear', 'thisYear'] as const) {
    it(`equal the figures computed from the records (${which})`, async () => {
      const period = which === 'lastYear' ? lastYear() : { from: `${year()}-01-01`, to: `${year() + 1}-01-01` };
      const actual = normalize(await kpis(MORE, world.org.admin.token, { period }));
      const expected = expectedMoreFigures(world, { ...period, teams: both() });
      const fixed = (projection: any) => ({ ...projection, total: Number(projection.total).toFixed(2) });
      expect(actual.deals).toEqual(normalize(expected.month.deals));
      expect({ ...actual.revenue, forecastMonth: fixed(actual.revenue.forecastMonth), projectedYear: fixed(actual.revenue.projectedYear), byPipeline: actual.revenue.byPipeline.filter((row: any) => row.count > 0) })
        .toEqual(normalize({ ...expected.month.revenue, byPipeline: expected.month.revenue.byPipeline.filter((row) => row.count > 0) }));
      expect(actual.products).toEqual(normalize(expected.month.products));
      expect(actual.forecast.byCloseMonth).toEqual(normalize(expected.byCloseMonth));
      expect(actual.forecast.funnel.filter((row: any) => row.count > 0 || row.entered > 0)).toEqual(normalize(expected.funnel));
      expect(new Map(actual.forecast.bySalesperson.map((row: any) => [row.user.id, row.buckets]))).toEqual(
        new Map([...expected.bySalesperson].map(([ownerId, buckets]) => [globalId('User', ownerId), normalize(buckets)])),
      );
      expect(actual.orders.intake).toEqual(normalize(expected.ordersIntake));
      expect(actual.leads.withoutActivity).toEqual(normalize(expected.leadsWithoutActivity));
      expect(expected.funnel.some((row) => row.advanced > 0)).toBe(true);
    });
  }
});

describe('as of a past day', () => {
  const asOfSelection = OPPORTUNITY_FIGURES.replace('quotes { avgSalesCycleDays }', '')
    .replace('leads {', 'leads(asOf: $asOf) {')
    .replace('deals {', 'deals(asOf: $asOf) {')
    .replace('forecast {', 'forecast(asOf: $asOf) {');

  for (const daysBack of [120, 400, 700]) {
    it(`equals the figures of the opportunities as they were ${daysBack} days ago (history replayed to that day)`, async () => {
      const asOf = new Date(world.now.getTime() - daysBack * DAY);
      const day = berlinDay(asOf);
      const period = { from: `${day.slice(0, 4)}-01-01`, to: addDays(day, 1) };
      const actual = normalize(await kpis(asOfSelection, world.org.admin.token, { period, asOf: asOf.toISOString() }, ', $asOf: DateTime'));
      const expected = expectedOpportunityFigures(world, { ...period, teams: both(), asOf });
      expect(actual.leads).toEqual(normalize(expected.leads));
      expect(actual.deals).toEqual(normalize(expected.deals));
      expect(actual.forecast).toEqual(normalize(expected.forecast));
      const now = expectedOpportunityFigures(world, { ...period, teams: both() });
      expect(normalize(now.deals.pipelineValue)).not.toEqual(actual.deals.pipelineValue);
    });
  }

  it('refuses a moment in the future or more than two years back', async () => {
    const query = 'query($asOf: DateTime) { kpis { forecast(asOf: $asOf) { byStatus { count } } } }';
    const future = await t.graphql(query, { asOf: new Date(Date.now() + DAY).toISOString() }, world.org.admin.token);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const old = await t.graphql(query, { asOf: new Date(Date.now() - 800 * DAY).toISOString() }, world.org.admin.token);
    expect(old.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('drill-down', () => {
  const page = `query($figure: KpiOpportunityFigure!, $period: KpiPeriodInput, $scope: KpiScopeInput, $asOf: DateTime, $after: String, $group: KpiGroupInput) {
    kpiOpportunities(figure: $figure, period: $period, scope: $scope, asOf: $asOf, first: 50, after: $after, group: $group) {
      totalCount pageInfo { hasNextPage endCursor } edges { amount node { id title } } } }`;

  async function allRecords(token: string, variables: Record<string, unknown>) {
    const ids: string[] = [];
    let amount = 0;
    let after: string | null = null;
    let totalCount = 0;
    do {
      const response = await t.graphql(page, { ...variables, after }, token);
      expect(response.errors).toBeUndefined();
      const connection = response.data.kpiOpportunities;
      totalCount = connection.totalCount;
      for (const edge of connection.edges) {
        ids.push(edge.node.id);
        amount += Math.round(Number(edge.amount) * 100);
      }
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    return { ids, amount: money(amount), totalCount };
  }

  it('lists exactly the records behind a figure, paged, with the amounts that add up to it', async () => {
    const period = lastYear();
    const figures = normalize(await kpis('deals { won { count amount } lossReasons { lossReason { id } count } }', world.org.admin.token, { period }));
    const won = await allRecords(world.org.admin.token, { figure: 'DEALS_WON', period });
    expect(won.totalCount).toBe(figures.deals.won.count);
    expect(won.ids).toHaveLength(figures.deals.won.count);
    expect(new Set(won.ids).size).toBe(won.ids.length);
    expect(won.amount).toBe(figures.deals.won.amount);
    const reason = figures.deals.lossReasons.find((row: any) => row.lossReason);
    const byReason = await allRecords(world.org.admin.token, { figure: 'DEALS_LOST', period, group: { lossReasonId: reason.lossReason.id } });
    expect(byReason.totalCount).toBe(reason.count);
  });

  it('as of a past day lists the opportunities that were open then', async () => {
    const asOf = new Date(world.now.getTime() - 300 * DAY);
    const records = await allRecords(world.org.admin.token, { figure: 'DEALS_OPEN', asOf: asOf.toISOString() });
    const expected = opportunityRows(world, { from: '2000-01-01', to: '2100-01-01', teams: both(), asOf }).filter((r) => r.kind === 'DEAL' && r.status === 'OPEN');
    expect(records.ids.map((id) => id).sort()).toEqual(expected.map((r) => globalId('Opportunity', r.id)).sort());
  });

  it("shows a viewer only its team's records, in a constant number of statements per page", async () => {
    const period = lastYear();
    const mine = await allRecords(world.org.southSales.token, { figure: 'DEALS_WON', period });
    const southIds = new Set(world.opportunities.filter((o) => o.state.teamId === world.org.south.id).map((o) => globalId('Opportunity', o.id)));
    expect(mine.ids.length).toBeGreaterThan(0);
    expect(mine.ids.every((id) => southIds.has(id))).toBe(true);
    const small = await countStatements(t.db, () => t.graphql(page.replace('first: 50', 'first: 2'), { figure: 'DEALS_CLOSED', period }, world.org.admin.token));
    const large = await countStatements(t.db, () => t.graphql(page, { figure: 'DEALS_CLOSED', period }, world.org.admin.token));
    expect(small.statements.length).toBe(large.statements.length);
  });
});
