import type { PrismaClient } from '../generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/**
 * A snapshot of a test database as it is now: a fresh migrated database (PGlite or PostgreSQL,
 * like the source) holding a copy of every row of every table. Each table travels as one JSON
 * array; generated columns are left to the copy to compute, and foreign keys are not checked
 * while copying (session_replication_role), so tables can come in any order.
 */
export async function snapshotDatabase(source: PrismaClient): Promise<TestDatabase> {
  const snapshot = await createTestDatabase();
  const tables = await source.$queryRaw<Array<{ table: string; columns: string[] }>>`
    SELECT c.table_name AS "table", array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.is_generated = 'NEVER' AND c.table_name <> '_prisma_migrations'
    GROUP BY c.table_name`;
  const copies: Array<{ table: string; columns: string[]; rows: string }> = [];
  for (const { table, columns } of tables) {
    const [{ rows }] = await source.$queryRawUnsafe<Array<{ rows: string | null }>>(`SELECT json_agg(t)::text AS rows FROM "${table}" t`);
    if (rows) copies.push({ table, columns, rows });
  }
  await snapshot.db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
    // The migrations' seed rows (lookups) are in the copy already.
    for (const { table } of copies) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
    for (const { table, columns, rows } of copies) {
      const list = columns.map((column) => `"${column}"`).join(', ');
      await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`, rows);
    }
  });
  return snapshot;
}
