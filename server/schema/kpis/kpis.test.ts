import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedContacts, expectedDocumentFigures, expectedOpportunityFigures, type Filter } from '../../test/kpi-expected.ts';
import { createKpiWorld, type KpiWorld } from '../../test/kpi-world.ts';
import { createTestApp, globalId, type TestApp } from '../../test/test-app.ts';
import { normalize, OPPORTUNITY_FIGURES, DOCUMENT_FIGURES, CONTACT_FIGURES } from '../../test/kpi-queries.ts';

// Known answers: every figure is computed in the test from the generated records (kpi-expected.ts)
// and compared with what the API computes in SQL, for several periods, viewers and scopes.

let t: TestApp;
let world: KpiWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createKpiWorld(t.prisma);
}, 120_000);
afterAll(() => t.close());

const both = () => [world.org.north.id, world.org.south.id];
const year = () => Number(world.today.slice(0, 4));

function periods() {
  const y = year();
  return {
    lastYear: { from: `${y - 1}-01-01`, to: `${y}-01-01` },
    thisYear: { from: `${y}-01-01`, to: `${y + 1}-01-01` },
    span: { from: `${y - 2}-11-15`, to: `${y - 1}-05-10` },
  };
}

async function kpis(query: string, token: string, period: { from: string; to: string }, scope?: Record<string, string[]>) {
  const response = await t.graphql(`query($period: KpiPeriodInput, $scope: KpiScopeInput) { kpis(period: $period, scope: $scope) { ${query} } }`, { period, scope }, token);
  expect(response.errors).toBeUndefined();
  return normalize(response.data.kpis);
}

describe('known answers', () => {
  for (const name of ['lastYear', 'thisYear', 'span'] as const) {
    it(`opportunity figures (leads, deals, forecast) for ${name}`, async () => {
      const period = periods()[name];
      const filter: Filter = { ...period, teams: both() };
      const expected = expectedOpportunityFigures(world, filter);
      const actual = await kpis(OPPORTUNITY_FIGURES, world.org.admin.token, period);
      expect(actual.leads).toEqual(normalize(expected.leads));
      expect(actual.deals).toEqual(normalize(expected.deals));
      expect(actual.quotes.avgSalesCycleDays).toEqual(normalize(expected.salesCycleDays));
      expect(actual.forecast).toEqual(normalize(expected.forecast));
      expect(expected.deals.won.count).toBeGreaterThan(0);
    });

    it(`revenue, cash flow, invoices, quotes, orders, activities, top customers for ${name}`, async () => {
      const period = periods()[name];
      const expected = expectedDocumentFigures(world, { ...period, teams: both() });
      const actual = await kpis(DOCUMENT_FIGURES, world.org.admin.token, period);
      expect(actual).toEqual(normalize(expected));
      expect(expected.revenue.year.count).toBeGreaterThan(0);
    });

    it(`contacts figures for ${name}`, async () => {
      const period = periods()[name];
      expect(await kpis(CONTACT_FIGURES, world.org.admin.token, period)).toEqual(normalize({ contacts: expectedContacts(world, { ...period, teams: both() }) }));
    });
  }

  it('narrows every family by owner and by pipeline', async () => {
    const period = periods().lastYear;
    const owner = world.org.northSales.id;
    const byOwner = { ...period, teams: both(), ownerIds: [owner] };
    const ownerScope = { ownerIds: [globalId('User', owner)] };
    const owned = await kpis(`${OPPORTUNITY_FIGURES} ${DOCUMENT_FIGURES}`, world.org.admin.token, period, ownerScope);
    const ownedOpportunities = expectedOpportunityFigures(world, byOwner);
    expect(owned.deals).toEqual(normalize(ownedOpportunities.deals));
    expect(owned.forecast).toEqual(normalize(ownedOpportunities.forecast));
    const ownedDocuments = normalize(expectedDocumentFigures(world, byOwner));
    expect(owned.revenue).toEqual(ownedDocuments.revenue);
    expect(owned.activities).toEqual(ownedDocuments.activities);
    expect(owned.quotes).toEqual({ ...ownedDocuments.quotes, avgSalesCycleDays: normalize(ownedOpportunities.salesCycleDays) });

    const pipeline = world.dealPipelines[0].id;
    const byPipeline = { ...period, teams: both(), pipelineIds: [pipeline] };
    const piped = await kpis(`${OPPORTUNITY_FIGURES} ${DOCUMENT_FIGURES}`, world.org.admin.token, period, { pipelineIds: [globalId('Pipeline', pipeline)] });
    expect(piped.deals).toEqual(normalize(expectedOpportunityFigures(world, byPipeline).deals));
    const pipedDocuments = normalize(expectedDocumentFigures(world, byPipeline));
    expect(piped.revenue.year).toEqual(pipedDocuments.revenue.year);
    expect(piped.orders).toEqual(pipedDocuments.orders);
  });
});

