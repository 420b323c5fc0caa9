// `npm run bench`: load figures for the board and a filtered opportunity page on PostgreSQL.
//
// For each size in BENCH_OPPORTUNITIES (default "10000,100000") it creates a scratch database next
// to BENCH_DATABASE_URL (or DATABASE_URL), fills it with the demo organisation plus that many
// opportunities (4 activities each), then drives the GraphQL server with the client's own board
// and list queries and, as a baseline, a plain HTTP handler answering the same questions with one
// hand-written SQL statement each (scripts/bench-baseline.ts), in alternating slices under the
// same concurrent load. Prints requests per second, latency percentiles, SQL statements per
// request, whether both answered the same JSON, the ratios, and how the board's p50 grows with
// the number of opportunities.
import { isDeepStrictEqual } from 'node:util';
import { print } from 'graphql';
import type { SqlQuery } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { BoardQuery } from '../client/src/pages/board/board-queries.ts';
import { OpportunityListQuery } from '../client/src/pages/opportunities/opportunity-list-queries.ts';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/db/open-configured.ts';
import { login } from '../server/domain/sessions.ts';
import { DEMO_PASSWORD, seedDemoData } from '../server/seed/demo-data.ts';
import { baselineStatements, startBaseline } from './bench-baseline.ts';
import { alternate, formatLoad, type LoadResult } from './bench-load.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres:postgres@localhost:5432/postgres');
  process.exit(1);
}
const SIZES = (process.env.BENCH_OPPORTUNITIES ?? '10000,100000').split(',').map(Number);
const ACTIVITIES_PER_OPPORTUNITY = 4;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
/** What the client asks for (BoardPage.tsx, OpportunityListPage.tsx). */
const CARDS_PER_STAGE = 50;
const PAGE_SIZE = 25;
const AMOUNT_MIN = '50000';

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const boardP50 = new Map<number, { api: number; baseline: number }>();
try {
  for (const size of SIZES) boardP50.set(size, await runSize(size));
  if (SIZES.length > 1) {
    const [smallest, largest] = [Math.min(...SIZES), Math.max(...SIZES)];
    const [small, large] = [boardP50.get(smallest)!, boardP50.get(largest)!];
    console.log(`Cost growth: board p50 at ${largest.toLocaleString('en')} opportunities is ${(large.api / small.api).toFixed(2)}x its p50 at ${smallest.toLocaleString('en')} (baseline: ${(large.baseline / small.baseline).toFixed(2)}x)`);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await admin.end();
}

async function runSize(size: number) {
  const databaseName = `crm_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(serverUrl!);
  url.pathname = `/${databaseName}`;
  try {
    return await run(url.toString(), size);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  }
}

async function run(databaseUrl: string, size: number) {
  const { db } = await openMigratedDatabase({ databaseUrl, pgliteDir: '' });
  await seedDemoData(db.prisma);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('error', () => {}); // idle clients are cut off when the scratch database is dropped
  const demo = Number((await pool.query('SELECT count(*) AS n FROM "Opportunity"')).rows[0].n);
  await generate(pool, Math.max(0, size - demo));
  const counts = await pool.query('SELECT (SELECT count(*) FROM "Opportunity") AS opportunities, (SELECT count(*) FROM "Activity") AS activities');
  console.log(`== ${counts.rows[0].opportunities} opportunities, ${counts.rows[0].activities} activities; ${CONCURRENCY} requests in flight, ${DURATION_MS / 1000} s each side ==\n`);

  const manager = await db.prisma.user.findUniqueOrThrow({ where: { email: 'jens.petersen@nordlicht.example' }, include: { memberships: true } });
  const { token } = await login(db.prisma, { email: manager.email, password: DEMO_PASSWORD }, 1);
  const pipeline = await db.prisma.pipeline.findFirstOrThrow({ where: { name: 'Neuanlagen' } });
  const teamIds = manager.memberships.map((membership) => membership.teamId);

  const app = buildApp({ db, config: { ...readConfig({}), clientDir: '/nonexistent' } });
  const { url: appUrl } = await app.start(0, '127.0.0.1');
  const questions = { pipelineId: pipeline.id, cardsPerStage: CARDS_PER_STAGE, pageSize: PAGE_SIZE, amountMin: AMOUNT_MIN };
  const baseline = await startBaseline(pool, teamIds, questions);
  const baselineSql = baselineStatements(teamIds, questions);

  const graphql = (query: string, variables: Record<string, unknown>) => () =>
    fetch(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then(async (response) => {
      const body = (await response.json()) as { errors?: unknown; extensions?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      delete body.extensions;
      return body;
    });
  const plain = (path: string) => () => fetch(`${baseline.url}${path}`).then((response) => response.json());

  const boardVariables = { pipelineId: Buffer.from(`Pipeline:${pipeline.id}`).toString('base64'), filter: null, cardsPerStage: CARDS_PER_STAGE };
  const pageVariables = { filter: { statuses: ['OPEN'], amountMin: AMOUNT_MIN }, orderBy: { field: 'AMOUNT', direction: 'DESC' }, first: PAGE_SIZE };
  const results: Record<string, LoadResult> = {};
  for (const [name, api, sql] of [
    ['board', graphql(print(BoardQuery), boardVariables), plain('/board')],
    ['page', graphql(print(OpportunityListQuery), pageVariables), plain('/page')],
  ] as const) {
    const stop = db.statements.startQueries();
    const answer = await api();
    const queries = stop();
    const statements = queries.length;
    const same = isDeepStrictEqual(answer, await sql());
    await alternate(api, sql, 2000, CONCURRENCY, 1); // warm-up
    const [apiResult, sqlResult] = await alternate(api, sql, DURATION_MS * 2, CONCURRENCY);
    results[name] = apiResult;
    results[`${name} baseline`] = sqlResult;
    console.log(name === 'board' ? `board (Neuanlagen, the client's selection, ${CARDS_PER_STAGE} cards per stage)` : `opportunity page (open, amount >= ${AMOUNT_MIN}, by amount, ${PAGE_SIZE} rows with the client's columns)`);
    console.log(`  GraphQL API : ${formatLoad(apiResult)}   SQL statements per request: ${statements}`);
    console.log(`  SQL baseline: ${formatLoad(sqlResult)}   SQL statements per request: 1`);
    console.log(`  same JSON   : ${same ? 'yes' : 'NO: the answers differ'}`);
    for (const line of await explain(pool, queries)) console.log(`  EXPLAIN     : ${line}`);
    for (const line of await explain(pool, [baselineSql[name]], 'baseline')) console.log(`  EXPLAIN     : ${line}`);
    console.log(`  ratio       : API reaches ${(apiResult.rps / sqlResult.rps).toFixed(2)}x the baseline's throughput, p50 latency ${(apiResult.p50 / sqlResult.p50).toFixed(2)}x\n`);
  }

  await app.stop();
  await new Promise((resolve) => baseline.server.close(resolve));
  await pool.end();
  await db.close();
  return { api: results.board.p50, baseline: results['board baseline'].p50 };
}

