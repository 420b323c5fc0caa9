import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../test/kpi-queries.ts';
import { createKpiWorld, money, type KpiWorld } from '../../test/kpi-world.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../../test/test-app.ts';

// The drill-downs the dashboard's grouped figures open: a loss reason's row (also "no reason"),
// a cell of the sales grid (owner and month or quarter), a team's row (team and owned revenue).
// Each lists exactly what the figure counts, and only what the viewer may read.

let t: TestApp;
let world: KpiWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createKpiWorld(t.prisma, 57);
}, 120_000);
afterAll(() => t.close());

const year = () => Number(world.today.slice(0, 4));
const lastYear = () => ({ from: `${year() - 1}-01-01`, to: `${year()}-01-01` });

async function kpis(selection: string, token: string, variables: Record<string, unknown> = {}) {
  const response = await t.graphql(`query($period: KpiPeriodInput, $scope: KpiScopeInput) { kpis(period: $period, scope: $scope) { ${selection} } }`, variables, token);
  expect(response.errors).toBeUndefined();
  return normalize(response.data.kpis);
}

/** Every record of a drill-down (all pages): ids, how many, and the sum of the amounts they add. */
async function records(field: 'kpiOpportunities' | 'kpiInvoices', token: string, variables: Record<string, unknown>) {
  const figureType = field === 'kpiOpportunities' ? 'KpiOpportunityFigure' : 'KpiInvoiceFigure';
  const query = `query($figure: ${figureType}!, $period: KpiPeriodInput, $scope: KpiScopeInput, $group: KpiGroupInput, $after: String) {
    ${field}(figure: $figure, period: $period, scope: $scope, group: $group, first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { amount node { id } } } }`;
  const ids: string[] = [];
  let cents = 0;
  let after: string | null = null;
  let totalCount = 0;
  do {
    const response = await t.graphql(query, { ...variables, after }, token);
    expect(response.errors).toBeUndefined();
    const connection = response.data[field];
    totalCount = connection.totalCount;
    for (const edge of connection.edges) {
      ids.push(edge.node.id);
      cents += Math.round(Number(edge.amount) * 100);
    }
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
  return { ids, totalCount, amount: money(cents) };
}

describe('loss reasons', () => {
  it('a row without a reason opens the lost deals without one; with the named reasons they make up deals.lost', async () => {
    const period = lastYear();
    const figures = await kpis('deals { lost { count } lossReasons { lossReason { id } count amount } }', world.org.admin.token, { period });
    const none = figures.deals.lossReasons.find((row: any) => row.lossReason === null);
    expect(none?.count).toBeGreaterThan(0);
    const withoutReason = await records('kpiOpportunities', world.org.admin.token, { figure: 'DEALS_LOST', period, group: { noLossReason: true } });
    expect(withoutReason.totalCount).toBe(none.count);
    expect(withoutReason.amount).toBe(none.amount);
    const expected = world.opportunities.filter((o) => o.state.kind === 'DEAL' && o.state.status === 'LOST' && o.state.lossReasonId === null).map((o) => globalId('Opportunity', o.id));
    expect(withoutReason.ids.every((id) => expected.includes(id))).toBe(true);
    let total = 0;
    for (const row of figures.deals.lossReasons) {
      const group = row.lossReason ? { lossReasonId: row.lossReason.id } : { noLossReason: true };
      total += (await records('kpiOpportunities', world.org.admin.token, { figure: 'DEALS_LOST', period, group })).totalCount;
    }
    expect(total).toBe(figures.deals.lost.count);
  });

  it("shows a seller only its team's deals without a reason; refuses SERVICE users and a reason given twice", async () => {
    const period = lastYear();
    const south = await kpis('deals { lossReasons { lossReason { id } count } }', world.org.southSales.token, { period });
    const mine = await records('kpiOpportunities', world.org.southSales.token, { figure: 'DEALS_LOST', period, group: { noLossReason: true } });
    const southIds = new Set(world.opportunities.filter((o) => o.state.teamId === world.org.south.id).map((o) => globalId('Opportunity', o.id)));
    expect(mine.totalCount).toBe(south.deals.lossReasons.find((row: any) => row.lossReason === null)?.count ?? 0);
    expect(mine.ids.every((id) => southIds.has(id))).toBe(true);

    const query = `query($group: KpiGroupInput) { kpiOpportunities(figure: DEALS_LOST, group: $group) { totalCount } }`;
    const service = await t.graphql(query, { group: { noLossReason: true } }, world.org.service.token);
    expect(service.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.graphql(query, { group: { noLossReason: true } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const reason = world.lossReasons[0];
    const both = await t.graphql(query, { group: { noLossReason: true, lossReasonId: globalId('LossReason', reason.id) } }, world.org.admin.token);
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'group.noLossReason', reason: 'INVALID_VALUE' }] });
    const invoices = await t.graphql(`{ kpiInvoices(figure: REVENUE, group: { noLossReason: true }) { totalCount } }`, {}, world.org.admin.token);
    expect(invoices.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'group.noLossReason', reason: 'NOT_APPLICABLE' }] });
  });
});

