import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount, insertPipeline } from '../../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../../test/test-app.ts';
import { KPI_CHANGE_INTERVAL_MS } from './kpi-live.ts';

// kpisChanged through a real graphql-ws client: access-checked, scoped, coalesced.

let t: TestApp;
let org: Organisation;
let wsUrl: string;
let northAccount: string;
let southAccount: string;
let otherPipeline: string;
const clients: Client[] = [];

const CHANGED = 'subscription($scope: KpiScopeInput) { kpisChanged(scope: $scope) { families changes } }';

function listen(token: string, variables: Record<string, unknown> = {}) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(client);
  const received: any[] = [];
  const waiting: Array<(value: any) => void> = [];
  const ready = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  client.subscribe({ query: CHANGED, variables }, {
    next: (value) => (waiting.length ? waiting.shift()!(value) : received.push(value)),
    error: (error) => received.push({ error }),
    complete: () => {},
  });
  return {
    ready: ready.then(() => new Promise((resolve) => setTimeout(resolve, 100))),
    next: () => (received.length ? Promise.resolve(received.shift()) : new Promise<any>((resolve) => waiting.push(resolve))),
    pending: () => received.length,
  };
}

const create = (token: string, accountId: string, title: string) =>
  t.graphql('mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { __typename } }', { input: { accountId: globalId('Account', accountId), title } }, token);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  const { url } = await t.app.start(0, '127.0.0.1');
  wsUrl = `${url.replace('http', 'ws')}/graphql`;
  await insertPipeline(t.prisma, { name: 'Leads', kind: 'LEAD', position: 0 });
  otherPipeline = (await insertPipeline(t.prisma, { name: 'Projekte', kind: 'DEAL', position: 1 })).id;
  northAccount = (await insertAccount(t.prisma, org.northSales, org.north.id)).id;
  southAccount = (await insertAccount(t.prisma, org.southSales, org.south.id)).id;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await t.app.stop();
  await t.close();
});

describe('kpisChanged', () => {
  it("tells a dashboard of its readable records' changes at once, gathers a burst, and tells other teams nothing", async () => {
    const north = listen(org.northManager.token);
    const south = listen(org.southManager.token);
    const otherPipelineOnly = listen(org.admin.token, { scope: { pipelineIds: [globalId('Pipeline', otherPipeline)] } });
    await Promise.all([north.ready, south.ready, otherPipelineOnly.ready]);

    expect((await create(org.northSales.token, northAccount, 'Erste')).data.createOpportunity.__typename).toBe('CreateOpportunitySuccess');
    expect((await north.next()).data.kpisChanged).toEqual({ families: ['OPPORTUNITIES', 'ACCOUNTS'], changes: 1 });

    const burst = 8;
    await Promise.all(Array.from({ length: burst }, (_, n) => create(org.northSales.token, northAccount, `Stapel ${n}`)));
    let gathered = 0;
    let events = 0;
    while (gathered < burst) {
      gathered += (await north.next()).data.kpisChanged.changes;
      events += 1;
    }
    expect(gathered).toBe(burst);
    expect(events).toBeLessThan(burst);

    await create(org.southSales.token, southAccount, 'Süden');
    expect((await south.next()).data.kpisChanged).toEqual({ families: ['OPPORTUNITIES', 'ACCOUNTS'], changes: 1 });
    expect(south.pending()).toBe(0);
    expect(otherPipelineOnly.pending()).toBe(0);
  });

  it("tells of activities created, completed, rescheduled and deleted on readable records only, with the figures they move", async () => {
    const north = listen(org.northManager.token);
    const south = listen(org.southManager.token);
    const southTeamOnly = listen(org.admin.token, { scope: { teamIds: [globalId('Team', org.south.id)] } });
    await Promise.all([north.ready, south.ready, southTeamOnly.ready]);
    const families = ['OPPORTUNITIES', 'ACCOUNTS', 'ACTIVITIES'];
    // Each change waits out the one-second interval, so every change is an event of its own.
    const step = async (run: () => Promise<any>, typename: string) => {
      const response = await run();
      expect(JSON.stringify(response.data)).toContain(typename);
      expect((await north.next()).data.kpisChanged).toEqual({ families, changes: 1 });
      await new Promise((resolve) => setTimeout(resolve, KPI_CHANGE_INTERVAL_MS + 100));
    };

    let activityId = '';
    await step(async () => {
      const response = await t.graphql(
        'mutation($input: CreateActivityInput!) { createActivity(input: $input) { __typename ... on CreateActivitySuccess { activity { id } } } }',
        { input: { accountId: globalId('Account', northAccount), type: 'CALL', subject: 'Rückruf', dueAt: new Date(Date.now() + 86_400_000).toISOString() } },
        org.northSales.token,
      );
      activityId = response.data.createActivity.activity.id;
      return response;
    }, 'CreateActivitySuccess');
    await step(() => t.graphql('mutation($id: ID!, $dueAt: DateTime!) { rescheduleActivity(id: $id, dueAt: $dueAt) { __typename } }', { id: activityId, dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }, org.northSales.token), 'RescheduleActivitySuccess');
    await step(() => t.graphql('mutation($id: ID!) { completeActivity(id: $id) { __typename } }', { id: activityId }, org.northSales.token), 'CompleteActivitySuccess');
    await step(() => t.graphql('mutation($id: ID!) { deleteActivity(id: $id) { __typename } }', { id: activityId }, org.northSales.token), 'DeleteActivitySuccess');

    // The other team may not read the activity's record: no event, not even that something changed.
    expect(south.pending()).toBe(0);
    expect(southTeamOnly.pending()).toBe(0);
    // The other team's own activities reach it.
    await t.graphql('mutation($input: CreateActivityInput!) { createActivity(input: $input) { __typename } }', { input: { accountId: globalId('Account', southAccount), type: 'NOTE', subject: 'Notiz' } }, org.southSales.token);
    expect((await south.next()).data.kpisChanged).toEqual({ families, changes: 1 });
    expect((await southTeamOnly.next()).data.kpisChanged).toEqual({ families, changes: 1 });
    expect(north.pending()).toBe(0);
  });

  it('refuses SERVICE users', async () => {
    const service = listen(org.service.token);
    const first = await service.next();
    expect(JSON.stringify(first)).toContain('FORBIDDEN');
  });
});
