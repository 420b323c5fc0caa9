import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardQuery } from '../../client/src/pages/board/board-queries.ts';
import { OpportunityListQuery } from '../../client/src/pages/opportunities/opportunity-list-queries.ts';
import { buildApp, type App } from '../app.ts';
import type { Pipeline, Stage } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact, insertPipeline } from '../test/sales-fixtures.ts';
import { countStatements, createTestApp, globalId, graphql, testConfig, type TestApp } from '../test/test-app.ts';

// The hot paths must answer exactly what the executor answers: every case runs on two apps over
// the same database, one with the hot paths and one without (HOT_PATHS=false), and compares the
// JSON byte for byte (key order included).

let t: TestApp;
let executorOnly: App;
let org: Organisation;
let pipeline: Pipeline & { stages: Stage[] };
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  executorOnly = buildApp({ db: t.db, config: testConfig({ HOT_PATHS: 'false' }) });
  org = await createOrganisation(t.prisma);
  pipeline = await insertPipeline(t.prisma, { probabilities: [10, 40, 80] });
  const northAccount = await insertAccount(t.prisma, org.northSales, org.north.id, { name: 'Nordwind GmbH' });
  const southAccount = await insertAccount(t.prisma, org.southSales, org.south.id, { name: 'Südlicht AG' });
  const northContact = await insertContact(t.prisma, org.northSales, org.north.id, { accountId: northAccount.id });
  await t.prisma.contact.update({ where: { id: northContact.id }, data: { title: 'Dr.' } });
  const southContact = await insertContact(t.prisma, org.southSales, org.south.id, { accountId: southAccount.id });
  const cards = [
    // North cards; one on the south team's account and contact (after a reassignment), one stale.
    { owner: org.northSales, teamId: org.north.id, accountId: northAccount.id, contactId: northContact.id, stage: 0 },
    { owner: org.northSales2, teamId: org.north.id, accountId: southAccount.id, contactId: southContact.id, stage: 0 },
    { owner: org.northSales, teamId: org.north.id, accountId: northAccount.id, contactId: null, stage: 0, lastActivityAt: new Date(Date.now() - 60 * DAY) },
    { owner: org.northManager, teamId: org.north.id, accountId: northAccount.id, contactId: null, stage: 1 },
    { owner: org.northSales, teamId: org.north.id, accountId: northAccount.id, contactId: null, stage: 1, status: 'WON' as const },
    // South cards.
    { owner: org.southSales, teamId: org.south.id, accountId: southAccount.id, contactId: southContact.id, stage: 0 },
    { owner: org.southSales, teamId: org.south.id, accountId: southAccount.id, contactId: null, stage: 2, status: 'LOST' as const },
    { owner: org.southManager, teamId: org.south.id, accountId: southAccount.id, contactId: null, stage: 2 },
  ];
  const [zebra, alpha] = [await t.prisma.tag.create({ data: { name: 'Zebra', color: '#000000' } }), await t.prisma.tag.create({ data: { name: 'Alpha', color: '#ffffff' } })];
  const source = await t.prisma.source.create({ data: { name: 'Messe' } });
  for (const [index, card] of cards.entries()) {
    const stage = pipeline.stages[card.stage];
    const opportunity = await t.prisma.opportunity.create({
      data: {
        title: `Karte ${index}`,
        accountId: card.accountId,
        contactId: card.contactId,
        ownerId: card.owner.id,
        teamId: card.teamId,
        pipelineId: pipeline.id,
        stageId: stage.id,
        probability: stage.probability,
        amount: `${1000 + index * 250}.50`,
        weightedAmount: `${(((1000 + index * 250.5) * stage.probability) / 100).toFixed(2)}`,
        expectedCloseDate: new Date(Date.UTC(2027, 0, 10 + (index % 3))),
        status: card.status ?? 'OPEN',
        lastActivityAt: card.lastActivityAt ?? new Date(Date.now() - index * DAY),
      },
    });
    const activity = (data: { teamId: string; dueAt: Date | null; doneAt?: Date; subject: string }) =>
      t.prisma.activity.create({
        data: { type: 'CALL', opportunityId: opportunity.id, assigneeId: card.owner.id, createdById: card.owner.id, ...data },
      });
    if (index === 0) {
      await t.prisma.opportunityTag.createMany({ data: [{ opportunityId: opportunity.id, tagId: zebra.id }, { opportunityId: opportunity.id, tagId: alpha.id }] });
      // The earliest open activity belongs to the other team: a north viewer sees the next one.
      await activity({ teamId: org.south.id, dueAt: new Date(Date.now() - 3 * DAY), subject: 'Südtermin' });
      await activity({ teamId: org.north.id, dueAt: new Date(Date.now() - DAY), subject: 'Überfällig' });
      await activity({ teamId: org.north.id, dueAt: new Date(Date.now() - 9 * DAY), doneAt: new Date(), subject: 'Erledigt' });
    }
    if (index === 3) await t.prisma.opportunity.update({ where: { id: opportunity.id }, data: { sourceId: source.id } });
    if (index === 3) await activity({ teamId: org.north.id, dueAt: new Date(Date.now() + 2 * DAY), subject: 'Angebot besprechen' });
    if (index === 5) await activity({ teamId: org.south.id, dueAt: null, subject: 'Ohne Termin' });
  }
});

