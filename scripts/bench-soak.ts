// `npm run bench:soak`: whether the server's memory stays flat under lasting load.
//
// Starts the server as a separate process (on a scratch database of BENCH_DATABASE_URL, else on
// an embedded PGlite database in a temporary folder) and runs, for BENCH_SOAK_MINUTES (default
// 10): the client's board and opportunity list queries, BENCH_CONCURRENCY (8) at a time over
// five users, BENCH_SUBSCRIBERS (1000) live board subscribers of those users, and a card move
// every second. It samples the server's resident memory every 30 s and prints it after the first
// minute (warm-up) and at the end, with the change in percent.
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
import { load, mib, residentMemory, sleep } from './bench-load.ts';
import { graphqlAt, startProcess } from './bench-process.ts';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const SAMPLE_MS = 30_000;
const WARM_UP_MS = 60_000;
const EMAILS = ['admin@nordlicht.example', 'jens.petersen@nordlicht.example', 'sabine.huber@nordlicht.example', 'lars.hansen@nordlicht.example', 'maria.schmid@nordlicht.example'];

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
try {
  const url = await startProcess(children, ['server/main.ts'], { ...(await prepareDatabase()), WS_MAX_SOCKETS_PER_USER: String(SUBSCRIBERS) });
  const server = children[0].pid!;
  const tokens = await Promise.all(EMAILS.map(async (email) => (await graphqlAt(url, `mutation { login(email: "${email}", password: "demo1234") { ... on LoginPayload { token } } }`)).data.login.token as string));
  const pipelines = await graphqlAt(url, '{ pipelines(kind: DEAL) { id name stages { id } } }', {}, tokens[0]);
  const pipeline = pipelines.data.pipelines.find((candidate: any) => candidate.name === 'Neuanlagen');
  const board = await graphqlAt(url, 'query($id: ID!) { board(pipelineId: $id) { columns { cards { id version stage { id } } } } }', { id: pipeline.id }, tokens[0]);
  let card = board.data.board.columns.flatMap((column: any) => column.cards)[0];

  const clients: Client[] = [];
  let received = 0;
  // Subscribers connect in waves of 100 before the load starts: a storm of a thousand logins at
  // once would measure the connection pool's queue, not the memory.
  for (let wave = 0; wave < SUBSCRIBERS; wave += 100) {
    await Promise.all(Array.from({ length: Math.min(100, SUBSCRIBERS - wave) }, (_, offset) => {
      const index = wave + offset;
      const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokens[index % tokens.length]}` }, retryAttempts: 0 });
      clients.push(client);
      const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
      client.subscribe({ query: print(BoardChangedSubscription), variables: { pipelineId: pipeline.id, filter: index % 2 ? null : { mine: true } } }, { next: () => void (received += 1), error: () => {}, complete: () => {} });
      return connected;
    }));
  }
  let failedMoves = 0;

  let request = 0;
  const queries = [
    { query: print(BoardQuery), variables: { pipelineId: pipeline.id, filter: null, cardsPerStage: 50 } },
    { query: print(OpportunityListQuery), variables: { filter: { statuses: ['OPEN'] }, orderBy: { field: 'AMOUNT', direction: 'DESC' }, first: 25 } },
  ];
  const queryLoad = () => {
    request += 1;
    return graphqlAt(url, queries[request % 2].query, queries[request % 2].variables, tokens[request % tokens.length]);
  };
  const started = performance.now();
  const deadline = started + MINUTES * 60_000;
  const samples: Array<{ minute: number; rss: number }> = [];
  const sampler = setInterval(() => samples.push({ minute: (performance.now() - started) / 60_000, rss: residentMemory(server) }), SAMPLE_MS);
  const mover = (async () => {
    while (performance.now() < deadline) {
      const stage = pipeline.stages[(pipeline.stages.findIndex((candidate: any) => candidate.id === card.stage.id) + 1) % pipeline.stages.length].id;
      try {
        const result = await graphqlAt(url, 'mutation($id: ID!, $stage: ID!, $v: Int) { moveOpportunity(id: $id, stageId: $stage, version: $v) { ... on MoveOpportunitySuccess { opportunity { id version stage { id } } } } }', { id: card.id, stage, v: card.version }, tokens[0]);
        card = result.data.moveOpportunity.opportunity ?? card;
      } catch {
        // Counted and printed: under overload a move may wait too long for a connection.
        failedMoves += 1;
      }
      await sleep(1000);
    }
  })();
  const queried = await load(queryLoad, MINUTES * 60_000, CONCURRENCY);
  await mover;
  clearInterval(sampler);
  samples.push({ minute: (performance.now() - started) / 60_000, rss: residentMemory(server) });
  await Promise.all(clients.map((client) => client.dispose()));

  const warm = samples.find((sample) => sample.minute * 60_000 >= WARM_UP_MS) ?? samples[0];
  const end = samples.at(-1)!;
  console.log(`Soak of ${MINUTES} min: ${queried.requests} board and list requests (${queried.rps.toFixed(0)} req/s, p99 ${queried.p99.toFixed(0)} ms), ${SUBSCRIBERS} subscribers received ${received} events${failedMoves ? `; ${failedMoves} moves failed` : ''}`);
  console.log(`  resident memory: ${samples.map((sample) => `${sample.minute.toFixed(1)} min ${mib(sample.rss)}`).join(', ')}`);
  console.log(`  after warm-up (${warm.minute.toFixed(1)} min) ${mib(warm.rss)}, at the end ${mib(end.rss)}: ${(((end.rss - warm.rss) / warm.rss) * 100).toFixed(1)} %`);
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
