// `npm run bench:soak`: whether the server's memory stays flat under lasting load.
//
// Starts the server as a separate process (on a scratch database of BENCH_DATABASE_URL, else on
// an embedded PGlite database in a temporary folder) and runs, for BENCH_SOAK_MINUTES (default
// 10): the client's board and opportunity list queries, a closed loop of BENCH_CONCURRENCY (8)
// requests in flight over five users (a request goes out only when one has answered, so the
// server never queues more than that), BENCH_SUBSCRIBERS (1000) live board subscribers of those
// users, and a card move every second, one at a time. It samples the server's resident memory
// (RSS) and V8 heap in use every 30 s, and after the first minute (warm-up) and at the end also
// reads both after a full garbage collection (the server runs with --expose-gc and a probe
// answering over IPC, `bench-memory-probe.ts`), printing the change in percent.
// BENCH_HEAP_SNAPSHOTS=<dir> writes a heap snapshot of the server at both points, to diff by
// constructor in Chrome DevTools' comparison view.
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
import { BoardChangedSubscription, BoardQuery } from '../client/src/pages/board/board-queries.ts';
import { OpportunityListQuery } from '../client/src/pages/opportunities/opportunity-list-queries.ts';
import { load, mib, sleep } from './bench-load.ts';
import type { MemoryReply, ProbeReply } from './bench-memory-probe.ts';
import { graphqlAt, probe, startProcess } from './bench-process.ts';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const SNAPSHOTS = process.env.BENCH_HEAP_SNAPSHOTS;
const SAMPLE_MS = 30_000;
const WARM_UP_MS = 60_000;
const EMAILS = ['admin@nordlicht.example', 'jens.petersen@nordlicht.example', 'sabine.huber@nordlicht.example', 'lars.hansen@nordlicht.example', 'maria.schmid@nordlicht.example'];

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
try {
  const url = await startProcess(children, ['server/main.ts'], { ...(await prepareDatabase()), WS_MAX_SOCKETS_PER_USER: String(SUBSCRIBERS) }, { probe: true });
  const server = children[0];
  const tokens = await Promise.all(EMAILS.map(async (email) => (await graphqlAt(url, `mutation { login(email: "${email}", password: "demo1234") { ... on LoginPayload { token } } }`)).data.login.token as string));
  const pipelines = await graphqlAt(url, '{ pipelines(kind: DEAL) { id name stages { id } } }', {}, tokens[0]);
  const pipeline = pipelines.data.pipelines.find((candidate: any) => candidate.name === 'Neuanlagen');
  const board = await graphqlAt(url, 'query($id: ID!) { board(pipelineId: $id) { columns { cards { id version stage { id } } } } }', { id: pipeline.id }, tokens[0]);
  let card = board.data.board.columns.flatMap((column: any) => column.cards)[0];

  const clients: Client[] = [];
  let received = 0;
  // Events of each version of the moved card to the administrator's subscribers without a filter
  // (every move reaches each of them; others may not see the card, a `mine` board hears only of
  // its user's cards): the mover waits for all of a move's before the next.
  const seesEveryMove = (index: number) => index % tokens.length === 0 && index % 2 === 1;
  const unfiltered = Array.from({ length: SUBSCRIBERS }, (_, index) => index).filter(seesEveryMove).length;
  const receivedByVersion = new Map<number, number>();
  let allReceived: { version: number; resolve: () => void } | null = null;
  const delivered = (version: number, toUnfiltered: boolean) => {
    received += 1;
    if (!toUnfiltered) return;
    const count = (receivedByVersion.get(version) ?? 0) + 1;
    receivedByVersion.set(version, count);
    if (allReceived?.version === version && count >= unfiltered) allReceived.resolve();
  };
  // Subscribers connect in waves of 100 before the load starts: a storm of a thousand logins at
  // once would measure the connection pool's queue, not the memory.
  for (let wave = 0; wave < SUBSCRIBERS; wave += 100) {
    await Promise.all(Array.from({ length: Math.min(100, SUBSCRIBERS - wave) }, (_, offset) => {
      const index = wave + offset;
      const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokens[index % tokens.length]}` }, retryAttempts: 0 });
      clients.push(client);
      const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
      client.subscribe({ query: print(BoardChangedSubscription), variables: { pipelineId: pipeline.id, filter: index % 2 ? null : { mine: true } } }, { next: (event: any) => delivered(event.data?.boardChanged?.version, seesEveryMove(index)), error: () => {}, complete: () => {} });
      return connected;
    }));
  }
  let failedMoves = 0;
  let moves = 0;
  let lateMoves = 0;

  let request = 0;
  const queries = [
    { query: print(BoardQuery), variables: { pipelineId: pipeline.id, filter: null, cardsPerStage: 50 } },
    { query: print(OpportunityListQuery), variables: { filter: { statuses: ['OPEN'] }, orderBy: { field: 'AMOUNT', direction: 'DESC' }, first: 25 } },
  ];
  let failedQueries = 0;
  const queryLoad = async () => {
    request += 1;
    // Counted and printed: a heap snapshot stops the server long enough for a request to time out.
    await graphqlAt(url, queries[request % 2].query, queries[request % 2].variables, tokens[request % tokens.length]).catch(() => void (failedQueries += 1));
  };
  const started = performance.now();
  const deadline = started + MINUTES * 60_000;
  const samples: Array<{ minute: number; rss: number; heapUsed: number }> = [];
  const sample = async () => {
    const { rss, heapUsed } = await probe<MemoryReply>(server, { type: 'memory', collect: false });
    samples.push({ minute: (performance.now() - started) / 60_000, rss, heapUsed });
  };
  const sampler = setInterval(() => void sample(), SAMPLE_MS);
  const readings: Array<{ minute: number; requests: number; before: MemoryReply; collected: MemoryReply; snapshot?: string }> = [];
  const reading = async (label: string) => {
    const minute = (performance.now() - started) / 60_000;
    const requests = request;
    const before = await probe<MemoryReply>(server, { type: 'memory', collect: false });
    const collected = await probe<MemoryReply>(server, { type: 'memory', collect: true });
    const snapshot = SNAPSHOTS
      ? (await probe<ProbeReply & { type: 'heap-snapshot' }>(server, { type: 'heap-snapshot', file: path.resolve(SNAPSHOTS, `soak-${label}.heapsnapshot`) })).file
      : undefined;
    readings.push({ minute, requests, before, collected, snapshot });
  };
  const warmUp = sleep(WARM_UP_MS).then(() => reading('warm'));
  // One move at a time and at most one a second, and the next only once every subscriber has
  // received the last one's event (or after 30 s, counted as late): a server slower than the load
  // then delivers less often instead of queueing events, so the soak measures leaks, not queues.
  const mover = (async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      const stage = pipeline.stages[(pipeline.stages.findIndex((candidate: any) => candidate.id === card.stage.id) + 1) % pipeline.stages.length].id;
      try {
        const result = await graphqlAt(url, 'mutation($id: ID!, $stage: ID!, $v: Int) { moveOpportunity(id: $id, stageId: $stage, version: $v) { ... on MoveOpportunitySuccess { opportunity { id version stage { id } } } } }', { id: card.id, stage, v: card.version }, tokens[0]);
        const moved = result.data.moveOpportunity.opportunity;
        if (moved) {
          moves += 1;
          const all = new Promise<boolean>((resolve) => {
            allReceived = { version: moved.version, resolve: () => resolve(true) };
            if ((receivedByVersion.get(moved.version) ?? 0) >= unfiltered) resolve(true);
          });
          if (!(await Promise.race([all, sleep(30_000).then(() => false)]))) lateMoves += 1;
          receivedByVersion.delete(moved.version);
          card = moved;
        }
      } catch {
        // Counted and printed: under overload a move may wait too long for a connection.
        failedMoves += 1;
      }
      await sleep(Math.max(0, 1000 - (performance.now() - begin)));
    }
  })();
  const queried = await load(queryLoad, MINUTES * 60_000, CONCURRENCY);
  await mover;
  await warmUp;
  clearInterval(sampler);
  await reading('end');
  await Promise.all(clients.map((client) => client.dispose()));

  const [warm, end] = readings;
  const change = (from: number, to: number) => `${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(1)} %`;
  const line = (what: string, key: 'rss' | 'heapUsed' | 'external') =>
    `  ${what}: after warm-up (${warm.minute.toFixed(1)} min) ${mib(warm.before[key])}, at the end (${end.minute.toFixed(1)} min) ${mib(end.before[key])}: ${change(warm.before[key], end.before[key])};` +
    ` after a full GC ${mib(warm.collected[key])} and ${mib(end.collected[key])}: ${change(warm.collected[key], end.collected[key])}`;
  console.log(`Soak of ${MINUTES} min: ${queried.requests} board and list requests (${queried.rps.toFixed(0)} req/s, p99 ${queried.p99.toFixed(0)} ms), ${moves} moves, ${SUBSCRIBERS} subscribers received ${received} events${lateMoves ? ` (${lateMoves} moves not delivered to all within 30 s)` : ''}${failedMoves ? `; ${failedMoves} moves failed` : ''}${failedQueries ? `; ${failedQueries} requests failed` : ''}`);
  console.log(`  samples (RSS / V8 heap used): ${samples.map((entry) => `${entry.minute.toFixed(1)} min ${mib(entry.rss)} / ${mib(entry.heapUsed)}`).join(', ')}`);
  console.log(line('resident memory', 'rss'));
  console.log(line('V8 heap used   ', 'heapUsed'));
  console.log(line('external (buffers)', 'external'));
  // From after the warm-up's forced collection to before the end's: those are not the load's.
  const cpu = end.before.cpuMs - warm.collected.cpuMs;
  const gc = end.before.gcMs - warm.collected.gcMs;
  const requestsSinceWarmUp = end.requests - warm.requests;
  console.log(`  server CPU from warm-up to the end: ${(cpu / 1000).toFixed(0)} s, ${(cpu / requestsSinceWarmUp).toFixed(1)} ms per board or list request (${requestsSinceWarmUp} requests, moves and events included), of which garbage collection pauses ${(gc / 1000).toFixed(1)} s (${((gc / cpu) * 100).toFixed(1)} %)`);
  if (warm.snapshot) console.log(`  heap snapshots: ${warm.snapshot}, ${end.snapshot}`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.on('exit', resolve)) : null)));
  for (const cleanup of cleanups) await cleanup();
}

async function prepareDatabase(): Promise<NodeJS.ProcessEnv> {
  const databaseServer = process.env.BENCH_DATABASE_URL;
  if (databaseServer) {
    const name = `crm_soak_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseServer });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(databaseServer);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString(), REDIS_URL: '' };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'crm-bench-soak-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { DATABASE_URL: '', REDIS_URL: '', PGLITE_DIR: dir };
}