afterAll(async () => {
  await executorOnly.yoga.dispose?.();
  await t.close();
});

/**
 * Both answers, and whether the hot path answered: then its statements differ from the executor's
 * (the hot path reads its own fixed opportunity columns, the executor those of the selection).
 */
async function bothAnswers(query: string, variables: Record<string, unknown>, token?: string) {
  const boardStatements = (statements: string[]) => statements.filter((sql) => !sql.includes('"Session"'));
  const hot = await countStatements(t.db, () => t.graphql(query, variables, token));
  const executor = await countStatements(t.db, () => graphql(executorOnly, query, variables, token));
  return {
    hot: JSON.stringify(hot.result),
    executor: JSON.stringify(executor.result),
    hotPathAnswered: boardStatements(hot.statements).join() !== boardStatements(executor.statements).join(),
  };
}

const boardVariables = (extra: Record<string, unknown> = {}) => ({ pipelineId: globalId('Pipeline', pipeline.id), filter: null, cardsPerStage: 50, ...extra });

describe('board hot path', () => {
  const viewers = () => ({ admin: org.admin, northManager: org.northManager, northSales: org.northSales, southSales: org.southSales });

  it.each(['admin', 'northManager', 'northSales', 'southSales'] as const)("answers the client's board query for %s exactly as the executor", async (name) => {
    const viewer = viewers()[name];
    for (const variables of [
      boardVariables(),
      boardVariables({ cardsPerStage: 1 }),
      boardVariables({ filter: { mine: true } }),
      boardVariables({ filter: { stale: true } }),
      boardVariables({ filter: { search: 'Karte' , teamIds: [globalId('Team', org.north.id)] } }),
    ]) {
      const { hot, executor, hotPathAnswered } = await bothAnswers(print(BoardQuery), variables, viewer.token);
      expect(hotPathAnswered).toBe(true);
      expect(hot).toBe(executor);
      expect(JSON.parse(hot).errors).toBeUndefined();
    }
  });

  it('hides what the viewer may not read: the other team’s account, contact and activity', async () => {
    const { hot } = await bothAnswers(print(BoardQuery), boardVariables(), org.northSales.token);
    const cards = JSON.parse(hot).data.board.columns.flatMap((column: { cards: unknown[] }) => column.cards);
    expect(cards.map((card: { title: string }) => card.title).sort()).toEqual(['Karte 0', 'Karte 1', 'Karte 2', 'Karte 3']);
    const reassigned = cards.find((card: { title: string }) => card.title === 'Karte 1');
    expect(reassigned).toMatchObject({ account: null, contact: null, accountId: globalId('Account', (await t.prisma.opportunity.findFirstOrThrow({ where: { title: 'Karte 1' } })).accountId) });
    const first = cards.find((card: { title: string }) => card.title === 'Karte 0');
    expect(first.nextOpenActivity).toMatchObject({ subject: 'Überfällig', status: 'OVERDUE' });
    expect(first.contact.fullName).toMatch(/^Dr\. Kim Fixture/);
    expect(cards.find((card: { title: string }) => card.title === 'Karte 2').isStale).toBe(true);
  });

  it('follows aliases, fragments, inline fragments, merged fields, __typename and @skip/@include', async () => {
    const query = /* GraphQL */ `
      query Aliased($pipelineId: ID!, $withTotals: Boolean!, $withoutOwner: Boolean!) {
        __typename
        first: board(pipelineId: $pipelineId, cardsPerStage: 2) {
          __typename
          lanes: columns {
            total: amount @include(if: $withTotals)
            count @skip(if: $withTotals)
            stage { ... on Stage { id label: name } }
            cards { ...Card account { name } owner @skip(if: $withoutOwner) { name } }
            cards { __typename daysWithoutActivity humanId }
          }
        }
        again: board(pipelineId: $pipelineId) { pipeline { name kind position } columns { hasMoreCards weightedAmount } }
      }
      fragment Card on Opportunity { id title account { id } contact { firstName lastName title } nextOpenActivity { __typename type dueAt } }
    `;
    for (const flags of [
      { withTotals: true, withoutOwner: false },
      { withTotals: false, withoutOwner: true },
    ]) {
      const { hot, executor, hotPathAnswered } = await bothAnswers(query, { pipelineId: globalId('Pipeline', pipeline.id), ...flags }, org.northManager.token);
      expect(hotPathAnswered).toBe(true);
      expect(hot).toBe(executor);
    }
  });

  it.each([
    ['a field it does not know', `query($p: ID!) { board(pipelineId: $p) { columns { cards { id lines { id } } } } }`, () => org.northManager.token],
    ['another root field', `query($p: ID!) { me { id } board(pipelineId: $p) { columns { count } } }`, () => org.northManager.token],
    ['no credential', `query($p: ID!) { board(pipelineId: $p) { columns { count } } }`, () => undefined],
    ['a service user', `query($p: ID!) { board(pipelineId: $p) { columns { count } } }`, () => org.service.token],
  ])('leaves %s to the executor, with the same answer', async (_case, query, token) => {
    const { hot, executor, hotPathAnswered } = await bothAnswers(query, { p: globalId('Pipeline', pipeline.id) }, token());
    expect(hotPathAnswered).toBe(false);
    expect(hot).toBe(executor);
  });

  it('answers errors and missing pipelines as the executor does', async () => {
    const query = `query($p: ID!, $n: Int) { board(pipelineId: $p, cardsPerStage: $n) { columns { count } } }`;
    for (const variables of [
      { p: 'not-an-id' },
      { p: globalId('Account', pipeline.id) },
      { p: globalId('Pipeline', '00000000-0000-4000-8000-000000000000') },
      { p: globalId('Pipeline', pipeline.id), n: 'many' },
      { p: globalId('Pipeline', pipeline.id), filter: { ownerIds: ['garbage'] } },
    ]) {
      const { hot, executor } = await bothAnswers(query, variables, org.northManager.token);
      expect(hot).toBe(executor);
    }
    const { hot } = await bothAnswers(query, { p: globalId('Pipeline', '00000000-0000-4000-8000-000000000000') }, org.northManager.token);
    expect(JSON.parse(hot).data).toEqual({ board: null });
  });
});

