import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let wsUrl: string;
let pipeline: { id: string; stages: { id: string }[] };
const clients: Client[] = [];

const BOARD = `subscription($id: ID!) { boardChanged(pipelineId: $id) {
  kind opportunityId previousStageId stageId version actor { name } opportunity { title probability stage { name } }
} }`;

function connect(token: string) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(client);
  return client;
}

/** Collects the events of one subscription; `next()` waits for the following one. */
function listen(client: Client, query: string, variables: Record<string, unknown>) {
  const received: any[] = [];
  const waiting: Array<(value: any) => void> = [];
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  client.on('connected', () => acknowledged());
  client.subscribe(
    { query, variables },
    {
      next: (value) => (waiting.length ? waiting.shift()!(value) : received.push(value)),
      error: (error) => {
        throw error;
      },
      complete: () => {},
    },
  );
  return {
    ready: ready.then(() => new Promise((resolve) => setTimeout(resolve, 100))),
    next: () => (received.length ? Promise.resolve(received.shift()) : new Promise<any>((resolve) => waiting.push(resolve))),
    pending: () => received.length,
  };
}

async function createCard(token: string, accountId: string, title: string) {
  const response = await t.graphql(
    'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ... on CreateOpportunitySuccess { opportunity { id } } } }',
    { input: { accountId: globalId('Account', accountId), title } },
    token,
  );
  return response.data.createOpportunity.opportunity.id as string;
}

const move = (token: string, id: string, stageId: string) =>
  t.graphql('mutation($id: ID!, $stage: ID!) { moveOpportunity(id: $id, stageId: $stage) { __typename } }', { id, stage: globalId('Stage', stageId) }, token);

let northAccount: string;
let southAccount: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  const { url } = await t.app.start(0, '127.0.0.1');
  wsUrl = `${url.replace('http', 'ws')}/graphql`;
  pipeline = await t.prisma.pipeline.create({
    data: { name: 'Leads', kind: 'LEAD', stages: { create: [10, 40, 70].map((probability, position) => ({ name: `Stufe ${position + 1}`, position, probability })) } },
    include: { stages: { orderBy: { position: 'asc' } } },
  });
  const account = (name: string, owner: { id: string }, teamId: string) =>
    t.prisma.account.create({ data: { name, normalizedName: name.toLowerCase(), statusKey: 'PROSPECT', ownerId: owner.id, teamId } });
  northAccount = (await account('Nord GmbH', org.northSales, org.north.id)).id;
  southAccount = (await account('Süd AG', org.southSales, org.south.id)).id;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await t.app.stop();
  await t.close();
});

