import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlyAdminToken } from '../../test/admin-access.ts';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertPipeline } from '../../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let org: Organisation;

const REPORT = /* GraphQL */ `
  fragment Report on ImportReport {
    kind
    delimiter
    rowCount
    counts { imported merged skipped failed }
    columns { header samples field { key label(language: "de") required } }
    rows {
      rowNumber
      outcome
      errors { field reason message }
      cells { field value }
      record { type id label }
      duplicateOf { type id label }
      linked { type id label created }
    }
  }
`;
const IMPORT = /* GraphQL */ `
  mutation Import($input: ImportInput!) {
    importRecords(input: $input) {
      __typename
      ... on ImportRecordsSuccess { report { ...Report } }
      ... on ValidationError { fieldErrors { field reason message } }
    }
  }
  ${REPORT}
`;
const PREVIEW = /* GraphQL */ `
  mutation Preview($input: ImportInput!) {
    previewImport(input: $input) {
      __typename
      ... on PreviewImportSuccess { report { ...Report } }
      ... on ValidationError { fieldErrors { field reason message } }
    }
  }
  ${REPORT}
`;

const csv = (...lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
const OPPORTUNITIES = csv(
  'Titel;Firma;Vorname;Nachname;Betrag;Abschlussdatum;Phase',
  'Neue Linie;Kranbau Nord GmbH;Jana;Berg;1.234,50;31.12.2026;Neu',
  'Wartung;Kranbau Nord GmbH;;;800;15.01.2027;Qualifiziert',
  'Ersatzteile;Hafen AG;Olaf;Kai;99,90;2027-02-28;',
  'Ohne Firma;;;;500;31.12.2026;',
  'Falsches Datum;Hafen AG;;;100;31.02.2027;Neu',
);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  await insertPipeline(t.prisma, { name: 'Leads', kind: 'LEAD', stages: [{ name: 'Neu', probability: 10 }, { name: 'Qualifiziert', probability: 40 }] });
});
afterAll(() => t.close());

