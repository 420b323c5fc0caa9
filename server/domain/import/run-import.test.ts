import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../auth/authenticate.ts';
import type { Viewer } from '../../auth/viewer.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount, insertPipeline } from '../../test/sales-fixtures.ts';
import { countStatements } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import { previewImport, runImport, type ImportReport, type ImportRequest } from './run-import.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};

/** Domain events each committed batch handed over for publishing. */
const published: DomainEvent[] = [];
const importAs = (viewer: Viewer, request: ImportRequest) => runImport(prisma, viewer, request, { publish: (events) => published.push(...events) });

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const outcomes = (report: ImportReport) => report.rows.map((row) => [row.rowNumber, row.outcome]);
const errorsOfRow = (report: ImportReport, rowNumber: number) =>
  Object.fromEntries(report.rows.find((row) => row.rowNumber === rowNumber)!.errors.map((error) => [error.field, error.reason]));

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northManager', 'northSales', 'southSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  await prisma.tag.create({ data: { name: 'Messe' } });
  await prisma.source.create({ data: { name: 'Empfehlung' } });
  await insertPipeline(prisma, { name: 'Leads Inbound', kind: 'LEAD', stages: [{ name: 'Neu', probability: 10 }, { name: 'Qualifiziert', probability: 40 }] });
  await insertPipeline(prisma, { name: 'Großkunden', kind: 'DEAL', stages: [{ name: 'Angebot', probability: 60 }] });
});

afterAll(async () => {
  await database?.drop();
});

