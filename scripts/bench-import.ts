// `npm run bench:import`: how fast the CSV import takes BENCH_ROWS rows (default 10,000), for
// accounts and for opportunities (each with its account and contact), against a baseline measured
// in the same run: the same rows read by the same CSV parser and written with plain Prisma
// `createMany` batches, without any rule. Runs on an embedded PGlite database (what `npm start`
// uses) or, with BENCH_DATABASE_URL, on a scratch database of that PostgreSQL server. Every
// measurement starts from a freshly seeded demo organisation; the import goes through the API
// (`POST /import/<kind>`) as the sales user Lars Hansen.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { normalizeCompanyName } from '../server/domain/normalize.ts';
import { login } from '../server/domain/sessions.ts';
import { DEMO_PASSWORD, seedDemoData } from '../server/seed/demo-data.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const COMPANIES = Math.max(1, Math.floor(ROWS / 4));
const BATCH = 500;
const TARGET_SECONDS = 30;
const USER = 'lars.hansen@nordlicht.example';
const serverUrl = process.env.BENCH_DATABASE_URL;

interface Figures {
  seconds: number;
  /** CPU time of this process: with PGlite the database runs in it too, so this is the work whatever else the machine does. */
  cpuSeconds: number;
  statements: number;
}

const accountsCsv = csv(
  ['Firma', 'Rechtsform', 'PLZ', 'Ort', 'E-Mail', 'Telefon', 'Mitarbeiter', 'Branche'],
  (n) => [`Testfirma ${n}`, 'GmbH', `${20000 + (n % 70000)}`, 'Hamburg', `info${n}@testfirma.example`, `+49 40 ${100000 + n}`, '1.200', 'Maschinenbau'],
);
const opportunitiesCsv = csv(
  ['Titel', 'Firma', 'PLZ', 'Vorname', 'Nachname', 'E-Mail', 'Betrag', 'Abschlussdatum', 'Pipeline', 'Phase'],
  (n) => [
    `Anlage ${n}`,
    `Kunde ${n % COMPANIES}`,
    `${30000 + (n % COMPANIES)}`,
    'Kim',
    `Kontakt ${n}`,
    `kim${n}@kunde.example`,
    `${(n % 90) + 1}.${String(n % 1000).padStart(3, '0')},50`,
    '31.12.2027',
    'Leads Inbound',
    'Kontaktiert',
  ],
);

console.log(`CSV import of ${ROWS.toLocaleString('en')} rows on ${serverUrl ? 'PostgreSQL' : 'PGlite (embedded)'}; a fresh demo database for every run.\n`);
const results: Array<[string, Figures, Figures]> = [];
for (const [kind, text] of [['ACCOUNTS', accountsCsv], ['OPPORTUNITIES', opportunitiesCsv]] as const) {
  const imported = await withDatabase((db) => importThroughApi(db, kind, text));
  const baseline = await withDatabase((db) => insertPlainly(db, kind, text));
  results.push([kind, imported, baseline]);
}

console.log(`load average before: ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} (the machine has ${os.cpus().length} cores)\n`);
console.log('kind           import                    rows/s  statements/row | baseline (createMany)      rows/s | import/baseline');
for (const [kind, imported, baseline] of results) {
  console.log(
    `${kind.padEnd(14)} ${seconds(imported)} ${rate(imported)} ${(imported.statements / ROWS).toFixed(3).padStart(15)} | ${seconds(baseline)} ${rate(baseline)} | ${(imported.seconds / baseline.seconds).toFixed(1)}× the time`,
  );
}
const slowest = Math.max(...results.map(([, imported]) => imported.seconds));
console.log(`\nSlowest import: ${slowest.toFixed(1)} s for ${ROWS.toLocaleString('en')} rows (target: under ${TARGET_SECONDS} s${ROWS === 10_000 ? '' : ' for 10,000'}).`);