describe('sales grid and team rows', () => {
  it('the Forecast tab costs as many statements with the grid per month as per quarter', async () => {
    const selection = (interval: string) =>
      `period { from to } forecast { byMonth { month amount } byStage { stage { name } count } byCloseMonth { month count } funnel { stage { name } entered advanced }
        bySalesperson(interval: ${interval}) { user { name } buckets { start won { count amount } open { count amount } } } }`;
    const counts = [];
    for (const interval of ['QUARTER', 'MONTH']) {
      const { statements } = await countStatements(t.db, () => kpis(selection(interval), world.org.admin.token, { period: lastYear() }));
      counts.push(statements.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('a cell opens the owner\'s deals won in its quarter and the open ones expected to close then', async () => {
    const period = lastYear();
    const grid = await kpis('forecast { bySalesperson(interval: QUARTER) { user { id } buckets { start won { count amount } open { count amount } } } }', world.org.admin.token, { period });
    let checked = 0;
    for (const row of grid.forecast.bySalesperson) {
      row.buckets.forEach((bucket: any, index: number) => {
        bucket.to = row.buckets[index + 1]?.start ?? period.to;
      });
      for (const bucket of row.buckets.filter((b: any) => b.won.count > 0 || b.open.count > 0).slice(0, 2)) {
        const cell = { period: { from: bucket.start, to: bucket.to }, scope: { ownerIds: [row.user.id] } };
        const won = await records('kpiOpportunities', world.org.admin.token, { figure: 'DEALS_WON', ...cell });
        const open = await records('kpiOpportunities', world.org.admin.token, { figure: 'DEALS_CLOSING', ...cell });
        expect([won.totalCount, won.amount, open.totalCount, open.amount]).toEqual([bucket.won.count, bucket.won.amount, bucket.open.count, bucket.open.amount]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it("a team's row opens its owned revenue; another team's is not shown to a seller", async () => {
    const period = lastYear();
    const team = await kpis('team { byTeam { team { id } revenue { count amount } won { count } } }', world.org.admin.token, { period });
    expect(team.team.byTeam.length).toBe(2);
    for (const row of team.team.byTeam) {
      const revenue = await records('kpiInvoices', world.org.admin.token, { figure: 'OWNED_REVENUE', period, scope: { teamIds: [row.team.id] } });
      expect([revenue.totalCount, revenue.amount]).toEqual([row.revenue.count, row.revenue.amount]);
      const won = await records('kpiOpportunities', world.org.admin.token, { figure: 'DEALS_WON', period, scope: { teamIds: [row.team.id] } });
      expect(won.totalCount).toBe(row.won.count);
    }
    const northId = globalId('Team', world.org.north.id);
    const foreign = await records('kpiInvoices', world.org.southSales.token, { figure: 'OWNED_REVENUE', period, scope: { teamIds: [northId] } });
    expect(foreign.totalCount).toBe(0);
  });
});
