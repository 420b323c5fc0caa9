import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/**
 * A single raw connection, used by the migration runner and by tests that need SQL the Prisma
 * client cannot express. `exec` runs a script of several statements.
 */
export interface SqlConnection {
  exec(script: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  release(): void;
}

export function pgliteConnection(pglite: PGlite): SqlConnection {
  return {
    async exec(script) {
      await pglite.exec(script);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
    release() {},
  };
}

export async function pgConnection(pool: Pool): Promise<SqlConnection> {
  const client: PoolClient = await pool.connect();
  return {
    async exec(script) {
      await client.query(script);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
    release() {
      client.release();
    },
  };
}
