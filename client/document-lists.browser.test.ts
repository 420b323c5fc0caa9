import { type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumMissing, PHONE, requireChromium, signInWith, useBrowserApp } from './test/browser.ts';
import { insertAccount } from '../server/test/sales-fixtures.ts';

// The quote, order and invoice lists are the shared list table (ListTable): a table with its
// columns at 1280 px, a card per document at 375 px (the number as the card's title, the other
// cells labelled by their column), and the number opens the document either way.

requireChromium('document lists in the browser');

const INVOICE_COLUMNS = ['Number', 'Title', 'Account', 'Status', 'Date', 'Due · outstanding', 'Owner', 'Gross'];

describe.skipIf(chromiumMissing)('document lists in the browser', () => {
  const suite = useBrowserApp(async ({ prisma, org }) => {
    const account = await insertAccount(prisma, org.northSales, org.north.id, { name: 'Hafenkran AG' });
    for (const number of ['INV-2026-0201', 'INV-2026-0202']) {
      await prisma.invoice.create({
        data: {
          number, title: `Wartung ${number}`, accountId: account.id, ownerId: org.northSales.id, teamId: org.north.id, recipientName: 'Hafenkran AG',
          issueDate: new Date('2026-01-05'), dueDate: new Date('2999-01-19'), netAmount: '1000.00', taxAmount: '190.00', grossAmount: '1190.00', paidAmount: '0',
        },
      });
    }
  });
  const { signedIn } = signInWith(() => suite, suite);
  const { pageErrors } = suite;

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
    const page = await signedIn(suite.org.northSales);
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
    const page = await signedIn(suite.org.northSales, { viewport: PHONE });
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
