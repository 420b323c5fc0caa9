import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { generateToken, hashToken, SESSION_TOKEN_PREFIX } from '../auth/tokens.ts';
import { createOrganisation, createUser, type Organisation, type TestUser } from '../test/fixtures.ts';
import { insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let baseUrl: string;
let pipeline: { id: string; stages: { id: string }[] };
let card: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  pipeline = await insertPipeline(t.prisma, { kind: 'LEAD' });
  const opportunity = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, pipeline: pipeline as never, title: "Live card" });
  card = globalId('Opportunity', opportunity.id);
  baseUrl = (await t.app.start(0, '127.0.0.1')).url;
});
afterAll(async () => {
  await t.app.stop();
  await t.close();
});

const BOARD = `subscription($id: ID!) { boardChanged(pipelineId: $id) { kind opportunity { title amount } } }`;
let stage = 0;
/** Moves the card to another stage as the north manager: an event for every north subscriber. */
async function moveCard() {
  stage = (stage + 1) % pipeline.stages.length;
  const moved = await t.graphql(
    'mutation($id: ID!, $stage: ID!) { moveOpportunity(id: $id, stageId: $stage) { __typename ... on ValidationError { fieldErrors { field reason message } } } }',
    { id: card, stage: globalId('Stage', pipeline.stages[stage].id) },
    org.northManager.token,
  );
  expect(moved.data.moveOpportunity).toEqual({ __typename: 'MoveOpportunitySuccess' });
}

interface Stream {
  /** Payloads received so far (data and errors). */
  messages: Array<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }>;
  closed: Promise<{ code: number; reason: string } | 'ended' | 'cut off'>;
  waitFor(count: number): Promise<void>;
}

/** A subscription over graphql-ws with a raw socket, so the close code can be read. */
function overWebSocket(token: string, query = BOARD): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: Stream['messages'] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: String(reason) })));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('error', reject);
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { id: globalId('Pipeline', pipeline.id) } } }));
        // The subscription is registered once the server has handled the message.
        setTimeout(() => resolve({ messages, closed, waitFor: (count) => until(() => messages.length >= count) }), 150);
      }
      if (message.type === 'next') messages.push(message.payload);
      if (message.type === 'error') messages.push({ errors: message.payload });
    });
  });
}

/** The same subscription as server-sent events. */
async function overServerSentEvents(token: string, query = BOARD): Promise<Stream> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { id: globalId('Pipeline', pipeline.id) } }),
  });
  expect(response.status).toBe(200);
  const messages: Stream['messages'] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const closed = (async () => {
    let buffer = '';
    for (;;) {
      // Streams still open when the server stops are cut off.
      const { value, done } = await reader.read().catch(() => ({ value: '', done: 'cut off' as const }));
      if (done === 'cut off') return done;
      if (done) return 'ended' as const;
      buffer += value;
      const events = buffer.split('\n\n');
      buffer = events.pop()!;
      for (const event of events) {
        const data = event.split('\n').find((line) => line.startsWith('data: '));
        if (event.startsWith('event: next') && data) messages.push(JSON.parse(data.slice(6)));
      }
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 150));
  return { messages, closed, waitFor: (count) => until(() => messages.length >= count) };
}

async function until(condition: () => boolean, ms = 5000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function freshSession(user: TestUser, expiresInMs = 86_400_000) {
  const token = generateToken(SESSION_TOKEN_PREFIX);
  await t.prisma.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + expiresInMs) } });
  return token;
}

const codesOf = (stream: Stream) => stream.messages.flatMap((message) => message.errors?.map((error) => error.extensions?.code) ?? []);

const transports = { WebSocket: overWebSocket, 'server-sent events': overServerSentEvents };

