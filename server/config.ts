import path from 'node:path';

/** Every environment variable the server reads, in one place (documented in the README). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when unset the embedded PGlite database in `pgliteDir` is used. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  redisUrl: string | undefined;
  sessionTtlDays: number;
  /** Loads the demo data into an empty database on start. */
  seedDemoData: boolean;
  clientDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: path.resolve(env.PGLITE_DIR ?? 'data/pglite'),
    redisUrl: env.REDIS_URL || undefined,
    sessionTtlDays: Number(env.SESSION_TTL_DAYS ?? 30),
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    clientDir: path.resolve(env.CLIENT_DIR ?? 'dist/client'),
  };
}
