import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';
import { pgConnection, pgliteConnection, type SqlConnection } from './sql-connection.ts';
import { withJsonRelations } from './json-relations.ts';
import { StatementRecorder } from './statement-recorder.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /**
   * The same client without `prisma`'s query extension, for reads that build their own queries
   * and never pass a Pothos selection (the hot paths): the extension's machinery costs about a
   * fifth of the CPU of a board's card query.
   */
  plainPrisma: PrismaClient;
  statements: StatementRecorder;
  /** A raw connection for migrations and health checks; release it when done. */
  connect(): Promise<SqlConnection>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { url: string }
  /** `dataDir` undefined means an in-memory database (tests). */
  | { pgliteDir: string | undefined };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statements = new StatementRecorder();
  if ('url' in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // No single statement may hold a connection longer than this (README, "Security").
      statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000),
    });
    // An idle connection cut by the server (restart, failover) is dropped from the pool and
    // replaced on next use; unhandled, the 'error' event would end the process. After close()
    // a backend that has not exited yet may still be terminated by the server: not worth a warning.
    pool.on('error', (error) => {
      if (!pool.ending) console.warn(`Database connection lost: ${error.message}`);
    });
    const { prisma, plainPrisma } = createClients(statements.wrap(new PrismaPg(pool), withJsonRelations));
    return {
      kind: 'postgres',
      prisma,
      plainPrisma,
      statements,
      connect: () => pgConnection(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const pglite = await PGlite.create(options.pgliteDir ?? 'memory://');
  const { prisma, plainPrisma } = createClients(statements.wrap(new PrismaPGlite(pglite), withJsonRelations));
  return {
    kind: 'pglite',
    prisma,
    plainPrisma,
    statements,
    connect: async () => pgliteConnection(pglite),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

function createClients(adapter: SqlDriverAdapterFactory) {
  const plainPrisma = new PrismaClient({ adapter });
  const client = plainPrisma.$extends({
    query: {
      $allModels: {
        // Pothos asks for `select: {}` when a client selects nothing of a record but its
        // __typename (e.g. `createAccount { __typename }`); Prisma rejects an empty select.
        $allOperations({ args, query }) {
          const select = (args as { select?: object } | undefined)?.select;
          if (select && Object.keys(select).length === 0) delete (args as { select?: object }).select;
          return query(args);
        },
      },
    },
  });
  // The extension changes no model or result type, so the client keeps its plain type.
  return { prisma: client as unknown as PrismaClient, plainPrisma };
}

export type { PrismaClient };
