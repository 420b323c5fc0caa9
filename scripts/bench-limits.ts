// `npm run bench:limits`: what the request limits of server/security cost a board request.
//
// On a scratch database next to BENCH_DATABASE_URL (PostgreSQL, so that the database's work is
// not in this process) with the demo organisation, it alternates, in several rounds:
//   - full board requests of a manager through the app (`yoga.fetch`, no network), and
//   - the security plugins' own hooks run on the same document, variables and context: the
//     per-request work (cost estimate, NUL scan, read-only check, timeout, cost extension), and
//     separately the work yoga caches per document (token-limited parse, armor's validation rules).
// It prints the CPU time of each per request and the share of a request's CPU they take: with the
// server bound by its CPU, that share is the throughput the limits cost.
import { performance } from 'node:perf_hooks';
import { parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/db/open-configured.ts';
import { login } from '../server/domain/sessions.ts';
import { schema } from '../server/schema/index.ts';
import { operationTimeout } from '../server/security/operation-timeout.ts';
import { queryLimits } from '../server/security/query-limits.ts';
import { refuseMutationsForReadOnlyTokens } from '../server/security/read-only.ts';
import { refuseNulCharacters } from '../server/security/text-input.ts';
import { DEMO_PASSWORD, seedDemoData } from '../server/seed/demo-data.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres:postgres@localhost:5432/postgres');
  process.exit(1);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 200);
const HOOK_RUNS_PER_ROUND = REQUESTS_PER_ROUND * 10;

const boardQuery = `query Board($pipelineId: ID!, $filter: OpportunityFilter, $cardsPerStage: Int) {
  board(pipelineId: $pipelineId, filter: $filter, cardsPerStage: $cardsPerStage) {
    pipeline { id name kind }
    columns { count amount weightedAmount hasMoreCards stage { id name probability position }
      cards { id humanId title version amount probability weightedAmount expectedCloseDate isStale daysWithoutActivity
        viewerCanEdit accountId account { id name } contact { id fullName } owner { id name }
        nextOpenActivity { id type subject dueAt status } } }
  }
}`;

const databaseName = `crm_bench_limits_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${databaseName}"`);
const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;
try {
  await run(url.toString());
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.end();
}

async function run(databaseUrl: string) {
  const { db } = await openMigratedDatabase({ databaseUrl, pgliteDir: '' });
  await seedDemoData(db.prisma);
  const config = { ...readConfig({}), clientDir: '/nonexistent' };
  const app = buildApp({ db, config });
  const { token } = await login(db.prisma, { email: 'jens.petersen@nordlicht.example', password: DEMO_PASSWORD }, 1);
  const pipeline = await db.prisma.pipeline.findFirstOrThrow({ where: { name: 'Neuanlagen' } });
  const variables = { pipelineId: Buffer.from(`Pipeline:${pipeline.id}`).toString('base64'), cardsPerStage: 25 };

  const request = async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: boardQuery, variables }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const viewer = { readOnly: false };
  const plugins: Plugin[] = [
    ...queryLimits(config.limits, { introspection: config.introspection }),
    refuseNulCharacters(),
    operationTimeout(config.limits.operationTimeoutMs),
    refuseMutationsForReadOnlyTokens(),
  ];
  const document = parse(boardQuery);
  const perRequestHooks = () => runExecuteHooks(plugins, document, variables, { viewer });
  const validationRules = collectValidationRules(plugins);
  const parseFns = collectParseFns(plugins);
  const perDocumentWork = () => {
    for (const parseFn of parseFns) parseFn(boardQuery);
    validate(schema, document, [...specifiedRules, ...validationRules]);
  };

  for (let warm = 0; warm < 50; warm += 1) {
    await request();
    perRequestHooks();
    perDocumentWork();
  }
  const rounds: Array<{ request: number; hooks: number; document: number }> = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    rounds.push({
      request: await cpuPerCall(REQUESTS_PER_ROUND, request),
      hooks: await cpuPerCall(HOOK_RUNS_PER_ROUND, async () => perRequestHooks()),
      document: await cpuPerCall(HOOK_RUNS_PER_ROUND, async () => perDocumentWork()),
    });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const requestCpu = median(rounds.map((round) => round.request));
  const hooksCpu = median(rounds.map((round) => round.hooks));
  const documentCpu = median(rounds.map((round) => round.document));
  const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  const share = (ms: number) => `${((ms / requestCpu) * 100).toFixed(2)} %`;
  console.log(`board of a manager (${ROUNDS} rounds of ${REQUESTS_PER_ROUND} requests, medians; CPU time of this process per call)`);
  console.log(`  whole request through the app                  : ${us(requestCpu)}`);
  console.log(`  limits' per-request hooks                       : ${us(hooksCpu)}  = ${share(hooksCpu)} of a request`);
  console.log(`  limits' per-document work (cached by yoga)      : ${us(documentCpu)}  = ${share(documentCpu)} of a request if it were not cached`);
  console.log(`  throughput the limits cost (CPU-bound server)   : ${share(hooksCpu)} (at most ${share(hooksCpu + documentCpu)} with a new document each time)`);

  await app.stop();
  await db.close();
}

/** Mean CPU time (user + system) of this process per call, in milliseconds. */
async function cpuPerCall(calls: number, call: () => Promise<unknown>) {
  const start = process.cpuUsage();
  const wallStart = performance.now();
  for (let index = 0; index < calls; index += 1) await call();
  const used = process.cpuUsage(start);
  if (performance.now() - wallStart <= 0) return Number.NaN;
  return (used.user + used.system) / 1000 / calls;
}

function runExecuteHooks(plugins: Plugin[], document: DocumentNode, variableValues: Record<string, unknown>, contextValue: object) {
  const args = { schema, document, variableValues, contextValue, operationName: 'Board' } as unknown as ExecutionArgs;
  let stopped = false;
  const done: Array<(payload: never) => void> = [];
  for (const plugin of plugins) {
    const hooks = plugin.onExecute?.({
      args,
      setResultAndStopExecution: () => {
        stopped = true;
      },
    } as never) as { onExecuteDone?: (payload: never) => void } | void;
    if (hooks?.onExecuteDone) done.push(hooks.onExecuteDone);
  }
  if (stopped) throw new Error('A limit refused the board query.');
  const result = { data: {} };
  for (const onExecuteDone of done) onExecuteDone({ result, args, setResult: () => {} } as never);
}

function collectValidationRules(plugins: Plugin[]) {
  const rules: ValidationRule[] = [];
  for (const plugin of plugins) {
    plugin.onValidate?.({ addValidationRule: (rule: ValidationRule) => rules.push(rule), params: {}, context: {} } as never);
  }
  return rules;
}

function collectParseFns(plugins: Plugin[]) {
  const parseFns: Array<(source: string) => unknown> = [];
  for (const plugin of plugins) {
    plugin.onParse?.({ setParseFn: (parseFn: (source: string) => unknown) => parseFns.push(parseFn), params: {}, context: {} } as never);
  }
  return parseFns;
}
