import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlConnection } from './sql-connection.ts';

export const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** The key Prisma's own migrate engine takes, so our runner and `prisma migrate deploy` exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations in name order, each in its own transaction, and records them in a
 * table laid out like Prisma's `_prisma_migrations` (same checksums), so `prisma migrate status`
 * agrees where Prisma's engine is available. Refuses to run when an applied migration was edited
 * or a previous one failed. Holds an advisory lock so concurrent starts apply each migration once.
 */
export async function migrate(connection: SqlConnection, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  // Migrations (and waiting for another instance's) may take longer than requests are allowed to.
  await connection.exec('SET statement_timeout = 0');
  await connection.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    await connection.exec(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    const applied = await connection.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const byName = new Map(applied.map((row) => [row.migration_name, row]));
    for (const row of applied) {
      if (!row.finished_at) {
        throw new MigrationError(`Migration ${row.migration_name} failed earlier; fix the database and mark it rolled back.`);
      }
    }
    const known = new Set(all.map((migration) => migration.name));
    for (const row of applied) {
      if (!known.has(row.migration_name)) {
        throw new MigrationError(`Migration ${row.migration_name} is applied but missing from prisma/migrations.`);
      }
    }
    // Check every applied migration before applying any, so an edited one that sorts after a
    // pending one refuses the whole run instead of stopping it half-way.
    for (const migration of all) {
      const previous = byName.get(migration.name);
      if (previous && previous.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was edited after it was applied (checksum differs). Add a new migration instead.`,
        );
      }
    }
    const done: string[] = [];
    for (const migration of all) {
      if (byName.has(migration.name)) continue;
      await applyOne(connection, migration);
      done.push(migration.name);
    }
    return done;
  } finally {
    await connection.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
    await connection.exec('RESET statement_timeout');
  }
}

async function applyOne(connection: SqlConnection, migration: Migration) {
  await connection.exec('BEGIN');
  try {
    await connection.exec(migration.sql);
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK');
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
  }
}
