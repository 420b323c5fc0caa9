import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelInvoice, createInvoice } from '../../domain/billing/invoices.ts';
import { createBillingWorld, type BillingWorld } from '../../test/billing-fixtures.ts';
import { insertOpportunity } from '../../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let world: BillingWorld;
let campaignId: string;

const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) {
  __typename ... on CreateCampaignSuccess { campaign { id name type status cost } } ... on ValidationError { fieldErrors { field reason } } } }`;
const RESULTS = `query($id: ID!) { campaign(id: $id) { name results { openCount wonCount lostCount pipelineValue wonAmount revenue cost returnOnCost }
  opportunities(statuses: [WON]) { totalCount edges { node { title campaign { name } } } } } }`;

beforeAll(async () => {
  t = await createTestApp();
  world = await createBillingWorld(t.prisma);
  const created = await t.graphql(CREATE, { input: { name: 'Hannover Messe', type: 'TRADE_FAIR', startDate: '2026-04-20', endDate: '2026-04-24', cost: '20000.00' } }, world.org.admin.token);
  campaignId = created.data.createCampaign.campaign.id;
});
afterAll(() => t.close());

describe('campaigns', () => {
  it('are made by ADMIN and MANAGER, with field errors for bad input', async () => {
    const bySales = await t.graphql(CREATE, { input: { name: 'Newsletter', type: 'EMAIL', startDate: '2026-01-01' } }, world.org.northSales.token);
    expect(bySales.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const invalid = await t.graphql(CREATE, { input: { name: 'hannover messe', type: 'EMAIL', startDate: '2026-05-01', endDate: '2026-04-01', cost: '-5' } }, world.org.northManager.token);
    expect(invalid.data.createCampaign.__typename).toBe('ValidationError');
    expect(invalid.data.createCampaign.fieldErrors.map((error: any) => error.field).sort()).toEqual(['cost']);
    const period = await t.graphql(CREATE, { input: { name: 'Rückblick', type: 'EMAIL', startDate: '2026-05-01', endDate: '2026-04-01' } }, world.org.northManager.token);
    expect(period.data.createCampaign.fieldErrors).toEqual([{ field: 'endDate', reason: 'BEFORE_START' }]);
    const duplicate = await t.graphql(CREATE, { input: { name: 'hannover messe', type: 'EMAIL', startDate: '2026-05-01' } }, world.org.northManager.token);
    expect(duplicate.data.createCampaign.fieldErrors).toEqual([{ field: 'name', reason: 'DUPLICATE' }]);
  });

  it('collect their opportunities through the opportunity form, tracked in its history', async () => {
    const response = await t.graphql(
      `mutation($id: ID!, $campaign: ID) { updateOpportunity(id: $id, input: { campaignId: $campaign }) { __typename
        ... on UpdateOpportunitySuccess { opportunity { campaign { name } history(first: 1) { edges { node { field newDisplay } } } } } ... on ValidationError { fieldErrors { field reason } } } }`,
      { id: globalId('Opportunity', world.north.id), campaign: campaignId },
      world.org.northSales.token,
    );
    expect(response.data.updateOpportunity.opportunity.campaign).toEqual({ name: 'Hannover Messe' });
    expect(response.data.updateOpportunity.opportunity.history.edges[0].node).toEqual({ field: 'campaignId', newDisplay: 'Hannover Messe' });
    const unknown = await t.graphql(
      `mutation($id: ID!, $campaign: ID) { updateOpportunity(id: $id, input: { campaignId: $campaign }) { ... on ValidationError { fieldErrors { field reason } } } }`,
      { id: globalId('Opportunity', world.north.id), campaign: globalId('Campaign', world.north.id) },
      world.org.northSales.token,
    );
    expect(unknown.data.updateOpportunity.fieldErrors).toEqual([{ field: 'campaignId', reason: 'NOT_FOUND' }]);
  });

  it("show open, won and lost opportunities, pipeline value, revenue, cost and return, counting only what the viewer may read", async () => {
    const campaign = (await t.prisma.campaign.findFirstOrThrow({ where: { name: 'Hannover Messe' } })).id;
    const won = await insertOpportunity(t.prisma, { owner: world.org.northSales, teamId: world.org.north.id, accountId: world.northAccount.id, pipeline: world.pipeline, title: 'Gewonnen Nord', status: 'WON' });
    await t.prisma.opportunity.update({ where: { id: won.id }, data: { amount: '50000', campaignId: campaign } });
    const lost = await insertOpportunity(t.prisma, { owner: world.org.northSales, teamId: world.org.north.id, accountId: world.northAccount.id, pipeline: world.pipeline, status: 'LOST' });
    await t.prisma.opportunity.update({ where: { id: lost.id }, data: { campaignId: campaign } });
    const southWon = await insertOpportunity(t.prisma, { owner: world.org.southSales, teamId: world.org.south.id, accountId: world.southAccount.id, pipeline: world.pipeline, title: 'Gewonnen Süd', status: 'WON' });
    await t.prisma.opportunity.update({ where: { id: southWon.id }, data: { amount: '30000', campaignId: campaign } });
    const northLines = [{ description: 'Anlage', quantity: '1', unitPrice: '50000.00' }];
    await createInvoice(t.prisma, world.viewers.northSales, { opportunityId: won.id, lines: northLines });
    const cancelled = await createInvoice(t.prisma, world.viewers.northSales, { opportunityId: won.id, lines: northLines });
    await cancelInvoice(t.prisma, world.viewers.northSales, cancelled.id);
    await createInvoice(t.prisma, world.viewers.southSales, { opportunityId: southWon.id, lines: [{ description: 'Anlage', quantity: '1', unitPrice: '30000.00' }] });

    const north = (await t.graphql(RESULTS, { id: campaignId }, world.org.northManager.token)).data.campaign;
    expect(north.results).toEqual({ openCount: 1, wonCount: 1, lostCount: 1, pipelineValue: '73715', wonAmount: '50000', revenue: '50000', cost: '20000', returnOnCost: '1.5' });
    expect(north.opportunities.edges.map((edge: any) => edge.node.title)).toEqual(['Gewonnen Nord']);
    const admin = (await t.graphql(RESULTS, { id: campaignId }, world.org.admin.token)).data.campaign;
    expect(admin.results).toMatchObject({ wonCount: 2, revenue: '80000', returnOnCost: '3' });
    const south = (await t.graphql(RESULTS, { id: campaignId }, world.org.southSales.token)).data.campaign;
    expect(south.results).toMatchObject({ openCount: 0, wonCount: 1, lostCount: 0, revenue: '30000' });
    expect(JSON.stringify(south)).not.toContain('Gewonnen Nord');
    const service = await t.graphql(RESULTS, { id: campaignId }, world.org.service.token);
    expect(service.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('can be deleted only while no opportunity belongs to them', async () => {
    const response = await t.graphql('mutation($id: ID!) { deleteCampaign(id: $id) { __typename ... on ValidationError { fieldErrors { field reason } } } }', { id: campaignId }, world.org.admin.token);
    expect(response.data.deleteCampaign.fieldErrors).toEqual([{ field: 'id', reason: 'IN_USE' }]);
  });
});
