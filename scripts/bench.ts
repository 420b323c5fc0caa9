// `npm run bench`: load figures for the board and a filtered opportunity page on PostgreSQL.
//
// Creates a scratch database next to BENCH_DATABASE_URL (or DATABASE_URL), fills it with the demo
// organisation plus BENCH_OPPORTUNITIES opportunities (default 50,000) and 4 activities each, then
// drives the GraphQL server and, as a baseline, a plain HTTP handler answering the same questions
// with one hand-written SQL query through `pg`, both under the same concurrent load. Prints
// requests per second, latency percentiles, SQL statements per request and the ratios.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/db/open-configured.ts';
import { login } from '../server/domain/sessions.ts';
import { DEMO_PASSWORD, seedDemoData } from '../server/seed/demo-data.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres:postgres@localhost:5432/postgres');
  process.exit(1);
}
const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 50_000);
const ACTIVITIES_PER_OPPORTUNITY = 4;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const CARDS_PER_STAGE = 25;
const PAGE_SIZE = 50;

const databaseName = `crm_bench_${Date.now()}`;
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
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('error', () => {}); // idle clients are cut off when the scratch database is dropped
  console.log(`Generating ${OPPORTUNITIES.toLocaleString('en')} opportunities and ${(OPPORTUNITIES * ACTIVITIES_PER_OPPORTUNITY).toLocaleString('en')} activities…`);
  await generate(pool);
  const counts = await pool.query('SELECT (SELECT count(*) FROM "Opportunity") AS opportunities, (SELECT count(*) FROM "Activity") AS activities');
  console.log(`Database: ${counts.rows[0].opportunities} opportunities, ${counts.rows[0].activities} activities.\n`);

  const manager = await db.prisma.user.findUniqueOrThrow({ where: { email: 'jens.petersen@nordlicht.example' }, include: { memberships: true } });
  const { token } = await login(db.prisma, { email: manager.email, password: DEMO_PASSWORD }, 1);
  const pipeline = await db.prisma.pipeline.findFirstOrThrow({ where: { name: 'Neuanlagen' } });
  const teamIds = manager.memberships.map((membership) => membership.teamId);

  const app = buildApp({ db, config: { ...readConfig({}), clientDir: '/nonexistent' } });
  const { url: appUrl } = await app.start(0, '127.0.0.1');
  const baseline = await startBaseline(pool, teamIds);

  const pipelineGlobalId = Buffer.from(`Pipeline:${pipeline.id}`).toString('base64');
  const boardQuery = `query Board($id: ID!) { board(pipelineId: $id, cardsPerStage: ${CARDS_PER_STAGE}) { columns { stage { name } count amount weightedAmount cards { id humanId title amount probability expectedCloseDate account { name } owner { name } } } } }`;
  const pageQuery = `query Page { opportunities(first: ${PAGE_SIZE}, filter: { statuses: [OPEN], amountMin: "50000" }, orderBy: { field: AMOUNT, direction: DESC }) { totalCount edges { node { id humanId title amount probability expectedCloseDate account { name } owner { name } stage { name } } } } }`;
  const graphql = (query: string, variables: Record<string, unknown>) => () =>
    fetch(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then(async (response) => {
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    });
  const plain = (path: string) => () => fetch(`${baseline.url}${path}`).then((response) => response.text());

  for (const [name, api, sql] of [
    ['board (Neuanlagen)', graphql(boardQuery, { id: pipelineGlobalId }), plain(`/board?pipelineId=${pipeline.id}`)],
    ['opportunities page (open, amount >= 50,000, by amount)', graphql(pageQuery, {}), plain('/page')],
  ] as const) {
    const stop = db.statements.start();
    await api();
    const statements = stop().length;
    await load(api, 2000); // warm-up
    await load(sql, 2000);
    const apiResult = await load(api, DURATION_MS);
    const sqlResult = await load(sql, DURATION_MS);
    console.log(`${name}`);
    console.log(`  GraphQL API : ${format(apiResult)}   SQL statements per request: ${statements}`);
    console.log(`  SQL baseline: ${format(sqlResult)}   SQL statements per request: 1`);
    console.log(`  ratio       : API reaches ${(apiResult.rps / sqlResult.rps).toFixed(2)}x the baseline's throughput, p50 latency ${(apiResult.p50 / sqlResult.p50).toFixed(2)}x\n`);
  }

  await app.stop();
  await new Promise((resolve) => baseline.server.close(resolve));
  await pool.end();
  await db.close();
}

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Keeps CONCURRENCY requests in flight for `durationMs` and records each latency. */
async function load(request: () => Promise<unknown>, durationMs: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        await request();
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) => latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))];
  return { requests: latencies.length, rps: latencies.length / elapsed, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies.at(-1) ?? 0 };
}

function format(result: LoadResult) {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `${result.rps.toFixed(0).padStart(5)} req/s  p50 ${ms(result.p50)}  p95 ${ms(result.p95)}  p99 ${ms(result.p99)}  max ${ms(result.max)}  (${result.requests} requests)`;
}

