import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, expect, it } from 'vitest';
import WebSocket from 'ws';

let dataDir = '';
afterAll(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));

// The process as `npm start` runs it, on its own embedded database (so once, in the PGlite run).
it.skipIf(Boolean(process.env.DATABASE_URL))('on SIGTERM closes WebSockets with 1001, refuses new work and exits cleanly', async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'crm-shutdown-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', PGLITE_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited early with ${code}:\n${output}`)));
  });
  const login = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "lars.hansen@nordlicht.example", password: "demo1234") { ... on LoginPayload { token } } }' }),
  });
  const token = ((await login.json()) as any).data.login.token;

  const closed = new Promise<{ code: number }>((resolve) => {
    const client = createClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { closed: (event) => resolve(event as { code: number }) },
    });
    client.subscribe({ query: 'subscription { heartbeat(intervalMs: 250, count: 1000) { sequence } }' }, { next: () => {}, error: () => {}, complete: () => {} });
  });
  await new Promise((resolve) => setTimeout(resolve, 600));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  expect((await closed).code).toBe(1001);
  expect(await exited).toBe(0);
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
}, 120_000);
