import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { withJsonRelations } from './json-relations.ts';

let database: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createOrganisation(database.db.prisma);
});

afterAll(async () => {
  await database?.drop();
});

describe('withJsonRelations', () => {
  it("builds Prisma's relation data as JSON and leaves other statements as they are", () => {
    const relation = `SELECT "t0"."id", "r"."__prisma_data__" FROM "public"."Stage" AS "t0" LEFT JOIN LATERAL (SELECT COALESCE(JSONB_AGG("__prisma_data__"), '[]') AS "__prisma_data__" FROM (SELECT JSONB_BUILD_OBJECT('id', "t1"."id") AS "__prisma_data__" FROM "public"."Opportunity" AS "t1") AS "t2") AS "r" ON true`;
    expect(withJsonRelations({ sql: relation, args: [], argTypes: [] }).sql).toBe(
      relation.replace('JSONB_AGG(', 'JSON_AGG(').replace('JSONB_BUILD_OBJECT(', 'JSON_BUILD_OBJECT('),
    );
    const ours = { sql: `SELECT JSONB_AGG(x) FROM (SELECT 1 AS x) AS t`, args: [], argTypes: [] };
    expect(withJsonRelations(ours)).toBe(ours);
  });

  it('reads nested records, lists, decimals, dates and JSON values as loading each relation apart does', async () => {
    const prisma = database.db.prisma;
    const pipeline = await insertPipeline(prisma);
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, pipeline, title: 'Ölkessel "Süd" \\ 1' });
    await prisma.opportunity.update({ where: { id: opportunity.id }, data: { amount: '12345.67', weightedAmount: '3086.42' } });
    await prisma.opportunityChange.create({
      data: { opportunityId: opportunity.id, field: 'amount', oldValue: { amount: '1.50', list: [1, null, 'ä'] }, newValue: 'plain text' },
    });
    const question = {
      where: { id: pipeline.id },
      include: {
        stages: {
          orderBy: { position: 'asc' },
          include: { opportunities: { include: { account: true, owner: { select: { id: true, name: true } }, changes: true } } },
        },
      },
    } as const;

    const stop = database.db.statements.start();
    const joined = await prisma.pipeline.findUnique({ ...question, relationLoadStrategy: 'join' });
    const statements = stop();
    const apart = await prisma.pipeline.findUnique({ ...question, relationLoadStrategy: 'query' });

    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('JSON_BUILD_OBJECT(');
    expect(statements[0]).not.toContain('JSONB_');
    expect(joined).toEqual(apart);
    const card = joined!.stages[0].opportunities[0];
    expect(card.amount.toString()).toBe('12345.67');
    expect(card.changes[0].oldValue).toEqual({ amount: '1.50', list: [1, null, 'ä'] });
    expect(card.changes[0].newValue).toBe('plain text');
    expect(card.title).toBe('Ölkessel "Süd" \\ 1');
  });
});
