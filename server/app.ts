import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type Plugin } from 'graphql-yoga';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { authenticate } from './auth/authenticate.ts';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import type { Database } from './db/database.ts';
import { maskError } from './graphql-errors.ts';
import { createExportHandler } from './http/export.ts';
import { createLoaders } from './loaders.ts';
import { collectEvents } from './domain/events.ts';
import { notifyDueActivities } from './domain/notifications.ts';
import { createServerPubSub, publishDomainEvents, type PubSub, type ServerPubSub } from './pubsub.ts';
import { schema } from './schema/index.ts';

export interface AppOptions {
  db: Database;
  config: Config;
  /** Defaults to Redis when the config names one, else in-process. */
  events?: ServerPubSub;
}

interface InitialContext {
  request: Request;
  /** Credentials from graphql-ws `connection_init`, for operations over a WebSocket. */
  connectionAuthorization?: unknown;
}

/**
 * One HTTP server for everything: GraphQL over HTTP and SSE (`/graphql`), GraphQL over WebSocket
 * (graphql-ws, same path), `/healthz`, and the built client. HTTP and WebSocket operations go
 * through the same yoga envelope, so they share context, validation and plugins.
 */
export function buildApp({ db, config, events = createServerPubSub(config.redisUrl) }: AppOptions) {
  const { pubsub } = events;
  const yoga = createYoga<InitialContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Pipeline CRM API', subscriptionsProtocol: 'WS' },
    maskedErrors: { maskError },
    plugins: [publishCommittedEvents(pubsub)],
    logging: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn',
    context: async ({ request, connectionAuthorization }): Promise<Context> => {
      const viewer = await authenticate(db.prisma, connectionAuthorization ?? request.headers.get('authorization'));
      return { db, prisma: db.prisma, config, pubsub, viewer, loaders: createLoaders(db.prisma, viewer) };
    },
  });

  const serveClient = existsSync(config.clientDir) ? sirv(config.clientDir, { single: true, etag: true }) : null;
  const handleExport = createExportHandler(db);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url?.split('?')[0] ?? '/';
    if (path === '/graphql') return yoga(req, res);
    if (path === '/healthz') return health(db, res);
    if (path.startsWith('/export/')) return handleExport(req, res);
    if (serveClient) return serveClient(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The client is not built: run `npm run build`.');
  });

  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      // Refuse the connection itself (4403) when `connection_init` carries no valid credentials.
      onConnect: async (ctx) => (await authenticate(db.prisma, ctx.connectionParams?.authorization)) !== null,
      onSubscribe: async (ctx, _id, params) => {
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          request: new Request('http://localhost/graphql', { headers: {} }),
          connectionAuthorization: ctx.connectionParams?.authorization,
        });
        const args = {
          schema: enveloped.schema,
          operationName: params.operationName,
          document: enveloped.parse(params.query),
          variableValues: params.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
        const errors = enveloped.validate(args.schema, args.document);
        if (errors.length) return errors;
        return args;
      },
    },
    wsServer,
  );

  let dueNotifier: NodeJS.Timeout | undefined;

  return {
    yoga,
    server,
    async start(port = config.port, host = config.host) {
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      dueNotifier ??= setInterval(() => void announceDueActivities(db, pubsub), DUE_CHECK_INTERVAL_MS);
      const address = server.address() as AddressInfo;
      return { port: address.port, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}` };
    },
    /**
     * Stops accepting, closes WebSockets with 1001 "Going away" (clients reconnect, possibly to
     * another instance, and catch up), lets in-flight HTTP requests finish (at most 10 s).
     */
    async stop() {
      if (dueNotifier) clearInterval(dueNotifier);
      await wsCleanup.dispose();
      wsServer.close();
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(force);
      await events.close();
    },
  };
}

export type App = ReturnType<typeof buildApp>;

interface EnvelopedRoot {
  execute: (args: unknown) => unknown;
  subscribe: (args: unknown) => unknown;
}

async function health(db: Database, res: ServerResponse) {
  try {
    await db.prisma.$queryRaw`SELECT 1`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', database: db.kind }));
  } catch {
    res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable' }));
  }
}

/**
 * Runs every operation with a domain event collector and publishes what its transactions
 * committed once the operation is done, so subscribers hear of a change only after it is saved.
 */
function publishCommittedEvents(pubsub: PubSub): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const { result, events } = await collectEvents(async () => executeFn(args));
        publishDomainEvents(pubsub, events);
        return result;
      });
    },
  };
}

const DUE_CHECK_INTERVAL_MS = 60_000;

/** Announces due and overdue activities; a failed round is retried by the next one. */
async function announceDueActivities(db: Database, pubsub: PubSub) {
  try {
    const { events } = await collectEvents(() => notifyDueActivities(db.prisma));
    publishDomainEvents(pubsub, events);
  } catch (error) {
    console.warn(`Could not announce due activities: ${(error as Error).message}`);
  }
}
