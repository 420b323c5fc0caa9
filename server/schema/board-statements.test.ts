import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardQuery } from '../../client/src/pages/board/board-queries.ts';
import { OpportunityListQuery } from '../../client/src/pages/opportunities/opportunity-list-queries.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact, insertPipeline } from '../test/sales-fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});
afterAll(async () => {
  await t.close();
});

/** A pipeline of `stages` stages holding `cards` open opportunities of both teams, with contacts, activities and tags. */
async function pipelineWith(stages: number, cards: number) {
  const pipeline = await insertPipeline(t.prisma, { probabilities: Array.from({ length: stages }, (_, index) => 10 + index) });
  const tag = await t.prisma.tag.create({ data: { name: `Tag ${pipeline.id.slice(-8)}`, color: '#336699' } });
  for (const [owner, teamId] of [[org.northSales, org.north.id], [org.southSales, org.south.id]] as const) {
    const account = await insertAccount(t.prisma, owner, teamId);
    const contact = await insertContact(t.prisma, owner, teamId, { accountId: account.id });
    for (let index = 0; index < cards; index += 1) {
      const stage = pipeline.stages[index % stages];
      const opportunity = await t.prisma.opportunity.create({
        data: {
          title: `Karte ${index}`,
          accountId: account.id,
          contactId: contact.id,
          ownerId: owner.id,
          teamId,
          pipelineId: pipeline.id,
          stageId: stage.id,
          probability: stage.probability,
          amount: '1000.00',
          weightedAmount: '100.00',
          expectedCloseDate: new Date('2027-01-31'),
          tags: { create: [{ tagId: tag.id }] },
        },
      });
      await t.prisma.activity.create({
        data: { type: 'CALL', subject: `Anruf ${index}`, dueAt: new Date('2027-01-01T09:00:00Z'), opportunityId: opportunity.id, assigneeId: owner.id, createdById: owner.id, teamId },
      });
    }
  }
  return pipeline;
}

/** Statements of one request, after one warm-up (the session's "last used" write happens once a minute). */
async function statementsOf(query: string, variables: Record<string, unknown>, token = org.northManager.token) {
  await t.graphql(query, variables, token);
  const { result, statements } = await countStatements(t.db, () => t.graphql(query, variables, token));
  expect(result.errors).toBeUndefined();
  return { result: result.data, statements };
}

describe('SQL statements per request', () => {
  it('the board: at most 3, whatever the number of stages and cards', async () => {
    const small = await pipelineWith(2, 2);
    const large = await pipelineWith(7, 30);
    const board = print(BoardQuery);
    const variables = (pipeline: { id: string }) => ({ pipelineId: globalId('Pipeline', pipeline.id), cardsPerStage: 50 });
    const few = await statementsOf(board, variables(small));
    const many = await statementsOf(board, variables(large));
    expect(few.statements.length, few.statements.join('\n')).toBeLessThanOrEqual(3);
    expect(many.statements.length, many.statements.join('\n')).toBeLessThanOrEqual(3);
    // The manager of the north team sees the north cards only, with their relations.
    const cards = many.result.board.columns.flatMap((column: any) => column.cards);
    expect(cards).toHaveLength(30);
    expect(cards.every((card: any) => card.owner.name && card.account.name && card.contact.fullName && card.nextOpenActivity.subject)).toBe(true);
    expect(many.result.board.columns.map((column: any) => column.count)).toEqual([5, 5, 4, 4, 4, 4, 4]);
  });

  it('the filtered opportunity page: at most 3, whatever the page size', async () => {
    const pipeline = await pipelineWith(3, 12);
    const list = print(OpportunityListQuery);
    const filter = { pipelineIds: [globalId('Pipeline', pipeline.id)], amountMin: '500', stale: false };
    const few = await statementsOf(list, { filter, first: 2 });
    const many = await statementsOf(list, { filter, first: 25 });
    expect(few.statements.length, few.statements.join('\n')).toBeLessThanOrEqual(3);
    expect(many.statements.length, many.statements.join('\n')).toBeLessThanOrEqual(3);
    expect(many.result.opportunities.totalCount).toBe(12);
    expect(many.result.opportunities.edges.every((edge: any) => edge.node.tags[0].name && edge.node.team.name)).toBe(true);
  });
});
