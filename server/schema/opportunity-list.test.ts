import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline, Stage } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact, insertPipeline } from '../test/sales-fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let pipeline: Pipeline & { stages: Stage[] };
let second: Pipeline & { stages: Stage[] };

const DAY = 86_400_000;
const SORT_FIELDS = [
  'TITLE', 'ACCOUNT_NAME', 'STAGE', 'OWNER_NAME', 'AMOUNT', 'WEIGHTED_AMOUNT', 'PROBABILITY', 'EXPECTED_CLOSE_DATE',
  'STATUS', 'LAST_ACTIVITY_AT', 'DAYS_WITHOUT_ACTIVITY', 'CREATED_AT', 'UPDATED_AT',
] as const;

const LIST = /* GraphQL */ `
  query List($filter: OpportunityFilter, $orderBy: OpportunityOrder, $first: Int, $after: String) {
    opportunities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        id humanId title status amount weightedAmount probability expectedCloseDate lastActivityAt daysWithoutActivity isStale
        createdAt updatedAt isFollowedByViewer
        account { name } contact { fullName } owner { name } team { name } pipeline { name } stage { name position }
        source { name } tags { name } nextOpenActivity { subject dueAt }
      } }
    }
  }
`;

async function list(token: string, variables: Record<string, unknown>) {
  const response = await t.graphql(LIST, variables, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data.opportunities;
}

/** Every page of `first` rows, following endCursor. */
async function allPages(token: string, variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await list(token, { ...variables, first, after });
    ids.push(...page.edges.map((edge: any) => edge.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
  } while (after);
  return ids;
}

/** `count` opportunities of the north team with repeating sort keys, so ties must be broken by id. */
async function seed(count: number) {
  await t.prisma.opportunity.deleteMany();
  const accounts = [
    await insertAccount(t.prisma, org.northSales, org.north.id, { name: 'Anker Armaturen GmbH' }),
    await insertAccount(t.prisma, org.northSales, org.north.id, { name: 'Brandt Bau KG' }),
    await insertAccount(t.prisma, org.northSales, org.north.id, { name: 'Carl Cargo AG' }),
  ];
  const contact = await insertContact(t.prisma, org.northSales, org.north.id, { accountId: accounts[0].id, lastName: 'Kurz' });
  const source = await t.prisma.source.upsert({ where: { name: 'Messe' }, create: { name: 'Messe' }, update: {} });
  const tag = await t.prisma.tag.upsert({ where: { name: 'Export' }, create: { name: 'Export' }, update: {} });
  const now = Date.now();
  const owners = [org.northSales, org.northSales2, org.northManager];
  const statuses = ['OPEN', 'OPEN', 'WON', 'LOST'] as const;
  await t.prisma.opportunity.createMany({
    data: Array.from({ length: count }, (_, index) => {
      const target = index % 2 ? pipeline : second;
      const stage = target.stages[Math.floor(index / 2) % target.stages.length];
      return {
        title: `Liste ${index % 5}`,
        accountId: accounts[index % 3].id,
        contactId: index % 4 === 0 ? contact.id : null,
        ownerId: owners[index % 3].id,
        teamId: org.north.id,
        pipelineId: target.id,
        stageId: stage.id,
        amount: String(1000 * (index % 4)),
        probability: stage.probability,
        weightedAmount: String(10 * (index % 4) * stage.probability),
        expectedCloseDate: new Date(Date.UTC(2027, 0, 1 + (index % 6))),
        status: statuses[index % 4],
        sourceId: index % 2 ? source.id : null,
        lastActivityAt: index % 3 === 0 ? null : new Date(now - (index % 7) * 3 * DAY),
        createdAt: new Date(now - (40 + (index % 5)) * DAY),
        updatedAt: new Date(now - (index % 3) * DAY),
      };
    }),
  });
  const ids = (await t.prisma.opportunity.findMany({ select: { id: true } })).map((row) => row.id);
  await t.prisma.opportunityTag.createMany({ data: ids.map((opportunityId) => ({ opportunityId, tagId: tag.id })) });
  await t.prisma.opportunityFollower.createMany({ data: ids.filter((_, index) => index % 2).map((opportunityId) => ({ opportunityId, userId: org.northManager.id })) });
  await t.prisma.activity.createMany({
    data: ids.map((opportunityId, index) => ({
      type: 'TASK' as const,
      subject: `Aufgabe ${index}`,
      opportunityId,
      teamId: org.north.id,
      assigneeId: org.northSales.id,
      createdById: org.northSales.id,
      dueAt: new Date(now + index * DAY),
    })),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  pipeline = await insertPipeline(t.prisma, { name: 'Leads', kind: 'LEAD', position: 0, probabilities: [10, 40, 70] });
  second = await insertPipeline(t.prisma, { name: 'Deals', kind: 'DEAL', position: 1, probabilities: [20, 60] });
});
afterAll(() => t.close());

describe('opportunities list', () => {
  it('pages through every sort order in both directions without losing or repeating a row', async () => {
    await seed(23);
    for (const field of SORT_FIELDS) {
      for (const direction of ['ASC', 'DESC']) {
        const orderBy = { field, direction };
        const whole = await allPages(org.northManager.token, { orderBy }, 100);
        expect(whole, `${field} ${direction}`).toHaveLength(23);
        expect(await allPages(org.northManager.token, { orderBy }, 4), `${field} ${direction} in pages of 4`).toEqual(whole);
      }
    }
  });

  it('sorts by the linked record and by how long an opportunity has been quiet', async () => {
    const byAccount = await list(org.northManager.token, { orderBy: { field: 'ACCOUNT_NAME', direction: 'DESC' }, first: 100 });
    const names = byAccount.edges.map((edge: any) => edge.node.account.name);
    expect(names).toEqual([...names].sort().reverse());
    const quiet = await list(org.northManager.token, { orderBy: { field: 'DAYS_WITHOUT_ACTIVITY', direction: 'DESC' }, first: 100 });
    const days = quiet.edges.map((edge: any) => edge.node.daysWithoutActivity);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const byStage = await list(org.northManager.token, { orderBy: { field: 'STAGE', direction: 'ASC' }, first: 100 });
    const stages = byStage.edges.map((edge: any) => `${edge.node.pipeline.name}:${edge.node.stage.position}`);
    expect(stages[0]).toBe('Leads:0');
    expect(stages.at(-1)).toBe('Deals:1');
  });

  it('costs the same number of statements with 5 and with 60 rows, whatever the sort and filters', async () => {
    const variants = [
      {},
      { orderBy: { field: 'ACCOUNT_NAME', direction: 'ASC' } },
      { orderBy: { field: 'DAYS_WITHOUT_ACTIVITY', direction: 'DESC' }, filter: { stale: true, followed: true } },
      { orderBy: { field: 'STAGE', direction: 'DESC' }, filter: { search: 'liste anker', mine: true, withoutOpenActivity: false, statuses: ['OPEN', 'WON'] } },
    ];
    const measure = async () => {
      const counts: number[] = [];
      for (const variables of variants) {
        const { result, statements } = await countStatements(t.db, () => t.graphql(LIST, { ...variables, first: 100 }, org.northManager.token));
        expect(result.errors).toBeUndefined();
        counts.push(statements.length);
      }
      return counts;
    };
    await seed(5);
    const small = await measure();
    await seed(60);
    const large = await measure();
    expect(large).toEqual(small);
    const full = await list(org.northManager.token, { first: 100 });
    expect(full.edges).toHaveLength(60);
  });

  it('filters through the API: WON and LOST, kind, mine, followed, source, ranges', async () => {
    const count = async (token: string, filter: Record<string, unknown>) => (await list(token, { filter, first: 1 })).totalCount;
    expect(await count(org.northManager.token, { statuses: ['WON', 'LOST'] })).toBe(30);
    expect(await count(org.northManager.token, { kinds: ['DEAL'] })).toBe(0);
    expect(await count(org.northManager.token, { mine: true })).toBe(20);
    expect(await count(org.northManager.token, { followed: true })).toBe(30);
    expect(await count(org.northSales.token, { followed: true })).toBe(0);
    expect(await count(org.northManager.token, { sourceIds: [globalId('Source', (await t.prisma.source.findFirstOrThrow()).id)] })).toBe(30);
    expect(await count(org.northManager.token, { closeDateFrom: '2027-01-02', closeDateTo: '2027-01-03', amountMin: '1000' })).toBeGreaterThan(0);
    expect(await count(org.northManager.token, { pipelineIds: [globalId('Pipeline', pipeline.id)], stageIds: [globalId('Stage', pipeline.stages[0].id)] })).toBe(10);
  });

  it('refuses bad filters with BAD_USER_INPUT and names the field', async () => {
    for (const [filter, field] of [
      [{ ownerIds: ['bad'] }, 'filter.ownerIds.0'],
      [{ closeDateFrom: '1850-01-01' }, 'filter.closeDateFrom'],
      [{ contactId: globalId('Account', '00000000-0000-7000-8000-000000000000') }, 'filter.contactId'],
    ] as const) {
      const response = await t.graphql(LIST, { filter }, org.northManager.token);
      expect(response.errors?.[0].extensions?.code, JSON.stringify(filter)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fieldErrors?.[0].field).toBe(field);
    }
  });

  it('shows nothing to other teams, refuses SERVICE and anonymous callers', async () => {
    expect((await list(org.southManager.token, {})).totalCount).toBe(0);
    expect((await t.graphql(LIST, {}, org.service.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.graphql(LIST, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("does not match the name of an account the viewer may not read, though it may read the opportunity", async () => {
    const hidden = await insertAccount(t.prisma, org.southSales, org.south.id, { name: 'Tarnkappe AG' });
    await t.prisma.opportunity.create({
      data: {
        title: 'Kran', accountId: hidden.id, ownerId: org.northSales.id, teamId: org.north.id, pipelineId: pipeline.id,
        stageId: pipeline.stages[0].id, probability: 10, expectedCloseDate: new Date('2027-02-01'),
      },
    });
    // Only the title: the account itself is not the viewer's to read (see Opportunity.account).
    const titles = async (token: string, search: string) =>
      (await t.graphql('query($search: String) { opportunities(filter: { search: $search }) { edges { node { title } } } }', { search }, token))
        .data.opportunities.edges.map((edge: any) => edge.node.title);
    expect(await titles(org.northManager.token, 'Tarnkappe')).toEqual([]);
    expect(await titles(org.northManager.token, 'Kran')).toEqual(['Kran']);
    expect(await titles(org.admin.token, 'Tarnkappe')).toEqual(['Kran']);
  });
});
