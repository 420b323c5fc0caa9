import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp, type App } from '../app.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createTestApp, testConfig, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let app: App;
let wsUrl: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  app = buildApp({ db: t.db, config: testConfig({ WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3', WS_MAX_SOCKETS_PER_USER: '2' }) });
  wsUrl = (await app.start(0, '127.0.0.1')).url.replace('http', 'ws') + '/graphql';
});
afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await app.stop();
  await t.close();
});

interface Connection {
  socket: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
  messages: any[];
  subscribe(id: string, query: string): void;
  next(type: string, id?: string): Promise<any>;
}

/** A raw graphql-ws connection, acknowledged or refused. */
function connect(token: string): Promise<Connection> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    sockets.push(socket);
    const messages: any[] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: String(reason) })));
    const connection: Connection = {
      socket,
      closed,
      messages,
      subscribe: (id, query) => socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } })),
      async next(type, id) {
        for (;;) {
          const found = messages.findIndex((message) => message.type === type && (id === undefined || message.id === id));
          if (found !== -1) return messages.splice(found, 1)[0];
          await new Promise((wait) => setTimeout(wait, 20));
        }
      },
    };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      messages.push(message);
      if (message.type === 'connection_ack') resolve(connection);
    });
    void closed.then(() => resolve(connection));
  });
}

const LONG_HEARTBEAT = 'subscription { heartbeat(intervalMs: 60000, count: 10) { sequence } }';

describe('WebSocket limits', () => {
  it('refuse a subscription over the per-connection limit with TOO_MANY_SUBSCRIPTIONS, keeping the others', async () => {
    const connection = await connect(org.northSales.token);
    for (const id of ['1', '2', '3']) connection.subscribe(id, LONG_HEARTBEAT);
    for (const id of ['1', '2', '3']) expect((await connection.next('next', id)).payload.data.heartbeat.sequence).toBe(1);
    connection.subscribe('4', LONG_HEARTBEAT);
    const refused = await connection.next('error', '4');
    expect(refused.payload[0].extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 3 });
    // Ending one makes room again.
    connection.socket.send(JSON.stringify({ id: '1', type: 'complete' }));
    await new Promise((wait) => setTimeout(wait, 100));
    connection.subscribe('5', LONG_HEARTBEAT);
    expect((await connection.next('next', '5')).payload.data.heartbeat.sequence).toBe(1);
    expect(connection.socket.readyState).toBe(WebSocket.OPEN);
    connection.socket.close();
  });

  it('refuse a user more connections than allowed with 4429, and allow one again once another closed', async () => {
    const first = await connect(org.northManager.token);
    const second = await connect(org.northManager.token);
    expect(first.socket.readyState).toBe(WebSocket.OPEN);
    expect(second.socket.readyState).toBe(WebSocket.OPEN);
    const third = await connect(org.northManager.token);
    expect(await third.closed).toEqual({ code: 4429, reason: 'Too many connections' });
    // Another user is not affected.
    expect((await connect(org.southManager.token)).socket.readyState).toBe(WebSocket.OPEN);
    first.socket.close();
    await first.closed;
    await new Promise((wait) => setTimeout(wait, 50));
    expect((await connect(org.northManager.token)).socket.readyState).toBe(WebSocket.OPEN);
  });

  it('refuse heartbeats outside their bounds instead of running them for hours', async () => {
    const connection = await connect(org.admin.token);
    connection.subscribe('a', 'subscription { heartbeat(intervalMs: 60000, count: 1000) { sequence } }');
    // Refused as the subscription starts: one result with the error, then the end.
    const refused = await connection.next('next', 'a');
    expect(refused.payload.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'count', reason: 'TOO_LARGE' }] });
    await connection.next('complete', 'a');
    connection.subscribe('b', 'subscription { heartbeat(intervalMs: 10, count: 2) { sequence } }');
    expect((await connection.next('next', 'b')).payload.errors[0].extensions.fieldErrors).toEqual([
      expect.objectContaining({ field: 'intervalMs', reason: 'TOO_SMALL' }),
    ]);
    connection.socket.close();
  });
});
