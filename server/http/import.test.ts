import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { readConfig } from '../config.ts';
import { readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertPipeline } from '../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let app: App;
let baseUrl: string;

const csv = (...lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
const OPPORTUNITIES = csv(
  'Titel;Firma;Vorname;Nachname;Betrag;Abschlussdatum;Phase',
  'Neue Linie;Kranbau Nord GmbH;Jana;Berg;1.234,50;31.12.2026;Neu',
  'Wartung;Kranbau Nord GmbH;;;800;15.01.2027;Qualifiziert',
  'Ersatzteile;Hafen AG;Olaf;Kai;99,90;2027-02-28;',
  'Ohne Firma;;;;500;31.12.2026;',
  'Falsches Datum;Hafen AG;;;100;31.02.2027;Neu',
);

function post(path: string, body: string | Blob, token?: string, params: Record<string, string> = {}) {
  const query = new URLSearchParams(params).toString();
  return fetch(`${baseUrl}${path}${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  await insertPipeline(t.prisma, { name: 'Leads', kind: 'LEAD', stages: [{ name: 'Neu', probability: 10 }, { name: 'Qualifiziert', probability: 40 }] });
  app = buildApp({ db: t.db, config: { ...readConfig({}), clientDir: '/nonexistent' } });
  ({ url: baseUrl } = await app.start(0, '127.0.0.1'));
});

afterAll(async () => {
  await app?.stop();
  await t?.close();
});

describe('POST /import/opportunities', () => {
  it('imports 3 good rows, reports 2 bad ones by field, and links to what it created', async () => {
    const response = await post('/import/opportunities', OPPORTUNITIES, org.northSales.token);
    expect(response.status).toBe(200);
    const { report } = await response.json();
    expect(report).toMatchObject({ kind: 'OPPORTUNITIES', delimiter: ';', rowCount: 5, counts: { imported: 3, merged: 0, skipped: 0, failed: 2 } });
    expect(report.columns.map((column: any) => column.field?.label.de)).toEqual(['Titel', 'Firma', 'Vorname', 'Nachname', 'Betrag', 'Abschlussdatum', 'Phase']);
    expect(report.rows.map((row: any) => row.outcome)).toEqual(['IMPORTED', 'IMPORTED', 'IMPORTED', 'FAILED', 'FAILED']);
    expect(report.rows[3].errors).toEqual([{ field: 'account.name', reason: 'REQUIRED', message: 'This field is required.' }]);
    expect(report.rows[4].errors).toEqual([
      { field: 'expectedCloseDate', reason: 'INVALID_DATE', message: '31.02.2027 is not a day of the calendar.', value: '31.02.2027' },
    ]);
    expect(report.rows[0].linked.map((link: any) => [link.type, link.label, link.created])).toEqual([
      ['Account', 'Kranbau Nord GmbH', true],
      ['Contact', 'Jana Berg', true],
    ]);

    // The ids are the API's global ids of the new records.
    const opportunity = await t.graphql(
      'query($id: ID!) { opportunity(id: $id) { title amount expectedCloseDate stage { name } account { id name } contact { lastName } } }',
      { id: report.rows[0].record.id },
      org.northSales.token,
    );
    expect(opportunity.data.opportunity).toEqual({
      title: 'Neue Linie',
      amount: '1234.5',
      expectedCloseDate: '2026-12-31',
      stage: { name: 'Neu' },
      account: { id: report.rows[0].linked[0].id, name: 'Kranbau Nord GmbH' },
      contact: { lastName: 'Berg' },
    });
  });

  it('previews the first rows with the mapping and the fields to choose from, writing nothing', async () => {
    const before = await t.prisma.opportunity.count();
    const response = await post('/import/opportunities/preview', OPPORTUNITIES, org.northSales.token);
    const { report } = await response.json();
    expect(await t.prisma.opportunity.count()).toBe(before);
    // Imported above already: the same rows are duplicates now, and name the existing records.
    expect(report.rows.map((row: any) => row.outcome)).toEqual(['SKIPPED', 'SKIPPED', 'SKIPPED', 'FAILED', 'FAILED']);
    expect(report.rows[0].duplicateOf.id).toBeTruthy();
    expect(report.columns[4]).toEqual({
      header: 'Betrag',
      samples: ['1.234,50', '800', '99,90'],
      field: { key: 'amount', label: { de: 'Betrag', en: 'Amount' }, required: false, type: 'decimal' },
    });
    expect(report.fields.map((field: any) => field.key)).toContain('contact.email');

    const fresh = await post('/import/opportunities/preview', csv('A;B;C', 'Neu hier;Frisch GmbH;1.000'), org.northSales.token, {
      mapping: JSON.stringify(['title', 'account.name', 'amount']),
    });
    expect((await fresh.json()).report.rows[0]).toMatchObject({
      outcome: 'IMPORTED',
      record: { type: 'Opportunity', id: null },
      linked: [{ type: 'Account', id: null, label: 'Frisch GmbH', created: true }],
    });
    expect(await t.prisma.account.count({ where: { name: 'Frisch GmbH' } })).toBe(0);
  });
});

describe('POST /import/accounts', () => {
  it('reads Windows-1252 files as older Excel saves them', async () => {
    const latin1 = new Blob([Buffer.from("Firma;Ort\r\nBäckerei Größe;Köln\r\n", "latin1")]);
    const { report } = await (await post('/import/accounts', latin1, org.northSales.token)).json();
    expect(report.counts.imported).toBe(1);
    expect(await t.prisma.account.findFirstOrThrow({ where: { city: 'Köln' } })).toMatchObject({ name: 'Bäckerei Größe' });
  });

  it('places the records of a user of several teams in the team chosen for the import', async () => {
    const response = await post('/import/accounts', csv('Company;City', 'Southbound Ltd;Munich'), org.admin.token, { teamId: globalId('Team', org.south.id) });
    expect((await response.json()).report.counts.imported).toBe(1);
    expect(await t.prisma.account.findFirstOrThrow({ where: { name: 'Southbound Ltd' } })).toMatchObject({ teamId: org.south.id });
  });

  it('takes a file of up to 20 MB and refuses a larger one with 413', async () => {
    const big = await post('/import/accounts', csv('Firma;Beschreibung', `Großdatei GmbH;${'x'.repeat(19 * 1024 * 1024)}`), org.northSales.token);
    expect(big.status).toBe(200);
    expect((await big.json()).report.rows[0].errors).toEqual([expect.objectContaining({ field: 'description', reason: 'TOO_LONG' })]);
    const tooBig = await post('/import/accounts', csv('Firma', 'x'.repeat(21 * 1024 * 1024)), org.northSales.token);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).errors[0].extensions.fieldErrors[0]).toMatchObject({ field: 'csv', reason: 'TOO_LARGE' });
  });

  it('answers a file or parameters it cannot use with field errors', async () => {
    const cases: Array<[Response, string, string]> = [
      [await post('/import/opportunities', csv('Betrag', '5'), org.northSales.token), 'mapping', 'REQUIRED'],
      [await post('/import/accounts', 'Firma\n"offen\n', org.northSales.token), 'csv', 'INVALID_CSV'],
      [await post('/import/accounts', csv('Firma', 'x'), org.northSales.token, { teamId: 'nonsense' }), 'teamId', 'INVALID_ID'],
      [await post('/import/accounts', csv('Firma', 'x'), org.northSales.token, { mapping: '{"name":0}' }), 'mapping', 'INVALID_FORMAT'],
      [await post('/import/accounts', csv('Firma', 'x'), org.northSales.token, { duplicatePolicy: 'OVERWRITE' }), 'duplicatePolicy', 'INVALID_VALUE'],
    ];
    for (const [response, field, reason] of cases) {
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].extensions.fieldErrors[0]).toMatchObject({ field, reason });
    }
  });
});

describe('refusals', () => {
  it('is refused without credentials, to read-only tokens and to SERVICE users, and writes nothing', async () => {
    const before = await t.prisma.opportunity.count();
    const anonymous = await post('/import/opportunities', OPPORTUNITIES);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const token of [await readOnlyAdminToken(t, org), org.service.token]) {
      for (const path of ['/import/opportunities', '/import/opportunities/preview', '/import/accounts']) {
        const response = await post(path, path.endsWith('accounts') ? csv('Firma', 'Service GmbH') : OPPORTUNITIES, token);
        expect(response.status, path).toBe(403);
        expect((await response.json()).errors[0].extensions.code).toBe('FORBIDDEN');
      }
    }
    expect(await t.prisma.opportunity.count()).toBe(before);
    expect(await t.prisma.account.count({ where: { name: 'Service GmbH' } })).toBe(0);
  });

  it('knows only its three kinds and POST', async () => {
    expect((await post('/import/tickets', csv('x', 'y'), org.northSales.token)).status).toBe(404);
    expect((await fetch(`${baseUrl}/import/accounts`, { headers: { authorization: `Bearer ${org.northSales.token}` } })).status).toBe(405);
  });
});
