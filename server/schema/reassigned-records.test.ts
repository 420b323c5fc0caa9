import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact, insertPipeline } from '../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

// An administrator moves accounts, contacts and opportunities between teams, and records of one
// team keep pointing at the other's. The rule (README, "Access"): a record the viewer may read
// shows a linked record it may not read as its id alone; nothing of that record's data (name,
// counts, stage) reaches the viewer, and nothing fails because of it.

let t: TestApp;
let org: Organisation;
let opportunityId: string;
let contactId: string;
let pipeline: { id: string; stages: { id: string }[] };
let laterPipeline: { id: string; stages: { id: string }[] };
const SECRET_ACCOUNT = 'Geheim Süd GmbH';
const FIRST_ACCOUNT = 'Erstkunde Süd AG';
const SECRET_CONTACT = 'Verborgen';

const gql = (query: string, variables: Record<string, unknown>, token: string) => t.graphql(query, variables, token);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  pipeline = await insertPipeline(t.prisma, { kind: 'LEAD' });
  laterPipeline = await insertPipeline(t.prisma, { kind: 'LEAD' });
  const first = await insertAccount(t.prisma, org.northSales, org.north.id, { name: FIRST_ACCOUNT });
  const second = await insertAccount(t.prisma, org.northSales, org.north.id, { name: SECRET_ACCOUNT });
  const contact = await insertContact(t.prisma, org.northSales, org.north.id, { accountId: second.id, lastName: SECRET_CONTACT });
  contactId = globalId('Contact', contact.id);

  // A north deal: its account changes once (history names both), then both accounts and the
  // contact's account move to the south team.
  const created = await gql(
    'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ... on CreateOpportunitySuccess { opportunity { id version } } } }',
    { input: { title: 'Nordprojekt', accountId: globalId('Account', first.id), pipelineId: globalId('Pipeline', pipeline.id) } },
    org.northSales.token,
  );
  opportunityId = created.data.createOpportunity.opportunity.id;
  const changed = await gql(
    'mutation($id: ID!, $input: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $input) { __typename } }',
    { id: opportunityId, input: { accountId: globalId('Account', second.id), contactId } },
    org.northSales.token,
  );
  expect(changed.data.updateOpportunity.__typename).toBe('UpdateOpportunitySuccess');
  for (const account of [first, second]) {
    const moved = await gql(
      'mutation($id: ID!, $input: UpdateAccountInput!) { updateAccount(id: $id, input: $input) { __typename } }',
      { id: globalId('Account', account.id), input: { teamId: globalId('Team', org.south.id), ownerId: globalId('User', org.southSales.id) } },
      org.admin.token,
    );
    expect(moved.data.updateAccount.__typename).toBe('UpdateAccountSuccess');
  }
  await t.prisma.contact.update({ where: { id: contact.id }, data: { teamId: org.south.id, ownerId: org.southSales.id } });
});
afterAll(() => t.close());

const noSecrets = (response: unknown) => {
  const text = JSON.stringify(response);
  expect(text).not.toContain(SECRET_ACCOUNT);
  expect(text).not.toContain(FIRST_ACCOUNT);
  expect(text).not.toContain(SECRET_CONTACT);
};

