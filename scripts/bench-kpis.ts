// `npm run bench:kpis`: each dashboard tab's response time through the API (`kpis` query as the
// demo administrator, who reads everything) against hand-written SQL answering the same figures
// of the large tables, measured in the same run on the same database. Data: the demo organisation
// plus BENCH_OPPORTUNITIES (default 100,000) generated opportunities with a creation record and two
// changes each in their history, and BENCH_ACTIVITIES (default 1,000,000) activities. Runs on a
// scratch database of the PostgreSQL server named by BENCH_DATABASE_URL (default the local one),
// dropped afterwards. Prints median milliseconds of BENCH_RUNS (default 5) runs and the ratio.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { login } from '../server/domain/sessions.ts';
import { DEMO_PASSWORD, seedDemoData } from '../server/seed/demo-data.ts';
import { TAB_QUERIES } from '../server/test/kpi-queries.ts';

const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 100_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@localhost:5432/postgres';
const YEAR = new Date().getUTCFullYear();
const PERIOD = { from: `${YEAR - 1}-01-01`, to: `${YEAR}-01-01` };

/** Opportunities spread over accounts, stages and the last two years; closed ones have closedAt. */
const GENERATE = [
  `CREATE TEMP TABLE acc AS SELECT row_number() OVER (ORDER BY id) AS n, id, "teamId", "ownerId" FROM "Account"`,
  `CREATE TEMP TABLE stg AS SELECT row_number() OVER (ORDER BY s.id) AS n, s.id, s."pipelineId", s.probability, p.kind FROM "Stage" s JOIN "Pipeline" p ON p.id = s."pipelineId"`,
  `INSERT INTO "Opportunity" (id, title, "accountId", "ownerId", "teamId", "pipelineId", "stageId", amount, probability, "weightedAmount", "expectedCloseDate", status, kind, "closedAt", "createdAt", "stageEnteredAt", "updatedAt")
   SELECT gen_random_uuid(), 'Bench ' || g, a.id, a."ownerId", a."teamId", s."pipelineId", s.id, amt, s.probability, round(amt * s.probability / 100, 2),
          (now() - (g % 700) * interval '1 day' + ((g % 200) + 20) * interval '1 day')::date,
          st, s.kind, CASE WHEN st <> 'OPEN' THEN now() - (g % 650) * interval '1 day' END,
          now() - (g % 700) * interval '1 day' - (g % 86400) * interval '1 second', now(), now()
   FROM generate_series(1, $1::int) g
   CROSS JOIN LATERAL (SELECT (1000 + (g * 7919) % 99000)::numeric(14, 2) AS amt,
                              (CASE g % 5 WHEN 0 THEN 'WON' WHEN 1 THEN 'LOST' ELSE 'OPEN' END)::"OpportunityStatus" AS st) x
   JOIN acc a ON a.n = 1 + g % (SELECT count(*) FROM acc)
   JOIN stg s ON s.n = 1 + g % (SELECT count(*) FROM stg)`,
  `INSERT INTO "OpportunityChange" ("id", "opportunityId", "changedAt", "field", "oldValue", "newValue")
   SELECT gen_random_uuid(), o.id, o."createdAt", 'CREATED', NULL, jsonb_build_object('stageId', o."stageId", 'kind', o.kind) FROM "Opportunity" o WHERE o.title LIKE 'Bench %'
   UNION ALL SELECT gen_random_uuid(), o.id, o."createdAt" + interval '5 days', 'amount', to_jsonb((o.amount + 100)::text), to_jsonb(o.amount::text) FROM "Opportunity" o WHERE o.title LIKE 'Bench %'
   UNION ALL SELECT gen_random_uuid(), o.id, o."createdAt" + interval '9 days', 'expectedCloseDate', to_jsonb((o."expectedCloseDate" - 30)::text), to_jsonb(o."expectedCloseDate"::text) FROM "Opportunity" o WHERE o.title LIKE 'Bench %'`,
  `CREATE TEMP TABLE opp AS SELECT row_number() OVER (ORDER BY id) AS n, id, "accountId", "teamId", "ownerId" FROM "Opportunity"`,
  `INSERT INTO "Activity" (id, type, subject, "opportunityId", "accountId", "assigneeId", "createdById", "teamId", "dueAt", "doneAt", "createdAt", "updatedAt")
   SELECT gen_random_uuid(), (ARRAY['CALL','EMAIL','MEETING','TASK','NOTE'])[1 + g % 5]::"ActivityType", 'Bench', o.id, o."accountId", o."ownerId", o."ownerId", o."teamId",
          now() - (g % 700) * interval '1 day' + interval '3 days', CASE WHEN g % 3 > 0 THEN now() - (g % 700) * interval '1 day' + interval '1 day' END,
          now() - (g % 700) * interval '1 day', now()
   FROM generate_series(1, $1::int) g JOIN opp o ON o.n = 1 + g % (SELECT count(*) FROM opp)`,
  `ANALYZE`,
];

