// `npm run bench:realtime`: delivery latency of board events to many live subscribers.
//
// Starts the server as a separate process (or two, sharing PostgreSQL and Redis, when
// BENCH_DATABASE_URL and REDIS_URL are both set), opens N graphql-ws subscribers to one board
// (BENCH_SUBSCRIBERS, default "1000,5000,10000"), spread over five users of two teams (the admin,
// both managers, two sellers) and five filters, each with the client's own board subscription.
// Then it moves a card of each team in turn, BENCH_MOVES times (default 20), and prints how many
// events arrived of those due (a subscriber is due an event when it may read the card), whether
// anything of a card reached a subscriber who may not read it, the latency from sending each move
// to each subscriber receiving it (p50, p95, p99, max) and the server's memory per subscription
// (resident set and V8 heap, each read after a full garbage collection). In the same run the same
// number of plain WebSocket clients receive the same message from a bare fan-out server (the
// baseline: no GraphQL, no access checks, no database), and the ratios API/baseline are printed.
import { type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { BoardChangedSubscription } from '../client/src/pages/board/board-queries.ts';
import { mib, percentiles, sleep } from './bench-load.ts';
import type { MemoryReply } from './bench-memory-probe.ts';
import { graphqlAt, probe, startProcess } from './bench-process.ts';

const BOARD_SUBSCRIPTION = print(BoardChangedSubscription);
const SIZES = (process.env.BENCH_SUBSCRIBERS ?? '1000,5000,10000').split(',').map(Number);
const MOVES = Number(process.env.BENCH_MOVES ?? 20);
const databaseServer = process.env.BENCH_DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const twoInstances = Boolean(databaseServer && redisUrl);
/** Subscribers open their sockets in waves of this many. */
const WAVE = 50;

const USERS = [
  { email: 'admin@nordlicht.example', teams: ['Vertrieb Nord', 'Vertrieb Süd'] },
  { email: 'jens.petersen@nordlicht.example', teams: ['Vertrieb Nord'] },
  { email: 'sabine.huber@nordlicht.example', teams: ['Vertrieb Süd'] },
  { email: 'lars.hansen@nordlicht.example', teams: ['Vertrieb Nord'] },
  { email: 'maria.schmid@nordlicht.example', teams: ['Vertrieb Süd'] },
];

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];

try {
  const env = { ...(await prepareDatabase()), WS_MAX_SOCKETS_PER_USER: String(Math.max(...SIZES)) };
  const urls = [await startProcess(children, ['server/main.ts'], env, { probe: true })];
  if (twoInstances) urls.push(await startProcess(children, ['server/main.ts'], env, { probe: true }));
  const baselineUrl = await startProcess(children, ['scripts/bench-fanout-server.ts'], {}, { probe: true });
  console.log(`Server${urls.length > 1 ? 's' : ''}: ${urls.join(', ')}${twoInstances ? ' (PostgreSQL + Redis)' : ` (${databaseServer ? 'PostgreSQL' : 'PGlite'}, in-process events)`}\n`);
  const setup = await prepareBoard(urls[0]);
  // A first round, not reported, so that the first size's memory is not measured against a heap
  // still holding the start's garbage and code V8 has not flushed yet.
  const warmUp = await run(WAVE * urls.length, urls, setup, { report: false });
  await runBaseline(WAVE, baselineUrl, warmUp.sample, children.at(-1)!);
  for (const size of SIZES) {
    const api = await run(size, urls, setup);
    const baseline = await runBaseline(size, baselineUrl, api.sample, children.at(-1)!);
    const ratio = (quantile: number) => (api.at(quantile) / baseline.at(quantile)).toFixed(1);
    console.log(`  baseline (bare WebSocket fan-out of the same ${api.sample.length}-byte message): delivered ${baseline.delivered} of ${size * MOVES}`);
    console.log(`  baseline latency p50 ${baseline.at(0.5).toFixed(1)} ms  p95 ${baseline.at(0.95).toFixed(1)} ms  p99 ${baseline.at(0.99).toFixed(1)} ms  max ${baseline.at(1).toFixed(1)} ms; memory per socket ${perSubscription(baseline.memory)}`);
    console.log(`  API/baseline: p50 ${ratio(0.5)}x  p95 ${ratio(0.95)}x  p99 ${ratio(0.99)}x\n`);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.on('exit', resolve)) : null)));
  for (const cleanup of cleanups) await cleanup();
}

