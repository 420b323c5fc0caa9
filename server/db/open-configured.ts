import { mkdir } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';

/** Opens the database the configuration names and brings its schema up to date. */
export async function openMigratedDatabase(config: Pick<Config, 'databaseUrl' | 'pgliteDir'>): Promise<{ db: Database; applied: string[] }> {
  if (!config.databaseUrl) await mkdir(config.pgliteDir, { recursive: true });
  const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: config.pgliteDir });
  const connection = await db.connect();
  try {
    return { db, applied: await migrate(connection) };
  } catch (error) {
    await db.close();
    throw error;
  } finally {
    connection.release();
  }
}
