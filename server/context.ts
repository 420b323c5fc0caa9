import type { Viewer } from './auth/viewer.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import type { Loaders } from './loaders.ts';
import type { PubSub } from './pubsub.ts';

/** What every resolver receives, for HTTP and WebSocket operations alike. */
export interface Context {
  db: Database;
  prisma: PrismaClient;
  config: Config;
  viewer: Viewer | null;
  loaders: Loaders;
  pubsub: PubSub;
}

/** The part of the context the server provides to yoga; yoga adds the request itself. */
export interface ServerContext {
  db: Database;
  config: Config;
  pubsub: PubSub;
  /** Set on WebSocket operations: the credentials sent with `connection_init`. */
  connectionAuthorization?: unknown;
}