/**
 * How PostgreSQL runs each statement of one request (EXPLAIN ANALYZE with its arguments): the
 * execution time and the scans on Opportunity, so a missing index shows as a sequential scan.
 */
async function explain(pool: pg.Pool, queries: Pick<SqlQuery, 'sql' | 'args'>[], label?: string): Promise<string[]> {
  const lines: string[] = [];
  for (const query of queries) {
    // The request's reads only (its credential check may also write `lastUsedAt`); the baseline only reads.
    if (!label && !/^\s*SELECT/i.test(query.sql)) continue;
    const table = label ?? /FROM "public"\."(\w+)"/.exec(query.sql)?.[1] ?? '?';
    try {
      const plan = (await pool.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${query.sql}`, query.args as unknown[])).rows.map((row) => String(row['QUERY PLAN']));
      const time = plan.find((line) => line.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
      const scans = plan.filter((line) => /Scan.* on "?Opportunity"?\b/.test(line)).map((line) => line.trim().replace(/^->\s*/, ''));
      lines.push(`${table}: ${time}${scans.length ? `; ${[...new Set(scans)].join(', ')}` : ''}`);
    } catch (error) {
      lines.push(`${table}: could not explain (${(error as Error).message})`);
    }
  }
  return lines;
}

/** Bulk data in PostgreSQL itself: spread over the demo accounts, contacts, pipelines and sellers. */
async function generate(pool: pg.Pool, count: number) {
  console.log(`Generating ${count.toLocaleString('en')} opportunities and ${(count * ACTIVITIES_PER_OPPORTUNITY).toLocaleString('en')} activities…`);
  await pool.query(`
    WITH accounts AS (SELECT a.id, a."ownerId", a."teamId", c.id AS "contactId", row_number() OVER (ORDER BY a.id) AS n
                      FROM "Account" a LEFT JOIN LATERAL (SELECT id FROM "Contact" WHERE "accountId" = a.id ORDER BY id LIMIT 1) c ON true),
         stages AS (SELECT s.id, s."pipelineId", s.probability, p.kind, row_number() OVER (ORDER BY p.position, s.position) AS n FROM "Stage" s JOIN "Pipeline" p ON p.id = s."pipelineId"),
         account_count AS (SELECT count(*) AS c FROM accounts),
         stage_count AS (SELECT count(*) AS c FROM stages)
    INSERT INTO "Opportunity" (id, kind, title, "accountId", "contactId", "ownerId", "teamId", "pipelineId", "stageId", amount, probability, "weightedAmount", "expectedCloseDate", status, "forecastCategoryKey", "createdAt", "updatedAt", "lastActivityAt")
    SELECT gen_random_uuid(), st.kind, 'Bench-Projekt ' || g, a.id, CASE WHEN g % 3 > 0 THEN a."contactId" END, a."ownerId", a."teamId", st."pipelineId", st.id,
           amt, st.probability, round(amt * st.probability / 100, 2), DATE '2026-12-01' + (g % 365),
           (CASE WHEN g % 5 = 0 THEN 'WON' WHEN g % 7 = 0 THEN 'LOST' ELSE 'OPEN' END)::"OpportunityStatus", 'PIPELINE',
           now() - (g % 700) * interval '1 day', now(), now() - (g % 30) * interval '1 day'
    FROM generate_series(1, ${count}) g
    CROSS JOIN LATERAL (SELECT (1000 + (g * 7919) % 250000)::numeric(14,2) AS amt) x
    JOIN account_count ac ON true JOIN stage_count sc ON true
    JOIN accounts a ON a.n = 1 + g % ac.c
    JOIN stages st ON st.n = 1 + (g / 3) % sc.c`);
  await pool.query(`
    INSERT INTO "Activity" (id, type, subject, "opportunityId", "accountId", "assigneeId", "createdById", "teamId", "dueAt", "doneAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), (ARRAY['CALL','EMAIL','MEETING','TASK']::"ActivityType"[])[1 + k], 'Bench-Aktivität ' || k, o.id, o."accountId", o."ownerId", o."ownerId", o."teamId",
           now() + (k - 2) * interval '3 days' + (hashtext(o.id::text) % 1000) * interval '1 minute', CASE WHEN k < 2 THEN now() - interval '1 day' END, now(), now()
    FROM "Opportunity" o CROSS JOIN generate_series(0, ${ACTIVITIES_PER_OPPORTUNITY - 1}) k
    WHERE o.title LIKE 'Bench-Projekt %'`);
  await pool.query('ANALYZE');
}
