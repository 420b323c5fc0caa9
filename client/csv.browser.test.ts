import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumMissing, followNav, requireChromium, signInWith, useBrowserApp } from './test/browser.ts';
import { seedPipelines } from './test/pipeline-fixture.ts';
import { normalizeCompanyName } from '../server/domain/normalize.ts';
import { type TestUser } from '../server/test/fixtures.ts';

// CSV import and export in Chromium against the real server: a German Excel file with three good
// and two bad opportunity rows goes through mapping, preview and import, and the report says what
// happened to each row; a file with an unknown header is mapped by hand; the filtered account list
// is downloaded as CSV in English and in German, the searched contacts and the overdue activities
// as those lists show them.

requireChromium('CSV import and export in the browser');

const csv = (...lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

describe.skipIf(chromiumMissing)('CSV import and export in the browser', () => {
  const suite = useBrowserApp(async ({ prisma, org }) => {
    const account = (name: string, city: string, user: TestUser, teamId: string) =>
      prisma.account.create({ data: { name, normalizedName: normalizeCompanyName(name), city, ownerId: user.id, teamId } });
    await seedPipelines(prisma, org);
    await account('Nordwind Energie', 'Kiel', org.northSales, org.north.id);
    await account('Bergbau Harz', 'Goslar', org.northSales, org.north.id);
    await account('Nordstern Süd', 'München', org.southSales, org.south.id);
  });
  const { signedIn } = signInWith(() => suite, suite);
  const { pageErrors } = suite;


  const rows = (page: Page) => page.getByTestId('import-row');
  const outcomes = (page: Page) => rows(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-outcome')));

  test('imports a German Excel file of opportunities: 3 good rows, 2 bad ones, each reported', async () => {
    const page = await signedIn(suite.org.northSales, { locale: 'en-US', acceptDownloads: true });
    await followNav(page, 'Customers', 'Import');
    await page.waitForURL('**/import');
    await page.getByLabel('Opportunities').check();
    await page.locator('#import-file').setInputFiles({
      name: 'deals.csv',
      mimeType: 'text/csv',
      buffer: csv(
        'Titel;Firma;Vorname;Nachname;E-Mail;Betrag;Abschlussdatum;Phase',
        'Neue Förderanlage;Nordlicht Logistik;Jana;Berg;jana@nordlicht.example;12.500,00;31.12.2026;Qualified',
        'Wartungsvertrag;Hafenkran GmbH;;;;1.234,50;15.01.2027;New',
        'Ersatzteile;Hafenkran GmbH;Olaf;Kai;;99,90;2027-02-28;',
        'Kaputter Betrag;Geisterfirma GmbH;;;;zwölf;31.12.2026;New',
        'Falsche Phase;Nordlicht Logistik;;;;100;31.12.2026;Verhandlung',
      ),
    });

    // German headers are mapped by themselves; the preview says what each row would become.
    await expect.poll(() => outcomes(page)).toEqual(['IMPORTED', 'IMPORTED', 'IMPORTED', 'FAILED', 'FAILED']);
    expect(await page.getByLabel('Field for the column Betrag').inputValue()).toBe('amount');
    expect(await page.getByLabel('Field for the column Abschlussdatum').inputValue()).toBe('expectedCloseDate');
    expect(await rows(page).first().textContent()).toContain('12500.00');
    expect(await suite.prisma.opportunity.count()).toBe(0);

    await page.getByRole('button', { name: 'Import 5 rows' }).click();
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toBe('3 imported, 0 merged, 0 skipped, 2 failed');
    expect(await outcomes(page)).toEqual(['IMPORTED', 'IMPORTED', 'IMPORTED', 'FAILED', 'FAILED']);

    await page.getByLabel('Only rows with errors').check();
    await expect.poll(() => rows(page).count()).toBe(2);
    const problems = await page.getByTestId('row-errors').allTextContents();
    expect(problems).toEqual(['Amount: “zwölf” Not a number: write it like 1.234,50 or 1,234.50.', 'Stage: “Verhandlung” There is no such entry.']);
    expect(await rows(page).locator('td:first-child').allTextContents()).toEqual(['5', '6']);

    // Nothing of the failed rows was written; the good ones are linked.
    expect(await suite.prisma.opportunity.count()).toBe(3);
    expect(await suite.prisma.account.count({ where: { name: 'Geisterfirma GmbH' } })).toBe(0);
    await page.getByLabel('Only rows with errors').uncheck();
    await page.getByRole('link', { name: /^OPP-\d+ Neue Förderanlage$/ }).click();
    await page.waitForURL(/\/opportunities\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Neue Förderanlage');
  });

  test('a column the import does not recognise is mapped by hand before the import', async () => {
    const page = await signedIn(suite.org.northSales, { locale: 'en-US', acceptDownloads: true });
    await page.goto('/import');
    await page.locator('#import-file').setInputFiles({
      name: 'firmen.csv',
      mimeType: 'text/csv',
      buffer: csv('Unternehmensname;Ort', 'Polarstern Software;Bremen'),
    });
    await expect.poll(() => page.getByTestId('mapping-missing').textContent()).toContain('Company');
    expect(await page.getByRole('button', { name: 'Import 1 row' }).isDisabled()).toBe(true);
    await page.getByLabel('Field for the column Unternehmensname').selectOption('name');
    await expect.poll(() => outcomes(page)).toEqual(['IMPORTED']);
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toBe('1 imported, 0 merged, 0 skipped, 0 failed');
    expect(await suite.prisma.account.findFirstOrThrow({ where: { name: 'Polarstern Software' } })).toMatchObject({ city: 'Bremen', teamId: suite.org.north.id });
  });

  test('exports the searched account list as the list shows it, in English and in German', async () => {
    const page = await signedIn(suite.org.northSales, { locale: 'en-US', acceptDownloads: true });
    await page.getByLabel('Search accounts').fill('nord');
    await expect.poll(() => page.getByTestId('account-count').textContent()).toBe('2 accounts');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
    const english = await readFile(await download.path());
    expect(parse(english, { bom: true })).toEqual([
      ['Company', 'Legal form', 'City', 'Country', 'Status', 'Owner', 'Contacts'],
      ['Nordlicht Logistik', '', 'Hamburg', 'DE', 'Prospect', 'Nils Sales', '1'],
      ['Nordwind Energie', '', 'Kiel', 'DE', 'Prospect', 'Nils Sales', '0'],
    ]);

    const german = await signedIn(suite.org.northManager, { locale: 'de-DE', acceptDownloads: true });
    await german.getByLabel('Firmen suchen').fill('nord');
    await expect.poll(() => german.getByTestId('account-count').textContent()).toBe('2 Firmen');
    const [germanDownload] = await Promise.all([german.waitForEvent('download'), german.getByRole('button', { name: 'CSV exportieren' }).click()]);
    const bytes = await readFile(await germanDownload.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Firma;Rechtsform;Ort;Land;Status;Besitzer;Kontakte');
    expect(lines.slice(1, 3)).toEqual(['Nordlicht Logistik;;Hamburg;DE;Prospect;Nils Sales;1', 'Nordwind Energie;;Kiel;DE;Prospect;Nils Sales;0']);
  });

  test('exports the searched contact list and the overdue activities as the lists show them', async () => {
    const nordwind = await suite.prisma.account.findFirstOrThrow({ where: { name: 'Nordwind Energie' } });
    const person = (firstName: string, lastName: string, user: TestUser, teamId: string, accountId: string | null) =>
      suite.prisma.contact.create({ data: { firstName, lastName, city: 'Kiel', accountId, ownerId: user.id, teamId } });
    await person('Hanna', 'Ostwald', suite.org.northSales, suite.org.north.id, nordwind.id);
    await person('Olaf', 'Osterloh', suite.org.northSales, suite.org.north.id, null);
    await person('Otto', 'Ostmann', suite.org.southSales, suite.org.south.id, null);
    const day = 86_400_000;
    const task = (subject: string, dueAt: Date, doneAt: Date | null = null) =>
      suite.prisma.activity.create({
        data: { type: 'TASK', subject, accountId: nordwind.id, dueAt, doneAt, assigneeId: suite.org.northSales.id, createdById: suite.org.northSales.id, teamId: suite.org.north.id },
      });
    await task('Overdue ramp check', new Date(Date.now() - 2 * day));
    await task('Future ramp check', new Date(Date.now() + 2 * day));
    await task('Done ramp check', new Date(Date.now() - 3 * day), new Date(Date.now() - 3 * day));
    const download = async (page: Page) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      const [header, ...records] = parse(await readFile(await file.path()), { bom: true }) as string[][];
      return { filename: file.suggestedFilename(), header, records: records.map((record) => Object.fromEntries(header.map((label, index) => [label, record[index]]))) };
    };

    // The contacts searched for "ost": the north team's two, by last name; the south team's not.
    const page = await signedIn(suite.org.northSales, { locale: 'en-US', acceptDownloads: true });
    await followNav(page, 'Customers', 'Contacts');
    await page.getByLabel('Search contacts').fill('ost');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('ost');
    await expect.poll(() => page.getByRole('link', { name: /Ost/ }).allTextContents()).toEqual(['Olaf Osterloh', 'Hanna Ostwald']);
    const contacts = await download(page);
    expect(contacts.filename).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(contacts.header.slice(0, 3)).toEqual(['First name', 'Last name', 'Company']);
    expect(contacts.records.map((record) => [record['First name'], record['Last name'], record.Company, record.City])).toEqual([
      ['Olaf', 'Osterloh', '', 'Kiel'],
      ['Hanna', 'Ostwald', 'Nordwind Energie', 'Kiel'],
    ]);

    // My overdue activities: only the overdue task, not the future or the done one.
    await page.goto('/activities?status=overdue');
    await expect.poll(() => page.getByTestId('activity-row').allTextContents()).toEqual([expect.stringContaining('Overdue ramp check')]);
    const activities = await download(page);
    expect(activities.filename).toMatch(/^activities-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(activities.records.map((record) => [record.Type, record.Subject, record.Company, record.Status])).toEqual([['Task', 'Overdue ramp check', 'Nordwind Energie', 'Overdue']]);
  });

  test('the overdue invoices are downloaded as the invoice list shows them, in German', async () => {
    const customer = await suite.prisma.account.create({
      data: { name: 'Rechnung Nord', normalizedName: normalizeCompanyName('Rechnung Nord'), ownerId: suite.org.northSales.id, teamId: suite.org.north.id },
    });
    const south = await suite.prisma.account.create({
      data: { name: 'Rechnung Süd', normalizedName: normalizeCompanyName('Rechnung Süd'), ownerId: suite.org.southSales.id, teamId: suite.org.south.id },
    });
    const invoice = (number: string, owner: TestUser, teamId: string, accountId: string, dueDate: string, paidAmount: string) =>
      suite.prisma.invoice.create({
        data: {
          number, title: `Wartung ${number}`, accountId, ownerId: owner.id, teamId, recipientName: 'Empfänger',
          issueDate: new Date('2026-01-05'), dueDate: new Date(dueDate), netAmount: '1000.00', taxAmount: '190.00', grossAmount: '1190.00', paidAmount,
        },
      });
    await invoice('INV-2026-0101', suite.org.northSales, suite.org.north.id, customer.id, '2026-01-19', '190.00');
    await invoice('INV-2026-0102', suite.org.northSales, suite.org.north.id, customer.id, '2999-01-19', '0');
    await invoice('INV-2026-0103', suite.org.southSales, suite.org.south.id, south.id, '2026-01-19', '0');

    const page = await signedIn(suite.org.northSales, { locale: 'de-DE', acceptDownloads: true });
    await page.goto('/invoices?overdue=1');
    await expect.poll(() => page.locator('.document-number').allTextContents()).toEqual(['INV-2026-0101']);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV exportieren' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(await readFile(await file.path()), { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toEqual([
      ['Nummer', 'Titel', 'Firma', 'Status', 'Rechnungsdatum', 'Fällig am', 'Offener Betrag', 'Besitzer', 'Brutto'],
      ['INV-2026-0101', 'Wartung INV-2026-0101', 'Rechnung Nord', 'Offen', '05.01.2026', '19.01.2026', '1000,00', 'Nils Sales', '1190,00'],
    ]);
  });

  test('the pages logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
