import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount, insertPipeline } from '../../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../../test/test-app.ts';

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

  it('refuses SERVICE users', async () => {
    const service = listen(org.service.token);
    const first = await service.next();
    expect(JSON.stringify(first)).toContain('FORBIDDEN');
  });
});
