import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let accountId: string;
let pipeline: { id: string; stages: { id: string; probability: number }[] };
let lossReasonId: string;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateOpportunityInput!) {
    createOpportunity(input: $input) {
      __typename
      ... on CreateOpportunitySuccess { opportunity { id humanId kind title version probability amount weightedAmount stage { name } account { name } owner { name } } }
      ... on ValidationError { fieldErrors { field reason } }
    }
  }
`;
const MOVE = /* GraphQL */ `
  mutation Move($id: ID!, $stageId: ID!, $version: Int) {
    moveOpportunity(id: $id, stageId: $stageId, version: $version) {
      __typename
      ... on MoveOpportunitySuccess { opportunity { version probability stage { name } } }
      ... on ConflictError { currentVersion current { version stage { name } } }
      ... on OpportunityClosedError { status fields }
      ... on ValidationError { fieldErrors { field reason } }
    }
  }
`;
const BOARD = /* GraphQL */ `
  query Board($pipelineId: ID!, $filter: OpportunityFilter) {
    board(pipelineId: $pipelineId, filter: $filter, cardsPerStage: 10) {
      pipeline { name }
      columns {
        stage { name probability }
        count amount weightedAmount hasMoreCards
        cards { id humanId title amount probability expectedCloseDate isStale daysWithoutActivity account { name } contact { fullName } owner { name } }
      }
    }
  }