describe('importRecords', () => {
  it('imports 3 good rows, reports 2 bad ones by field, and links to what it created', async () => {
    const response = await t.graphql(IMPORT, { input: { kind: 'OPPORTUNITIES', csv: OPPORTUNITIES } }, org.northSales.token);
    expect(response.errors).toBeUndefined();
    const result = response.data.importRecords;
    expect(result.__typename).toBe('ImportRecordsSuccess');
    const { report } = result;
    expect(report).toMatchObject({ kind: 'OPPORTUNITIES', delimiter: ';', rowCount: 5, counts: { imported: 3, merged: 0, skipped: 0, failed: 2 } });
    expect(report.columns.map((column: any) => column.field?.label)).toEqual(['Titel', 'Firma', 'Vorname', 'Nachname', 'Betrag', 'Abschlussdatum', 'Phase']);
    expect(report.rows.map((row: any) => row.outcome)).toEqual(['IMPORTED', 'IMPORTED', 'IMPORTED', 'FAILED', 'FAILED']);
    expect(report.rows[3].errors).toEqual([{ field: 'account.name', reason: 'REQUIRED', message: 'This field is required.' }]);
    expect(report.rows[4].errors).toEqual([{ field: 'expectedCloseDate', reason: 'INVALID_DATE', message: '31.02.2027 is not a day of the calendar.' }]);
    expect(report.rows[0].cells).toContainEqual({ field: 'amount', value: '1234.50' });
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

  it('reports a file without the required columns as a validation error', async () => {
    const response = await t.graphql(IMPORT, { input: { kind: 'OPPORTUNITIES', csv: csv('Betrag', '5') } }, org.northSales.token);
    expect(response.data.importRecords.__typename).toBe('ValidationError');
    expect(response.data.importRecords.fieldErrors.map((error: any) => [error.field, error.reason])).toEqual([
      ['mapping', 'REQUIRED'],
      ['mapping', 'REQUIRED'],
    ]);
    const broken = await t.graphql(IMPORT, { input: { kind: 'ACCOUNTS', csv: 'Firma\n"offen\n' } }, org.northSales.token);
    expect(broken.data.importRecords.fieldErrors[0]).toMatchObject({ field: 'csv', reason: 'INVALID_CSV' });
    const badTeam = await t.graphql(IMPORT, { input: { kind: 'ACCOUNTS', csv: csv('Firma', 'x'), teamId: 'nonsense' } }, org.northSales.token);
    expect(badTeam.data.importRecords.fieldErrors[0]).toMatchObject({ field: 'teamId', reason: 'INVALID_ID' });
  });

  it('takes a file of almost 10 MB through the API', async () => {
    const description = 'x'.repeat(9 * 1024 * 1024);
    const response = await t.graphql(IMPORT, { input: { kind: 'ACCOUNTS', csv: csv('Firma;Beschreibung', `Großdatei GmbH;${description}`) } }, org.northSales.token);
    expect(response.errors).toBeUndefined();
    expect(response.data.importRecords.report.rows[0].errors).toEqual([{ field: 'description', reason: 'TOO_LONG', message: 'At most 5000 characters.' }]);
  });

  it('is refused without credentials, to read-only tokens and to SERVICE users, and writes nothing', async () => {
    const before = await t.prisma.opportunity.count();
    const input = { kind: 'OPPORTUNITIES', csv: OPPORTUNITIES };
    expect((await t.graphql(IMPORT, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const readOnly = await readOnlyAdminToken(t, org);
    for (const token of [readOnly, org.service.token]) {
      const response = await t.graphql(IMPORT, { input }, token);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.data?.importRecords ?? null).toBeNull();
    }
    const serviceAccounts = await t.graphql(IMPORT, { input: { kind: 'ACCOUNTS', csv: csv('Firma', 'Service GmbH') } }, org.service.token);
    expect(serviceAccounts.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await t.prisma.opportunity.count()).toBe(before);
    expect(await t.prisma.account.count({ where: { name: 'Service GmbH' } })).toBe(0);
  });

  it('places the records of a user of several teams in the team chosen for the import', async () => {
    const response = await t.graphql(
      IMPORT,
      { input: { kind: 'ACCOUNTS', csv: csv('Company;City', 'Southbound Ltd;Munich'), teamId: globalId('Team', org.south.id) } },
      org.admin.token,
    );
    expect(response.data.importRecords.report.counts.imported).toBe(1);
    expect(await t.prisma.account.findFirstOrThrow({ where: { name: 'Southbound Ltd' } })).toMatchObject({ teamId: org.south.id });
  });
});

describe('previewImport', () => {
  it('shows the mapping and what the first rows would become, and writes nothing', async () => {
    const before = await t.prisma.opportunity.count();
    const response = await t.graphql(PREVIEW, { input: { kind: 'OPPORTUNITIES', csv: OPPORTUNITIES } }, org.northSales.token);
    const { report } = response.data.previewImport;
    expect(await t.prisma.opportunity.count()).toBe(before);
    // Imported above already: the same rows are duplicates now, and name the existing records.
    expect(report.rows.map((row: any) => row.outcome)).toEqual(['SKIPPED', 'SKIPPED', 'SKIPPED', 'FAILED', 'FAILED']);
    expect(report.rows[0].duplicateOf.id).toBeTruthy();
    expect(report.columns[4]).toEqual({ header: 'Betrag', samples: ['1.234,50', '800', '99,90'], field: { key: 'amount', label: 'Betrag', required: false } });

    const fresh = await t.graphql(
      PREVIEW,
      { input: { kind: 'OPPORTUNITIES', csv: csv('A;B;C', 'Neu hier;Frisch GmbH;1.000'), mapping: ['title', 'account.name', 'amount'] } },
      org.northSales.token,
    );
    expect(fresh.data.previewImport.report.rows[0]).toMatchObject({
      outcome: 'IMPORTED',
      record: { type: 'Opportunity', id: null },
      linked: [{ type: 'Account', id: null, label: 'Frisch GmbH', created: true }],
    });
    expect(await t.prisma.account.count({ where: { name: 'Frisch GmbH' } })).toBe(0);
  });

  it('is refused to read-only tokens like the import', async () => {
    const response = await t.graphql(PREVIEW, { input: { kind: 'ACCOUNTS', csv: csv('Firma', 'x') } }, await readOnlyAdminToken(t, org));
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('importFields', () => {
  it('lists the fields of a kind with their labels', async () => {
    const response = await t.graphql('{ importFields(kind: CONTACTS) { key label(language: "de") required } }', {}, org.northSales.token);
    expect(response.data.importFields).toContainEqual({ key: 'lastName', label: 'Nachname', required: true });
    expect(response.data.importFields).toContainEqual({ key: 'account.name', label: 'Firma', required: false });
    expect((await t.graphql('{ importFields(kind: ACCOUNTS) { key } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