/**
 * The same figures, written by hand as one would without the KPI module: plain aggregates per
 * table for the period (the admin reads everything, so no access condition).
 */
const p = `'${PERIOD.from}'::date`;
const q = `'${PERIOD.to}'::date`;
const inPeriod = (column: string) => `${column} >= (${p}::timestamp AT TIME ZONE 'Europe/Berlin') AND ${column} < (${q}::timestamp AT TIME ZONE 'Europe/Berlin')`;
const CONVERTED = `(SELECT "opportunityId", min("changedAt") AS at FROM "OpportunityChange" WHERE field = 'kind' AND "newValue" = '"DEAL"' GROUP BY 1)`;
const OPPORTUNITIES_SQL = `SELECT
    count(*) FILTER (WHERE (o.kind = 'LEAD' OR c.at IS NOT NULL) AND ${inPeriod('o."createdAt"')}), sum(o.amount) FILTER (WHERE o.kind = 'LEAD' AND ${inPeriod('o."createdAt"')}),
    count(*) FILTER (WHERE o.kind = 'DEAL' AND o.status = 'WON' AND ${inPeriod('o."closedAt"')}), sum(o.amount) FILTER (WHERE o.kind = 'DEAL' AND o.status = 'WON' AND ${inPeriod('o."closedAt"')}),
    count(*) FILTER (WHERE o.kind = 'DEAL' AND o.status = 'LOST' AND ${inPeriod('o."closedAt"')}), sum(o.amount) FILTER (WHERE o.kind = 'DEAL' AND o.status = 'OPEN'),
    sum(o."weightedAmount") FILTER (WHERE o.kind = 'DEAL' AND o.status = 'OPEN'), count(*) FILTER (WHERE o.kind = 'DEAL' AND o.status = 'OPEN' AND o."inactiveSince" < now() - interval '14 days'),
    avg(extract(epoch FROM o."closedAt" - COALESCE(c.at, o."createdAt"))) FILTER (WHERE o.kind = 'DEAL' AND o.status <> 'OPEN' AND ${inPeriod('o."closedAt"')})
  FROM "Opportunity" o LEFT JOIN ${CONVERTED} c ON c."opportunityId" = o.id`;
const BY_STAGE_SQL = `SELECT "stageId", count(*), sum(amount), sum("weightedAmount") FROM "Opportunity" WHERE status = 'OPEN' GROUP BY 1`;
const BY_MONTH_SQL = `SELECT date_trunc('month', "expectedCloseDate"), count(*), sum(amount), sum("weightedAmount") FROM "Opportunity" WHERE status = 'OPEN' AND kind = 'DEAL' GROUP BY 1`;
const LOSS_SQL = `SELECT "lossReasonId", count(*) FROM "Opportunity" WHERE status = 'LOST' AND ${inPeriod('"closedAt"')} GROUP BY 1`;
const ACTIVITIES_SQL = `SELECT count(*) FILTER (WHERE "doneAt" IS NULL), count(*) FILTER (WHERE "doneAt" IS NULL AND "dueAt" < now()), count(*) FILTER (WHERE ${inPeriod('"doneAt"')}),
  count(*) FILTER (WHERE ${inPeriod('"createdAt"')} AND type = 'CALL'), count(*) FILTER (WHERE ${inPeriod('"createdAt"')} AND type = 'EMAIL') FROM "Activity"`;
