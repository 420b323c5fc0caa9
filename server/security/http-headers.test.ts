import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp, type App } from '../app.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createTestApp, testConfig, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
const started: App[] = [];

/** A client folder with an index page, so the server serves "the client". */
const clientDir = mkdtempSync(path.join(tmpdir(), 'crm-client-'));
writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>CRM</title><script type="module" src="/app.js"></script>');

async function serve(env: NodeJS.ProcessEnv = {}) {
  const app = buildApp({ db: t.db, config: { ...testConfig(env), clientDir } });
  started.push(app);
  return (await app.start(0, '127.0.0.1')).url;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});
afterAll(async () => {
  for (const app of started) await app.stop();
  await t.close();
});

describe('security headers', () => {
  it('forbid framing, sniffing and inline scripts on the client, the API and the health check', async () => {
    const url = await serve();
    for (const route of ['/', '/accounts', '/graphql?query=%7B__typename%7D', '/healthz']) {
      const response = await fetch(url + route);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, route).toContain("frame-ancestors 'none'");
      expect(csp, route).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers.get('x-content-type-options'), route).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), route).toMatch(/no-referrer|strict-origin/);
      expect(response.headers.get('x-frame-options'), route).toBe('DENY');
    }
    const client = await fetch(url + '/');
    expect(client.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('GraphiQL', () => {
  it('is served from node_modules, without any other host, and allowed to run only its own script', async () => {
    const url = await serve();
    const response = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('YogaGraphiQL');
    expect(html).not.toMatch(/(?:src|href)="https?:\/\//);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\./);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[^']+'/);
  });

  it('is off in production unless GRAPHIQL=true', async () => {
    const production = await serve({ NODE_ENV: 'production' });
    const off = await fetch(`${production}/graphql`, { headers: { accept: 'text/html' } });
    expect(await off.text()).not.toContain('YogaGraphiQL');
    const enabled = await serve({ NODE_ENV: 'production', GRAPHIQL: 'true' });
    expect(await (await fetch(`${enabled}/graphql`, { headers: { accept: 'text/html' } })).text()).toContain('YogaGraphiQL');
  });
});

describe('introspection and suggestions', () => {
  const introspect = (url: string, query = '{ __schema { queryType { name } } }') =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.admin.token}` },
      body: JSON.stringify({ query }),
    }).then((response) => response.json());

  it('are on in development', async () => {
    const url = await serve();
    expect((await introspect(url)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await introspect(url, '{ acounts { totalCount } }')).errors[0].message).toMatch(/Did you mean "accounts"/);
  });

  it('are off in production unless GRAPHQL_INTROSPECTION=true', async () => {
    const production = await serve({ NODE_ENV: 'production' });
    const refused = await introspect(production);
    expect(refused.data).toBeUndefined();
    expect(refused.errors[0].message).toMatch(/introspection/i);
    const misspelt = await introspect(production, '{ acounts { totalCount } }');
    expect(misspelt.errors[0].message).not.toMatch(/Did you mean/);
    const enabled = await serve({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    expect((await introspect(enabled)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  it('reflects no foreign origin: same origin only by default', async () => {
    const url = await serve();
    const response = await preflight(url, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${url}/graphql?query=%7B__typename%7D`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    expect(simple.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows the origins in CORS_ORIGINS and no others', async () => {
    const url = await serve({ CORS_ORIGINS: 'https://crm.partner.example, https://intranet.example' });
    const allowed = await preflight(url, 'https://intranet.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect((await preflight(url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses WebSocket upgrades from pages of other sites', async () => {
    const url = (await serve()).replace('http', 'ws');
    const outcome = (origin?: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${url}/graphql`, 'graphql-transport-ws', origin ? { origin } : {});
        socket.on('open', () => {
          socket.close();
          resolve('open');
        });
        socket.on('unexpected-response', (_request, response) => resolve(`refused ${response.statusCode}`));
        socket.on('error', () => resolve('error'));
      });
    expect(await outcome('https://evil.example')).toBe('refused 401');
    expect(await outcome()).toBe('open');
  });
});

describe('request size', () => {
  it('refuses a body over the limit before reading it', async () => {
    const url = await serve({ GRAPHQL_MAX_BODY_BYTES: '1000' });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { name } }', variables: { padding: 'x'.repeat(2000) } }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions).toEqual({ code: 'BODY_TOO_LARGE', limit: 1000 });
  });
});
