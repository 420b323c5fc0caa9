import { getEventListeners } from 'node:events';
import { createPubSub, createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { Viewer } from '../auth/viewer.ts';
import { generateToken, hashToken, SESSION_TOKEN_PREFIX } from '../auth/tokens.ts';
import { createOrganisation, type Organisation, type TestUser } from '../test/fixtures.ts';
import { insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';
import { groupedSubscriptions } from './grouped-subscriptions.ts';

async function until(condition: () => boolean, ms = 5000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('grouped subscriptions', () => {
  const viewerOf = (id: string, teamIds: string[]): Viewer => ({
    id,
    name: id,
    email: `${id}@example.test`,
    role: 'SALES',
    teamIds,
    readOnly: false,
    via: 'session',
    credentialId: crypto.randomUUID(),
    expiresAt: null,
  });

  it('execute the selection once per event and group of subscribers with the same user, access and variables', async () => {
    const eventTarget = new EventTarget();
    const pubsub = createPubSub<{ tick: [{ n: number }] }>({ eventTarget });
    let executions = 0;
    const schema = createSchema<{ viewer: Viewer }>({
      typeDefs: 'type Query { ok: Boolean } type Subscription { tick(label: String): Tick } type Tick { n: Int, seenBy: String, label: String }',
      resolvers: {
        Subscription: { tick: { subscribe: () => pubsub.subscribe('tick'), resolve: (event: { n: number }) => event } },
        Tick: {
          seenBy: (_event: unknown, _args: unknown, context: { viewer: Viewer }) => {
            executions += 1;
            return context.viewer.id;
          },
          label: (_event: unknown, _args: unknown, _context: unknown, info: { variableValues: Record<string, unknown> }) => info.variableValues.label ?? null,
        },
      },
    });
    const yoga = createYoga<{ request: Request }, { viewer: Viewer }>({
      schema,
      context: ({ request }) => ({ viewer: viewerOf(request.headers.get('x-user')!, request.headers.get('x-teams')!.split(',')) }),
      plugins: [groupedSubscriptions<{ viewer: Viewer }>((context) => ({ ...context }), new Set(['tick']))],
    });
    const subscribe = async (user: string, teams: string, label: string | null) => {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-user': user, 'x-teams': teams },
        body: JSON.stringify({ query: 'subscription($label: String) { tick(label: $label) { n seenBy label } }', variables: { label } }),
      });
      const received: string[] = [];
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        let buffer = '';
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          buffer += chunk.value;
          const events = buffer.split('\n\n');
          buffer = events.pop()!;
          for (const event of events) if (event.startsWith('event: next')) received.push(event.split('\n').find((line) => line.startsWith('data: '))!.slice(6));
        }
      })();
      return { received, cancel: () => reader.cancel() };
    };
    const subscribers = await Promise.all([
      subscribe('anna', 'north', null),
      subscribe('anna', 'north', null),
      subscribe('anna', 'north', null),
      subscribe('anna', 'north', 'other'),
      subscribe('bert', 'north', null),
      subscribe('anna', 'south', null),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // One subscription to the events per group, not per subscriber.
    expect(getEventListeners(eventTarget, 'tick')).toHaveLength(4);
    pubsub.publish('tick', { n: 1 });
    await until(() => subscribers.every((subscriber) => subscriber.received.length === 1));
    // Four groups: anna north (three subscribers), anna north with another label, bert, anna south.
    expect(executions).toBe(4);
    expect(subscribers.map((subscriber) => subscriber.received[0])).toEqual([
      ...Array(3).fill('{"data":{"tick":{"n":1,"seenBy":"anna","label":null}}}'),
      '{"data":{"tick":{"n":1,"seenBy":"anna","label":"other"}}}',
      '{"data":{"tick":{"n":1,"seenBy":"bert","label":null}}}',
      '{"data":{"tick":{"n":1,"seenBy":"anna","label":null}}}',
    ]);
    // The next event is executed afresh, not answered from the first one's results.
    pubsub.publish('tick', { n: 2 });
    await until(() => subscribers.every((subscriber) => subscriber.received.length === 2));
    expect(executions).toBe(8);
    expect(JSON.parse(subscribers[0].received[1]).data.tick.n).toBe(2);
    // A group lives as long as one of its subscribers: the last one to leave ends its subscription.
    await subscribers[0].cancel();
    await subscribers[1].cancel();
    await until(() => getEventListeners(eventTarget, 'tick').length === 4);
    await subscribers[2].cancel();
    await until(() => getEventListeners(eventTarget, 'tick').length === 3);
    await Promise.all(subscribers.slice(3).map((subscriber) => subscriber.cancel()));
    await until(() => getEventListeners(eventTarget, 'tick').length === 0);
  });
});

