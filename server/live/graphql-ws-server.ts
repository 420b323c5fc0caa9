import type { ExecutionResult } from 'graphql';
import { CloseCode, handleProtocols, makeServer, MessageType, type ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import { WebSocket, type WebSocketServer } from 'ws';

export interface SocketExtra {
  socket: WebSocket;
  /** Where the upgrade request came from; the request itself is not kept for the socket's lifetime. */
  clientAddress: string;
}

/** How often each socket is pinged; one that has not answered the previous ping by then is dropped. */
const KEEP_ALIVE_MS = 12_000;

/**
 * graphql-ws over `ws`, like graphql-ws's own `useServer`, with two differences that matter at
 * thousands of subscribers: one keep-alive timer for all sockets instead of two per socket, and
 * each event's result serialized once however many subscribers receive the same result object
 * (the subscribers of one group, see grouped-subscriptions.ts, do). A `next` message differs
 * between them only by the operation id, so it is put together around the shared JSON.
 */
export function serveGraphqlWs<P extends Record<string, unknown>>(
  options: Omit<ServerOptions<P, SocketExtra>, 'onNext' | 'jsonMessageReplacer'>,
  wsServer: WebSocketServer,
  addressOf: (request: IncomingMessage) => string,
) {
  // The message graphql-ws is serializing right now, put together from a shared payload. graphql-ws
  // serializes a message and sends it in one synchronous step, so `send` takes it at once.
  let assembled: string | undefined;
  const server = makeServer<P, SocketExtra>({
    ...options,
    onNext: (_ctx, _id, _payload, _args, result) => serializedOnce(result) as never,
    jsonMessageReplacer(key, value) {
      if (key !== '' || !(value?.payload instanceof SerializedResult)) return value;
      assembled = `{"id":${JSON.stringify(value.id)},"type":"${MessageType.Next}","payload":${value.payload.json}}`;
      return null;
    },
  });
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.once('error', () => {
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  const answered = new WeakSet<WebSocket>();
  const keepAlive = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (!answered.has(socket)) {
        socket.terminate();
        continue;
      }
      answered.delete(socket);
      socket.ping();
    }
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  wsServer.on('connection', (socket, request) => {
    answered.add(socket);
    socket.on('pong', () => answered.add(socket));
    socket.once('error', (error) => {
      console.error(`WebSocket error: ${error.message}`);
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send(data) {
          const message = assembled ?? data;
          assembled = undefined;
          if (socket.readyState !== WebSocket.OPEN) return;
          return new Promise<void>((resolve, reject) => socket.send(message, (error) => (error ? reject(error) : resolve())));
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              console.error(`graphql-ws message handling failed: ${(error as Error).message}`);
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, clientAddress: addressOf(request) },
    );
    socket.once('close', (code, reason) => void closed(code, String(reason)));
  });

  return {
    async dispose() {
      clearInterval(keepAlive);
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A result's JSON as graphql-ws would write it (GraphQLError serializes through its toJSON). */
class SerializedResult {
  constructor(readonly json: string) {}
}

const serialized = new WeakMap<ExecutionResult, SerializedResult>();

function serializedOnce(result: ExecutionResult): SerializedResult {
  let done = serialized.get(result);
  if (!done) {
    done = new SerializedResult(JSON.stringify(result));
    serialized.set(result, done);
  }
  return done;
}