describe('a readable opportunity linked to records of another team', () => {
  it('shows the account and contact as ids without data, and the rest of it as usual', async () => {
    const response = await gql(
      'query($id: ID!) { opportunity(id: $id) { title accountId account { name } contact { lastName } } }',
      { id: opportunityId },
      org.northSales.token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.opportunity).toEqual({ title: 'Nordprojekt', accountId: expect.any(String), account: null, contact: null });
    // Someone of the south team sees the account, but not the north opportunity.
    const south = await gql('query($id: ID!) { opportunity(id: $id) { title } }', { id: opportunityId }, org.southSales.token);
    expect(south.data.opportunity).toBeNull();
  });

  it('keeps the board and the list working for the whole team', async () => {
    const board = await gql(
      'query($id: ID!) { board(pipelineId: $id) { columns { cards { title account { name } } } } }',
      { id: globalId('Pipeline', pipeline.id) },
      org.northManager.token,
    );
    expect(board.errors).toBeUndefined();
    expect(board.data.board.columns[0].cards).toEqual([{ title: 'Nordprojekt', account: null }]);
    const list = await gql('{ opportunities { totalCount edges { node { title account { name } contact { lastName } } } } }', {}, org.northSales.token);
    expect(list.errors).toBeUndefined();
    expect(list.data.opportunities).toEqual({ totalCount: 1, edges: [{ node: { title: 'Nordprojekt', account: null, contact: null } }] });
  });

  it('names neither account in its history and timeline, and says which entries it hides', async () => {
    const response = await gql(
      `query($id: ID!) { opportunity(id: $id) {
        history(first: 50) { edges { node { field oldDisplay newDisplay restricted } } }
        timeline(first: 50) { edges { node { change { field oldDisplay newDisplay restricted } } } }
      } }`,
      { id: opportunityId },
      org.northSales.token,
    );
    expect(response.errors).toBeUndefined();
    noSecrets(response);
    const accountChange = response.data.opportunity.history.edges.map((edge: any) => edge.node).find((node: any) => node.field === 'accountId');
    expect(accountChange).toEqual({ field: 'accountId', oldDisplay: null, newDisplay: null, restricted: true });
    const contactChange = response.data.opportunity.history.edges.map((edge: any) => edge.node).find((node: any) => node.field === 'contactId');
    expect(contactChange).toEqual({ field: 'contactId', oldDisplay: null, newDisplay: null, restricted: true });
    // An administrator reads everything, names included.
    const admin = await gql('query($id: ID!) { opportunity(id: $id) { history(first: 50) { edges { node { field newDisplay restricted } } } } }', { id: opportunityId }, org.admin.token);
    expect(admin.data.opportunity.history.edges.map((edge: any) => edge.node)).toContainEqual({ field: 'accountId', newDisplay: SECRET_ACCOUNT, restricted: false });
  });
});

describe('a readable contact whose account moved to another team', () => {
  it('shows no account, and reads fine', async () => {
    await t.prisma.contact.update({ where: { id: contactIdOf(contactId) }, data: { teamId: org.north.id } });
    const response = await gql('query($id: ID!) { contact(id: $id) { lastName account { name } } }', { id: contactId }, org.northSales.token);
    expect(response.errors).toBeUndefined();
    expect(response.data.contact).toEqual({ lastName: SECRET_CONTACT, account: null });
    const list = await gql('{ contacts { edges { node { lastName account { name } } } } }', {}, org.northSales.token);
    expect(list.errors).toBeUndefined();
    noSecrets({ accounts: list.data.contacts.edges.map((edge: any) => edge.node.account) });
  });
});

describe('deleting an account that other teams still use', () => {
  it('is refused without telling how many records of other teams point at it', async () => {
    const account = await t.prisma.account.findFirstOrThrow({ where: { name: SECRET_ACCOUNT } });
    const response = await gql(
      'mutation($id: ID!) { deleteAccount(id: $id) { __typename ... on ValidationError { fieldErrors { field reason message } } } }',
      { id: globalId('Account', account.id) },
      org.southManager.token,
    );
    expect(response.data.deleteAccount.fieldErrors).toEqual([
      { field: 'id', reason: 'HAS_OPPORTUNITIES', message: expect.not.stringMatching(/\d/) },
    ]);
  });
});

describe('a card that leaves a viewer', () => {
  let client: Client;
  afterAll(async () => {
    await client?.dispose();
    await t.app.stop();
  });

  it('arrives as REMOVED without where it went', async () => {
    const { url } = await t.app.start(0, '127.0.0.1');
    client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${org.northSales.token}` }, retryAttempts: 0 });
    const received = new Promise<any>((resolve, reject) =>
      client.subscribe(
        { query: 'subscription($id: ID!) { boardChanged(pipelineId: $id) { kind stageId previousStageId opportunity { title } } }', variables: { id: globalId('Pipeline', pipeline.id) } },
        { next: resolve, error: reject, complete: () => {} },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const moved = await gql(
      'mutation($id: ID!, $input: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $input) { __typename } }',
      {
        id: opportunityId,
        input: {
          teamId: globalId('Team', org.south.id),
          ownerId: globalId('User', org.southSales.id),
          pipelineId: globalId('Pipeline', laterPipeline.id),
          stageId: globalId('Stage', laterPipeline.stages[2].id),
        },
      },
      org.admin.token,
    );
    expect(moved.data.updateOpportunity.__typename).toBe('UpdateOpportunitySuccess');
    const event = await received;
    expect(event.data.boardChanged).toEqual({ kind: 'REMOVED', stageId: null, previousStageId: globalId('Stage', pipeline.stages[0].id), opportunity: null });
  });
});

function contactIdOf(global: string) {
  return Buffer.from(global, 'base64').toString().split(':')[1];
}
