import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../auth/authenticate.ts';
import type { Viewer } from '../../auth/viewer.ts';
import type { Opportunity, PrismaClient } from '../../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount, insertContact, insertOpportunity } from '../../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { ValidationError } from '../errors.ts';
import { ACCOUNT_HIT_ORDER, CONTACT_HIT_ORDER, globalSearch, OPPORTUNITY_HIT_ORDER, type GlobalSearchInput } from './global-search.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
let kran: Opportunity;

async function hits(viewer: Viewer, input: GlobalSearchInput) {
  const search = globalSearch(viewer, input);
  const [accounts, contacts, opportunities] = await Promise.all([
    prisma.account.findMany({ where: search.accounts, orderBy: ACCOUNT_HIT_ORDER, take: search.first }),
    prisma.contact.findMany({ where: search.contacts, orderBy: CONTACT_HIT_ORDER, take: search.first }),
    prisma.opportunity.findMany({ where: search.opportunities, orderBy: OPPORTUNITY_HIT_ORDER, take: search.first }),
  ]);
  return {
    accounts: accounts.map((row) => row.name),
    contacts: contacts.map((row) => `${row.firstName} ${row.lastName}`),
    opportunities: opportunities.map((row) => row.title),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northSales', 'southSales', 'service'] as const) viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  const müller = await insertAccount(prisma, org.northSales, org.north.id, { name: 'Müller Maschinenbau GmbH' });
  await prisma.account.update({ where: { id: müller.id }, data: { email: 'info@mueller-mb.example', normalizedName: 'muellermaschinenbau' } });
  await insertAccount(prisma, org.northSales, org.north.id, { name: '100% Stahl KG' });
  await insertAccount(prisma, org.southSales, org.south.id, { name: 'Müller Süd AG' });
  const anna = await insertContact(prisma, org.northSales, org.north.id, { accountId: müller.id, lastName: 'Müller' });
  await prisma.contact.update({ where: { id: anna.id }, data: { firstName: 'Anna', email: 'anna.mueller@mueller-mb.example' } });
  await insertContact(prisma, org.southSales, org.south.id, { lastName: 'Müllerschön' });
  kran = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, accountId: müller.id, title: 'Kran für Müller' });
  await insertOpportunity(prisma, { owner: org.southSales, teamId: org.south.id, title: 'Müller Süd Kran' });
});
afterAll(() => database.drop());

describe('global search', () => {
  it('finds each kind by its fields, only among readable records', async () => {
    expect(await hits(viewers.northSales, { text: 'müller' })).toEqual({
      accounts: ['Müller Maschinenbau GmbH'],
      contacts: ['Anna Müller'],
      opportunities: ['Kran für Müller'],
    });
    expect(await hits(viewers.admin, { text: 'müller' })).toEqual({
      accounts: ['Müller Maschinenbau GmbH', 'Müller Süd AG'],
      contacts: ['Anna Müller', 'Kim Müllerschön'],
      opportunities: expect.arrayContaining(['Kran für Müller', 'Müller Süd Kran']),
    });
    expect((await hits(viewers.northSales, { text: 'mueller' })).accounts).toEqual(['Müller Maschinenbau GmbH']);
    expect(await hits(viewers.northSales, { text: 'anna.mueller@' })).toEqual({ accounts: [], contacts: ['Anna Müller'], opportunities: [] });
    expect((await hits(viewers.northSales, { text: `OPP-${kran.number}` })).opportunities).toEqual(['Kran für Müller']);
  });

  it('gives SERVICE accounts and contacts but no opportunities', async () => {
    const service = await hits(viewers.service, { text: 'müller' });
    expect(service.accounts).toHaveLength(2);
    expect(service.opportunities).toEqual([]);
  });

  it('takes wildcards literally, limits each kind and validates its input', async () => {
    expect((await hits(viewers.northSales, { text: '%' })).accounts).toEqual(['100% Stahl KG']);
    expect((await hits(viewers.northSales, { text: '_' })).accounts).toEqual([]);
    expect((await hits(viewers.admin, { text: 'müller', first: 1 })).accounts).toEqual(['Müller Maschinenbau GmbH']);
    const reasons = (input: GlobalSearchInput) => {
      try {
        globalSearch(viewers.northSales, input);
        return [];
      } catch (error) {
        return (error as ValidationError).fieldErrors.map((fieldError) => [fieldError.field, fieldError.reason]);
      }
    };
    expect(reasons({ text: '   ', first: 21 })).toEqual([
      ['text', 'REQUIRED'],
      ['first', 'TOO_LARGE'],
    ]);
    expect(reasons({ text: 'x'.repeat(201) })).toEqual([['text', 'TOO_LONG']]);
  });
});
