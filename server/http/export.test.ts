import { EventEmitter } from 'node:events';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { readConfig } from '../config.ts';
import { readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertOpportunity } from '../test/sales-fixtures.ts';
import { countStatements, createTestApp, globalId, type TestApp } from '../test/test-app.ts';
import { drainedOrClosed } from './export.ts';

let t: TestApp;
let org: Organisation;
let app: App;
let baseUrl: string;
let exportTagId: string;

const get = (path: string, token?: string) => fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const query = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString();

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  app = buildApp({ db: t.db, config: { ...readConfig({}), clientDir: '/nonexistent' } });
  ({ url: baseUrl } = await app.start(0, '127.0.0.1'));
  const tag = await t.prisma.tag.create({ data: { name: 'Export' } });
  for (const [name, city, tagged] of [['Nordwind', 'Kiel', true], ['=cmd|calc', 'Bonn', true], ['Ohne Tag', 'Ulm', false]] as const) {
    const account = await insertAccount(t.prisma, org.northSales, org.north.id, { name });
    await t.prisma.account.update({
      where: { id: account.id },
      data: { city, employees: 1200, phone: '+49 431 1', ...(tagged ? { tags: { create: { tagId: tag.id } } } : {}) },
    });
  }
  await insertAccount(t.prisma, org.southSales, org.south.id, { name: 'Südwind' });
  exportTagId = tag.id;
});

afterAll(async () => {
  await app?.stop();
  await t?.close();
});

describe('GET /export/accounts.csv', () => {
  it('streams the filtered, sorted list with chosen columns as German Excel reads it', async () => {
    const tagId = globalId('Tag', exportTagId);
    const response = await get(
      `/export/accounts.csv?${query({ filter: { tagIds: [tagId] }, orderBy: { field: 'CITY', direction: 'DESC' }, columns: 'name,city,employees,phone,tags', locale: 'de' })}`,
      org.northSales.token,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe('\uFEFFFirma;Ort;Mitarbeiter;Telefon;Tags');
    expect(parse(text, { delimiter: ';', bom: true })).toEqual([
      ['Firma', 'Ort', 'Mitarbeiter', 'Telefon', 'Tags'],
      ['Nordwind', 'Kiel', '1200', "'+49 431 1", 'Export'],
      ["'=cmd|calc", 'Bonn', '1200', "'+49 431 1", 'Export'],
    ]);
  });

  it('uses commas in English and the search of the list, and never another team’s records', async () => {
    const response = await get(`/export/accounts.csv?${query({ search: 'wind', columns: 'name' })}`, org.northSales.token);
    expect(parse(await response.text(), { bom: true })).toEqual([['Company'], ['Nordwind']]);
    const tabs = await get(`/export/accounts.csv?${query({ search: 'wind', columns: 'name,city', delimiter: 'tab' })}`, org.northSales.token);
    expect((await tabs.text()).split('\r\n')[1]).toBe('Nordwind\tKiel');
  });

  it('reads a long list in a few batched statements', async () => {
    for (let n = 0; n < 1100; n += 500) {
      await t.prisma.account.createMany({
        data: Array.from({ length: Math.min(500, 1100 - n) }, (_, index) => ({
          name: `Masse ${n + index}`, normalizedName: `masse${n + index}`, ownerId: org.northSales.id, teamId: org.north.id,
        })),
      });
    }
    const { result, statements } = await countStatements(t.db, async () => {
      const response = await get(`/export/accounts.csv?${query({ search: 'Masse', columns: 'name,owner' })}`, org.northSales.token);
      return parse(await response.text(), { bom: true }) as string[][];
    });
    expect(result).toHaveLength(1101);
    // Three reads of at most 500 records, each with their owners joined in or read in one more
    // statement (Prisma joins the first read and reads the owners of a cursor-paged one apart):
    // not one per record.
    const accountReads = statements.filter((sql) => sql.includes('FROM "public"."Account"'));
    expect(accountReads).toHaveLength(3);
    expect(accountReads.every((sql) => /LIMIT \$\d+/.test(sql))).toBe(true);
    const ownerReads = statements.filter((sql) => sql.startsWith('SELECT "public"."User"."id", "public"."User"."name" FROM'));
    const joined = accountReads.filter((sql) => sql.includes('AS "owner"'));
    expect(ownerReads.length + joined.length).toBe(3);
  });
});

describe('the other lists', () => {
  it('exports opportunities with the filter of the opportunity list', async () => {
    const account = await insertAccount(t.prisma, org.northSales, org.north.id, { name: 'Kunde mit Deals' });
    await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, accountId: account.id, title: 'Gewonnen', status: 'WON' });
    await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, accountId: account.id, title: 'Offen' });
    const response = await get(
      `/export/opportunities.csv?${query({ filter: { statuses: ['WON'], closeDateFrom: '2027-01-01' }, columns: 'title,account,status,expectedCloseDate', locale: 'en' })}`,
      org.northManager.token,
    );
    expect(parse(await response.text(), { bom: true })).toEqual([
      ['Title', 'Company', 'Status', 'Close date'],
      ['Gewonnen', 'Kunde mit Deals', 'Won', '2027-01-31'],
    ]);
  });

  it('exports contacts and activities with their default columns', async () => {
    const contacts = await get('/export/contacts.csv?locale=de', org.northSales.token);
    expect(parse(await contacts.text(), { bom: true, delimiter: ';' })[0]).toEqual([
      'Anrede', 'Vorname', 'Nachname', 'Firma', 'Position', 'E-Mail', 'Telefon', 'Ort', 'Besitzer',
    ]);
    const activities = await get('/export/activities.csv', org.northSales.token);
    expect(activities.status).toBe(200);
    expect(parse(await activities.text(), { bom: true })[0]).toEqual(['Type', 'Subject', 'Status', 'Due', 'Assignee', 'Opportunity', 'Company', 'Contact']);
  });
});

