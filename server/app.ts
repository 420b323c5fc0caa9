import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { GraphQLError, getOperationAST } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticate } from './auth/authenticate.ts';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import type { Database } from './db/database.ts';
import { maskError } from './graphql-errors.ts';
import { createExportHandler } from './http/export.ts';
import { createImportHandler } from './http/import.ts';
import { createLazyLoaders, createLoaders } from './loaders.ts';
import { serveGraphqlWs } from './live/graphql-ws-server.ts';
import { groupedSubscriptions } from './live/grouped-subscriptions.ts';
import { collectEvents } from './domain/events.ts';
import { boardRoot } from './hot-paths/board.ts';
import { opportunityPageRoot } from './hot-paths/opportunity-page.ts';
import { hotPaths } from './hot-paths/plugin.ts';
import { notifyDueActivities } from './domain/notifications.ts';
import { forgetCachedSettings, staleAfterDaysCached } from './domain/settings.ts';
import { createServerPubSub, publishDomainEvents, type PubSub, type ServerPubSub } from './pubsub.ts';
import { scheduleQuoteExpiry } from './quote-expiry-job.ts';
import { schema } from './schema/index.ts';
import { corsFor, graphiqlPage, isAllowedWebSocketOrigin, securityHeaders } from './security/http-headers.ts';
import { createLoginRateLimit } from './security/login-rate-limit.ts';
import { operationTimeout } from './security/operation-timeout.ts';
import { limitError, queryLimits } from './security/query-limits.ts';
import { refuseMutationsForReadOnlyTokens } from './security/read-only.ts';
import { subscriptionGuard } from './security/subscription-guard.ts';
import { refuseNulCharacters } from './security/text-input.ts';

export interface AppOptions {
  db: Database;
  config: Config;
  /** Defaults to Redis when the config names one, else in-process. */
  events?: ServerPubSub;
}

interface InitialContext {
  request: Request;
  /** The Node request (HTTP). */
  req?: IncomingMessage;
  /** Where a WebSocket's upgrade request came from, for operations over the socket. */
  socketClientAddress?: string;
  /** Credentials from graphql-ws `connection_init`, for operations over a WebSocket. */
  connectionAuthorization?: unknown;
  socket?: WebSocket;
}

/** Subscriptions fed by the event bus alone, whose subscribers of one access and filter can share one run. */
const SHARED_EVENT_FIELDS = new Set(['boardChanged', 'opportunityChanged', 'notificationAdded', 'documentChanged']);

/** Close code for a user over their number of open WebSockets. */
const CLOSE_TOO_MANY_SOCKETS = 4429;

/**
 * One HTTP server for everything: GraphQL over HTTP and SSE (`/graphql`), GraphQL over WebSocket
 * (graphql-ws, same path), `/healthz`, and the built client. HTTP and WebSocket operations go
 * through the same yoga envelope, so they share context, validation, limits and plugins.
 */
