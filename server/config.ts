import path from 'node:path';

/** Limits that keep one request, socket or caller from exhausting the server (README, "Security"). */
export interface Limits {
  /** Deepest field nesting of an operation; every list level counts. */
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Upper bound of an operation's cost: each field 1, lists and connections times their size. */
  maxCost: number;
  /** Time one operation (or one subscription event) may take before it is aborted. */
  operationTimeoutMs: number;
  /** Largest request body the GraphQL endpoint reads. */
  maxBodyBytes: number;
  /** Failed logins per account, and per client address, within the window before RATE_LIMITED. */
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  loginWindowSeconds: number;
  maxSubscriptionsPerSocket: number;
  maxSocketsPerUser: number;
}

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
  production: boolean;
  /** Schema introspection and "Did you mean …" suggestions; on outside production. */
  introspection: boolean;
  /** The GraphiQL page on GET /graphql; on outside production. */
  graphiql: boolean;
  /** Origins of other sites allowed to call the API from a browser; the API's own is always allowed. */
  corsOrigins: string[];
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Answer the hottest reads (board, opportunity list) without the executor (`server/hot-paths/`); off to compare answers. */
  hotPaths: boolean;
  limits: Limits;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: path.resolve(env.PGLITE_DIR ?? 'data/pglite'),
    redisUrl: env.REDIS_URL || undefined,
    sessionTtlDays: Number(env.SESSION_TTL_DAYS ?? 30),
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    clientDir: path.resolve(env.CLIENT_DIR ?? 'dist/client'),
    production,
    introspection: flag(env.GRAPHQL_INTROSPECTION, !production),
    graphiql: flag(env.GRAPHIQL, !production),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: flag(env.TRUST_PROXY, false),
    hotPaths: flag(env.HOT_PATHS, true),
    limits: {
      maxDepth: positive(env.GRAPHQL_MAX_DEPTH, 10),
      maxAliases: positive(env.GRAPHQL_MAX_ALIASES, 30),
      maxTokens: positive(env.GRAPHQL_MAX_TOKENS, 2_000),
      maxDirectives: positive(env.GRAPHQL_MAX_DIRECTIVES, 20),
      maxCost: positive(env.GRAPHQL_MAX_COST, 50_000),
      operationTimeoutMs: positive(env.GRAPHQL_TIMEOUT_MS, 10_000),
      maxBodyBytes: positive(env.GRAPHQL_MAX_BODY_BYTES, 2 * 1024 * 1024),
      loginMaxFailures: positive(env.LOGIN_MAX_FAILURES, 10),
      loginMaxFailuresPerAddress: positive(env.LOGIN_MAX_FAILURES_PER_ADDRESS, 30),
      loginWindowSeconds: positive(env.LOGIN_WINDOW_SECONDS, 15 * 60),
      maxSubscriptionsPerSocket: positive(env.WS_MAX_SUBSCRIPTIONS_PER_SOCKET, 50),
      maxSocketsPerUser: positive(env.WS_MAX_SOCKETS_PER_USER, 20),
    },
  };
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return value === 'true' || value === '1';
}

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`Expected a positive number, got "${value}".`);
  return number;
}