describe('quotes, orders and invoices', () => {
  it('exports the invoice list with its filter: overdue ones of the viewer’s team, open amount, no other team’s invoice', async () => {
    const customer = await insertAccount(t.prisma, org.northSales, org.north.id, { name: 'Rechnungskunde' });
    const southCustomer = await insertAccount(t.prisma, org.southSales, org.south.id, { name: 'Südkunde' });
    const invoice = (number: string, owner: typeof org.northSales, teamId: string, accountId: string, fields: Record<string, unknown>) =>
      t.prisma.invoice.create({
        data: {
          number, title: `Rechnung ${number}`, accountId, ownerId: owner.id, teamId, recipientName: 'Empfänger',
          issueDate: new Date('2026-01-05'), dueDate: new Date('2026-01-19'), netAmount: '1000.00', taxAmount: '190.00', grossAmount: '1190.00',
          ...fields,
        },
      });
    await invoice('INV-2026-9001', org.northSales, org.north.id, customer.id, { paidAmount: '190.00' });
    await invoice('INV-2026-9002', org.northSales, org.north.id, customer.id, { status: 'PAID', paidAmount: '1190.00', paidDate: new Date('2026-01-10') });
    await invoice('INV-2026-9003', org.southSales, org.south.id, southCustomer.id, { paidAmount: '0' });
    await invoice('INV-2026-9004', org.northSales, org.north.id, customer.id, { dueDate: new Date('2999-12-31'), paidAmount: '0' });

    const overdue = await get(
      `/export/invoices.csv?${query({ filter: { overdue: true, search: 'INV-2026-900' }, columns: 'number,account,status,grossAmount,openAmount,overdue', locale: 'de' })}`,
      org.northManager.token,
    );
    expect(overdue.status).toBe(200);
    expect(parse(await overdue.text(), { bom: true, delimiter: ';' })).toEqual([
      ['Nummer', 'Firma', 'Status', 'Brutto', 'Offener Betrag', 'Überfällig'],
      ['INV-2026-9001', 'Rechnungskunde', 'Offen', '1190,00', '1000,00', 'Ja'],
    ]);

    const all = await get(`/export/invoices.csv?${query({ filter: { search: 'INV-2026-900' }, orderBy: { field: 'NUMBER', direction: 'ASC' }, columns: 'number' })}`, org.northManager.token);
    expect(parse(await all.text(), { bom: true })).toEqual([['Number'], ['INV-2026-9001'], ['INV-2026-9002'], ['INV-2026-9004']]);
  });

  it('exports quotes and orders with their default columns, and refuses them to SERVICE users', async () => {
    const quotes = await get('/export/quotes.csv?locale=en', org.northSales.token);
    expect(parse(await quotes.text(), { bom: true })[0]).toEqual(['Number', 'Title', 'Company', 'Status', 'Valid until', 'Net', 'Gross', 'Owner']);
    const orders = await get('/export/orders.csv?locale=de', org.northSales.token);
    expect(parse(await orders.text(), { bom: true, delimiter: ';' })[0]).toEqual([
      'Nummer', 'Titel', 'Firma', 'Status', 'Auftragsdatum', 'Lieferdatum', 'Netto', 'Brutto', 'Besitzer',
    ]);
    for (const kind of ['quotes', 'orders', 'invoices']) {
      const response = await get(`/export/${kind}.csv`, org.service.token);
      expect(response.status, kind).toBe(403);
    }
    const badStatus = await get(`/export/orders.csv?${query({ filter: { statuses: ['PAID'] } })}`, org.northSales.token);
    expect(badStatus.status).toBe(400);
    expect((await badStatus.json()).errors[0].extensions.fieldErrors[0].field).toBe('filter.statuses.0');
  });
});

