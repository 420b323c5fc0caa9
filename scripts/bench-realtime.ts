// `npm run bench:realtime`: delivery latency of board events to many live subscribers.
//
// Starts the server as a separate process (or two, sharing PostgreSQL and Redis, when
// BENCH_DATABASE_URL and REDIS_URL are both set), opens N graphql-ws subscribers to one board
// (BENCH_SUBSCRIBERS, default "1000,5000"), moves a card BENCH_MOVES times (default 20) and prints
// the latency from sending each move to each subscriber receiving it (p50, p95, p99, max) and
// the server's resident memory per open subscription. The subscribers ask for what the board
// in the client asks for (the whole card and onBoard). In the same run, the same number of plain
// WebSocket clients receive the same message from a bare fan-out server (the baseline: no
// GraphQL, no access checks, no database), and the ratios API/baseline are printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { BoardChangedSubscription } from '../client/src/pages/board/board-queries.ts';

const BOARD_SUBSCRIPTION = print(BoardChangedSubscription);

const SIZES = (process.env.BENCH_SUBSCRIBERS ?? '1000,5000').split(',').map(Number);
const MOVES = Number(process.env.BENCH_MOVES ?? 20);
const databaseServer = process.env.BENCH_DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const twoInstances = Boolean(databaseServer && redisUrl);

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];

try {
  const env = await prepareDatabase();
  const urls = [await startServer(['server/main.ts'], env)];
  if (twoInstances) urls.push(await startServer(['server/main.ts'], env));
  const baselineUrl = await startServer(['scripts/bench-fanout-server.ts'], {});
  console.log(`Server${urls.length > 1 ? 's' : ''}: ${urls.join(', ')}${twoInstances ? ' (PostgreSQL + Redis)' : ` (${databaseServer ? 'PostgreSQL' : 'PGlite'}, in-process events)`}\n`);
  const token = await login(urls[0]);
  const { pipelineId, cardId, stageIds } = await findCard(urls[0], token);
  for (const size of SIZES) {
    const api = await run(size, urls, token, pipelineId, cardId, stageIds);
    const baseline = await runBaseline(size, baselineUrl, api.sample);
    const ratio = (quantile: number) => (api.at(quantile) / baseline.at(quantile)).toFixed(1);
    console.log(`  baseline (bare WebSocket fan-out of the same ${api.sample.length}-byte message): delivered ${baseline.delivered} of ${size * MOVES}`);
    console.log(`  baseline latency p50 ${baseline.at(0.5).toFixed(1)} ms  p95 ${baseline.at(0.95).toFixed(1)} ms  p99 ${baseline.at(0.99).toFixed(1)} ms`);
    console.log(`  API/baseline: p50 ${ratio(0.5)}x  p95 ${ratio(0.95)}x  p99 ${ratio(0.99)}x\n`);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.on('exit', resolve)) : null)));
  for (const cleanup of cleanups) await cleanup();
}

async function run(size: number, urls: string[], token: string, pipelineId: string, cardId: string, stageIds: string[]) {
  const rssBefore = urls.map((_, index) => residentMemory(children[index]));
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const clients: Client[] = [];
  let subscribed = 0;
  let sample = '';
  const errors: string[] = [];
  await new Promise<void>((resolve, reject) => {
    for (let index = 0; index < size; index += 1) {
      const url = urls[index % urls.length];
      const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      clients.push(client);
      client.on('connected', () => {
        subscribed += 1;
        if (subscribed === size) resolve();
      });
      client.subscribe(
        { query: BOARD_SUBSCRIPTION, variables: { pipelineId, filter: null } },
        {
          next: (value: any) => {
            if (value.errors) return void errors.push(value.errors[0]?.message);
            sample ||= JSON.stringify({ id: '1', type: 'next', payload: value });
            const sent = sentAt.get(value.data.boardChanged.version);
            if (sent !== undefined) latencies.push(performance.now() - sent);
          },
          error: reject,
          complete: () => {},
        },
      );
    }
  });
  await sleep(1000); // every subscription registered
  const rssAfter = urls.map((_, index) => residentMemory(children[index]));
  const current = (await graphql(urls[0], 'query($id: ID!) { node(id: $id) { ... on Opportunity { version stage { id } } } }', { id: cardId }, token)).data.node;
  let version = current.version as number;
  const start = stageIds.indexOf(current.stage.id);
  for (let move = 0; move < MOVES; move += 1) {
    sentAt.set(version + 1, performance.now());
    // Every move goes to the next stage, so each one is a real change.
    const stage = stageIds[(start + move + 1) % stageIds.length];
    const result = await graphql(urls[0], 'mutation($id: ID!, $stage: ID!, $v: Int) { moveOpportunity(id: $id, stageId: $stage, version: $v) { __typename ... on MoveOpportunitySuccess { opportunity { version } } } }', { id: cardId, stage, v: version }, token);
    version = result.data.moveOpportunity.opportunity.version;
    await sleep(300);
  }
  await allDelivered(() => latencies.length, size * MOVES);
  await Promise.all(clients.map((client) => client.dispose()));
  const at = percentiles(latencies);
  const perConnection = rssAfter.map((after, index) => ((after - rssBefore[index]) / (size / urls.length)) / 1024);
  console.log(`${size} subscribers${urls.length > 1 ? ` (${size / urls.length} per instance)` : ''}, ${MOVES} moves`);
  console.log(`  delivered ${latencies.length} of ${size * MOVES} events${errors.length ? `; ${errors.length} arrived with errors, e.g. "${errors[0]}"` : ''}`);
  console.log(`  latency p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  p99 ${at(0.99).toFixed(1)} ms  max ${at(1).toFixed(1)} ms`);
  console.log(`  server memory per subscription: ${perConnection.map((kib) => `${kib.toFixed(1)} KiB`).join(', ')} (resident set growth / connections)`);
  return { at, sample };
}