describe('boardChanged', () => {
  it('carries the new card state, the previous stage and the actor, only to people who may read the card', async () => {
    const north = listen(connect(org.northManager.token), BOARD, { id: globalId('Pipeline', pipeline.id) });
    const south = listen(connect(org.southManager.token), BOARD, { id: globalId('Pipeline', pipeline.id) });
    await Promise.all([north.ready, south.ready]);

    const northCard = await createCard(org.northSales.token, northAccount, 'Nordkarte');
    expect((await north.next()).data.boardChanged).toMatchObject({ kind: 'CREATED', opportunityId: northCard, actor: { name: 'Nils Sales' } });
    await move(org.northSales.token, northCard, pipeline.stages[1].id);
    expect((await north.next()).data.boardChanged).toEqual({
      kind: 'UPDATED',
      opportunityId: northCard,
      previousStageId: globalId('Stage', pipeline.stages[0].id),
      stageId: globalId('Stage', pipeline.stages[1].id),
      version: 2,
      actor: { name: 'Nils Sales' },
      opportunity: { title: 'Nordkarte', probability: 40, stage: { name: 'Stufe 2' } },
    });

    // The south manager's first event is the south card: nothing of the north card reached them.
    const southCard = await createCard(org.southSales.token, southAccount, 'Südkarte');
    const first = (await south.next()).data.boardChanged;
    expect(first).toMatchObject({ kind: 'CREATED', opportunityId: southCard, opportunity: { title: 'Südkarte' } });
    expect(JSON.stringify(first)).not.toContain('Nordkarte');
  });

  it('tells each subscriber whether the card is on the board as they filter it', async () => {
    const query = `subscription($id: ID!, $mine: OpportunityFilter) { boardChanged(pipelineId: $id) {
      kind opportunityId all: onBoard mine: onBoard(filter: $mine)
    } }`;
    const pipelineId = globalId('Pipeline', pipeline.id);
    const filtered = listen(connect(org.northManager.token), query, { id: pipelineId, mine: { ownerIds: [globalId('User', org.northSales2.id)] } });
    await filtered.ready;

    const nils = await createCard(org.northSales.token, northAccount, 'Von Nils');
    expect((await filtered.next()).data.boardChanged).toEqual({ kind: 'CREATED', opportunityId: nils, all: true, mine: false });
    const nina = await createCard(org.northSales2.token, northAccount, 'Von Nina');
    expect((await filtered.next()).data.boardChanged).toEqual({ kind: 'CREATED', opportunityId: nina, all: true, mine: true });

    // Won: it leaves the board of open opportunities, filtered or not.
    const won = await t.graphql('mutation($id: ID!) { winOpportunity(id: $id) { __typename } }', { id: nina }, org.northSales2.token);
    expect(won.data.winOpportunity.__typename).toBe('WinOpportunitySuccess');
    expect((await filtered.next()).data.boardChanged).toEqual({ kind: 'UPDATED', opportunityId: nina, all: false, mine: false });

    // Handed to Nina: now it matches the filter.
    await t.graphql(
      'mutation($id: ID!, $input: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $input) { __typename } }',
      { id: nils, input: { ownerId: globalId('User', org.northSales2.id) } },
      org.northManager.token,
    );
    expect((await filtered.next()).data.boardChanged).toEqual({ kind: 'UPDATED', opportunityId: nils, all: true, mine: true });
  });

  it('answers "mine" and "followed" for each subscriber, not once for all of a team', async () => {
    const query = `subscription($id: ID!) { boardChanged(pipelineId: $id) {
      opportunityId mine: onBoard(filter: { mine: true }) followed: onBoard(filter: { followed: true })
    } }`;
    const variables = { id: globalId('Pipeline', pipeline.id) };
    const nils = listen(connect(org.northSales.token), query, variables);
    const nina = listen(connect(org.northSales2.token), query, variables);
    await Promise.all([nils.ready, nina.ready]);
    const card = await createCard(org.northSales.token, northAccount, 'Wessen Karte?');
    expect((await nils.next()).data.boardChanged).toEqual({ opportunityId: card, mine: true, followed: false });
    expect((await nina.next()).data.boardChanged).toEqual({ opportunityId: card, mine: false, followed: false });
    await t.graphql('mutation($id: ID!) { followOpportunity(id: $id) { __typename } }', { id: card }, org.northSales2.token);
    await move(org.northSales.token, card, pipeline.stages[1].id);
    expect((await nils.next()).data.boardChanged).toEqual({ opportunityId: card, mine: true, followed: false });
    expect((await nina.next()).data.boardChanged).toEqual({ opportunityId: card, mine: false, followed: true });
  });

  it('costs the same SQL statements per event for 2 and for 8 subscribers', async () => {
    const cardQuery = `subscription($id: ID!, $filter: OpportunityFilter) { boardChanged(pipelineId: $id) {
      kind opportunityId version stageId previousStageId onBoard(filter: $filter) actor { id name }
      opportunity { id humanId title version amount probability weightedAmount expectedCloseDate status
        account { id name } contact { id fullName } owner { id name } nextOpenActivity { id subject dueAt } }
    } }`;
    const card = await createCard(org.northSales.token, northAccount, 'Gezählt');
    const statementsFor = async (subscribers: number, stageId: string) => {
      const listeners = Array.from({ length: subscribers }, (_, index) =>
        listen(connect(index % 2 ? org.northManager.token : org.northSales2.token), cardQuery, {
          id: globalId('Pipeline', pipeline.id),
          filter: index % 2 ? null : { search: 'Gezählt' },
        }),
      );
      await Promise.all(listeners.map((listener) => listener.ready));
      // Every subscriber loads the organisation's stale rule once, on its first event.
      await move(org.northSales.token, card, stageId);
      await Promise.all(listeners.map((listener) => listener.next()));
      const { statements } = await countStatements(t.db, async () => {
        await move(org.northSales.token, card, pipeline.stages[0].id);
        const events = await Promise.all(listeners.map((listener) => listener.next()));
        expect(events.map((event) => event.data.boardChanged.onBoard)).toEqual(listeners.map(() => true));
      });
      return statements.length;
    };
    const few = await statementsFor(2, pipeline.stages[1].id);
    const many = await statementsFor(8, pipeline.stages[2].id);
    expect(many).toBe(few);
  });

  it('refuses SERVICE users', async () => {
    // A refused subscription answers with one result carrying the error, then completes.
    const failure = await new Promise((resolve) => {
      connect(org.service.token).subscribe({ query: BOARD, variables: { id: globalId('Pipeline', pipeline.id) } }, { next: resolve, error: resolve, complete: () => resolve(null) });
    });
    expect(JSON.stringify(failure)).toContain('FORBIDDEN');
  });
});

