import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertPipeline } from '../test/sales-fixtures.ts';
import { countStatements } from '../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { insertRows } from './bulk-insert.ts';
import { Prisma } from '../generated/prisma/client.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
});

afterAll(async () => {
  await database?.drop();
});

describe('insertRows', () => {
  it('writes every column type as Prisma reads it back, nulls and awkward text included, in one statement', async () => {
    const account = await insertAccount(prisma, org.northSales, org.north.id);
    const pipeline = await insertPipeline(prisma, { kind: 'DEAL' });
    const row = (title: string, amount: string | null, extra: Record<string, unknown> = {}) => ({
      kind: 'DEAL',
      title,
      accountId: account.id,
      ownerId: org.northSales.id,
      teamId: org.north.id,
      pipelineId: pipeline.id,
      stageId: pipeline.stages[0].id,
      amount,
      probability: 25,
      weightedAmount: '0.5',
      expectedCloseDate: new Date('2027-03-31T00:00:00Z'),
      description: null,
      updatedAt: new Date('2026-12-03T10:11:12.345Z'),
      ...extra,
    });
    const columns = {
      kind: '"OpportunityKind"',
      title: 'text',
      accountId: 'uuid',
      ownerId: 'uuid',
      teamId: 'uuid',
      pipelineId: 'uuid',
      stageId: 'uuid',
      amount: 'numeric',
      probability: 'int4',
      weightedAmount: 'numeric',
      expectedCloseDate: 'date',
      description: 'text',
      updatedAt: 'timestamptz',
    } as const;
    const { result: ids, statements } = await countStatements(database.db, () =>
      prisma.$transaction((tx) =>
        insertRows(tx, 'Opportunity', columns, [
          row('Komma, "Zitat" und {Klammern}\nzweite Zeile', '1234.50', { description: 'NULL' }),
          row('Ohne Betrag', '0'),
          row('Große Zahl', '999999999999.99', { amount: new Prisma.Decimal('999999999999.99') }),
        ]),
      ),
    );
    expect(statements.filter((sql) => sql.startsWith('INSERT'))).toHaveLength(1);
    const saved = await prisma.opportunity.findMany({ where: { id: { in: ids } } });
    const byId = new Map(saved.map((opportunity) => [opportunity.id, opportunity]));
    const [first, second, third] = ids.map((id) => byId.get(id)!);
    expect(first).toMatchObject({
      kind: 'DEAL',
      title: 'Komma, "Zitat" und {Klammern}\nzweite Zeile',
      description: 'NULL',
      probability: 25,
      expectedCloseDate: new Date('2027-03-31T00:00:00Z'),
      updatedAt: new Date('2026-12-03T10:11:12.345Z'),
      status: 'OPEN',
      version: 1,
    });
    expect(first.amount.toString()).toBe('1234.5');
    expect(second.description).toBeNull();
    expect(third.amount.toString()).toBe('999999999999.99');
    // Ids are UUIDv7 like Prisma's, so they sort by creation; numbers come from the sequence.
    expect(ids.every((id) => id[14] === '7')).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect([first.number, second.number, third.number]).toEqual([first.number, first.number + 1, first.number + 2]);
  });

  it('leaves undefined values to the database defaults, one statement per shape of row', async () => {
    const { result: ids, statements } = await countStatements(database.db, () =>
      prisma.$transaction((tx) =>
        insertRows(tx, 'Account', { name: 'text', normalizedName: 'text', country: 'text', statusKey: 'text', ownerId: 'uuid', teamId: 'uuid', updatedAt: 'timestamptz' }, [
          { name: 'Standard', normalizedName: 'standard', ownerId: org.northSales.id, teamId: org.north.id, updatedAt: new Date() },
          { name: 'Schweiz', normalizedName: 'schweiz', country: 'CH', statusKey: 'CUSTOMER', ownerId: org.northSales.id, teamId: org.north.id, updatedAt: new Date() },
          { name: 'Auch Standard', normalizedName: 'auchstandard', ownerId: org.northSales.id, teamId: org.north.id, updatedAt: new Date() },
        ]),
      ),
    );
    expect(statements.filter((sql) => sql.startsWith('INSERT'))).toHaveLength(2);
    const saved = await prisma.account.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(saved.map((account) => [account.name, account.country, account.statusKey])).toEqual([
      ['Standard', 'DE', 'PROSPECT'],
      ['Schweiz', 'CH', 'CUSTOMER'],
      ['Auch Standard', 'DE', 'PROSPECT'],
    ]);
  });

  it('writes JSON', async () => {
    const opportunity = (await prisma.opportunity.findFirstOrThrow()).id;
    const [id] = await prisma.$transaction((tx) =>
      insertRows(tx, 'OpportunityChange', { opportunityId: 'uuid', field: 'text', newValue: 'jsonb', changedAt: 'timestamptz' }, [
        { opportunityId: opportunity, field: 'CREATED', newValue: { title: 'Ä "quoted" {x}', amount: '1.50', none: null }, changedAt: new Date() },
      ]),
    );
    expect((await prisma.opportunityChange.findUniqueOrThrow({ where: { id } })).newValue).toEqual({ title: 'Ä "quoted" {x}', amount: '1.50', none: null });
  });
});
