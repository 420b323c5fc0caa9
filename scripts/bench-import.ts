// `npm run bench:import`: how fast the CSV import takes BENCH_ROWS rows (default 10,000), for
// accounts and for opportunities (each with its account and contact), against two baselines
// measured in the same run: the same rows read by the same CSV parser and written without any
// rule, once with Prisma's `createMany` batches and once with one plain `INSERT … SELECT FROM
// unnest` per table and batch. Runs on an embedded PGlite database (what `npm start`
// uses) or, with BENCH_DATABASE_URL, on a scratch database of that PostgreSQL server. Every
// measurement starts from a freshly seeded demo organisation; the import goes through the API
// (`POST /import/<kind>`) as the sales user Lars Hansen.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { insertRows, type ColumnType } from '../server/db/bulk-insert.ts';
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

type Rows = Array<Record<string, unknown>>;

/** How a baseline writes rows of a table and learns their ids (in row order). */
interface Writer {
  (table: 'Account' | 'Contact' | 'Opportunity', rows: Rows): Promise<string[]>;
}

/** Prisma's `createManyAndReturn`, the ORM's own bulk insert. */
const createMany = (db: Database): Writer => async (table, rows) => {
  const delegate = { Account: db.prisma.account, Contact: db.prisma.contact, Opportunity: db.prisma.opportunity }[table] as unknown as {
    createManyAndReturn(args: { data: Rows; select: { id: true } }): Promise<Array<{ id: string }>>;
  };
  return (await delegate.createManyAndReturn({ data: rows, select: { id: true } })).map((row) => row.id);
};

const COLUMNS: Record<string, ColumnType> = {
  name: 'text', normalizedName: 'text', legalForm: 'text', postalCode: 'text', city: 'text', email: 'text', phone: 'text',
  employees: 'int4', industry: 'text', firstName: 'text', lastName: 'text', title: 'text', accountId: 'uuid', contactId: 'uuid',
  amount: 'numeric', probability: 'int4', expectedCloseDate: 'date', pipelineId: 'uuid', stageId: 'uuid', ownerId: 'uuid',
  teamId: 'uuid', updatedAt: 'timestamptz',
};

/** One `INSERT … SELECT FROM unnest(…)` per table and batch, the cheapest plain insert (the import writes this way too). */
const unnestInsert = (db: Database): Writer => (table, rows) => {
  const names = new Set(rows.flatMap((row) => Object.keys(row)));
  const columns = Object.fromEntries(Object.entries(COLUMNS).filter(([name]) => names.has(name)));
  return insertRows(db.prisma, table, { ...columns, updatedAt: 'timestamptz' }, rows.map((row) => ({ ...row, updatedAt: new Date() })));
};

/** A baseline: the same rows parsed by csv-parse and written as they are, without any rule. */
async function insertPlainly(db: Database, kind: string, text: string, writerOf: (db: Database) => Writer): Promise<Figures> {
  const write = writerOf(db);
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
      await write(
        'Account',
        batch.map(([name, legalForm, postalCode, city, email, phone, , industry]) => ({
          name, normalizedName: normalizeCompanyName(name), legalForm, postalCode, city, email, phone, employees: 1200, industry, ...owned,
        })),
      );
      continue;
    }
    const companies = [...new Map(batch.map((row) => [row[1], row])).values()];
    const accountIds = await write('Account', companies.map(([, name, postalCode]) => ({ name, normalizedName: normalizeCompanyName(name), postalCode, ...owned })));
    const accountOf = new Map(companies.map(([, name], index) => [name, accountIds[index]]));
    const contactIds = await write(
      'Contact',
      batch.map(([, company, , firstName, lastName, email]) => ({ firstName, lastName, email, accountId: accountOf.get(company), ...owned })),
    );
    await write(
      'Opportunity',
      batch.map(([title, company, , , , , amount], index) => ({
        title,
        accountId: accountOf.get(company)!,
        contactId: contactIds[index],
        amount: amount.replace('.', '').replace(',', '.'),
        probability: stage.probability,
        expectedCloseDate: new Date('2027-12-31'),
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        ...owned,
      })),
    );
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

// Last, so that every declaration above is initialised.
console.log(`CSV import of ${ROWS.toLocaleString('en')} rows on ${serverUrl ? 'PostgreSQL' : 'PGlite (embedded)'}; a fresh demo database for every run.\n`);
const results: Array<[string, Figures, Figures, Figures]> = [];
for (const [kind, text] of [['ACCOUNTS', accountsCsv], ['OPPORTUNITIES', opportunitiesCsv]] as const) {
  const imported = await withDatabase((db) => importThroughApi(db, kind, text));
  const orm = await withDatabase((db) => insertPlainly(db, kind, text, createMany));
  const plain = await withDatabase((db) => insertPlainly(db, kind, text, unnestInsert));
  results.push([kind, imported, orm, plain]);
}

console.log(`load average before: ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} (the machine has ${os.cpus().length} cores)\n`);
console.log('                 seconds (CPU seconds)   rows/s   statements/row');
for (const [kind, imported, orm, plain] of results) {
  console.log(kind);
  for (const [name, figures] of [['import', imported], ['createMany', orm], ['unnest INSERT', plain]] as const) {
    const ratio = name === 'import' ? '' : `   import takes ${(imported.seconds / figures.seconds).toFixed(1)}× the time (${(imported.cpuSeconds / figures.cpuSeconds).toFixed(1)}× the CPU)`;
    console.log(`  ${name.padEnd(14)} ${seconds(figures)} ${rate(figures)} ${(figures.statements / ROWS).toFixed(3).padStart(12)}${ratio}`);
  }
}
const slowest = Math.max(...results.map(([, imported]) => imported.seconds));
console.log(`\nSlowest import: ${slowest.toFixed(1)} s for ${ROWS.toLocaleString('en')} rows (target: under ${TARGET_SECONDS} s${ROWS === 10_000 ? '' : ' for 10,000'}).`);
