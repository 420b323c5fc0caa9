import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createOrganisation, type Organisation } from './test/fixtures.ts';
import { createTestApp, type TestApp } from './test/test-app.ts';

let t: TestApp;
let org: Organisation;
let baseUrl: string;
const clients: Client[] = [];

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  baseUrl = (await t.app.start(0, '127.0.0.1')).url;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await t.app.stop();
  await t.close();
});

function wsClient(authorization?: string) {
  const client = createClient({
    url: `${baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

async function collect(client: Client, query: string) {
  const results: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    client.subscribe({ query }, { next: (value) => results.push(value), error: reject, complete: resolve });
  });
  return results;
}

describe('HTTP server', () => {
  it('reports health after checking the database', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: expect.stringMatching(/^(pglite|postgres)$/) });
  });

  it('serves GraphQL over HTTP with the bearer token', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.admin.token}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: { name: 'Ada Admin' } }, extensions: { cost: { requested: 2, limit: 50_000 } } });
  });

  it('masks unexpected errors without leaking a stack trace', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    const body = await response.json();
    expect(body.errors[0].message).toMatch(/Cannot query field "nope"/);
    expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+/);
  });
});

describe('GraphQL over server-sent events', () => {
  it('streams an authenticated subscription to clients without WebSocket', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${org.southSales.token}` },
      body: JSON.stringify({ query: 'subscription { heartbeat(intervalMs: 250, count: 2) { sequence viewerName } }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await response.text();
    const events = text.split('\n').filter((line) => line.startsWith('data: ') && line.includes('heartbeat')).map((line) => JSON.parse(line.slice(6)));
    expect(events).toMatchObject([1, 2].map((sequence) => ({ data: { heartbeat: { sequence, viewerName: 'Sara Sales' } } })));
  });

  it('refuses the stream without credentials', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { heartbeat(count: 1) { sequence } }' }),
    });
    expect(await response.text()).toContain('UNAUTHENTICATED');
  });
});

describe('GraphQL over WebSocket', () => {
  it('runs an authenticated subscription with the session token from connection_init', async () => {
    const results = await collect(wsClient(`Bearer ${org.northSales.token}`), 'subscription { heartbeat(intervalMs: 250, count: 3) { sequence viewerName } }');
    expect(results).toMatchObject([1, 2, 3].map((sequence) => ({ data: { heartbeat: { sequence, viewerName: 'Nils Sales' } } })));
  });

  it('runs queries over the same socket with the same access rules', async () => {
    await t.prisma.account.create({ data: { name: 'South Only AG', normalizedName: 'south only', statusKey: 'PROSPECT', ownerId: org.southSales.id, teamId: org.south.id } });
    const [north] = await collect(wsClient(`Bearer ${org.northSales.token}`), '{ accounts { totalCount } }');
    const [south] = await collect(wsClient(`Bearer ${org.southSales.token}`), '{ accounts { totalCount } }');
    expect(north).toMatchObject({ data: { accounts: { totalCount: 0 } } });
    expect(south).toMatchObject({ data: { accounts: { totalCount: 1 } } });
  });

  it('refuses the connection without valid credentials', async () => {
    for (const authorization of [undefined, 'Bearer crm_s_forged']) {
      const failure = await collect(wsClient(authorization), 'subscription { heartbeat(count: 1) { sequence } }').then(
        () => null,
        (error: { code?: number; reason?: string }) => error,
      );
      expect(failure).toMatchObject({ code: 4403 });
    }
  });

  it('stops delivering to a session after logout on new connections', async () => {
    const login = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "${org.northManager.email}", password: "correct horse battery staple") { ... on LoginPayload { token } } }` }),
    });
    const token = (await login.json()).data.login.token;
    await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    const failure = await collect(wsClient(`Bearer ${token}`), 'subscription { heartbeat(count: 1) { sequence } }').then(
      () => null,
      (error: { code?: number }) => error,
    );
    expect(failure).toMatchObject({ code: 4403 });
  });
});
