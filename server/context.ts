import type { Viewer } from './auth/viewer.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import type { Loaders } from './loaders.ts';
import type { PubSub } from './pubsub.ts';
import type { LoginRateLimit } from './security/login-rate-limit.ts';
import type { WebSocket } from 'ws';

/** What every resolver receives, for HTTP and WebSocket operations alike. */
export interface Context {
  db: Database;
  prisma: PrismaClient;
  config: Config;
  viewer: Viewer | null;
  loaders: Loaders;
  pubsub: PubSub;
  /** Where the request came from (X-Forwarded-For only with TRUST_PROXY), for rate limits. */
  clientAddress: string;
  loginRateLimit: LoginRateLimit;
  /** Set on WebSocket operations: the socket, so a subscription can close it when access ends. */
  socket?: WebSocket;
}