/** The same number of sockets and moves against the bare fan-out server, with the API's message. */
async function runBaseline(size: number, url: string, sample: string) {
  const latencies: number[] = [];
  const sentAt = new Map<number, number>();
  const sockets = await Promise.all(
    Array.from({ length: size }, () => new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url.replace('http', 'ws'));
      socket.on('open', () => resolve(socket));
      socket.on('error', reject);
      socket.on('message', (data) => {
        const sent = sentAt.get(JSON.parse(data.toString()).payload.data.boardChanged.version);
        if (sent !== undefined) latencies.push(performance.now() - sent);
      });
    })),
  );
  const message = JSON.parse(sample);
  for (let move = 1; move <= MOVES; move += 1) {
    message.payload.data.boardChanged.version = -move;
    sentAt.set(-move, performance.now());
    await fetch(`${url}/broadcast`, { method: 'POST', body: JSON.stringify(message) });
    await sleep(300);
  }
  await allDelivered(() => latencies.length, size * MOVES);
  for (const socket of sockets) socket.close();
  return { at: percentiles(latencies), delivered: latencies.length };
}

/** Waits until every event has arrived, or 30 s after the last one did: what is missing then is lost. */
async function allDelivered(delivered: () => number, expected: number) {
  let last = delivered();
  let quietSince = performance.now();
  while (delivered() < expected && performance.now() - quietSince < 30_000) {
    await sleep(200);
    if (delivered() !== last) [last, quietSince] = [delivered(), performance.now()];
  }
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN;
}

async function prepareDatabase(): Promise<NodeJS.ProcessEnv> {
  if (databaseServer) {
    const name = `crm_rt_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseServer });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(databaseServer);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString(), REDIS_URL: twoInstances ? redisUrl : '' };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'crm-bench-rt-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { DATABASE_URL: '', REDIS_URL: '', PGLITE_DIR: dir };
}

function startServer(script: string[], extraEnv: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...script], {
    env: { ...process.env, ...extraEnv, PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function login(url: string) {
  const result = await graphql(url, 'mutation { login(email: "jens.petersen@nordlicht.example", password: "demo1234") { ... on LoginPayload { token } } }');
  return result.data.login.token as string;
}

async function findCard(url: string, token: string) {
  const pipelines = await graphql(url, '{ pipelines(kind: DEAL) { id name stages { id } } }', {}, token);
  const pipeline = pipelines.data.pipelines.find((candidate: any) => candidate.name === 'Neuanlagen');
  const board = await graphql(url, 'query($id: ID!) { board(pipelineId: $id) { columns { cards { id } } } }', { id: pipeline.id }, token);
  const card = board.data.board.columns.flatMap((column: any) => column.cards)[0];
  return { pipelineId: pipeline.id as string, cardId: card.id as string, stageIds: pipeline.stages.map((stage: any) => stage.id) as string[] };
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as any;
}

/** Resident set size of a child process in bytes (Linux). */
function residentMemory(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