interface Setup {
  pipelineId: string;
  stageIds: string[];
  tokens: string[];
  filters: Array<Record<string, unknown> | null>;
  /** One card of each team, with the users (by index) who may read it. */
  cards: Array<{ id: string; readers: Set<number> }>;
}

async function prepareBoard(url: string): Promise<Setup> {
  const tokens = await Promise.all(USERS.map(async (user) => {
    const result = await graphqlAt(url, `mutation { login(email: "${user.email}", password: "demo1234") { ... on LoginPayload { token } } }`);
    return result.data.login.token as string;
  }));
  const admin = tokens[0];
  const pipelines = await graphqlAt(url, '{ pipelines(kind: DEAL) { id name stages { id } } }', {}, admin);
  const pipeline = pipelines.data.pipelines.find((candidate: any) => candidate.name === 'Neuanlagen');
  const board = await graphqlAt(url, 'query($id: ID!) { board(pipelineId: $id) { columns { cards { id team { name } } } } }', { id: pipeline.id }, admin);
  const allCards = board.data.board.columns.flatMap((column: any) => column.cards);
  const cards = ['Vertrieb Nord', 'Vertrieb Süd'].map((team) => {
    const card = allCards.find((candidate: any) => candidate.team.name === team);
    return { id: card.id as string, readers: new Set(USERS.flatMap((user, index) => (user.teams.includes(team) ? [index] : []))) };
  });
  const users = await graphqlAt(url, '{ users { id email } }', {}, admin);
  const lars = users.data.users.find((user: any) => user.email === USERS[3].email).id;
  const filters = [null, { mine: true }, { amountMin: '1000' }, { ownerIds: [lars] }, { stale: false }];
  return { pipelineId: pipeline.id, stageIds: pipeline.stages.map((stage: any) => stage.id), tokens, filters, cards };
}

async function run(size: number, urls: string[], setup: Setup, { report = true } = {}) {
  const before = await Promise.all(urls.map((_, index) => settledMemory(children[index])));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const clients: Client[] = [];
  const errors: string[] = [];
  let leaks = 0;
  let initTimeouts = 0;
  let sample = '';
  const readersOf = new Map(setup.cards.map((card) => [card.id, card.readers]));
  for (let wave = 0; wave < size; wave += WAVE) {
    await Promise.all(Array.from({ length: Math.min(WAVE, size - wave) }, (_, offset) => {
      const index = wave + offset;
      const user = index % USERS.length;
      const filter = setup.filters[Math.floor(index / USERS.length) % setup.filters.length];
      const client = createClient({ url: `${urls[index % urls.length].replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${setup.tokens[user]}` }, retryAttempts: 3 });
      clients.push(client);
      return new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        // A server too starved to handle connection_init within 3 s closes with 4408; the client connects again.
        client.on('closed', (event) => void ((event as { code?: number }).code === 4408 && (initTimeouts += 1)));
        client.subscribe({ query: BOARD_SUBSCRIPTION, variables: { pipelineId: setup.pipelineId, filter } }, {
          next: (value: any) => {
            if (value.errors) return void errors.push(value.errors[0]?.message);
            const event = value.data.boardChanged;
            if (!readersOf.get(event.opportunityId)?.has(user)) leaks += 1;
            sample ||= JSON.stringify({ id: '1', type: 'next', payload: value });
            const sent = sentAt.get(`${event.opportunityId}:${event.version}`);
            if (sent !== undefined) latencies.push(performance.now() - sent);
          },
          error: reject,
          complete: () => {},
        });
      });
    }));
  }
  await sleep(2000); // every subscription registered
  const after = await Promise.all(urls.map((_, index) => settledMemory(children[index])));
  const versions = await Promise.all(setup.cards.map(async (card) => (await graphqlAt(urls[0], 'query($id: ID!) { node(id: $id) { ... on Opportunity { version stage { id } } } }', { id: card.id }, setup.tokens[0])).data.node));
  let due = 0;
  for (let move = 0; move < MOVES; move += 1) {
    const which = move % setup.cards.length;
    const card = setup.cards[which];
    const current = versions[which];
    sentAt.set(`${card.id}:${current.version + 1}`, performance.now());
    // Every move goes to the next stage, so each one is a real change.
    const stage = setup.stageIds[(setup.stageIds.indexOf(current.stage.id) + 1) % setup.stageIds.length];
    const result = await graphqlAt(urls[0], 'mutation($id: ID!, $stage: ID!, $v: Int) { moveOpportunity(id: $id, stageId: $stage, version: $v) { __typename ... on MoveOpportunitySuccess { opportunity { version stage { id } } } } }', { id: card.id, stage, v: current.version }, setup.tokens[0]);
    versions[which] = result.data.moveOpportunity.opportunity;
    due += Array.from({ length: size }, (_, index) => index % USERS.length).filter((user) => card.readers.has(user)).length;
    await sleep(300);
  }
  await allDelivered(() => latencies.length, due);
  // CPU time of the moves and their fan-out: it depends less on what else the machine runs than the latencies do.
  const cpuMs = (await Promise.all(urls.map((_, index) => probe<MemoryReply>(children[index], { type: 'memory', collect: false })))).map(
    (reading, index) => reading.cpuMs - after[index].cpuMs,
  );
  await Promise.all(clients.map((client) => client.dispose()));
  const at = percentiles(latencies);
  if (!report) return { at, sample };
  console.log(`${size} subscribers${urls.length > 1 ? ` (${size / urls.length} per instance)` : ''} of ${USERS.length} users in two teams with ${setup.filters.length} filters, ${MOVES} moves`);
  console.log(`  delivered ${latencies.length} of ${due} due events${errors.length ? `; ${errors.length} arrived with errors, e.g. "${errors[0]}"` : ''}; events about a card the subscriber may not read: ${leaks}${initTimeouts ? `; connections retried after a connection_init timeout: ${initTimeouts}` : ''}`);
  console.log(`  latency p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  p99 ${at(0.99).toFixed(1)} ms  max ${at(1).toFixed(1)} ms`);
  console.log(`  server CPU for the moves: ${cpuMs.map((ms) => `${Math.round(ms)} ms`).join(', ')} (${((cpuMs.reduce((sum, ms) => sum + ms, 0) * 1000) / latencies.length).toFixed(1)} µs per delivered event)`);
  const growth = after.map((reading, index) => ({ before: before[index], after: reading, count: size / urls.length }));
  console.log(`  server memory per subscription: ${growth.map(perSubscription).join('; ')} (growth after a full collection / subscriptions; resident now ${after.map((reading) => mib(reading.rss)).join(', ')})`);
  return { at, sample };
}