function csv(header: string[], row: (n: number) => string[]): string {
  const lines = [header.join(';'), ...Array.from({ length: ROWS }, (_, n) => row(n).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function seconds(figures: Figures) {
  return `${figures.seconds.toFixed(2).padStart(6)} s (CPU ${figures.cpuSeconds.toFixed(1).padStart(5)} s)`;
}

function rate(figures: Figures) {
  return Math.round(ROWS / figures.seconds).toLocaleString('en').padStart(7);
}

/** The whole import as a user runs it: one `POST /import/<kind>` with the file. */
async function importThroughApi(db: Database, kind: string, text: string): Promise<Figures> {
  const app = buildApp({ db, config: { ...readConfig({}), clientDir: '/nonexistent' } });
  const { url } = await app.start(0, '127.0.0.1');
  const { token } = await login(db.prisma, { email: USER, password: DEMO_PASSWORD }, 1);
  try {
    const stop = db.statements.start();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const response = await fetch(`${url}/import/${kind.toLowerCase()}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: text,
    });
    const body = (await response.json()) as { report?: { counts: { imported: number } }; errors?: unknown };
    const elapsed = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSince(cpu);
    const statements = stop().length;
    if (body.report?.counts.imported !== ROWS) {
      throw new Error(`The ${kind} import did not import every row: ${JSON.stringify(body).slice(0, 2000)}`);
    }
    return { seconds: elapsed, cpuSeconds, statements };
  } finally {
    await app.stop();
  }
}

/** The baseline: the same rows parsed by csv-parse and inserted with createMany, no rule applied. */
async function insertPlainly(db: Database, kind: string, text: string): Promise<Figures> {
  const owner = await db.prisma.user.findUniqueOrThrow({ where: { email: USER }, include: { memberships: true } });
  const owned = { ownerId: owner.id, teamId: owner.memberships[0].teamId };
  const stage = await db.prisma.stage.findFirstOrThrow({ where: { name: 'Kontaktiert', pipeline: { name: 'Leads Inbound' } } });
  const stop = db.statements.start();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const [, ...rows] = parse(text, { bom: true, delimiter: ';' }) as string[][];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    if (kind === 'ACCOUNTS') {
      await db.prisma.account.createMany({
        data: batch.map(([name, legalForm, postalCode, city, email, phone, , industry]) => ({
          name, normalizedName: normalizeCompanyName(name), legalForm, postalCode, city, email, phone, employees: 1200, industry, ...owned,
        })),
      });
      continue;
    }
    const companies = [...new Map(batch.map((row) => [row[1], row])).values()];
    const accounts = await db.prisma.account.createManyAndReturn({
      data: companies.map(([, name, postalCode]) => ({ name, normalizedName: normalizeCompanyName(name), postalCode, ...owned })),
      select: { id: true, name: true },
    });
    const accountIds = new Map(accounts.map((account) => [account.name, account.id]));
    const contacts = await db.prisma.contact.createManyAndReturn({
      data: batch.map(([, company, , firstName, lastName, email]) => ({ firstName, lastName, email, accountId: accountIds.get(company), ...owned })),
      select: { id: true },
    });
    await db.prisma.opportunity.createMany({
      data: batch.map(([title, company, , , , , amount], index) => ({
        title,
        accountId: accountIds.get(company)!,
        contactId: contacts[index].id,
        amount: amount.replace('.', '').replace(',', '.'),
        probability: stage.probability,
        expectedCloseDate: new Date('2027-12-31'),
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        ...owned,
      })),
    });
  }
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSince(cpu), statements: stop().length };
}

async function withDatabase<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : null;
  const db = await openDatabase(scratch ? { url: scratch.url } : { pgliteDir: undefined });
  try {
    const connection = await db.connect();
    try {
      await migrate(connection);
    } finally {
      connection.release();
    }
    await seedDemoData(db.prisma);
    return await run(db);
  } finally {
    await db.close();
    await scratch?.drop();
  }
}

async function createScratchDatabase(url: string) {
  const name = `crm_bench_import_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  return {
    url: scratchUrl.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