describe('importing accounts from German Excel', () => {
  const file = csv(
    '\uFEFFFirmenname;Rechtsform;PLZ;Ort;Land;Mitarbeiter;E-Mail;Telefon;Besitzer;Tags;Quelle',
    'Hafenkran Logistik;GmbH;20457;Hamburg;Deutschland;1.200;info@hafenkran.example;+49 40 123456;nils.sales@test.example;Messe;Empfehlung',
    'Alpenblick;AG;6020;Innsbruck;Österreich;45;;;;;',
    ';GmbH;10115;Berlin;DE;3;;;;;',
    'Kaputt & Co;;;;DE;viele;keine-mail;;;Unbekannt;',
    '"Nordlicht ""Solar""";KG;24103;Kiel;DE;12;;;;;',
  );

  it('imports the good rows, reports the bad ones per field, and writes nothing of them', async () => {
    const before = await prisma.account.count();
    const report = await importAs(viewers.northSales, { kind: 'ACCOUNTS', csv: file });
    expect(report.delimiter).toBe(';');
    expect(report.columns.map((column) => column.field?.key)).toEqual([
      'name', 'legalForm', 'postalCode', 'city', 'country', 'employees', 'email', 'phone', 'owner', 'tags', 'source',
    ]);
    expect(report.columns[0]).toEqual({ header: 'Firmenname', field: expect.objectContaining({ key: 'name' }), samples: ['Hafenkran Logistik', 'Alpenblick', 'Kaputt & Co'] });
    expect(outcomes(report)).toEqual([[2, 'IMPORTED'], [3, 'IMPORTED'], [4, 'FAILED'], [5, 'FAILED'], [6, 'IMPORTED']]);
    expect(report.counts).toEqual({ IMPORTED: 3, MERGED: 0, SKIPPED: 0, FAILED: 2 });
    expect(errorsOfRow(report, 4)).toEqual({ name: 'REQUIRED' });
    expect(errorsOfRow(report, 5)).toEqual({ employees: 'INVALID_NUMBER', tags: 'NOT_FOUND', email: 'INVALID_EMAIL' });
    expect(await prisma.account.count()).toBe(before + 3);

    const hafenkran = await prisma.account.findFirstOrThrow({ where: { name: 'Hafenkran Logistik' }, include: { tags: { include: { tag: true } }, source: true } });
    expect(hafenkran).toMatchObject({
      legalForm: 'GmbH', postalCode: '20457', city: 'Hamburg', country: 'DE', employees: 1200, email: 'info@hafenkran.example',
      ownerId: org.northSales.id, teamId: org.north.id, source: { name: 'Empfehlung' },
    });
    expect(hafenkran.tags.map((tag) => tag.tag.name)).toEqual(['Messe']);
    expect(await prisma.account.findFirstOrThrow({ where: { name: 'Alpenblick' } })).toMatchObject({ country: 'AT', employees: 45 });
    expect(await prisma.account.findFirst({ where: { name: 'Nordlicht "Solar"' } })).not.toBeNull();
    expect(report.rows[0].record).toEqual({ type: 'Account', id: hafenkran.id, label: 'Hafenkran Logistik' });
    expect(report.rows[0].cells).toContainEqual({ field: 'owner', value: 'Nils Sales' });
  });

  it('skips the same file a second time, row by row, naming the existing records', async () => {
    const report = await importAs(viewers.northSales, { kind: 'ACCOUNTS', csv: file });
    expect(outcomes(report)).toEqual([[2, 'SKIPPED'], [3, 'SKIPPED'], [4, 'FAILED'], [5, 'FAILED'], [6, 'SKIPPED']]);
    expect(report.rows[0].duplicateOf).toMatchObject({ type: 'Account', label: 'Hafenkran Logistik' });
    expect(await prisma.account.count({ where: { name: 'Hafenkran Logistik' } })).toBe(1);
  });

  it('merges into the existing record by filling only its empty fields', async () => {
    const report = await importAs(viewers.northSales, {
      kind: 'ACCOUNTS',
      duplicatePolicy: 'MERGE',
      csv: csv('Company;Postal code;Phone;Industry;City', 'Alpenblick AG;6020;+43 512 999;Tourismus;Salzburg'),
    });
    expect(outcomes(report)).toEqual([[2, 'MERGED']]);
    const merged = await prisma.account.findFirstOrThrow({ where: { name: 'Alpenblick' } });
    // Phone and industry were empty; the city was not and stays.
    expect(merged).toMatchObject({ phone: '+43 512 999', industry: 'Tourismus', city: 'Innsbruck' });
    expect(report.rows[0].record?.id).toBe(merged.id);
  });

  it('creates duplicates anyway when told to, and finds duplicates within the file', async () => {
    const again = await importAs(viewers.northSales, { kind: 'ACCOUNTS', duplicatePolicy: 'CREATE', csv: csv('Firma;PLZ', 'Alpenblick;6020') });
    expect(outcomes(again)).toEqual([[2, 'IMPORTED']]);
    expect(await prisma.account.count({ where: { name: 'Alpenblick' } })).toBe(2);

    const twice = await importAs(viewers.northSales, { kind: 'ACCOUNTS', csv: csv('Firma;E-Mail', 'Zwilling GmbH;a@zwilling.example', 'Zwilling Werke;A@Zwilling.example') });
    expect(outcomes(twice)).toEqual([[2, 'IMPORTED'], [3, 'SKIPPED']]);
    expect(twice.rows[1].duplicateOf).toEqual(twice.rows[0].record);
  });
});

