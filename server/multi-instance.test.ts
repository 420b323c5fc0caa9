import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

// Two server processes on one PostgreSQL database and one Redis: what one instance commits
// reaches the subscribers of the other. Runs where CI provides both (TEST_REDIS_URL and the
// postgres project's DATABASE_URL).
const databaseServer = process.env.DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const enabled = Boolean(databaseServer && redisUrl);

const instances: ChildProcess[] = [];
let databaseName = '';

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: databaseServer });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts `server/main.ts` and resolves with its URL once it listens. */
function startInstance(databaseUrl: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  instances.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`instance exited with ${code}:\n${output}`)));
  });
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as any;
}

let first = '';
let second = '';

beforeAll(async () => {
  if (!enabled) return;
  databaseName = `crm_multi_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(databaseServer!);
  url.pathname = `/${databaseName}`;
  // The first instance migrates and loads the demo data; the second finds both done.
  first = await startInstance(url.toString());
  second = await startInstance(url.toString());
}, 120_000);

afterAll(async () => {
  for (const child of instances) child.kill('SIGTERM');
  await Promise.all(instances.map((child) => (child.exitCode === null ? new Promise((resolve) => child.on('exit', resolve)) : null)));
  if (enabled) await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

describe.skipIf(!enabled)('several instances', () => {
  it('delivers a move made on one instance to a board subscriber on the other', async () => {
    const login = await graphql(first, 'mutation { login(email: "jens.petersen@nordlicht.example", password: "demo1234") { ... on LoginPayload { token } } }');
    const token = login.data.login.token as string;
    const pipelines = await graphql(first, '{ pipelines(kind: DEAL) { id name stages { id name } } }', {}, token);
    const pipeline = pipelines.data.pipelines.find((candidate: any) => candidate.name === 'Neuanlagen');
    const board = await graphql(first, 'query($id: ID!) { board(pipelineId: $id) { columns { stage { id } cards { id title } } } }', { id: pipeline.id }, token);
    const column = board.data.board.columns.findIndex((candidate: any) => candidate.cards.length > 0);
    const card = board.data.board.columns[column].cards[0];
    const target = pipeline.stages[(column + 1) % pipeline.stages.length];

    const client = createClient({ url: `${second.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    try {
      const received = new Promise<any>((resolve, reject) => {
        client.subscribe(
          { query: 'subscription($id: ID!) { boardChanged(pipelineId: $id) { kind opportunityId stageId actor { name } opportunity { title } } }', variables: { id: pipeline.id } },
          { next: resolve, error: reject, complete: () => {} },
        );
      });
      // Give the subscription time to reach Redis before the change is published.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const moved = await graphql(first, 'mutation($id: ID!, $stage: ID!) { moveOpportunity(id: $id, stageId: $stage) { __typename } }', { id: card.id, stage: target.id }, token);
      expect(moved.data.moveOpportunity.__typename).toBe('MoveOpportunitySuccess');
      expect((await received).data.boardChanged).toEqual({
        kind: 'UPDATED',
        opportunityId: card.id,
        stageId: target.id,
        actor: { name: 'Jens Petersen' },
        opportunity: { title: card.title },
      });
    } finally {
      await client.dispose();
    }
  });
});