describe('drill-down of documents, activities and accounts', () => {
  it('lists as many records as the figure counts, adding up to its amount', async () => {
    const period = periods().lastYear;
    const figures = await kpis('revenue { year { count amount } } activities { completed } quotes { sent { count amount } } orders { total } contacts { won }', world.org.admin.token, period);
    const page = async (field: string, figure: string) => {
      const response = await t.graphql(
        `query($figure: Kpi${field}Figure!, $period: KpiPeriodInput) { kpi${field}s: kpi${field === 'Activity' ? 'Activities' : `${field}s`}(figure: $figure, period: $period, first: 100) { totalCount edges { amount } } }`,
        { figure, period },
        world.org.admin.token,
      );
      expect(response.errors).toBeUndefined();
      return response.data[`kpi${field}s`];
    };
    const sum = (edges: Array<{ amount: string }>) => edges.reduce((total, edge) => total + Math.round(Number(edge.amount) * 100), 0);
    const invoices = await page('Invoice', 'REVENUE');
    expect(invoices.totalCount).toBe(figures.revenue.year.count);
    if (invoices.totalCount <= 100) expect((sum(invoices.edges) / 100).toFixed(2)).toBe(figures.revenue.year.amount);
    expect((await page('Quote', 'QUOTES_SENT')).totalCount).toBe(figures.quotes.sent.count);
    expect((await page('Order', 'ORDERS')).totalCount).toBe(figures.orders.total);
    expect((await page('Activity', 'ACTIVITIES_COMPLETED')).totalCount).toBe(figures.activities.completed);
    expect((await page('Account', 'WON')).totalCount).toBe(figures.contacts.won);
  });
});

describe('access', () => {
  it("counts only what the viewer may read: a team's people see their team's totals, the other team's never", async () => {
    const period = periods().lastYear;
    const north = { ...period, teams: [world.org.north.id] };
    const south = { ...period, teams: [world.org.south.id] };
    for (const [viewer, filter] of [[world.org.northSales, north], [world.org.northManager, north], [world.org.southSales, south]] as const) {
      const actual = await kpis(`${OPPORTUNITY_FIGURES} ${DOCUMENT_FIGURES} ${CONTACT_FIGURES}`, viewer.token, period);
      const opportunities = expectedOpportunityFigures(world, filter);
      expect(actual.deals).toEqual(normalize(opportunities.deals));
      expect(actual.leads).toEqual(normalize(opportunities.leads));
      const documents = normalize(expectedDocumentFigures(world, filter));
      expect(actual.revenue).toEqual(documents.revenue);
      expect(actual.customers).toEqual(documents.customers);
      expect(actual.contacts).toEqual(normalize(expectedContacts(world, filter)));
    }
    const all = await kpis('deals { won { count } }', world.org.admin.token, period);
    const northOnly = await kpis('deals { won { count } }', world.org.northSales.token, period);
    expect(northOnly.deals.won.count).toBeLessThan(all.deals.won.count);
  });

  it('a scope naming the other team narrows to nothing rather than revealing it', async () => {
    const period = periods().lastYear;
    const actual = await kpis('deals { won { count amount } } revenue { year { count amount } }', world.org.northSales.token, period, { teamIds: [globalId('Team', world.org.south.id)] });
    expect(actual).toEqual({ deals: { won: { count: 0, amount: '0.00' } }, revenue: { year: { count: 0, amount: '0.00' } } });
  });

  it('refuses SERVICE users and anonymous callers', async () => {
    const service = await t.graphql('{ kpis { deals { won { count } } } }', {}, world.org.service.token);
    expect(service.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.graphql('{ kpis { deals { won { count } } } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