describe('notifications', () => {
  it('tells followers of a change at once and durably, but not the actor', async () => {
    const card = await createCard(org.northSales.token, northAccount, 'Gefolgt');
    await t.graphql('mutation($id: ID!) { followOpportunity(id: $id) { __typename } }', { id: card }, org.northManager.token);
    await t.graphql('mutation($id: ID!) { followOpportunity(id: $id) { __typename } }', { id: card }, org.northSales.token);
    const bell = listen(
      connect(org.northManager.token),
      'subscription { notificationAdded { kind title closedStatus changedFields actor { name } opportunity { title } } }',
      {},
    );
    await bell.ready;

    await move(org.northSales.token, card, pipeline.stages[2].id);
    expect((await bell.next()).data.notificationAdded).toEqual({
      kind: 'OPPORTUNITY_CHANGED',
      title: expect.stringContaining('Gefolgt: stage'),
      closedStatus: null,
      changedFields: ['stageId'],
      actor: { name: 'Nils Sales' },
      opportunity: { title: 'Gefolgt' },
    });

    const inbox = await t.graphql('{ unreadNotificationCount notifications(first: 10) { edges { node { id title readAt } } } }', {}, org.northManager.token);
    expect(inbox.data.unreadNotificationCount).toBe(1);
    const actorInbox = await t.graphql('{ unreadNotificationCount }', {}, org.northSales.token);
    expect(actorInbox.data.unreadNotificationCount).toBe(0);

    const marked = await t.graphql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [inbox.data.notifications.edges[0].node.id] }, org.northManager.token);
    expect(marked.data.markNotificationsRead).toBe(1);
    expect((await t.graphql('{ unreadNotificationCount }', {}, org.northManager.token)).data.unreadNotificationCount).toBe(0);
  });

  it('says as data that a followed opportunity was won', async () => {
    const card = await createCard(org.northSales.token, northAccount, 'Gewonnen');
    await t.graphql('mutation($id: ID!) { followOpportunity(id: $id) { __typename } }', { id: card }, org.northManager.token);
    const won = await t.graphql('mutation($id: ID!) { winOpportunity(id: $id) { __typename } }', { id: card }, org.northSales.token);
    expect(won.data.winOpportunity.__typename).toBe('WinOpportunitySuccess');
    const inbox = await t.graphql('{ notifications(first: 5) { edges { node { title closedStatus changedFields } } } }', {}, org.northManager.token);
    expect(inbox.data.notifications.edges.map((edge: any) => edge.node).find((node: any) => node.title.includes('Gewonnen'))).toEqual({
      title: expect.stringContaining('was won'),
      closedStatus: 'WON',
      changedFields: [],
    });
  });

  it('tells a new owner, and nobody reads another user’s notification', async () => {
    const card = await createCard(org.northManager.token, northAccount, 'Übergabe');
    await t.graphql('mutation($id: ID!, $input: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $input) { __typename } }', { id: card, input: { ownerId: globalId('User', org.northSales2.id) } }, org.northManager.token);
    const inbox = await t.graphql('{ notifications(first: 5) { edges { node { id kind title } } } }', {}, org.northSales2.token);
    const assigned = inbox.data.notifications.edges.map((edge: any) => edge.node).find((node: any) => node.kind === 'OWNER_ASSIGNED');
    expect(assigned.title).toContain('Übergabe');
    const foreign = await t.graphql('query($id: ID!) { node(id: $id) { id } }', { id: assigned.id }, org.northManager.token);
    expect(foreign.data.node).toBeNull();
  });
});

describe('activity notifications', () => {
  it('tells the assignee and the followers of the opportunity about a new activity', async () => {
    const card = await createCard(org.northSales.token, northAccount, 'Mit Aufgabe');
    await t.graphql('mutation($id: ID!) { followOpportunity(id: $id) { __typename } }', { id: card }, org.northManager.token);
    const created = await t.graphql(
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { __typename } }',
      { input: { type: 'TASK', subject: 'Angebot schreiben', opportunityId: card, assigneeId: globalId('User', org.northSales2.id) } },
      org.northSales.token,
    );
    expect(created.data.createActivity.__typename).toBe('CreateActivitySuccess');
    const kinds = async (token: string) =>
      (await t.graphql('{ notifications(first: 20) { edges { node { kind title activityType activitySubject } } } }', {}, token)).data.notifications.edges
        .map((edge: any) => edge.node)
        .filter((node: any) => node.title.includes('Mit Aufgabe'));
    // The title in English, and what it says as data for clients in other languages.
    const about = { activityType: 'TASK', activitySubject: 'Angebot schreiben' };
    expect(await kinds(org.northSales2.token)).toEqual([{ kind: 'ACTIVITY_ASSIGNED', title: expect.stringContaining('Angebot schreiben'), ...about }]);
    expect(await kinds(org.northManager.token)).toEqual([{ kind: 'OPPORTUNITY_CHANGED', title: expect.stringContaining('New task'), ...about }]);
    expect(await kinds(org.northSales.token)).toEqual([]);
  });
});

describe('opportunityChanged', () => {
  it('sends the changed fields with old and new values', async () => {
    const card = await createCard(org.northSales.token, northAccount, 'Einzeln');
    const watch = listen(connect(org.northSales2.token), 'subscription($id: ID!) { opportunityChanged(id: $id) { kind changes { field oldValue newValue } actor { name } } }', { id: card });
    await watch.ready;
    await t.graphql('mutation($id: ID!) { updateOpportunity(id: $id, input: { amount: "2500.00" }) { __typename } }', { id: card }, org.northSales.token);
    const event = (await watch.next()).data.opportunityChanged;
    expect(event.actor).toEqual({ name: 'Nils Sales' });
    expect(event.changes).toContainEqual({ field: 'amount', oldValue: '0', newValue: '2500' });
  });
});
