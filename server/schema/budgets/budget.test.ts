import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/billing/documents.ts';
import { createInvoice } from '../../domain/billing/invoices.ts';
import { splitTotal } from '../../domain/budgets/budgets.ts';
import { createBillingWorld, type BillingWorld } from '../../test/billing-fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let world: BillingWorld;
const year = today(new Date()).getUTCFullYear();

const CREATE = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) {
  __typename ... on CreateBudgetSuccess { budget { id year total split team { name } user { name } months { month plan actual } actualTotal viewerCanEdit } }
  ... on ValidationError { fieldErrors { field reason } } } }`;

beforeAll(async () => {
  t = await createTestApp();
  world = await createBillingWorld(t.prisma);
});
afterAll(() => t.close());

describe('splitting a yearly budget', () => {
  it('gives twelve months that add up exactly to the total', () => {
    const even = splitTotal('100000.00', Array(12).fill(1));
    expect(even.slice(0, 11).every((month) => month.toFixed(2) === '8333.33')).toBe(true);
    expect(even[11].toFixed(2)).toBe('8333.37');
    const seasonal = splitTotal('1000000', [6, 7, 9, 9, 9, 8, 8, 5, 9, 10, 10, 10]);
    expect(seasonal.map((month) => month.toFixed(0))).toEqual(['60000', '70000', '90000', '90000', '90000', '80000', '80000', '50000', '90000', '100000', '100000', '100000']);
    const odd = splitTotal('0.10', [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(odd.reduce((sum, month) => sum.plus(month)).toFixed(2)).toBe('0.10');
  });
});

describe('budgets', () => {
  let teamBudgetId: string;

  it("are planned by ADMIN and the team's MANAGER for SALES teams, once per team (and member) and year", async () => {
    const team = globalId('Team', world.org.north.id);
    const bySales = await t.graphql(CREATE, { input: { year, teamId: team, total: '120000', split: 'EVEN' } }, world.org.northSales.token);
    expect(bySales.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byOtherManager = await t.graphql(CREATE, { input: { year, teamId: team, total: '120000', split: 'EVEN' } }, world.org.southManager.token);
    expect(byOtherManager.data.createBudget.fieldErrors).toEqual([{ field: 'teamId', reason: 'NOT_FOUND' }]);
    const created = (await t.graphql(CREATE, { input: { year, teamId: team, total: '120000', split: 'SEASONAL' } }, world.org.northManager.token)).data.createBudget;
    expect(created.__typename).toBe('CreateBudgetSuccess');
    expect(created.budget).toMatchObject({ year, total: '120000', split: 'SEASONAL', team: { name: 'North' }, user: null, viewerCanEdit: true });
    expect(created.budget.months.map((month: any) => month.plan)).toEqual(['7200', '8400', '10800', '10800', '10800', '9600', '9600', '6000', '10800', '12000', '12000', '12000']);
    teamBudgetId = created.budget.id;
    const again = (await t.graphql(CREATE, { input: { year, teamId: team, total: '1', split: 'EVEN' } }, world.org.admin.token)).data.createBudget;
    expect(again.fieldErrors).toEqual([{ field: 'year', reason: 'DUPLICATE' }]);
    const member = (await t.graphql(CREATE, { input: { year, teamId: team, userId: globalId('User', world.org.northSales.id), total: '60000', split: 'EVEN' } }, world.org.admin.token)).data.createBudget;
    expect(member.budget).toMatchObject({ user: { name: 'Nils Sales' }, total: '60000' });
    const stranger = (await t.graphql(CREATE, { input: { year, teamId: team, userId: globalId('User', world.org.southSales.id), total: '1', split: 'EVEN' } }, world.org.admin.token)).data.createBudget;
    expect(stranger.fieldErrors).toEqual([{ field: 'userId', reason: 'NOT_IN_TEAM' }]);
    const service = await t.prisma.team.create({ data: { name: 'Kundendienst', type: 'SERVICE' } });
    const notSales = (await t.graphql(CREATE, { input: { year, teamId: globalId('Team', service.id), total: '1', split: 'EVEN' } }, world.org.admin.token)).data.createBudget;
    expect(notSales.fieldErrors).toEqual([{ field: 'teamId', reason: 'NOT_SALES_TEAM' }]);
    const badProfile = (await t.graphql(CREATE, { input: { year: year + 1, teamId: team, total: '1', split: 'SEASONAL', profile: ['1', '2'] } }, world.org.admin.token)).data.createBudget;
    expect(badProfile.fieldErrors).toEqual([{ field: 'profile', reason: 'TOO_SMALL' }]);
  });

  it('edit single months, and the total follows', async () => {
    const response = await t.graphql(
      'mutation($id: ID!) { setBudgetMonth(id: $id, month: 8, amount: "10000.50") { ... on SetBudgetMonthSuccess { budget { total months { month plan } } } } }',
      { id: teamBudgetId },
      world.org.northManager.token,
    );
    expect(response.data.setBudgetMonth.budget.total).toBe('124000.5');
    expect(response.data.setBudgetMonth.budget.months[7]).toEqual({ month: 8, plan: '10000.5' });
    const bad = await t.graphql('mutation($id: ID!) { setBudgetMonth(id: $id, month: 13, amount: "1") { ... on ValidationError { fieldErrors { field reason } } } }', { id: teamBudgetId }, world.org.admin.token);
    expect(bad.data.setBudgetMonth.fieldErrors).toEqual([{ field: 'month', reason: 'TOO_LARGE' }]);
    const sales = await t.graphql('mutation($id: ID!) { setBudgetMonth(id: $id, month: 1, amount: "1") { __typename } }', { id: teamBudgetId }, world.org.northSales.token);
    expect(sales.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("compare plan with the invoiced revenue of the month, and the team reads its own only", async () => {
    await createInvoice(t.prisma, world.viewers.northSales, { opportunityId: world.north.id, lines: [{ description: 'Anlage', quantity: '1', unitPrice: '4000.00' }] });
    const cancelled = await createInvoice(t.prisma, world.viewers.northSales, { opportunityId: world.north.id, lines: [{ description: 'Falsch', quantity: '1', unitPrice: '999.00' }] });
    await t.prisma.invoice.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED' } });
    await createInvoice(t.prisma, world.viewers.southSales, { opportunityId: world.south.id, lines: [{ description: 'Süd', quantity: '1', unitPrice: '7000.00' }] });
    const month = today(new Date()).getUTCMonth() + 1;
    const query = `query($year: Int) { budgets(year: $year) { team { name } user { name } months { month plan actual } actualTotal } }`;
    const north = (await t.graphql(query, { year }, world.org.northSales.token)).data.budgets;
    expect(north.map((budget: any) => [budget.team.name, budget.user?.name ?? null])).toEqual([['North', null], ['North', 'Nils Sales']]);
    expect(north[0].months[month - 1].actual).toBe('4000');
    expect(north[0].actualTotal).toBe('4000');
    expect(north[1].actualTotal).toBe('4000');
    expect((await t.graphql(query, { year }, world.org.southManager.token)).data.budgets).toEqual([]);
    expect((await t.graphql(query, { year }, world.org.service.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('cost the same statements for one budget and for many', async () => {
    const query = `query($year: Int) { budgets(year: $year) { year team { name } user { name } months { month plan actual } actualTotal viewerCanEdit } }`;
    const single = await countStatements(t.db, () => t.graphql(query, { year }, world.org.northManager.token));
    for (const offset of [1, 2, 3, 4]) {
      await t.graphql(CREATE, { input: { year: year + offset, teamId: globalId('Team', world.org.north.id), total: '1200', split: 'EVEN' } }, world.org.admin.token);
    }
    const many = await countStatements(t.db, () => t.graphql(query, {}, world.org.northManager.token));
    expect(many.result.data.budgets.length).toBeGreaterThan(single.result.data.budgets.length + 3);
    expect(many.statements.length).toBe(single.statements.length);
  });
});