describe('opportunity list hot path', () => {
  const list = print(OpportunityListQuery);

  it.each(['admin', 'northManager', 'northSales', 'southSales'] as const)("answers the client's list query for %s exactly as the executor", async (name) => {
    const viewer = { admin: org.admin, northManager: org.northManager, northSales: org.northSales, southSales: org.southSales }[name];
    for (const variables of [
      { first: 25 },
      { filter: { statuses: ['OPEN'], amountMin: '1200' }, orderBy: { field: 'AMOUNT', direction: 'DESC' }, first: 25 },
      { filter: { pipelineIds: [globalId('Pipeline', pipeline.id)] }, orderBy: { field: 'ACCOUNT_NAME', direction: 'ASC' }, first: 3 },
      { filter: { stale: true }, orderBy: { field: 'DAYS_WITHOUT_ACTIVITY' }, last: 2 },
      { filter: { search: 'Karte 1' }, orderBy: { field: 'TITLE' }, first: 10 },
    ]) {
      const { hot, executor, hotPathAnswered } = await bothAnswers(list, variables, viewer.token);
      expect(hotPathAnswered).toBe(true);
      expect(hot).toBe(executor);
      expect(JSON.parse(hot).errors).toBeUndefined();
    }
  });

  it('pages forwards and backwards with the executor’s cursors', async () => {
    const pageOf = async (variables: Record<string, unknown>) => {
      const { hot, executor } = await bothAnswers(list, { orderBy: { field: 'TITLE' }, ...variables }, org.admin.token);
      expect(hot).toBe(executor);
      return JSON.parse(hot).data.opportunities;
    };
    const first = await pageOf({ first: 3 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await pageOf({ first: 3, after: first.pageInfo.endCursor });
    expect(second.edges[0].node.title).not.toBe(first.edges[2].node.title);
    const back = await pageOf({ last: 3, before: second.pageInfo.startCursor });
    expect(back.edges.map((edge: { node: { title: string } }) => edge.node.title)).toEqual(first.edges.map((edge: { node: { title: string } }) => edge.node.title));
  });

  it.each([
    ['a malformed cursor', { first: 2, after: 'garbage' }],
    ['after and before together', { first: 2, after: 'x', before: 'y' }],
    ['a page too large', { first: 100000 }],
    ['a malformed filter id', { filter: { ownerIds: ['garbage'] }, first: 2 }],
  ])('leaves %s to the executor, with the same error', async (_case, variables) => {
    const { hot, executor, hotPathAnswered } = await bothAnswers(list, variables, org.northManager.token);
    expect(hotPathAnswered).toBe(false);
    expect(hot).toBe(executor);
    expect(JSON.parse(hot).errors?.length ?? 0).toBeGreaterThan(0);
  });

  it('answers a selection with tags, totals only and the other linked records', async () => {
    const query = `query($f: OpportunityFilter) {
      count: opportunities(filter: $f) { totalCount }
      rows: opportunities(filter: $f, first: 4) { edges { cursor node { id tags { id name color } team { name type } source { name } stage { name position } pipeline { name kind } kind status lastActivityAt } } }
    }`;
    const { hot, executor, hotPathAnswered } = await bothAnswers(query, { f: { statuses: ['OPEN', 'WON', 'LOST'] } }, org.admin.token);
    expect(hotPathAnswered).toBe(true);
    expect(hot).toBe(executor);
  });
});