export function buildApp({ db, config, events = createServerPubSub(config.redisUrl) }: AppOptions) {
  const { pubsub } = events;
  const { limits } = config;
  // Settings every request reads are cached per process: read them now, forget them on a change.
  void staleAfterDaysCached(db.prisma).catch(() => {});
  const settingsChanges = pubsub.subscribe('settings')[Symbol.asyncIterator]();
  void (async () => {
    for (let change = await settingsChanges.next(); !change.done; change = await settingsChanges.next()) forgetCachedSettings(db.prisma);
  })();
  const rateLimitRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }) : undefined;
  const loginRateLimit = createLoginRateLimit(limits, rateLimitRedis);
  const clientAddress = (request: Request | undefined, req: IncomingMessage | undefined) => {
    const forwardedFor = req?.headers['x-forwarded-for'] ?? request?.headers.get('x-forwarded-for');
    const forwarded = config.trustProxy ? String(forwardedFor ?? '').split(',')[0].trim() : '';
    return forwarded || req?.socket.remoteAddress || 'unknown';
  };

  const yoga = createYoga<InitialContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    cors: corsFor(config.corsOrigins),
    maskedErrors: { maskError },
    plugins: [
      ...queryLimits(limits, { introspection: config.introspection }),
      refuseNulCharacters(),
      operationTimeout(limits.operationTimeoutMs),
      refuseMutationsForReadOnlyTokens(),
      subscriptionGuard(),
      groupedSubscriptions<Context>((context) => ({ ...context, loaders: createLoaders(db.prisma, context.viewer) }), SHARED_EVENT_FIELDS),
      ...(config.hotPaths ? [hotPaths({ board: boardRoot, opportunities: opportunityPageRoot })] : []),
      publishCommittedEvents(pubsub),
    ],
    logging: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn',
    context: async ({ request, req, socketClientAddress, connectionAuthorization, socket }): Promise<Context> => {
      const viewer = await authenticate(db.prisma, connectionAuthorization ?? request.headers.get('authorization'));
      return {
        db,
        prisma: db.prisma,
        config,
        pubsub,
        viewer,
        loaders: createLazyLoaders(db.prisma, viewer),
        clientAddress: socketClientAddress ?? clientAddress(request, req),
        loginRateLimit,
        socket,
      };
    },
  });

  const graphiql = config.graphiql ? graphiqlPage('Pipeline CRM API') : null;
  const headers = securityHeaders({ graphiqlHtml: graphiql?.html ?? null });
  const serveClient = existsSync(config.clientDir) ? sirv(config.clientDir, { single: true, etag: true }) : null;
  const handleExport = createExportHandler(db);
  const handleImport = createImportHandler(db, pubsub);

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url?.split('?')[0] ?? '/';
    if (path === '/graphql') {
      await headers.api(req, res);
      if (graphiql && req.method === 'GET' && wantsHtml(req)) {
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(graphiql.html);
      }
      if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) return tooLarge(res, limits.maxBodyBytes);
      return yoga(req, res);
    }
    if (path === '/healthz') {
      await headers.api(req, res);
      return health(db, res);
    }
    if (path.startsWith('/export/') || path.startsWith('/import/')) {
      await headers.api(req, res);
      return path.startsWith('/export/') ? handleExport(req, res) : handleImport(req, res);
    }
    await headers.client(req, res);
    if (serveClient) return serveClient(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The client is not built: run `npm run build`.');
  });

  const socketsByUser = new Map<string, Set<WebSocket>>();
  const wsServer = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: limits.maxBodyBytes,
    verifyClient: ({ req }: { req: IncomingMessage }) => isAllowedWebSocketOrigin(req, config.corsOrigins),
  });
  // yoga's envelope wants a request; every WebSocket operation gets this one (POST: yoga refuses
  // mutations in GET requests, and a WebSocket operation may be one).
  const webSocketRequest = new Request('http://localhost/graphql', { method: 'POST' });
  const wsCleanup = serveGraphqlWs<Record<string, unknown>>(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      // Refuse the connection itself (4403) when `connection_init` carries no valid credentials,
      // and (4429) when the user already has as many sockets open as allowed.
      onConnect: async (ctx) => {
        const viewer = await authenticate(db.prisma, ctx.connectionParams?.authorization);
        if (!viewer) return false;
        const sockets = socketsByUser.get(viewer.id) ?? new Set();
        if (sockets.size >= limits.maxSocketsPerUser) {
          ctx.extra.socket.close(CLOSE_TOO_MANY_SOCKETS, 'Too many connections');
          return false;
        }
        sockets.add(ctx.extra.socket);
        socketsByUser.set(viewer.id, sockets);
        ctx.extra.socket.once('close', () => {
          sockets.delete(ctx.extra.socket);
          if (sockets.size === 0) socketsByUser.delete(viewer.id);
        });
        return true;
      },
      onSubscribe: async (ctx, _id, params) => {
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerSocket) {
          return [
            limitError('TOO_MANY_SUBSCRIPTIONS', `At most ${limits.maxSubscriptionsPerSocket} operations may run at once on one connection.`, {
              limit: limits.maxSubscriptionsPerSocket,
            }),
          ];
        }
        const enveloped = yoga.getEnveloped({
          ...ctx,
          socketClientAddress: ctx.extra.clientAddress,
          socket: ctx.extra.socket,
          params,
          request: webSocketRequest,
          connectionAuthorization: ctx.connectionParams?.authorization,
        });
        let document;
        try {
          document = enveloped.parse(params.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message)];
        }
        const args = {
          schema: enveloped.schema,
          operationName: params.operationName,
          document,
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
    (request) => clientAddress(undefined, request),
  );

  let dueNotifier: NodeJS.Timeout | undefined;
  let stopQuoteExpiry: (() => void) | undefined;

  return {
    yoga,
    server,
    async start(port = config.port, host = config.host) {
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      // A run still working off a backlog is not joined by the next tick: that one is skipped.
      let announcing: Promise<void> | undefined;
      dueNotifier ??= setInterval(() => {
        announcing ??= announceDueActivities(db, pubsub).finally(() => (announcing = undefined));
      }, DUE_CHECK_INTERVAL_MS);
      stopQuoteExpiry ??= scheduleQuoteExpiry(db, pubsub);
      const address = server.address() as AddressInfo;
      return { port: address.port, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}` };
    },
    /**
     * Stops accepting, closes WebSockets with 1001 "Going away" (clients reconnect, possibly to
     * another instance, and catch up), lets in-flight HTTP requests finish (at most 10 s).
     */
    async stop() {
      if (dueNotifier) clearInterval(dueNotifier);
      void settingsChanges.return?.();
      stopQuoteExpiry?.();
      await wsCleanup.dispose();
      wsServer.close();
      const closed = new Promise<void>((resolve, reject) =>
        server.listening ? server.close((error) => (error ? reject(error) : resolve())) : resolve(),
      );
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(force);
      await Promise.all([events.close(), rateLimitRedis?.quit()]);
    },
  };
}

export type App = ReturnType<typeof buildApp>;

interface EnvelopedRoot {
  execute: (args: unknown) => unknown;
  subscribe: (args: unknown) => unknown;
}

function wantsHtml(req: IncomingMessage) {
  return String(req.headers.accept ?? '').includes('text/html');
}

function tooLarge(res: ServerResponse, limit: number) {
  const body = { errors: [{ message: `The request body is larger than ${limit} bytes.`, extensions: { code: 'BODY_TOO_LARGE', limit } }] };
  res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(body));
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
        // Reads emit nothing; collecting only for mutations keeps the collector's cost off them.
        if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return executeFn(args);
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