describe('refusals', () => {
  it('needs the bearer token of the API, and lets read-only tokens export', async () => {
    const anonymous = await get('/export/accounts.csv');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await get('/export/accounts.csv', 'crm_s_not-a-token')).status).toBe(401);
    expect((await get('/export/accounts.csv?columns=name', await readOnlyAdminToken(t, org))).status).toBe(200);
  });

  it('refuses SERVICE users the opportunity and activity lists, as the API does', async () => {
    for (const kind of ['opportunities', 'activities']) {
      const response = await get(`/export/${kind}.csv`, org.service.token);
      expect(response.status).toBe(403);
      expect((await response.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await get('/export/accounts.csv', org.service.token)).status).toBe(200);
  });

  it('answers bad parameters with field errors before sending any CSV', async () => {
    const cases: Array<[string, string]> = [
      [`/export/accounts.csv?${query({ columns: 'name,secret' })}`, 'columns'],
      [`/export/accounts.csv?filter=${encodeURIComponent('{not json')}`, 'filter'],
      [`/export/opportunities.csv?${query({ filter: { statuses: ['MAYBE'] } })}`, 'filter.statuses.0'],
      [`/export/accounts.csv?${query({ orderBy: { field: 'SALARY' } })}`, 'orderBy.field'],
      [`/export/accounts.csv?${query({ filter: { ownerIds: ['nonsense'] } })}`, 'filter.ownerIds.0'],
      ['/export/accounts.csv?delimiter=%7C', 'delimiter'],
    ];
    for (const [path, field] of cases) {
      const response = await get(path, org.northSales.token);
      expect(response.status, path).toBe(400);
      const body = await response.json();
      expect(body.errors[0].extensions.code, path).toBe('BAD_USER_INPUT');
      expect(body.errors[0].extensions.fieldErrors[0].field, path).toBe(field);
    }
    expect((await get('/export/salaries.csv', org.northSales.token)).status).toBe(404);
  });
});

describe('waiting for a slow client', () => {
  it('leaves no listener behind after each wait, so a long export does not pile them up', async () => {
    const response = new EventEmitter();
    for (let wait = 0; wait < 50; wait += 1) {
      const drained = drainedOrClosed(response);
      response.emit('drain');
      await drained;
    }
    expect(response.listenerCount('close')).toBe(0);
    expect(response.listenerCount('drain')).toBe(0);
    const closed = drainedOrClosed(response);
    response.emit('close');
    await closed;
    expect(response.listenerCount('drain')).toBe(0);
  });
});