/** The same number of sockets and moves against the bare fan-out server, with the API's message. */
async function runBaseline(size: number, url: string, sample: string, server: ChildProcess) {
  const latencies: number[] = [];
  const sentAt = new Map<number, number>();
  const before = await settledMemory(server);
  const sockets: WebSocket[] = [];
  for (let wave = 0; wave < size; wave += WAVE) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(WAVE, size - wave) }, () => new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url.replace('http', 'ws'));
      socket.on('open', () => resolve(socket));
      socket.on('error', reject);
      socket.on('message', (data) => {
        const sent = sentAt.get(JSON.parse(data.toString()).payload.data.boardChanged.version);
        if (sent !== undefined) latencies.push(performance.now() - sent);
      });
    })))));
  }
  await sleep(2000);
  const memory = { before, after: await settledMemory(server), count: size };
  const message = JSON.parse(sample);
  for (let move = 1; move <= MOVES; move += 1) {
    message.payload.data.boardChanged.version = -move;
    sentAt.set(-move, performance.now());
    await fetch(`${url}/broadcast`, { method: 'POST', body: JSON.stringify(message) });
    await sleep(300);
  }
  await allDelivered(() => latencies.length, size * MOVES);
  for (const socket of sockets) socket.close();
  return { at: percentiles(latencies), delivered: latencies.length, memory };
}

/**
 * The process's memory after a full garbage collection (bench-memory-probe.ts). A single reading
 * without one depends on where the heap is in its cycle: the same run read 4.6 and 38.2 KiB per
 * subscription on two instances.
 */
function settledMemory(child: ChildProcess): Promise<MemoryReply> {
  return probe<MemoryReply>(child, { type: 'memory', collect: true });
}

function perSubscription({ before, after, count }: { before: MemoryReply; after: MemoryReply; count: number }) {
  const kib = (bytes: number) => `${(bytes / count / 1024).toFixed(1)} KiB`;
  return `resident ${kib(after.rss - before.rss)}, JavaScript heap ${kib(after.heapUsed - before.heapUsed)}`;
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