describe('importing opportunities with their accounts and contacts', () => {
  it('creates account, contact and opportunity of a row together or not at all', async () => {
    const existing = await insertAccount(prisma, org.northSales, org.north.id, { name: 'Bestand AG' });
    await prisma.account.update({ where: { id: existing.id }, data: { normalizedName: 'bestand' } });
    const accountsBefore = await prisma.account.count();
    const file = csv(
      'Title,Company,First name,Last name,E-mail,Amount,Close date,Stage,Probability',
      'Fleet renewal,Bestand AG,Jana,Berg,jana@bestand.example,"1,234.50",2026-12-31,Qualifiziert,',
      'Warehouse robots,Neukunde KG,Olaf,Kran,,"99,00",31.12.2026,,50 %',
      'Second site,Neukunde,,,,500,15.01.2027,Neu,',
      'Broken amount,Geisterfirma GmbH,Eva,Geist,,zwölf,2026-12-31,,',
      'Unknown stage,Noch Eine GmbH,Udo,Stufe,,10,2026-12-31,Verhandlung,',
    );
    published.length = 0;
    const report = await importAs(viewers.northSales, { kind: 'OPPORTUNITIES', csv: file });
    expect(report.delimiter).toBe(',');
    expect(outcomes(report)).toEqual([[2, 'IMPORTED'], [3, 'IMPORTED'], [4, 'IMPORTED'], [5, 'FAILED'], [6, 'FAILED']]);
    expect(errorsOfRow(report, 5)).toEqual({ amount: 'INVALID_NUMBER' });
    expect(errorsOfRow(report, 6)).toEqual({ stage: 'NOT_FOUND' });
    // The failed rows' new accounts and contacts were rolled back with them.
    expect(await prisma.account.count({ where: { name: { in: ['Geisterfirma GmbH', 'Noch Eine GmbH'] } } })).toBe(0);
    expect(await prisma.contact.count({ where: { lastName: { in: ['Geist', 'Stufe'] } } })).toBe(0);
    // One new account, shared by the two rows that name it (legal form and spelling aside).
    expect(await prisma.account.count()).toBe(accountsBefore + 1);

    const fleet = await prisma.opportunity.findFirstOrThrow({ where: { title: 'Fleet renewal' }, include: { contact: true, stage: true } });
    expect(fleet).toMatchObject({ accountId: existing.id, ownerId: org.northSales.id, teamId: org.north.id, probability: 40, stage: { name: 'Qualifiziert' } });
    expect(fleet.amount.toString()).toBe('1234.5');
    expect(fleet.expectedCloseDate.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(fleet.contact).toMatchObject({ firstName: 'Jana', lastName: 'Berg', email: 'jana@bestand.example', accountId: existing.id });
    const robots = await prisma.opportunity.findFirstOrThrow({ where: { title: 'Warehouse robots' }, include: { account: true } });
    expect(robots).toMatchObject({ probability: 50, account: { name: 'Neukunde KG' } });
    expect(robots.amount.toString()).toBe('99');
    expect((await prisma.opportunity.findFirstOrThrow({ where: { title: 'Second site' } })).accountId).toBe(robots.accountId);

    expect(report.rows[1].linked).toEqual([
      { type: 'Account', id: robots.accountId, label: 'Neukunde KG', created: true },
      { type: 'Contact', id: robots.contactId, label: 'Olaf Kran', created: true },
    ]);
    expect(report.rows[2].linked).toEqual([{ type: 'Account', id: robots.accountId, label: 'Neukunde KG', created: false }]);
    expect(report.rows[0].record?.label).toMatch(/^OPP-\d+ Fleet renewal$/);
    // Board events for the three created opportunities, handed over after the commit.
    expect(published.filter((event) => event.type === 'OPPORTUNITY_CHANGED')).toHaveLength(3);

    const rerun = await importAs(viewers.northSales, { kind: 'OPPORTUNITIES', csv: file });
    expect(outcomes(rerun).slice(0, 3)).toEqual([[2, 'SKIPPED'], [3, 'SKIPPED'], [4, 'SKIPPED']]);
    expect(await prisma.opportunity.count({ where: { title: 'Fleet renewal' } })).toBe(1);
  });

  it('merges an opportunity by filling its empty fields', async () => {
    const report = await importAs(viewers.northSales, {
      kind: 'OPPORTUNITIES',
      duplicatePolicy: 'MERGE',
      csv: csv('Titel;Firma;Nächster Schritt;Betrag', 'Fleet renewal;Bestand AG;Angebot schicken;5000'),
    });
    expect(outcomes(report)).toEqual([[2, 'MERGED']]);
    const fleet = await prisma.opportunity.findFirstOrThrow({ where: { title: 'Fleet renewal' } });
    expect(fleet.nextStep).toBe('Angebot schicken');
    expect(fleet.amount.toString()).toBe('1234.5');
  });

  it('makes a row in a deal pipeline a deal, and finds the stage of a pipeline by name', async () => {
    const report = await importAs(viewers.northSales, {
      kind: 'OPPORTUNITIES',
      csv: csv('Titel;Firma;Pipeline;Phase;Besitzer', 'Großauftrag;Bestand AG;Großkunden;Angebot;nils sales', 'Nur Pipeline;Bestand AG;Großkunden;;'),
    });
    expect(outcomes(report)).toEqual([[2, 'IMPORTED'], [3, 'IMPORTED']]);
    expect(report.rows[0].cells).toContainEqual({ field: 'owner', value: 'Nils Sales' });
    const deal = await prisma.opportunity.findFirstOrThrow({ where: { title: 'Großauftrag' }, include: { stage: true, pipeline: true } });
    expect(deal).toMatchObject({ kind: 'DEAL', probability: 60, ownerId: org.northSales.id, stage: { name: 'Angebot' }, pipeline: { name: 'Großkunden' } });
    expect(await prisma.opportunity.findFirstOrThrow({ where: { title: 'Nur Pipeline' } })).toMatchObject({ kind: 'DEAL', stageId: deal.stageId });
  });

  it('says which account is meant when several have the name', async () => {
    await insertAccount(prisma, org.northSales, org.north.id, { name: 'Doppelt GmbH' }).then((account) =>
      prisma.account.update({ where: { id: account.id }, data: { normalizedName: 'doppelt', postalCode: '11111' } }),
    );
    await insertAccount(prisma, org.northSales, org.north.id, { name: 'Doppelt GmbH' }).then((account) =>
      prisma.account.update({ where: { id: account.id }, data: { normalizedName: 'doppelt', postalCode: '22222' } }),
    );
    const report = await importAs(viewers.northSales, {
      kind: 'OPPORTUNITIES',
      csv: csv('Titel;Firma;PLZ', 'Eins;Doppelt GmbH;', 'Zwei;Doppelt GmbH;22222'),
    });
    expect(outcomes(report)).toEqual([[2, 'FAILED'], [3, 'IMPORTED']]);
    expect(errorsOfRow(report, 2)).toEqual({ 'account.name': 'AMBIGUOUS' });
  });
});

describe('importing contacts', () => {
  it('links the account by name and creates a missing one in the viewer’s team', async () => {
    const report = await importAs(viewers.northSales, {
      kind: 'CONTACTS',
      csv: csv('Anrede;Vorname;Nachname;Firma;Geburtstag;E-Mail', 'Frau;Jana;Berg;Bestand AG;23.04.1980;', 'Herr;Tom;Neu;Kontaktlos GmbH;;tom@kontaktlos.example', ';Ohne;;Bestand AG;;'),
    });
    expect(outcomes(report)).toEqual([[2, 'SKIPPED'], [3, 'IMPORTED'], [4, 'FAILED']]);
    expect(errorsOfRow(report, 4)).toEqual({ lastName: 'REQUIRED' });
    const tom = await prisma.contact.findFirstOrThrow({ where: { lastName: 'Neu' }, include: { account: true } });
    expect(tom).toMatchObject({ salutation: 'Herr', teamId: org.north.id, account: { name: 'Kontaktlos GmbH', teamId: org.north.id } });
  });
});

describe('access', () => {
  it('refuses SERVICE users and read-only tokens before reading a row', async () => {
    const file = csv('Firma', 'Egal GmbH');
    await expect(importAs(viewers.service, { kind: 'ACCOUNTS', csv: file })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importAs(viewers.service, { kind: 'OPPORTUNITIES', csv: csv('Titel;Firma', 'x;y') })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importAs({ ...viewers.northManager, readOnly: true }, { kind: 'ACCOUNTS', csv: file })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.account.count({ where: { name: 'Egal GmbH' } })).toBe(0);
  });

  it('applies the rules of the viewer: sales own their records, nobody sees another team’s', async () => {
    await insertAccount(prisma, org.southSales, org.south.id, { name: 'Südwind Solar' }).then((account) =>
      prisma.account.update({ where: { id: account.id }, data: { normalizedName: 'suedwindsolar' } }),
    );
    const report = await importAs(viewers.northSales, {
      kind: 'OPPORTUNITIES',
      csv: csv('Titel;Firma;Besitzer', 'Fremd;Südwind Solar;', 'Verschenkt;Eigen GmbH;nina.sales@test.example'),
    });
    expect(outcomes(report)).toEqual([[2, 'IMPORTED'], [3, 'FAILED']]);
    // South's account is invisible to Nils: a new one is made in his team instead of linking to it.
    expect(report.rows[0].linked[0]).toMatchObject({ label: 'Südwind Solar', created: true });
    expect(await prisma.account.count({ where: { name: 'Südwind Solar', teamId: org.north.id } })).toBe(1);
    expect(errorsOfRow(report, 3)).toEqual({ owner: 'NOT_ALLOWED' });
  });

  it('needs a team for users of several teams, from a column or the import', async () => {
    const file = csv('Firma', 'Zweiteam GmbH');
    const without = await importAs(viewers.admin, { kind: 'ACCOUNTS', csv: file });
    expect(errorsOfRow(without, 2)).toEqual({ team: 'REQUIRED' });
    const withTeam = await importAs(viewers.admin, { kind: 'ACCOUNTS', csv: file, teamId: org.south.id });
    expect(outcomes(withTeam)).toEqual([[2, 'IMPORTED']]);
    expect(await prisma.account.findFirstOrThrow({ where: { name: 'Zweiteam GmbH' } })).toMatchObject({ teamId: org.south.id });
  });
});

describe('the file and its mapping', () => {
  it('refuses a mapping without the required fields, unknown fields and fields twice', async () => {
    const refused = await importAs(viewers.northSales, { kind: 'OPPORTUNITIES', csv: csv('Titel;Wert;Notiz', 'a;1;x'), mapping: ['title', 'amount', 'amount'] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.map((error) => [error.field, error.reason])).toEqual([
      ['mapping.2', 'DUPLICATE'],
      ['mapping', 'REQUIRED'],
    ]);
    const unknown = await importAs(viewers.northSales, { kind: 'ACCOUNTS', csv: csv('Firma', 'a'), mapping: ['stage'] }).catch((error: unknown) => error);
    expect((unknown as ValidationError).fieldErrors[0]).toMatchObject({ field: 'mapping.0', reason: 'INVALID_VALUE' });
  });

  it('uses a mapping given by the user instead of the headers', async () => {
    const report = await importAs(viewers.northSales, {
      kind: 'ACCOUNTS',
      csv: csv('Spalte A;Spalte B;Spalte C', 'Eigenbau GmbH;Bremen;ignoriert'),
      mapping: ['name', 'city', null],
    });
    expect(outcomes(report)).toEqual([[2, 'IMPORTED']]);
    expect(await prisma.account.findFirstOrThrow({ where: { name: 'Eigenbau GmbH' } })).toMatchObject({ city: 'Bremen', description: null });
  });

  it('counts rows as the spreadsheet does, across line breaks inside fields', async () => {
    const report = await importAs(viewers.northSales, {
      kind: 'ACCOUNTS',
      csv: csv('Firma;Beschreibung', 'Mehrzeilig GmbH;"erste Zeile', 'zweite Zeile"', ';leer', 'Danach GmbH;x'),
    });
    expect(outcomes(report)).toEqual([[2, 'IMPORTED'], [3, 'FAILED'], [4, 'IMPORTED']]);
    expect((await prisma.account.findFirstOrThrow({ where: { name: 'Mehrzeilig GmbH' } })).description).toBe('erste Zeile\r\nzweite Zeile');
  });
});

describe('preview', () => {
  it('shows what the first rows would become and writes nothing', async () => {
    const before = await prisma.account.count();
    const preview = await previewImport(prisma, viewers.northSales, {
      kind: 'ACCOUNTS',
      csv: csv('Firma;E-Mail;Mitarbeiter', 'Vorschau GmbH;vorschau@example.com;1.500', 'Hafenkran;INFO@hafenkran.example;', 'Schlecht;x;'),
    });
    expect(await prisma.account.count()).toBe(before);
    expect(outcomes(preview)).toEqual([[2, 'IMPORTED'], [3, 'SKIPPED'], [4, 'FAILED']]);
    expect(preview.rows[0].record).toEqual({ type: 'Account', id: null, label: 'Vorschau GmbH' });
    expect(preview.rows[0].cells).toEqual([
      { field: 'name', value: 'Vorschau GmbH' },
      { field: 'email', value: 'vorschau@example.com' },
      { field: 'employees', value: '1500' },
    ]);
    expect(preview.rows[1].duplicateOf?.id).toBeTruthy();
    expect(errorsOfRow(preview, 4)).toEqual({ email: 'INVALID_EMAIL' });
  });
  it('shows the columns of a file whose headers it does not know, so that they can be mapped', async () => {
    const preview = await previewImport(prisma, viewers.northSales, { kind: 'OPPORTUNITIES', csv: csv('Vorgang;Kunde XY;Summe', 'Neue Halle;Bau AG;5.000') });
    expect(preview.rows).toEqual([]);
    expect(preview.rowCount).toBe(1);
    expect(preview.columns.map((column) => [column.header, column.field?.key ?? null, column.samples])).toEqual([
      ['Vorgang', null, ['Neue Halle']],
      ['Kunde XY', null, ['Bau AG']],
      ['Summe', 'amount', ['5.000']],
    ]);
    expect(preview.mappingErrors.map((error) => [error.field, error.reason])).toEqual([
      ['mapping', 'REQUIRED'],
      ['mapping', 'REQUIRED'],
    ]);
  });
});

describe('batches', () => {
  it('costs the same statements for 20 rows as for 400', async () => {
    const rows = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, n) => `${prefix} ${n} GmbH;${10000 + n};Stadt ${n};${prefix}${n}@example.com`);
    const small = await countStatements(database.db, () =>
      importAs(viewers.northSales, { kind: 'ACCOUNTS', csv: csv('Firma;PLZ;Ort;E-Mail', ...rows(20, 'Klein')) }),
    );
    const large = await countStatements(database.db, () =>
      importAs(viewers.northSales, { kind: 'ACCOUNTS', csv: csv('Firma;PLZ;Ort;E-Mail', ...rows(400, 'Gross')) }),
    );
    expect(large.result.counts.IMPORTED).toBe(400);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('fails only the row the database refuses, when no rule foresaw it', async () => {
    await prisma.$executeRawUnsafe(`ALTER TABLE "Account" ADD CONSTRAINT test_no_forbidden_name CHECK ("name" <> 'Verboten GmbH')`);
    try {
      const report = await importAs(viewers.northSales, { kind: 'ACCOUNTS', csv: csv('Firma', 'Erlaubt Eins', 'Verboten GmbH', 'Erlaubt Zwei') });
      expect(outcomes(report)).toEqual([[2, 'IMPORTED'], [3, 'FAILED'], [4, 'IMPORTED']]);
      expect(errorsOfRow(report, 3)).toEqual({ '': 'NOT_SAVED' });
      expect(await prisma.account.count({ where: { name: { startsWith: 'Erlaubt' } } })).toBe(2);
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE "Account" DROP CONSTRAINT test_no_forbidden_name`);
    }
  });
});