describe.each(Object.entries(transports))('over %s, a subscription stops at once', (transport, open) => {
  const ended = async (stream: Stream, code: string, closeCode: number) => {
    const outcome = await stream.closed;
    if (transport === 'WebSocket') expect(outcome).toMatchObject({ code: closeCode });
    else expect(outcome).toBe('ended');
    // A WebSocket client learns of changed access from the close code alone and reconnects.
    expect(codesOf(stream)).toEqual(transport === 'WebSocket' && closeCode === 4000 ? [] : [code]);
  };

  it('when its session is logged out', async () => {
    const token = await freshSession(org.northSales);
    const stream = await open(token);
    await moveCard();
    await stream.waitFor(1);
    expect(stream.messages[0]).toMatchObject({ data: { boardChanged: { kind: 'UPDATED' } } });

    const logout = await t.graphql('mutation { logout }', {}, token);
    expect(logout.data.logout).toBe(true);
    await moveCard();
    await ended(stream, 'UNAUTHENTICATED', 4401);
    expect(stream.messages.filter((message) => message.data)).toHaveLength(1);
  });

  it('when its API token is revoked', async () => {
    const session = await freshSession(org.northSales);
    const created = await t.graphql('mutation { createApiToken(name: "live") { ... on CreatedApiToken { token apiToken { id } } } }', {}, session);
    const stream = await open(created.data.createApiToken.token);
    await t.graphql('mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id: created.data.createApiToken.apiToken.id }, session);
    await moveCard();
    await ended(stream, 'UNAUTHENTICATED', 4401);
    expect(stream.messages.filter((message) => message.data)).toHaveLength(0);
  });

  it('when its session expires', async () => {
    const stream = await open(await freshSession(org.northSales2, 1_000));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await moveCard();
    await ended(stream, 'UNAUTHENTICATED', 4401);
    expect(stream.messages.filter((message) => message.data)).toHaveLength(0);
  });

  it('when its user is deactivated, and goes on for others', async () => {
    const user = await createUser(t.prisma, { name: `Dana ${transport}`, role: 'SALES', teamIds: [org.north.id] });
    const deactivated = await open(user.token);
    const colleague = await open(await freshSession(org.northSales));
    const response = await t.graphql(
      'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { __typename } }',
      { id: globalId('User', user.id) },
      org.admin.token,
    );
    expect(response.data.updateUser.__typename).toBe('UpdateUserSuccess');
    await moveCard();
    await ended(deactivated, 'UNAUTHENTICATED', 4401);
    await colleague.waitFor(1);
    expect(colleague.messages[0]).toMatchObject({ data: { boardChanged: { opportunity: { title: expect.any(String) } } } });
  });

  it('when its user gets another role or other teams', async () => {
    const user = await createUser(t.prisma, { name: `Moritz ${transport}`, role: 'SALES', teamIds: [org.north.id] });
    const stream = await open(user.token);
    await t.graphql(
      'mutation($id: ID!, $teams: [ID!]) { updateUser(id: $id, input: { teamIds: $teams }) { __typename } }',
      { id: globalId('User', user.id), teams: [globalId('Team', org.south.id)] },
      org.admin.token,
    );
    await moveCard();
    await ended(stream, 'ACCESS_CHANGED', 4000);
    expect(stream.messages.filter((message) => message.data)).toHaveLength(0);
  });

  it('and not when another session of the same user ends', async () => {
    const stream = await open(await freshSession(org.northSales));
    const other = await freshSession(org.northSales);
    await t.graphql('mutation { logout }', {}, other);
    await moveCard();
    await stream.waitFor(1);
    expect(codesOf(stream)).toEqual([]);
  });
});

describe('a graphql-ws client whose access changed', () => {
  it('reconnects by itself and from then on receives what its new access allows', async () => {
    const user = await createUser(t.prisma, { name: 'Wanda Wechsel', role: 'SALES', teamIds: [org.north.id] });
    const southCard = await insertOpportunity(t.prisma, { owner: org.southSales, teamId: org.south.id, pipeline: pipeline as never, title: 'South card' });
    const client = createClient({
      url: `${baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 5,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
    });
    const titles: string[] = [];
    let connections = 0;
    client.on('connected', () => (connections += 1));
    const unsubscribe = client.subscribe(
      { query: BOARD, variables: { id: globalId('Pipeline', pipeline.id) } },
      { next: (result) => titles.push((result.data as any)?.boardChanged?.opportunity?.title ?? 'removed'), error: () => {}, complete: () => {} },
    );
    try {
      await until(() => connections === 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await t.graphql(
        'mutation($id: ID!, $teams: [ID!]) { updateUser(id: $id, input: { teamIds: $teams }) { __typename } }',
        { id: globalId('User', user.id), teams: [globalId('Team', org.south.id)] },
        org.admin.token,
      );
      await until(() => connections === 2);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await moveCard();
      await t.graphql(
        'mutation($id: ID!, $stage: ID!) { moveOpportunity(id: $id, stageId: $stage) { __typename } }',
        { id: globalId('Opportunity', southCard.id), stage: globalId('Stage', pipeline.stages[1].id) },
        org.southManager.token,
      );
      await until(() => titles.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(titles).toEqual(['South card']);
    } finally {
      unsubscribe();
      await client.dispose();
    }
  });
});

describe('subscriptions that cannot start', () => {
  it('answer server-sent events with 401 and 403, not 500', async () => {
    const subscribe = (authorization?: string) =>
      fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: BOARD, variables: { id: globalId('Pipeline', pipeline.id) } }),
      });
    expect((await subscribe()).status).toBe(401);
    expect((await subscribe('Bearer crm_s_forged')).status).toBe(401);
    expect((await subscribe(`Bearer ${org.service.token}`)).status).toBe(403);
  });
});