const ACTIVE_SQL = `SELECT count(*) FROM "Account" a WHERE EXISTS (SELECT 1 FROM "Activity" x WHERE x."accountId" = a.id AND (${inPeriod('x."createdAt"')} OR ${inPeriod('x."doneAt"')}))`;
const DOCUMENTS_SQL = [
  `SELECT count(*), sum("netAmount") FROM "Invoice" WHERE status <> 'CANCELLED' AND "issueDate" >= ${p} AND "issueDate" < ${q}`,
  `SELECT count(*), sum("netAmount") FROM "Quote" WHERE ${inPeriod('"createdAt"')}`,
  `SELECT count(*), sum("netAmount") FROM "Order" WHERE status <> 'CANCELLED' AND "orderDate" >= ${p} AND "orderDate" < ${q}`,
];
const TZ = `'Europe/Berlin'`;
const MONTH = `date_trunc('month', now() AT TIME ZONE ${TZ})::date`;
const TODAY = `(now() AT TIME ZONE ${TZ})::date`;
const TEAM_TARGETS = `SELECT make_date(b."year", bm."month", 1), sum(bm."amount") FROM "Budget" b JOIN "BudgetMonth" bm ON bm."budgetId" = b."id" WHERE b."userId" IS NULL GROUP BY 1`;
const STAGE_NAMES = `SELECT s."id", s."name", p."name" FROM "Stage" s JOIN "Pipeline" p ON p."id" = s."pipelineId"`;
const BY_STATUS_SQL = `SELECT status, count(*), sum(amount), sum("weightedAmount") FROM "Opportunity" WHERE status = 'OPEN' OR ${inPeriod('"closedAt"')} GROUP BY 1`;
const BY_CLOSE_MONTH_SQL = `SELECT date_trunc('month', "expectedCloseDate"), count(*), sum(amount), sum("weightedAmount") FROM "Opportunity"
  WHERE status = 'OPEN' AND "expectedCloseDate" >= ${p} AND "expectedCloseDate" < ${q} GROUP BY 1`;
/** Per user and per team: DEALs won, lost (period) and open, and revenue of the opportunities they own. */
const TEAM_SQL = [
  `SELECT "ownerId", "teamId", count(*) FILTER (WHERE status = 'WON'), sum(amount) FILTER (WHERE status = 'WON'), count(*) FILTER (WHERE status = 'LOST'),
     sum(amount) FILTER (WHERE status = 'LOST'), count(*) FILTER (WHERE status = 'OPEN'), sum(amount) FILTER (WHERE status = 'OPEN')
   FROM "Opportunity" WHERE kind = 'DEAL' AND (status = 'OPEN' OR ${inPeriod('"closedAt"')}) GROUP BY GROUPING SETS (("ownerId"), ("teamId"))`,
  `SELECT o."ownerId", o."teamId", count(*), sum(i."netAmount") FROM "Invoice" i JOIN "Opportunity" o ON o.id = i."opportunityId"
   WHERE i.status <> 'CANCELLED' AND i."issueDate" >= ${p} AND i."issueDate" < ${q} GROUP BY GROUPING SETS ((o."ownerId"), (o."teamId"))`,
  `SELECT id, name FROM "User" UNION ALL SELECT id, name FROM "Team"`,
];
/** Of the opportunities entering a stage in the period, those that reached a later stage of its pipeline or were won since. */
const FUNNEL_SQL = `WITH e AS (
    SELECT c."opportunityId" AS id, s.id AS stage_id, s."pipelineId" AS pipeline_id, s.position AS pos, c."changedAt" AS at
    FROM "OpportunityChange" c JOIN "Stage" s ON s.id::text = COALESCE(c."newValue" ->> 'stageId', c."newValue" #>> '{}')
    WHERE c.field IN ('CREATED', 'stageId') AND c."changedAt" >= (${p}::timestamp AT TIME ZONE ${TZ}) AND c."changedAt" <= now()),
  x AS (SELECT e.*, max(e.at) OVER (PARTITION BY e.id, e.pipeline_id ORDER BY e.pos DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS later_at FROM e),
  f AS (SELECT DISTINCT ON (x.id, x.stage_id) x.stage_id, (COALESCE(x.later_at >= x.at, FALSE) OR (o.status = 'WON' AND o."closedAt" >= x.at)) AS advanced
        FROM x JOIN "Opportunity" o ON o.id = x.id WHERE ${inPeriod('x.at')} ORDER BY x.id, x.stage_id, x.at)
  SELECT stage_id, count(*), count(*) FILTER (WHERE advanced) FROM f GROUP BY 1`;
