import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { migrate, MigrationError, migrationsDir, readMigrations, type Migration } from './migrate.ts';
import type { SqlConnection } from './sql-connection.ts';

// The project's own migration runner against a real, empty database: an in-memory PGlite, or a new
// database on the PostgreSQL server named by DATABASE_URL (the `postgres` Vitest project).

const serverUrl = process.env.DATABASE_URL || undefined;
/** The key of Prisma's migrate engine, which the runner shares. */
const ADVISORY_LOCK_KEY = 72707369;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface EmptyDatabase {
  db: Database;
  /** Another client of the same database, with its own connections (PostgreSQL only). */
  openAnother(): Promise<Database>;
}

/** A database without any table: no `_prisma_migrations` either. Closed/dropped after the test. */
async function createEmptyDatabase(): Promise<EmptyDatabase> {
  if (!serverUrl) {
    const db = await openDatabase({ pgliteDir: undefined });
    cleanups.push(() => db.close());
    return {
      db,
      openAnother: () => Promise.reject(new Error('PGlite is a single connection')),
    };
  }
  const name = `crm_migrate_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const open = async () => {
    const db = await openDatabase({ url: url.toString() });
    cleanups.push(() => db.close());
    return db;
  };
  return { db: await open(), openAnother: open };
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function connect(db: Database): Promise<SqlConnection> {
  const connection = await db.connect();
  cleanups.push(async () => connection.release());
  return connection;
}

function migration(name: string, sql: string): Migration {
  return { name, sql, checksum: sha256(sql) };
}

function sha256(text: string | Buffer) {
  return createHash('sha256').update(text).digest('hex');
}

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

function migrationRows(connection: SqlConnection) {
  return connection.query<MigrationRow>(
    `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at, logs, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name, started_at`,
  );
}

async function tableExists(connection: SqlConnection, table: string) {
  const rows = await connection.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  return rows[0].n === 1;
}

/** Whether any session of this database holds the runner's advisory lock. */
async function lockHeld(connection: SqlConnection) {
  const rows = await connection.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND classid = 0 AND objid = $1 AND granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [ADVISORY_LOCK_KEY],
  );
  return rows[0].n > 0;
}

/** The tables the migrations leave behind, so their effect can be checked without naming them. */
function createdTables(migrations: Migration[]) {
  const tables = new Set<string>();
  for (const { sql } of migrations) {
    for (const [, table] of sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"([^"]+)"/gi)) tables.add(table);
    for (const [, table] of sql.matchAll(/DROP TABLE (?:IF EXISTS )?"([^"]+)"/gi)) tables.delete(table);
    for (const [, from, to] of sql.matchAll(/ALTER TABLE (?:IF EXISTS )?"([^"]+)" RENAME TO "([^"]+)"/gi)) {
      if (tables.delete(from)) tables.add(to);
    }
  }
  return [...tables];
}

async function migrationError(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'migrate should have been refused').toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

/** A name that sorts after every real migration (timestamps are 14 digits). */
const LATER = '99991231235959';

describe('readMigrations', () => {
  it('lists prisma/migrations in name order, in Prisma layout, with the sha256 of each migration.sql', async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const entries = await readdir(migrationsDir, { withFileTypes: true });
    const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(migrations.map((m) => m.name)).toEqual([...directories].sort());
    for (const m of migrations) {
      // Prisma's folder naming: a 14-digit UTC timestamp, then the name.
      expect(m.name).toMatch(/^\d{14}_\w+$/);
      const bytes = await readFile(path.join(migrationsDir, m.name, 'migration.sql'));
      expect(m.sql).toBe(bytes.toString('utf8'));
      expect(m.checksum).toBe(sha256(bytes));
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
    // `prisma migrate deploy` refuses a folder without the lock file or for another provider.
    expect(await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toMatch(/provider\s*=\s*"postgresql"/);
  });

  it('sorts folders by name and ignores files next to them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'crm-migrations-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    for (const [name, sql] of [
      ['20300101000000_second', 'SELECT 2;'],
      ['20200101000000_first', 'SELECT 1;\n'],
    ]) {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, 'migration.sql'), sql);
    }
    await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    expect(await readMigrations(dir)).toEqual([
      migration('20200101000000_first', 'SELECT 1;\n'),
      migration('20300101000000_second', 'SELECT 2;'),
    ]);
  });
});

describe('migrate', () => {
  it('applies every migration in order on an empty database and records it like Prisma does', async () => {
    const { db } = await createEmptyDatabase();
    const connection = await connect(db);
    const migrations = await readMigrations();
    expect(await tableExists(connection, '_prisma_migrations')).toBe(false);

    expect(await migrate(connection)).toEqual(migrations.map((m) => m.name));

    const rows = await migrationRows(connection);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[index].checksum);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // Applied in order: each one started no earlier than the one before.
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].started_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1].started_at.getTime());
    }
    const tables = createdTables(migrations);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(await tableExists(connection, table), table).toBe(true);
    expect(await lockHeld(connection)).toBe(false);
  });

  it('keeps the bookkeeping table in the layout of Prisma’s _prisma_migrations', async () => {
    const { db } = await createEmptyDatabase();
    const connection = await connect(db);
    await migrate(connection);
    const columns = await connection.query<{ column_name: string; data_type: string; is_nullable: string; length: number | null }>(
      `SELECT column_name, data_type, is_nullable, character_maximum_length AS length
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', is_nullable: 'NO', length: 36 },
      { column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO', length: 64 },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES', length: null },
      { column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO', length: 255 },
      { column_name: 'logs', data_type: 'text', is_nullable: 'YES', length: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES', length: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO', length: null },
      { column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO', length: null },
    ]);
  });

  it('applies nothing on a second run', async () => {
    const { db } = await createEmptyDatabase();
    const connection = await connect(db);
    await migrate(connection);
    const before = await migrationRows(connection);
    expect(await migrate(connection)).toEqual([]);
    expect(await migrationRows(connection)).toEqual(before);
  });

  it('applies only a pending new migration', async () => {
    const { db } = await createEmptyDatabase();
    const connection = await connect(db);
    const migrations = await readMigrations();
    await migrate(connection);
    const before = await migrationRows(connection);

    const added = migration(`${LATER}_add_extra`, 'CREATE TABLE "MigrateTestExtra" ("id" INTEGER PRIMARY KEY);\n');
    expect(await migrate(connection, [...migrations, added])).toEqual([added.name]);

    expect(await tableExists(connection, 'MigrateTestExtra')).toBe(true);
    const rows = await migrationRows(connection);
    expect(rows.slice(0, before.length)).toEqual(before);
    expect(rows).toHaveLength(before.length + 1);
    expect(rows.at(-1)).toMatchObject({ migration_name: added.name, checksum: sha256(added.sql), rolled_back_at: null });
    expect(await migrate(connection, [...migrations, added])).toEqual([]);
  });

  it('refuses a migration edited after it was applied, names it, and applies nothing else', async () => {
    const { db } = await createEmptyDatabase();
    const connection = await connect(db);
    const migrations = await readMigrations();
    await migrate(connection);
    const before = await migrationRows(connection);

    const edited = migrations.map((m, index) =>
      index === migrations.length - 1 ? migration(m.name, `${m.sql}\nCREATE TABLE "MigrateTestEdited" ("id" INTEGER);\n`) : m,
    );
    const editedName = migrations.at(-1)!.name;
    // A pending migration that sorts before the edited one (a merged branch) and one after it.
    const earlier = migration(`${editedName.slice(0, 14)}_0_merged_branch`, 'CREATE TABLE "MigrateTestEarlier" ("id" INTEGER);');
    const later = migration(`${LATER}_after`, 'CREATE TABLE "MigrateTestLater" ("id" INTEGER);');
    const all = [...edited.slice(0, -1), earlier, edited.at(-1)!, later];
    expect(all.map((m) => m.name)).toEqual(all.map((m) => m.name).sort());

    const error = await migrationError(migrate(connection, all));
    expect(error.message).toContain(editedName);
    expect(error.message).toMatch(/edited/);
    for (const table of ['MigrateTestEarlier', 'MigrateTestEdited', 'MigrateTestLater']) {
      expect(await tableExists(connection, table), table).toBe(false);
    }
    expect(await migrationRows(connection)).toEqual(before);
    expect(await lockHeld(connection)).toBe(false);
    // The files as they were are still accepted.
    expect(await migrate(connection)).toEqual([]);
  });

  it('refuses to run when the database holds a migration that the folder lacks', async () => {
    const { db } = await createEmptyDatabase();
    const connection = await connect(db);
    const migrations = await readMigrations();
    await migrate(connection);
    const missing = migrations.at(-1)!.name;
    const added = migration(`${LATER}_add_extra`, 'CREATE TABLE "MigrateTestExtra" ("id" INTEGER);');
    const error = await migrationError(migrate(connection, [...migrations.slice(0, -1), added]));
    expect(error.message).toContain(missing);
    expect(error.message).toMatch(/missing/);
    expect(await tableExists(connection, 'MigrateTestExtra')).toBe(false);
  });

  it('rolls a failing migration back completely, runs nothing after it, and refuses it again next time', async () => {
    const { db } = await createEmptyDatabase();
    const connection = await connect(db);
    // A table of the test's own, so the broken migration does not depend on the real schema.
    const base = migration(`${LATER.slice(0, 13)}0_base`, 'CREATE TABLE "MigrateTestBase" ("id" INTEGER PRIMARY KEY);');
    const migrations = [...(await readMigrations()), base];
    await migrate(connection, migrations);
    const before = await migrationRows(connection);

    const brokenName = `${LATER.slice(0, 13)}1_broken`;
    const broken = migration(
      brokenName,
      `CREATE TABLE "MigrateTestPartial" ("id" INTEGER PRIMARY KEY);
       INSERT INTO "MigrateTestPartial" VALUES (1);
       ALTER TABLE "MigrateTestBase" ADD COLUMN "migrateTestColumn" INTEGER;
       CREATE TABLE "MigrateTestBroken" ("id" INTEGER REFERENCES "MigrateTestNoSuchTable" ("id"));`,
    );
    const after = migration(`${LATER}_after`, 'CREATE TABLE "MigrateTestAfter" ("id" INTEGER);');
    const assertNothingApplied = async () => {
      for (const table of ['MigrateTestPartial', 'MigrateTestBroken', 'MigrateTestAfter']) {
        expect(await tableExists(connection, table), table).toBe(false);
      }
      const baseColumns = await connection.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'MigrateTestBase'`,
      );
      expect(baseColumns).toEqual([{ column_name: 'id' }]);
      expect(await migrationRows(connection)).toEqual(before);
      expect(await lockHeld(connection)).toBe(false);
    };

    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await migrationError(migrate(connection, [...migrations, broken, after]));
      expect(error.message).toContain(brokenName);
      expect(error.message).toContain('MigrateTestNoSuchTable');
      await assertNothingApplied();
    }

    // Fixed, it applies, and so does the one after it.
    const fixed = migration(brokenName, broken.sql.replace(' REFERENCES "MigrateTestNoSuchTable" ("id")', ''));
    expect(await migrate(connection, [...migrations, fixed, after])).toEqual([fixed.name, after.name]);
    expect(await connection.query(`SELECT "id" FROM "MigrateTestPartial"`)).toEqual([{ id: 1 }]);
    expect(await tableExists(connection, 'MigrateTestAfter')).toBe(true);
    expect((await migrationRows(connection)).map((row) => row.migration_name)).toEqual([...before.map((row) => row.migration_name), fixed.name, after.name]);
  });

  it('refuses to run after a migration that failed under `prisma migrate deploy` until it is marked rolled back', async () => {
    const { db } = await createEmptyDatabase();
    const connection = await connect(db);
    const migrations = await readMigrations();
    await migrate(connection);
    const failed = migration(`${LATER}_failed_under_prisma`, 'CREATE TABLE "MigrateTestRetried" ("id" INTEGER);');
    // What Prisma leaves behind when a migration fails: a row without finished_at, with logs.
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, $2, 'syntax error', now(), 0)`,
      [failed.checksum, failed.name],
    );

    const error = await migrationError(migrate(connection, [...migrations, failed]));
    expect(error.message).toContain(failed.name);
    expect(error.message).toMatch(/failed/);
    expect(await tableExists(connection, 'MigrateTestRetried')).toBe(false);

    // `prisma migrate resolve --rolled-back <name>` sets rolled_back_at; then it is applied again.
    await connection.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [failed.name]);
    expect(await migrate(connection, [...migrations, failed])).toEqual([failed.name]);
    expect(await tableExists(connection, 'MigrateTestRetried')).toBe(true);
    const rows = (await migrationRows(connection)).filter((row) => row.migration_name === failed.name);
    expect(rows.map((row) => [row.finished_at !== null, row.rolled_back_at !== null]).sort()).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it.skipIf(!serverUrl)('applies each migration exactly once when several processes migrate at the same time (PostgreSQL)', async () => {
    const empty = await createEmptyDatabase();
    const migrations = await readMigrations();
    // A slow last migration widens the window in which an unlocked runner would apply it twice.
    const slow = migration(`${LATER}_slow`, `SELECT pg_sleep(0.3);\nCREATE TABLE "MigrateTestSlow" ("id" INTEGER);`);
    const all = [...migrations, slow];
    const databases = [empty.db, await empty.openAnother(), await empty.openAnother(), await empty.openAnother()];
    const connections = await Promise.all(databases.map(connect));

    const results = await Promise.all(connections.map((connection) => migrate(connection, all)));

    expect(results.flat().sort()).toEqual(all.map((m) => m.name).sort());
    // The lock is held for a whole run, so one process applies everything and the others nothing.
    expect(results.filter((applied) => applied.length > 0)).toEqual([all.map((m) => m.name)]);
    const rows = await migrationRows(connections[0]);
    expect(rows.map((row) => row.migration_name)).toEqual(all.map((m) => m.name));
    expect(await lockHeld(connections[0])).toBe(false);
  });

  it.skipIf(!serverUrl)('waits while another session (e.g. `prisma migrate deploy`) holds Prisma’s advisory lock (PostgreSQL)', async () => {
    const empty = await createEmptyDatabase();
    const holder = await connect(await empty.openAnother());
    const runner = await connect(empty.db);
    await holder.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    expect(await lockHeld(runner)).toBe(true);
    let finished = false;
    const running = migrate(runner).then((applied) => {
      finished = true;
      return applied;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(finished).toBe(false);
    expect(await tableExists(holder, '_prisma_migrations')).toBe(false);
    await holder.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
    expect(await running).toEqual((await readMigrations()).map((m) => m.name));
  });
});
