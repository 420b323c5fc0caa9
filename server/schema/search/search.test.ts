import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount, insertContact, insertPipeline } from '../../test/sales-fixtures.ts';
import { countStatements, createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let org: Organisation;

const SEARCH = `query($text: String!, $first: Int) { search(text: $text, first: $first) {
  accountCount accounts { id name email owner { name } status { label } }
  contactCount contacts { id fullName email account { name } }
  opportunityCount opportunities { id humanId title status stage { name } owner { name } }
} }`;

async function seed(count: number) {
  await t.prisma.opportunity.deleteMany();
  await t.prisma.contact.deleteMany();
  await t.prisma.account.deleteMany();
  const pipeline = await insertPipeline(t.prisma);
  for (let index = 0; index < count; index += 1) {
    const team = index % 3 === 2 ? org.south : org.north;
    const owner = index % 3 === 2 ? org.southSales : org.northSales;
    const account = await insertAccount(t.prisma, owner, team.id, { name: `Nordlicht ${index} GmbH` });
    await insertContact(t.prisma, owner, team.id, { accountId: account.id, lastName: `Nordlicht${index}` });
    await t.prisma.opportunity.create({
      data: {
        title: `Nordlicht Anlage ${index}`, accountId: account.id, ownerId: owner.id, teamId: team.id, pipelineId: pipeline.id,
        stageId: pipeline.stages[0].id, probability: 10, expectedCloseDate: new Date('2027-03-01'),
      },
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});
afterAll(() => t.close());

describe('search', () => {
  it('groups hits by kind in a constant number of statements, limited per kind, counted among readable records', async () => {
    const measure = async () => {
      const { result, statements } = await countStatements(t.db, () => t.graphql(SEARCH, { text: 'nordlicht', first: 20 }, org.northManager.token));
      expect(result.errors).toBeUndefined();
      return { result: result.data.search, statements: statements.length };
    };
    await seed(3);
    const small = await measure();
    expect(small.result.accounts).toHaveLength(2);
    await seed(30);
    const large = await measure();
    expect(large.statements).toBe(small.statements);
    expect(large.result).toMatchObject({ accountCount: 20, contactCount: 20, opportunityCount: 20 });
    expect(large.result.accounts).toHaveLength(20);
    expect(JSON.stringify(large.result)).not.toMatch(/Nordlicht (2|5|8) GmbH/);
  });

  it('gives SERVICE no opportunities, refuses anonymous callers and blank text', async () => {
    const service = await t.graphql(SEARCH, { text: 'nordlicht' }, org.service.token);
    expect(service.data.search).toMatchObject({ opportunityCount: 0, opportunities: [] });
    expect(service.data.search.accounts).toHaveLength(5);
    expect((await t.graphql(SEARCH, { text: 'nordlicht' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const blank = await t.graphql(SEARCH, { text: ' ' }, org.northSales.token);
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'text', reason: 'REQUIRED' }] });
  });
});
