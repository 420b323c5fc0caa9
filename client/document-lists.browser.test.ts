import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildClient, chromiumMissing, launchChromium, PHONE, requireChromium, signInWith } from './test/browser.ts';
import { buildApp, type App } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import type { PrismaClient } from '../server/generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../server/test/fixtures.ts';
import { insertAccount } from '../server/test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../server/test/test-database.ts';

// The quote, order and invoice lists are the shared list table (ListTable): a table with its
// columns at 1280 px, a card per document at 375 px (the number as the card's title, the other
// cells labelled by their column), and the number opens the document either way.

requireChromium('document lists in the browser');

const INVOICE_COLUMNS = ['Number', 'Title', 'Account', 'Status', 'Date', 'Due · outstanding', 'Owner', 'Gross'];

describe.skipIf(chromiumMissing)('document lists in the browser', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let org: Organisation;
  let app: App;
  let baseUrl: string;
  let clientDir: string;
  let browser: Browser;
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  const { signedIn } = signInWith(() => ({ browser, baseUrl }), { contexts, pageErrors });

  beforeAll(async () => {
    clientDir = await mkdtemp(path.join(os.tmpdir(), 'crm-client-'));
    await buildClient(clientDir);
    database = await createTestDatabase();
    prisma = database.db.prisma;
    org = await createOrganisation(prisma);
    const account = await insertAccount(prisma, org.northSales, org.north.id, { name: 'Hafenkran AG' });
    for (const number of ['INV-2026-0201', 'INV-2026-0202']) {
      await prisma.invoice.create({
        data: {
          number, title: `Wartung ${number}`, accountId: account.id, ownerId: org.northSales.id, teamId: org.north.id, recipientName: 'Hafenkran AG',
          issueDate: new Date('2026-01-05'), dueDate: new Date('2999-01-19'), netAmount: '1000.00', taxAmount: '190.00', grossAmount: '1190.00', paidAmount: '0',
        },
      });
    }
    app = buildApp({ db: database.db, config: { ...readConfig({}), clientDir } });
    ({ url: baseUrl } = await app.start(0, '127.0.0.1'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await database?.drop();
    if (clientDir) await rm(clientDir, { recursive: true, force: true });
  });

  async function openInvoiceList(page: Page) {
    await page.goto('/invoices');
    const table = page.getByRole('table', { name: 'Invoices' });
    await expect.poll(() => table.locator('.document-number').allTextContents()).toEqual(['INV-2026-0202', 'INV-2026-0201']);
    return table;
  }

  async function expectNumberOpensInvoice(page: Page, number: string) {
    await page.getByRole('link', { name: number, exact: true }).click();
    await page.waitForURL('**/invoices/*');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`${number} · Wartung ${number}`);
  }

  test('at 1280 px the invoices are rows of a table with its column headings', async () => {
    const page = await signedIn(org.northSales);
    const table = await openInvoiceList(page);
    expect((await table.locator('thead').boundingBox())!.height).toBeGreaterThan(1);
    expect(await table.locator('thead th').allTextContents()).toEqual(INVOICE_COLUMNS);
    const cells = table.locator('tbody tr').first().locator('td');
    const [number, title] = [(await cells.nth(0).boundingBox())!, (await cells.nth(1).boundingBox())!];
    // Side by side on one line.
    expect(title.x).toBeGreaterThanOrEqual(number.x + number.width);
    expect(title.y).toBe(number.y);
    expect((await cells.allTextContents()).map((text) => text.replace(/\u00a0/g, ' '))).toEqual([
      'INV-2026-0202', 'Wartung INV-2026-0202', 'Hafenkran AG', 'Open', 'Jan 5, 2026', 'Jan 19, 2999 · €1,190.00', 'Nils Sales', '€1,190.00',
    ]);
    await expectNumberOpensInvoice(page, 'INV-2026-0202');
  });

  test('at 375 px each invoice is a card: its number as the title, the other cells labelled by their column', async () => {
    const page = await signedIn(org.northSales, { viewport: PHONE });
    const table = await openInvoiceList(page);
    // The headings stay for screen readers, clipped to a pixel.
    expect((await table.locator('thead').boundingBox())!.height).toBeLessThanOrEqual(1);
    const card = table.locator('tbody tr').first();
    expect((await card.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
    const cells = card.locator('td');
    const [number, title] = [(await cells.nth(0).boundingBox())!, (await cells.nth(1).boundingBox())!];
    // One under the other.
    expect(title.y).toBeGreaterThanOrEqual(number.y + number.height);
    expect(await cells.nth(0).getAttribute('data-label')).toBeNull();
    expect(await cells.evaluateAll((tds) => tds.slice(1).map((td) => td.getAttribute('data-label')))).toEqual(INVOICE_COLUMNS.slice(1));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await expectNumberOpensInvoice(page, 'INV-2026-0202');
  });

  test('the pages logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