const SALESPERSON_SQL = `SELECT "ownerId", date_trunc('quarter', "closedAt" AT TIME ZONE ${TZ}), 'won', count(*), sum(amount) FROM "Opportunity"
    WHERE kind = 'DEAL' AND status = 'WON' AND ${inPeriod('"closedAt"')} GROUP BY 1, 2
  UNION ALL SELECT "ownerId", date_trunc('quarter', "expectedCloseDate"), 'open', count(*), sum(amount) FROM "Opportunity"
    WHERE kind = 'DEAL' AND status = 'OPEN' AND "expectedCloseDate" >= ${p} AND "expectedCloseDate" < ${q} GROUP BY 1, 2`;
const MONTH_SQL = [
  `SELECT count(*) FILTER (WHERE status = 'WON' AND ${inPeriod('"closedAt"')}), sum(amount) FILTER (WHERE status = 'WON' AND ${inPeriod('"closedAt"')}),
     count(*) FILTER (WHERE status = 'LOST' AND ${inPeriod('"closedAt"')}), sum(amount) FILTER (WHERE status = 'LOST' AND ${inPeriod('"closedAt"')}),
     count(*) FILTER (WHERE status = 'OPEN' AND "expectedCloseDate" >= ${MONTH} AND "expectedCloseDate" < ${MONTH} + interval '1 month'),
     sum(amount) FILTER (WHERE status = 'OPEN' AND "expectedCloseDate" >= ${MONTH} AND "expectedCloseDate" < ${MONTH} + interval '1 month'),
     count(*) FILTER (WHERE status = 'OPEN'), sum("weightedAmount") FILTER (WHERE status = 'OPEN'),
     sum("weightedAmount") FILTER (WHERE status = 'OPEN' AND "expectedCloseDate" >= ${TODAY} AND "expectedCloseDate" < ${MONTH} + interval '1 month')
   FROM "Opportunity" WHERE kind = 'DEAL'`,
  `SELECT "pipelineId", "stageId", count(*), sum(amount), sum("weightedAmount") FROM "Opportunity" WHERE status = 'OPEN' GROUP BY GROUPING SETS (("pipelineId"), ("stageId"))`,
  `SELECT count(*) FILTER (WHERE "issueDate" >= ${MONTH} AND "issueDate" < ${MONTH} + interval '1 month'),
     sum("netAmount") FILTER (WHERE "issueDate" >= ${MONTH} AND "issueDate" < ${MONTH} + interval '1 month') FROM "Invoice" WHERE status <> 'CANCELLED'`,
  `SELECT l."productId", pr.name, count(DISTINCT i.id), sum(l."netAmount"), sum(l.quantity) FROM "Invoice" i JOIN "InvoiceLine" l ON l."invoiceId" = i.id
     JOIN "Product" pr ON pr.id = l."productId" WHERE i.status <> 'CANCELLED' AND i."issueDate" >= ${p} AND i."issueDate" < ${q}
     GROUP BY 1, 2 ORDER BY 4 DESC, 2 LIMIT 10`,
  TEAM_TARGETS,
  STAGE_NAMES,
];
/** My board: the same figures narrowed to the viewer ($1) as owner (assignee of activities); followed ones are not narrowed. */
const MY_SQL = [
  `SELECT count(*), sum(i."netAmount") FROM "Invoice" i JOIN "Opportunity" o ON o.id = i."opportunityId"
   WHERE o."ownerId" = $1 AND i.status <> 'CANCELLED' AND i."issueDate" >= ${p} AND i."issueDate" < ${q}`,
  `SELECT kind, date_trunc('month', "expectedCloseDate") >= ${MONTH} AND date_trunc('month', "expectedCloseDate") < ${MONTH} + interval '12 months' AND kind = 'DEAL',
     date_trunc('month', "expectedCloseDate"), count(*), sum(amount), sum("weightedAmount")
   FROM "Opportunity" WHERE "ownerId" = $1 AND status = 'OPEN' GROUP BY 1, 2, 3`,
  `SELECT make_date(b."year", bm."month", 1), sum(bm."amount") FROM "Budget" b JOIN "BudgetMonth" bm ON bm."budgetId" = b."id" WHERE b."userId" = $1 GROUP BY 1`,
  `SELECT count(*), count(*) FILTER (WHERE "dueAt" < now()) FROM "Activity" WHERE "assigneeId" = $1 AND "doneAt" IS NULL`,
  `SELECT (SELECT row(count(*), sum("netAmount")) FROM "Quote" WHERE "ownerId" = $1 AND status IN ('DRAFT', 'SENT')),
     (SELECT row(count(*), sum("netAmount")) FROM "Order" WHERE "ownerId" = $1 AND status = 'OPEN'),
     (SELECT row(count(*), sum("grossAmount"), count(*) FILTER (WHERE "dueDate" < ${TODAY}), sum("grossAmount") FILTER (WHERE "dueDate" < ${TODAY}))
      FROM "Invoice" WHERE "ownerId" = $1 AND status = 'OPEN')`,
  `SELECT (SELECT count(*) FROM "Account" a WHERE a."ownerId" = $1 AND EXISTS (SELECT 1 FROM "Activity" x WHERE x."accountId" = a.id AND (${inPeriod('x."createdAt"')} OR ${inPeriod('x."doneAt"')}))),
     (SELECT count(*) FROM "Contact" c WHERE c."ownerId" = $1 AND EXISTS (SELECT 1 FROM "Activity" x WHERE x."contactId" = c.id AND (${inPeriod('x."createdAt"')} OR ${inPeriod('x."doneAt"')})))`,
  `SELECT count(*), sum(o.amount) FROM "OpportunityFollower" f JOIN "Opportunity" o ON o.id = f."opportunityId" WHERE f."userId" = $1`,
];

