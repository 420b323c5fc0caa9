import { encodeGlobalID } from '@pothos/plugin-relay';
import { buildApp, type App } from '../app.ts';
import { readConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createTestDatabase } from './test-database.ts';

export interface GraphQLResponse<Data = any> {
  data?: Data;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/**
 * An app on a fresh database, called through `yoga.fetch` without a network. `env` holds
 * environment variables as the server would read them (e.g. limits).
 */
export async function createTestApp(env: NodeJS.ProcessEnv = {}) {
  const { db, drop } = await createTestDatabase();
  const app = buildApp({ db, config: testConfig(env) });
  return {
    db,
    prisma: db.prisma,
    app,
    graphql: (query: string, variables?: Record<string, unknown>, token?: string) => graphql(app, query, variables, token),
    async close() {
      await app.yoga.dispose?.();
      await drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  return { ...readConfig(env), clientDir: '/nonexistent' };
}

export async function graphql<Data = any>(
  app: App,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse<Data>> {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

export const globalId = encodeGlobalID;

/** Counts the SQL statements Prisma sends while `run` executes. */
export async function countStatements<T>(db: Database, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const stop = db.statements.start();
  try {
    const result = await run();
    return { result, statements: stop() };
  } finally {
    stop();
  }
}