describe('the grouped board fan-out over WebSocket', () => {
  let t: TestApp;
  let org: Organisation;
  let wsUrl: string;
  let pipeline: { id: string; stages: { id: string }[] };
  let northCard: string;
  let southCard: string;
  const BOARD = `subscription($id: ID!) { boardChanged(pipelineId: $id) {
    kind opportunityId version actor { name } onBoard opportunity { title amount viewerCanEdit account { name } owner { name } }
  } }`;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrganisation(t.prisma);
    pipeline = await insertPipeline(t.prisma, { kind: 'LEAD' });
    northCard = globalId('Opportunity', (await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, pipeline: pipeline as never, title: 'Geheim Nord' })).id);
    southCard = globalId('Opportunity', (await insertOpportunity(t.prisma, { owner: org.southSales, teamId: org.south.id, pipeline: pipeline as never, title: 'Süd offen' })).id);
    wsUrl = `${(await t.app.start(0, '127.0.0.1')).url.replace('http', 'ws')}/graphql`;
  });
  afterAll(async () => {
    await t.app.stop();
    await t.close();
  });

  async function freshSession(user: TestUser) {
    const token = generateToken(SESSION_TOKEN_PREFIX);
    await t.prisma.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    return token;
  }

  /** A raw graphql-ws subscriber, so the exact bytes and the close code can be read. */
  function subscriber(token: string): Promise<{ raw: string[]; closed: Promise<number> }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
      const raw: string[] = [];
      const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      socket.on('error', reject);
      socket.on('message', (data) => {
        const text = String(data);
        const message = JSON.parse(text);
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: BOARD, variables: { id: globalId('Pipeline', pipeline.id) } } }));
          setTimeout(() => resolve({ raw, closed }), 150);
        }
        // The payload's bytes as sent (graphql-ws messages are {"id":…,"type":…,"payload":…}).
        if (message.type === 'next' || message.type === 'error') raw.push(text.slice(text.indexOf('"payload":') + '"payload":'.length, -1));
      });
    });
  }

  let stage = 0;
  async function move(card: string, token: string) {
    stage = (stage + 1) % pipeline.stages.length;
    const moved = await t.graphql('mutation($id: ID!, $stage: ID!) { moveOpportunity(id: $id, stageId: $stage) { __typename } }', { id: card, stage: globalId('Stage', pipeline.stages[stage].id) }, token);
    expect(moved.data.moveOpportunity.__typename).toBe('MoveOpportunitySuccess');
  }

  it("delivers nothing of another team's card, the same payload to a group, and still ends a logged-out session", async () => {
    const northSessions = await Promise.all([0, 1, 2].map(() => freshSession(org.northManager)));
    const north = await Promise.all(northSessions.map(subscriber));
    const south = await Promise.all([await freshSession(org.southManager), await freshSession(org.southManager)].map(subscriber));
    const southSeller = await subscriber(org.southSales.token);

    await move(northCard, org.northManager.token);
    await move(southCard, org.southManager.token);
    await until(() => north.every((s) => s.raw.length === 1) && [...south, southSeller].every((s) => s.raw.length === 1));

    // Every north session of the manager is one group: the very same payload.
    expect(new Set(north.map((s) => s.raw[0])).size).toBe(1);
    expect(JSON.parse(north[0].raw[0]).data.boardChanged).toMatchObject({ opportunityId: northCard, opportunity: { title: 'Geheim Nord' } });
    // South subscribers (manager sessions in one group, the seller in another) got the south card only.
    for (const s of [...south, southSeller]) {
      expect(JSON.parse(s.raw[0]).data.boardChanged).toMatchObject({ opportunityId: southCard, opportunity: { title: 'Süd offen' } });
      expect(s.raw.join()).not.toContain('Geheim Nord');
      expect(s.raw.join()).not.toContain(northCard);
    }
    expect(new Set(south.map((s) => s.raw[0])).size).toBe(1);

    // Logging out one session of the group ends that subscriber alone (4401); the others go on.
    const logout = await t.graphql('mutation { logout }', {}, northSessions[0]);
    expect(logout.data.logout).toBe(true);
    await move(northCard, org.northManager.token);
    expect(await north[0].closed).toBe(4401);
    expect(JSON.parse(north[0].raw.at(-1)!).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await until(() => north.slice(1).every((s) => s.raw.length === 2));
    expect(north[1].raw[1]).toBe(north[2].raw[1]);
    expect(JSON.parse(north[1].raw[1]).data.boardChanged).toMatchObject({ opportunityId: northCard, kind: 'UPDATED' });
    expect(north[0].raw.filter((raw) => raw.includes('"data"'))).toHaveLength(1);
    // Nothing of the north card's move reached the south.
    for (const s of [...south, southSeller]) expect(s.raw).toHaveLength(1);
  });

  it('serializes each event once per group: identical bytes within a group, its own payload for another access', async () => {
    const managers = await Promise.all([0, 1, 2].map(async () => subscriber(await freshSession(org.northManager))));
    // A seller of the same team who does not own the card: same card, other rights on it.
    const sellers = await Promise.all([0, 1].map(async () => subscriber(await freshSession(org.northSales2))));
    const south = await subscriber(await freshSession(org.southManager));
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await move(northCard, org.northManager.token);
      await until(() => [...managers, ...sellers].every((s) => s.raw.length === 1));
      // graphql-ws would serialize {id, type, payload} per subscriber (seven here); each group's result is serialized once.
      const boardResults = stringify.mock.calls.filter(([value]) => (value?.data ?? value?.payload?.data)?.boardChanged);
      expect(boardResults).toHaveLength(2);
    } finally {
      stringify.mockRestore();
    }
    expect(new Set(managers.map((s) => s.raw[0])).size).toBe(1);
    expect(new Set(sellers.map((s) => s.raw[0])).size).toBe(1);
    expect(JSON.parse(managers[0].raw[0]).data.boardChanged.opportunity).toMatchObject({ title: 'Geheim Nord', viewerCanEdit: true });
    expect(JSON.parse(sellers[0].raw[0]).data.boardChanged.opportunity).toMatchObject({ title: 'Geheim Nord', viewerCanEdit: false });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(south.raw).toEqual([]);
  });
});
