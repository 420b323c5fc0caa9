import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, fieldError, requireChromium, useBrowserApp } from './test/browser.ts';
import { TEST_PASSWORD } from '../server/test/fixtures.ts';
import { insertAccount, insertOpportunity, insertPipeline } from '../server/test/sales-fixtures.ts';

// From an opportunity to the money, in the built client against the real server, through
// Chromium: quote (with a field error first) -> sent -> accepted with its order -> delivered ->
// invoice -> paid in full; the print view; and a won opportunity offering the order of its
// accepted quote.

requireChromium('billing in the browser');

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

describe.skipIf(chromiumMissing)('billing in the browser', () => {
  const suite = useBrowserApp(async ({ prisma, org }) => {
    await prisma.organisationSettings.upsert({
      where: { id: 1 },
      create: { id: 1, companyName: 'Nordlicht Maschinenbau GmbH', city: 'Kiel', iban: 'DE89370400440532013000' },
      update: { companyName: 'Nordlicht Maschinenbau GmbH', city: 'Kiel', iban: 'DE89370400440532013000' },
    });
    const pipeline = await insertPipeline(prisma, { name: 'Deals', kind: 'DEAL', probabilities: [40, 80] });
    const account = await insertAccount(prisma, org.northSales, org.north.id, { name: 'Hafenkran AG' });
    const machine = await prisma.product.create({ data: { sku: 'VM-7', name: 'Verpackungsmaschine VM-7', unit: 'Stk.', unitPrice: '74500.00' } });
    const opportunity = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, accountId: account.id, pipeline, title: 'Neue Verpackungslinie' });
    await prisma.opportunityLine.create({ data: { opportunityId: opportunity.id, productId: machine.id, position: 0, description: 'Verpackungsmaschine VM-7', quantity: '2', unitPrice: '74500.00', discountPercent: '10' } });
    await prisma.opportunity.update({ where: { id: opportunity.id }, data: { amount: '134100.00' } });
    opportunityId = globalId('Opportunity', opportunity.id);
    const second = await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id, accountId: account.id, pipeline, title: 'Ersatzteilpaket' });
    secondOpportunityId = globalId('Opportunity', second.id);
  });
  const { pageErrors } = suite;
  let page: Page;
  let opportunityId: string;
  let secondOpportunityId: string;

  beforeAll(async () => {
    page = await suite.newPage({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
    await page.goto('/accounts');
    await page.waitForURL('**/login');
    await page.getByLabel(/^E-mail/).fill(suite.org.northSales.email);
    await page.getByLabel(/^Password/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/accounts');
  });

  const status = () => page.getByTestId('document-status').first().textContent();
  /** Text with the no-break spaces of formatted amounts as plain ones. */
  const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.replace(/\u00a0/g, ' ');

  test('quote -> order -> invoice -> paid, starting from the opportunity', async () => {
    await page.goto(`/opportunities/${encodeURIComponent(opportunityId)}`);
    const documents = page.getByTestId('opportunity-documents');
    await documents.getByRole('link', { name: 'New quote' }).click();

    // The form starts from the opportunity's lines; a blank title is refused by the server at its field.
    await page.getByLabel(/^Title/).waitFor();
    expect(await page.getByLabel('Description 1').inputValue()).toBe('Verpackungsmaschine VM-7');
    await page.getByLabel(/^Title/).fill('   ');
    await page.getByRole('button', { name: 'Create quote' }).click();
    expect(await fieldError(page, 'Title')).toBe('Enter a title.');
    await page.getByLabel(/^Title/).fill('Angebot Verpackungslinie');
    await page.getByRole('button', { name: 'Create quote' }).click();

    await page.waitForURL('**/quotes/*');
    await expect.poll(status).toBe('Draft');
    expect(await text('document-gross')).toBe('€159,579.00');
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await expect.poll(status).toBe('Sent');
    await page.getByRole('button', { name: 'Accept and create order' }).click();
    await expect.poll(status).toBe('Accepted');

    await page.getByRole('link', { name: /^ORD-\d{4}-\d{4}$/ }).click();
    await page.waitForURL('**/orders/*');
    await expect.poll(status).toBe('Open');
    await page.getByRole('button', { name: 'Mark as delivered' }).click();
    await expect.poll(status).toBe('Delivered');
    await page.getByRole('link', { name: 'Create invoice' }).click();
    await page.getByRole('button', { name: 'Issue invoice' }).click();

    await page.waitForURL('**/invoices/*');
    await expect.poll(status).toBe('Open');
    expect(await text('invoice-outstanding')).toBe('€159,579.00');
    await page.getByRole('button', { name: 'Paid in full' }).click();
    await expect.poll(status).toBe('Paid');
    expect(await text('invoice-outstanding')).toBe('€0.00');
    expect(await page.getByTestId('document-history').textContent()).toContain('paid in full');

    // The printable invoice with the letterhead.
    await page.getByRole('link', { name: 'Print view' }).click();
    const sheet = page.getByTestId('printed-document');
    await sheet.waitFor();
    const printed = (await sheet.textContent())?.replace(/\u00a0/g, ' ');
    expect(printed).toMatch(/Rechnung INV-\d{4}-\d{4}/);
    expect(printed).toContain('Nordlicht Maschinenbau GmbH');
    expect(printed).toContain('Gesamtbetrag159.579,00 €');

    // Back on the opportunity, all three are there with their status.
    await page.goto(`/opportunities/${encodeURIComponent(opportunityId)}`);
    await expect.poll(() => documents.textContent()).toMatch(/QUO-\d{4}-\d{4}\s*Accepted[\s\S]*ORD-\d{4}-\d{4}\s*Delivered[\s\S]*INV-\d{4}-\d{4}\s*Paid/);
    const invoice = await suite.prisma.invoice.findFirstOrThrow({ include: { payments: true } });
    expect(invoice).toMatchObject({ status: 'PAID' });
    expect(invoice.payments.map((payment) => payment.amount.toFixed(2))).toEqual(['159579.00']);
  });

  test('winning an opportunity offers the order of its accepted quote', async () => {
    const created = await suite.api(`mutation($input: CreateQuoteInput!) { createQuote(input: $input) { ... on CreateQuoteSuccess { quote { id number } } } }`, {
      input: { opportunityId: secondOpportunityId, lines: [{ description: 'Ersatzteilpaket', quantity: '3', unitPrice: '1890.00' }] },
    });
    const quote = created.createQuote.quote;
    await suite.api('mutation($id: ID!) { sendQuote(id: $id) { __typename } }', { id: quote.id });
    await suite.api('mutation($id: ID!) { acceptQuote(id: $id) { __typename } }', { id: quote.id });

    await page.goto(`/opportunities/${encodeURIComponent(secondOpportunityId)}`);
    await page.getByRole('button', { name: 'Win', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark as won' }).click();
    const offer = page.getByTestId('order-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain(quote.number);
    await offer.getByRole('button', { name: 'Create order' }).click();
    await page.waitForURL('**/orders/*');
    await expect.poll(status).toBe('Open');
    expect(await page.getByRole('link', { name: quote.number }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