const BASELINES: Record<keyof typeof TAB_QUERIES, string[]> = {
  overview: [OPPORTUNITIES_SQL, BY_STAGE_SQL, BY_MONTH_SQL, LOSS_SQL, ACTIVITIES_SQL, ACTIVE_SQL, ...DOCUMENTS_SQL],
  month: MONTH_SQL,
  team: TEAM_SQL,
  forecast: [BY_MONTH_SQL, TEAM_TARGETS, BY_STATUS_SQL, BY_STAGE_SQL, BY_CLOSE_MONTH_SQL, FUNNEL_SQL, SALESPERSON_SQL, STAGE_NAMES],
  my: MY_SQL,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const name = `crm_bench_kpis_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  const plain = new pg.Client({ connectionString: url.toString() });
  try {
    const connection = await db.connect();
    try {
      await migrate(connection);
    } finally {
      connection.release();
    }
    await seedDemoData(db.prisma);
    await plain.connect();
    const started = performance.now();
    for (const statement of GENERATE) {
      const count = statement.includes('INSERT INTO "Activity"') ? ACTIVITIES : OPPORTUNITIES;
      await plain.query(statement, statement.includes('$1') ? [count] : []);
    }
    console.log(`Generated ${OPPORTUNITIES.toLocaleString('en')} opportunities and ${ACTIVITIES.toLocaleString('en')} activities in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    const app = buildApp({ db, config: { ...readConfig({}), clientDir: '/nonexistent' } });
    const [{ id: adminId }] = (await plain.query(`SELECT id FROM "User" WHERE email = 'admin@nordlicht.example'`)).rows;
    const { token } = await login(db.prisma, { email: 'admin@nordlicht.example', password: DEMO_PASSWORD }, 1);
    const api = async (selection: string) => {
      const response = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `query($period: KpiPeriodInput) { kpis(period: $period) { ${selection} } }`, variables: { period: PERIOD } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    console.log('tab        API ms   hand-written SQL ms   ratio');
    for (const [tab, selection] of Object.entries(TAB_QUERIES) as Array<[keyof typeof TAB_QUERIES, string]>) {
      await api(selection);
      const apiTimes: number[] = [];
      const sqlTimes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        let at = performance.now();
        await api(selection);
        apiTimes.push(performance.now() - at);
        at = performance.now();
        for (const statement of BASELINES[tab]) await plain.query(statement, statement.includes('$1') ? [adminId] : []);
        sqlTimes.push(performance.now() - at);
      }
      const [a, s] = [median(apiTimes), median(sqlTimes)];
      console.log(`${tab.padEnd(9)} ${a.toFixed(0).padStart(7)} ${s.toFixed(0).padStart(21)} ${(a / s).toFixed(2).padStart(7)}`);
    }
    await app.yoga.dispose?.();
  } finally {
    await plain.end().catch(() => {});
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