/** Bulk data in PostgreSQL itself: spread over the demo accounts, pipelines and sellers. */
async function generate(pool: pg.Pool) {
  await pool.query(`
    WITH accounts AS (SELECT id, "ownerId", "teamId", row_number() OVER (ORDER BY id) AS n FROM "Account"),
         stages AS (SELECT s.id, s."pipelineId", s.probability, p.kind, row_number() OVER (ORDER BY p.position, s.position) AS n FROM "Stage" s JOIN "Pipeline" p ON p.id = s."pipelineId"),
         account_count AS (SELECT count(*) AS c FROM accounts),
         stage_count AS (SELECT count(*) AS c FROM stages)
    INSERT INTO "Opportunity" (id, kind, title, "accountId", "ownerId", "teamId", "pipelineId", "stageId", amount, probability, "weightedAmount", "expectedCloseDate", status, "forecastCategoryKey", "createdAt", "updatedAt", "lastActivityAt")
    SELECT gen_random_uuid(), st.kind, 'Bench-Projekt ' || g, a.id, a."ownerId", a."teamId", st."pipelineId", st.id,
           amt, st.probability, round(amt * st.probability / 100, 2), DATE '2026-12-01' + (g % 365),
           (CASE WHEN g % 5 = 0 THEN 'WON' WHEN g % 7 = 0 THEN 'LOST' ELSE 'OPEN' END)::"OpportunityStatus", 'PIPELINE',
           now() - (g % 700) * interval '1 day', now(), now() - (g % 30) * interval '1 day'
    FROM generate_series(1, ${OPPORTUNITIES}) g
    CROSS JOIN LATERAL (SELECT (1000 + (g * 7919) % 250000)::numeric(14,2) AS amt) x
    JOIN account_count ac ON true JOIN stage_count sc ON true
    JOIN accounts a ON a.n = 1 + g % ac.c
    JOIN stages st ON st.n = 1 + (g / 3) % sc.c`);
  await pool.query(`
    INSERT INTO "Activity" (id, type, subject, "opportunityId", "accountId", "assigneeId", "createdById", "teamId", "dueAt", "doneAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), (ARRAY['CALL','EMAIL','MEETING','TASK']::"ActivityType"[])[1 + k], 'Bench-Aktivität ' || k, o.id, o."accountId", o."ownerId", o."ownerId", o."teamId",
           now() + (k - 2) * interval '3 days', CASE WHEN k < 2 THEN now() - interval '1 day' END, now(), now()
    FROM "Opportunity" o CROSS JOIN generate_series(0, ${ACTIVITIES_PER_OPPORTUNITY - 1}) k
    WHERE o.title LIKE 'Bench-Projekt %'`);
  await pool.query('ANALYZE');
}

/** The same answers as the API, from one SQL statement each, serialised to the same JSON shape. */
async function startBaseline(pool: pg.Pool, teamIds: string[]): Promise<{ server: Server; url: string }> {
  const board = `
    WITH visible AS (
      SELECT o.*, row_number() OVER (PARTITION BY o."stageId" ORDER BY o."expectedCloseDate", o.id) AS rank,
             count(*) OVER (PARTITION BY o."stageId") AS stage_count,
             sum(o.amount) OVER (PARTITION BY o."stageId") AS stage_amount,
             sum(o."weightedAmount") OVER (PARTITION BY o."stageId") AS stage_weighted
      FROM "Opportunity" o WHERE o."pipelineId" = $1 AND o.status = 'OPEN' AND o."teamId" = ANY($2::uuid[]))
    SELECT s.id AS stage_id, s.name AS stage_name, s.position, v.id, v.number, v.title, v.amount, v.probability, v."expectedCloseDate",
           v.stage_count, v.stage_amount, v.stage_weighted, a.name AS account_name, u.name AS owner_name
    FROM "Stage" s LEFT JOIN visible v ON v."stageId" = s.id AND v.rank <= ${CARDS_PER_STAGE}
    LEFT JOIN "Account" a ON a.id = v."accountId" LEFT JOIN "User" u ON u.id = v."ownerId"
    WHERE s."pipelineId" = $1 ORDER BY s.position, v.rank`;
  const page = `
    SELECT o.id, o.number, o.title, o.amount, o.probability, o."expectedCloseDate", a.name AS account_name, u.name AS owner_name, s.name AS stage_name,
           count(*) OVER () AS total
    FROM "Opportunity" o JOIN "Account" a ON a.id = o."accountId" JOIN "User" u ON u.id = o."ownerId" JOIN "Stage" s ON s.id = o."stageId"
    WHERE o.status = 'OPEN' AND o.amount >= 50000 AND o."teamId" = ANY($1::uuid[])
    ORDER BY o.amount DESC, o.id DESC LIMIT ${PAGE_SIZE + 1}`;
  const card = (row: Record<string, any>) => ({
    id: row.id,
    humanId: `OPP-${row.number}`,
    title: row.title,
    amount: row.amount,
    probability: row.probability,
    expectedCloseDate: row.expectedCloseDate.toISOString().slice(0, 10),
    account: { name: row.account_name },
    owner: { name: row.owner_name },
  });
  const server = createServer(async (req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://localhost');
    if (requestUrl.pathname === '/board') {
      const { rows } = await pool.query(board, [requestUrl.searchParams.get('pipelineId'), teamIds]);
      const columns = new Map<string, any>();
      for (const row of rows) {
        const column = columns.get(row.stage_id) ?? { stage: { name: row.stage_name }, count: Number(row.stage_count ?? 0), amount: row.stage_amount ?? '0', weightedAmount: row.stage_weighted ?? '0', cards: [] };
        if (row.id) column.cards.push(card(row));
        columns.set(row.stage_id, column);
      }
      res.end(JSON.stringify({ data: { board: { columns: [...columns.values()] } } }));
    } else {
      const { rows } = await pool.query(page, [teamIds]);
      res.end(JSON.stringify({ data: { opportunities: { totalCount: Number(rows[0]?.total ?? 0), edges: rows.slice(0, PAGE_SIZE).map((row) => ({ node: { ...card(row), stage: { name: row.stage_name } } })) } } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