`;

async function create(token: string, input: Record<string, unknown>) {
  const response = await t.graphql(CREATE, { input: { accountId: globalId('Account', accountId), ...input } }, token);
  return response.data?.createOpportunity ?? response;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  accountId = (await t.prisma.account.create({
    data: { name: 'Nordwind GmbH', normalizedName: 'nordwind', statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id },
  })).id;
  pipeline = await t.prisma.pipeline.create({
    data: { name: 'Leads', kind: 'LEAD', stages: { create: [10, 40, 70].map((probability, position) => ({ name: `Stufe ${position + 1}`, position, probability })) } },
    include: { stages: { orderBy: { position: 'asc' } } },
  });
  await t.prisma.pipeline.create({ data: { name: 'Projekte', kind: 'DEAL', stages: { create: [{ name: 'Angebot', position: 0, probability: 50 }] } } });
  lossReasonId = (await t.prisma.lossReason.create({ data: { name: 'Preis' } })).id;
});
afterAll(() => t.close());

describe('opportunity mutations', () => {
  it('creates a lead with a human id and moves it with the stage probability', async () => {
    const created = await create(org.northSales.token, { title: 'Förderband', amount: '12000.50' });
    expect(created.opportunity).toMatchObject({ kind: 'LEAD', title: 'Förderband', probability: 10, weightedAmount: '1200.05', stage: { name: 'Stufe 1' } });
    expect(created.opportunity.humanId).toMatch(/^OPP-\d{4,}$/);
    const moved = await t.graphql(MOVE, { id: created.opportunity.id, stageId: globalId('Stage', pipeline.stages[1].id), version: 1 }, org.northSales.token);
    expect(moved.data.moveOpportunity).toEqual({ __typename: 'MoveOpportunitySuccess', opportunity: { version: 2, probability: 40, stage: { name: 'Stufe 2' } } });
    const stale = await t.graphql(MOVE, { id: created.opportunity.id, stageId: globalId('Stage', pipeline.stages[2].id), version: 1 }, org.northSales.token);
    expect(stale.data.moveOpportunity).toEqual({ __typename: 'ConflictError', currentVersion: 2, current: { version: 2, stage: { name: 'Stufe 2' } } });
  });

  it('returns typed field errors for bad input and writes nothing', async () => {
    const before = await t.prisma.opportunity.count();
    const result = await create(org.northSales.token, { title: 'x'.repeat(201), contactId: 'nope', probability: -1 });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors.map((error: { field: string }) => error.field).sort()).toEqual(['contactId', 'probability', 'title']);
    const wrongType = await t.graphql(CREATE, { input: { accountId: globalId('Account', accountId), title: 'T', amount: 'viel' } }, org.northSales.token);
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.prisma.opportunity.count()).toBe(before);
  });

  it('requires a loss reason, then freezes the lost opportunity', async () => {
    const { opportunity } = await create(org.northSales.token, { title: 'Verloren' });
    const LOSE = 'mutation($id: ID!, $reason: ID) { loseOpportunity(id: $id, lossReasonId: $reason) { __typename ... on ValidationError { fieldErrors { field reason message } } ... on LoseOpportunitySuccess { opportunity { status probability closedAt lossReason { name } } } } }';
    const missing = await t.graphql(LOSE, { id: opportunity.id }, org.northSales.token);
    expect(missing.data.loseOpportunity).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'lossReasonId', reason: 'REQUIRED', message: 'Choose why the opportunity was lost.' }],
    });
    const lost = await t.graphql(LOSE, { id: opportunity.id, reason: globalId('LossReason', lossReasonId) }, org.northSales.token);
    expect(lost.data.loseOpportunity.opportunity).toMatchObject({ status: 'LOST', probability: 0, lossReason: { name: 'Preis' } });
    const frozen = await t.graphql(MOVE, { id: opportunity.id, stageId: globalId('Stage', pipeline.stages[1].id) }, org.northSales.token);
    expect(frozen.data.moveOpportunity).toEqual({ __typename: 'OpportunityClosedError', status: 'LOST', fields: ['stageId'] });
  });

  it('denies other teams, SERVICE and anonymous callers', async () => {
    const { opportunity } = await create(org.northSales.token, { title: 'Geheim' });
    const read = 'query($id: ID!) { opportunity(id: $id) { title } }';
    expect((await t.graphql(read, { id: opportunity.id }, org.southManager.token)).data.opportunity).toBeNull();
    expect((await t.graphql(read, { id: opportunity.id }, org.service.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.graphql(read, { id: opportunity.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const move = await t.graphql(MOVE, { id: opportunity.id, stageId: globalId('Stage', pipeline.stages[1].id) }, org.southManager.token);
    expect(move.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const teammate = await t.graphql(MOVE, { id: opportunity.id, stageId: globalId('Stage', pipeline.stages[1].id) }, org.northSales2.token);
    expect(teammate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const node = await t.graphql('query($id: ID!) { node(id: $id) { id } }', { id: opportunity.id }, org.southSales.token);
    expect(node.data.node).toBeNull();
  });
});

describe('reopening a won opportunity', () => {
  const WIN = 'mutation($id: ID!) { winOpportunity(id: $id) { __typename ... on WinOpportunitySuccess { opportunity { version } } } }';
  const REOPEN = /* GraphQL */ `
    mutation($id: ID!, $version: Int) {
      reopenOpportunity(id: $id, version: $version) {
        __typename
        ... on ReopenOpportunitySuccess { opportunity { status probability closedAt version account { status { key } } } }
        ... on ValidationError { fieldErrors { field reason } }
        ... on ConflictError { currentVersion }
      }
    }
  `;

  it('reopens with the version the win got; the account stays a customer', async () => {
    const { opportunity } = await create(org.northSales.token, { title: 'Gewonnen', amount: '1000' });
    const won = await t.graphql(WIN, { id: opportunity.id }, org.northSales.token);
    const stale = await t.graphql(REOPEN, { id: opportunity.id, version: 1 }, org.northSales.token);
    expect(stale.data.reopenOpportunity).toEqual({ __typename: 'ConflictError', currentVersion: won.data.winOpportunity.opportunity.version });
    const reopened = await t.graphql(REOPEN, { id: opportunity.id, version: won.data.winOpportunity.opportunity.version }, org.northSales.token);
    expect(reopened.data.reopenOpportunity).toEqual({
      __typename: 'ReopenOpportunitySuccess',
      opportunity: { status: 'OPEN', probability: 10, closedAt: null, version: won.data.winOpportunity.opportunity.version + 1, account: { status: { key: 'CUSTOMER' } } },
    });
    const history = await t.graphql('query($id: ID!) { opportunity(id: $id) { history(first: 5) { edges { node { field oldValue newValue } } } } }', { id: opportunity.id }, org.northSales.token);
    expect(history.data.opportunity.history.edges.map(({ node }: { node: unknown }) => node)).toContainEqual({ field: 'status', oldValue: 'WON', newValue: 'OPEN' });
  });

  it('refuses with a field error while an order stands, and denies other teams, teammates, SERVICE and read-only tokens', async () => {
    const { opportunity } = await create(org.northSales.token, { title: 'Bestellt', amount: '1000' });
    await t.graphql(WIN, { id: opportunity.id }, org.northSales.token);
    const order = await t.graphql(
      'mutation($id: ID!) { createOrder(input: { opportunityId: $id }) { __typename ... on CreateOrderSuccess { order { id } } } }',
      { id: opportunity.id },
      org.northSales.token,
    );
    expect(order.data.createOrder.__typename).toBe('CreateOrderSuccess');
    const refused = await t.graphql(REOPEN, { id: opportunity.id }, org.northSales.token);
    expect(refused.data.reopenOpportunity).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'status', reason: 'HAS_ORDERS' }] });

    const readOnly = await t.graphql('mutation { createApiToken(name: "read-only", readOnly: true) { ... on CreatedApiToken { token } } }', {}, org.northSales.token);
    const denied: [string, string][] = [
      [org.southManager.token, 'NOT_FOUND'],
      [org.northSales2.token, 'FORBIDDEN'],
      [org.service.token, 'NOT_FOUND'],
      [readOnly.data.createApiToken.token, 'FORBIDDEN'],
    ];
    for (const [token, code] of denied) {
      expect((await t.graphql(REOPEN, { id: opportunity.id }, token)).errors?.[0].extensions?.code).toBe(code);
    }
    expect((await t.prisma.opportunity.findFirstOrThrow({ where: { title: 'Bestellt' } })).status).toBe('WON');
  });
});

describe('without activity', () => {
  it('flags open opportunities whose last activity is older than the organisation allows', async () => {
    const setStaleAfterDays = async (staleAfterDays: number) => {
      const updated = await t.graphql(
        'mutation($input: UpdateOrganisationSettingsInput!) { updateOrganisationSettings(input: $input) { __typename } }',
        { input: { staleAfterDays } },
        org.admin.token,
      );
      expect(updated.data.updateOrganisationSettings.__typename).toBe('UpdateOrganisationSettingsSuccess');
    };
    await setStaleAfterDays(7);
    const quiet = (await create(org.northSales.token, { title: 'Ruhig' })).opportunity;
    const busy = (await create(org.northSales.token, { title: 'Aktiv' })).opportunity;
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    await t.prisma.opportunity.updateMany({ where: { title: { in: ['Ruhig', 'Aktiv'] } }, data: { createdAt: tenDaysAgo } });
    await t.prisma.opportunity.updateMany({ where: { title: 'Aktiv' }, data: { lastActivityAt: new Date(Date.now() - 2 * 86_400_000) } });
    const read = async (id: string) =>
      (await t.graphql('query($id: ID!) { opportunity(id: $id) { isStale daysWithoutActivity } }', { id }, org.northSales.token)).data.opportunity;
    expect(await read(quiet.id)).toEqual({ isStale: true, daysWithoutActivity: 10 });
    expect(await read(busy.id)).toEqual({ isStale: false, daysWithoutActivity: 2 });
    const staleTitles = await t.graphql('{ opportunities(filter: { stale: true }) { edges { node { title } } } }', {}, org.northSales.token);
    expect(staleTitles.data.opportunities.edges.map((edge: any) => edge.node.title)).toContain('Ruhig');
    expect(staleTitles.data.opportunities.edges.map((edge: any) => edge.node.title)).not.toContain('Aktiv');
    await setStaleAfterDays(14);
    expect((await read(quiet.id)).isStale).toBe(false);
  });
});

describe('history', () => {
  it('lists the changes newest first with names instead of ids', async () => {
    const { opportunity } = await create(org.northSales.token, { title: 'Historie' });
    await t.graphql(MOVE, { id: opportunity.id, stageId: globalId('Stage', pipeline.stages[2].id) }, org.northSales.token);
    const response = await t.graphql(
      'query($id: ID!) { opportunity(id: $id) { history(first: 10) { totalCount edges { node { field oldDisplay newDisplay actor { name } } } } } }',
      { id: opportunity.id },
      org.northManager.token,
    );
    const entries = response.data.opportunity.history.edges.map((edge: any) => edge.node);
    expect(entries).toContainEqual({ field: 'stageId', oldDisplay: 'Stufe 1', newDisplay: 'Stufe 3', actor: { name: 'Nils Sales' } });
    expect(entries).toContainEqual({ field: 'probability', oldDisplay: '10', newDisplay: '70', actor: { name: 'Nils Sales' } });
    expect(entries.at(-1).field).toBe('CREATED');
  });
});

describe('opportunity page', () => {
  it('costs the same number of statements with 2 and with 60 lines, activities and history entries', async () => {
    const PAGE = `query($id: ID!) { opportunity(id: $id) {
      humanId title amount weightedAmount probability version isStale isFollowedByViewer
      account { name } contact { fullName } owner { name } team { name } pipeline { name stages { name probability } } stage { name }
      priority { label } source { name } forecastCategory { label } lossReason { name } tags { name }
      lines { description quantity unitPrice discountPercent total product { name sku } }
      nextOpenActivity { subject dueAt }
      activities(first: 100) { edges { node { subject status assignee { name } } } }
      history(first: 100) { totalCount edges { node { field oldDisplay newDisplay actor { name } } } }
      timeline(first: 100) { edges { node { kind activity { subject } change { field actor { name } } } } }
      followers { name }
    } }`;
    const product = await t.prisma.product.create({ data: { sku: 'PAGE-1', name: 'Seitenprodukt', unitPrice: '10.00' } });
    const grow = async (title: string, count: number) => {
      const { opportunity } = await create(org.northSales.token, { title });
      const id = (await t.prisma.opportunity.findFirstOrThrow({ where: { title } })).id;
      await t.prisma.opportunityLine.createMany({
        data: Array.from({ length: count }, (_, position) => ({ opportunityId: id, productId: product.id, position, quantity: '1', unitPrice: '10.00' })),
      });
      await t.prisma.activity.createMany({
        data: Array.from({ length: count }, (_, index) => ({
          type: 'CALL' as const, subject: `Anruf ${index}`, opportunityId: id, accountId, assigneeId: org.northSales.id, createdById: org.northSales.id, teamId: org.north.id,
          dueAt: new Date(Date.now() + index * 86_400_000),
        })),
      });
      await t.prisma.opportunityChange.createMany({
        data: Array.from({ length: count }, (_, index) => ({ opportunityId: id, actorId: index % 2 ? org.northSales.id : org.northManager.id, field: 'stageId', oldValue: pipeline.stages[0].id, newValue: pipeline.stages[1].id })),
      });
      await t.prisma.opportunityFollower.create({ data: { opportunityId: id, userId: org.northManager.id } });
      const { result, statements } = await countStatements(t.db, () => t.graphql(PAGE, { id: opportunity.id }, org.northManager.token));
      expect(result.errors).toBeUndefined();
      expect(result.data.opportunity.lines).toHaveLength(count);
      return statements.length;
    };
    expect(await grow('Seite klein', 2)).toBe(await grow('Seite groß', 60));
  });
});

describe('board and list', () => {
  it('shows stages in order with totals of the readable open opportunities', async () => {
    await t.prisma.opportunity.deleteMany();
    for (const [index, amount] of ['1000', '2000', '3000'].entries()) {
      await create(org.northSales.token, { title: `Karte ${index}`, amount, stageId: globalId('Stage', pipeline.stages[index === 2 ? 1 : 0].id) });
    }
    const south = await t.prisma.account.create({ data: { name: 'Süd AG', normalizedName: 'sud', statusKey: 'PROSPECT', ownerId: org.southSales.id, teamId: org.south.id } });
    await t.graphql(CREATE, { input: { accountId: globalId('Account', south.id), title: 'Südkarte', amount: '99999' } }, org.southSales.token);

    const board = (await t.graphql(BOARD, { pipelineId: globalId('Pipeline', pipeline.id) }, org.northManager.token)).data.board;
    expect(board.columns.map((column: any) => [column.stage.name, column.count, column.amount, column.weightedAmount])).toEqual([
      ['Stufe 1', 2, '3000', '300'],
      ['Stufe 2', 1, '3000', '1200'],
      ['Stufe 3', 0, '0', '0'],
    ]);
    expect(board.columns[0].cards.map((card: any) => card.title).sort()).toEqual(['Karte 0', 'Karte 1']);
    expect(JSON.stringify(board)).not.toContain('Südkarte');
    const southBoard = (await t.graphql(BOARD, { pipelineId: globalId('Pipeline', pipeline.id) }, org.southSales.token)).data.board;
    expect(southBoard.columns[0].count).toBe(1);
    const serviceBoard = await t.graphql(BOARD, { pipelineId: globalId('Pipeline', pipeline.id) }, org.service.token);
    expect(serviceBoard.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('costs the same number of statements for the board and the list with 20 and 400 opportunities', async () => {
    const seed = async (count: number) => {
      await t.prisma.opportunity.deleteMany();
      const contact = await t.prisma.contact.create({ data: { firstName: 'Ina', lastName: 'Kurz', statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id, accountId } });
      await t.prisma.opportunity.createMany({
        data: Array.from({ length: count }, (_, index) => ({
          title: `Massen ${index}`,
          accountId,
          contactId: contact.id,
          ownerId: index % 2 ? org.northSales.id : org.northSales2.id,
          teamId: org.north.id,
          pipelineId: pipeline.id,
          stageId: pipeline.stages[index % 3].id,
          amount: String(1000 + index),
          probability: pipeline.stages[index % 3].probability,
          weightedAmount: '100',
          expectedCloseDate: new Date(Date.UTC(2027, 0, 1 + (index % 300))),
        })),
      });
    };
    const LIST = `query { opportunities(first: 50, filter: { statuses: [OPEN] }, orderBy: { field: AMOUNT, direction: DESC }) { totalCount edges { node { title humanId isStale account { name } contact { fullName } owner { name } stage { name } pipeline { name } tags { name } } } } }`;
    const statementsOf = async (query: string, variables: Record<string, unknown>) => {
      const { result, statements } = await countStatements(t.db, () => t.graphql(query, variables, org.northManager.token));
      expect(result.errors).toBeUndefined();
      return statements.length;
    };
    const measure = async () => ({
      board: await statementsOf(BOARD, { pipelineId: globalId('Pipeline', pipeline.id) }),
      list: await statementsOf(LIST, {}),
    });
    await seed(20);
    const small = await measure();
    await seed(400);
    const large = await measure();
    expect(large).toEqual(small);
    const board = (await t.graphql(BOARD, { pipelineId: globalId('Pipeline', pipeline.id) }, org.northManager.token)).data.board;
    expect(board.columns.map((column: any) => column.count)).toEqual([134, 133, 133]);
    expect(board.columns.every((column: any) => column.cards.length === 10 && column.hasMoreCards)).toBe(true);
  });

  it('filters the list by search, owner, amount and close date', async () => {
    const search = async (filter: Record<string, unknown>) =>
      (await t.graphql('query($filter: OpportunityFilter) { opportunities(filter: $filter) { totalCount } }', { filter }, org.northManager.token)).data
        .opportunities.totalCount;
    expect(await search({ search: 'massen 399' })).toBe(1);
    expect(await search({ search: 'Massen 39' })).toBe(14);
    expect(await search({ ownerIds: [globalId('User', org.northSales.id)] })).toBe(200);
    expect(await search({ amountMin: '1390', amountMax: '1399' })).toBe(10);
    expect(await search({ closeDateFrom: '2027-01-01', closeDateTo: '2027-01-01' })).toBe(2);
    const invalid = await t.graphql('query { opportunities(filter: { ownerIds: ["bad"] }) { totalCount } }', {}, org.northManager.token);
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
