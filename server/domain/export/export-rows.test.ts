import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../auth/authenticate.ts';
import type { Viewer } from '../../auth/viewer.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount, insertContact, insertOpportunity, insertPipeline } from '../../test/sales-fixtures.ts';
import { countStatements } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { accountListWhere, accountOrderBy } from '../customer-queries.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { exportRows, type ExportOptions, type ExportQuery } from './export-rows.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
const NOW = new Date('2026-12-01T10:00:00Z');

async function collect(viewer: Viewer, query: ExportQuery, options: Partial<ExportOptions> = {}) {
  const batches: string[][][] = [];
  for await (const batch of exportRows(prisma, viewer, query, { locale: 'en', now: NOW, ...options })) batches.push(batch);
  return { header: batches[0][0], rows: batches.slice(1).flat(), batchSizes: batches.slice(1).map((batch) => batch.length) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['northSales', 'northManager', 'service'] as const) viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  const cities = ['Kiel', null, 'Bonn', 'Aachen', null, 'Zell'];
  for (let n = 0; n < 75; n += 1) {
    const account = await insertAccount(prisma, org.northSales, org.north.id, { name: `Paging ${String(n % 9).padStart(2, '0')}` });
    await prisma.account.update({ where: { id: account.id }, data: { city: cities[n % cities.length], postalCode: `${20000 + n}` } });
  }
  await insertAccount(prisma, org.southSales, org.south.id, { name: 'Paging Süd' });
});

afterAll(async () => {
  await database?.drop();
});

describe('exportRows', () => {
  it('reads in batches of the given size, whatever the number of records, and costs statements per batch only', async () => {
    const query = (search: string): ExportQuery => ({ kind: 'accounts', filter: { search }, orderBy: { field: 'city', direction: 'desc' } });
    const statementsFor = async (search: string) =>
      countStatements(database.db, () => collect(viewers.northSales, query(search), { batchSize: 10, columns: ['name', 'city', 'owner', 'tags', 'contacts'] }));
    const five = await statementsFor('Paging 00');
    const all = await statementsFor('Paging');
    expect(five.result.batchSizes).toEqual([9]);
    expect(all.result.batchSizes).toEqual([10, 10, 10, 10, 10, 10, 10, 5]);
    const perBatch = (all.statements.length - five.statements.length) / 7;
    expect(Number.isInteger(perBatch)).toBe(true);
    // Every read is the same few statements (the records and their related owner, tags, counts).
    expect(perBatch).toBeLessThanOrEqual(4);
    expect(all.result.rows).toHaveLength(75);
  });

  it('has the rows of the list: its filter, its order, only what the viewer may read', async () => {
    const { header, rows } = await collect(
      viewers.northSales,
      { kind: 'accounts', filter: { search: 'Paging' }, orderBy: { field: 'city', direction: 'asc' } },
      { batchSize: 7, columns: ['name', 'city', 'postalCode'] },
    );
    expect(header).toEqual(['Company', 'City', 'Postal code']);
    const listed = await prisma.account.findMany({
      where: accountListWhere(viewers.northSales, { search: 'Paging' }),
      orderBy: accountOrderBy('city', 'asc'),
      select: { postalCode: true },
    });
    expect(rows.map((row) => row[2])).toEqual(listed.map((account) => account.postalCode));
    expect(rows.map((row) => row[0])).not.toContain('Paging Süd');
  });

  it('pages through sorts by related records (account name) without losing or repeating a row', async () => {
    const pipeline = await insertPipeline(prisma, { kind: 'LEAD' });
    const accounts = await Promise.all(['Beta', 'Alpha', 'Beta'].map((name) => insertAccount(prisma, org.northSales, org.north.id, { name })));
    for (let n = 0; n < 13; n += 1) {
      await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, accountId: accounts[n % 3].id, pipeline, title: `Sortiert ${n}` });
    }
    for (const direction of ['asc', 'desc'] as const) {
      const query: ExportQuery = { kind: 'opportunities', filter: { search: 'Sortiert' }, orderBy: { field: 'accountName', direction } };
      const { rows, batchSizes } = await collect(viewers.northSales, query, { batchSize: 4, columns: ['number', 'account'] });
      const all = await collect(viewers.northSales, query, { batchSize: 100, columns: ['number', 'account'] });
      expect(batchSizes).toEqual([4, 4, 4, 1]);
      expect(rows).toEqual(all.rows);
      expect(new Set(rows.map((row) => row[0])).size).toBe(13);
    }
  });

  it('writes decimals, dates, statuses and headers in the language asked for', async () => {
    const pipeline = await insertPipeline(prisma, { name: 'Export Leads', kind: 'LEAD', stages: [{ name: 'Neu', probability: 10 }] });
    const account = await insertAccount(prisma, org.northSales, org.north.id, { name: '=Formel GmbH' });
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, accountId: account.id, pipeline, title: 'Anlage' });
    await prisma.opportunity.update({ where: { id: opportunity.id }, data: { amount: '1234.5', weightedAmount: '123.45', status: 'WON' } });
    const query: ExportQuery = { kind: 'opportunities', filter: { search: 'Anlage', statuses: ['WON'] } };
    const columns = ['number', 'title', 'account', 'stage', 'status', 'amount', 'weightedAmount', 'expectedCloseDate', 'stale'];
    const german = await collect(viewers.northSales, query, { locale: 'de', columns });
    expect(german.header).toEqual(['Nummer', 'Titel', 'Firma', 'Phase', 'Status', 'Betrag', 'Gewichteter Betrag', 'Abschlussdatum', 'Ohne Aktivität']);
    expect(german.rows).toEqual([[`OPP-${opportunity.number}`, 'Anlage', '=Formel GmbH', 'Neu', 'Gewonnen', '1234,50', '123,45', '31.01.2027', 'Nein']]);
    const english = await collect(viewers.northSales, query, { locale: 'en', columns });
    expect(english.rows[0].slice(4)).toEqual(['Won', '1234.50', '123.45', '2027-01-31', 'no']);
  });

  it('leaves the name of a linked record of another team empty', async () => {
    const southAccount = await insertAccount(prisma, org.southSales, org.south.id, { name: 'Geheim Süd AG' });
    await insertContact(prisma, org.northSales, org.north.id, { accountId: southAccount.id, lastName: 'Grenzgänger' });
    const { rows } = await collect(viewers.northSales, { kind: 'contacts', filter: { search: 'Grenzgänger' } }, { columns: ['lastName', 'account'] });
    expect(rows).toEqual([['Grenzgänger', '']]);
  });

  it('refuses SERVICE users opportunities and activities, and unknown columns', async () => {
    await expect(collect(viewers.service, { kind: 'opportunities', filter: {} })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(collect(viewers.service, { kind: 'activities', filter: {} })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await collect(viewers.service, { kind: 'accounts', filter: { search: 'Paging 01' } })).rows.length).toBeGreaterThan(0);
    const error = await collect(viewers.northSales, { kind: 'accounts', filter: {} }, { columns: ['name', 'salary'] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors[0]).toMatchObject({ field: 'columns', reason: 'INVALID_VALUE' });
  });
});
