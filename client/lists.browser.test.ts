import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Locator, type Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, followNav, requireChromium, signInWith, useBrowserApp } from './test/browser.ts';
import { globalId, seedPipelines } from './test/pipeline-fixture.ts';
import { normalizeCompanyName } from '../server/domain/normalize.ts';

// The lists and record pages against the real server in Chromium: finding a won deal through the
// opportunity list and a saved view that opens again from its address, an account's and a
// contact's tabs with their counts, timeline, documents and activity form, the header's search by
// keyboard, and the filtered opportunity list exported as CSV.

requireChromium('lists and record pages in the browser');

const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

interface Created {
  id: string;
  humanId: string;
}

describe.skipIf(chromiumMissing)('lists and record pages in the browser', () => {
  const suite = useBrowserApp(async ({ prisma, org }) => {
    seeded = await seedPipelines(prisma, org);
  });
  const { signedIn } = signInWith(() => suite, suite);
  const { pageErrors } = suite;
  let seeded: Awaited<ReturnType<typeof seedPipelines>>;
  let contactId: string;
  let cranes: Created;
  let lights: Created;
  let fences: Created;

  async function createOpportunity(title: string, amount: string): Promise<Created> {
    const data = await suite.api(
      `mutation ($input: CreateOpportunityInput!) {
        createOpportunity(input: $input) { ... on CreateOpportunitySuccess { opportunity { id humanId } } }
      }`,
      { input: { title, amount, accountId: globalId('Account', seeded.account.id), contactId, expectedCloseDate: '2030-06-30' } },
    );
    return data.createOpportunity.opportunity as Created;
  }

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const contact = await suite.api(
      `mutation ($input: CreateContactInput!) { createContact(input: $input) { ... on CreateContactSuccess { contact { id } } } }`,
      { input: { firstName: 'Greta', lastName: 'Hansen', email: 'greta.hansen@nordlicht.example', jobTitle: 'Head of Purchasing', accountId: globalId('Account', seeded.account.id) } },
    );
    contactId = contact.createContact.contact.id;
    cranes = await createOpportunity('Harbour cranes', '250000');
    lights = await createOpportunity('Harbour lights', '12000');
    fences = await createOpportunity('Harbour fences', '8000');
    await suite.api('mutation ($input: CreateActivityInput!) { createActivity(input: $input) { __typename } }', {
      input: { type: 'CALL', subject: 'Call about the cranes', opportunityId: cranes.id, doneAt: new Date(Date.now() - 3_600_000).toISOString(), outcome: 'Order confirmed' },
    });
    await suite.api('mutation ($id: ID!) { winOpportunity(id: $id) { __typename } }', { id: cranes.id });
    await suite.api('mutation ($id: ID!, $reason: ID!) { loseOpportunity(id: $id, lossReasonId: $reason) { __typename } }', {
      id: fences.id,
      reason: globalId('LossReason', seeded.lossReason.id),
    });
  });

  const rows = (page: Page) => page.getByTestId('opportunity-row');
  const shownDeals = async (page: Page) => (await rows(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-opportunity')))).sort();

  test('a won deal is found through the list, and a saved view opens the same rows from its address', async () => {
    const page = await signedIn(suite.org.northSales);
    await followNav(page, 'Sales', 'Opportunities');
    await page.waitForURL('**/opportunities');
    await expect.poll(() => shownDeals(page)).toEqual([cranes.humanId, fences.humanId, lights.humanId].sort());

    const views = page.getByRole('navigation', { name: 'Views' });
    await views.getByRole('link', { name: 'Won', exact: true }).click();
    await expect.poll(() => shownDeals(page)).toEqual([cranes.humanId]);
    expect(new URL(page.url()).searchParams.get('statuses')).toBe('WON');
    expect(await views.getByRole('link', { name: 'Won', exact: true }).getAttribute('aria-current')).toBe('true');
    expect(await text(rows(page).first().getByTestId('opportunity-row-status'))).toBe('Won');

    // Narrow it by the search and sort by amount, then keep it as a view of one's own.
    await page.getByRole('searchbox', { name: 'Search opportunities' }).fill('cranes');
    await expect.poll(() => new URL(page.url()).searchParams.get('search')).toBe('cranes');
    await page.getByRole('button', { name: 'Amount', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('AMOUNT');
    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this view' });
    await dialog.getByLabel(/^Name/).fill('Won harbour deals');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBeTruthy();
    const saved = await suite.prisma.savedView.findFirstOrThrow({ where: { name: 'Won harbour deals', userId: suite.org.northSales.id } });
    expect(saved).toMatchObject({ list: 'OPPORTUNITIES', sortField: 'amount', filters: { statuses: ['WON'], search: 'cranes' } });
    const viewLink = views.getByRole('link', { name: 'Won harbour deals' });
    expect(await viewLink.getAttribute('aria-current')).toBe('true');

    // The address alone (another browser, signed in afresh) opens the same rows, sort and view.
    const address = page.url();
    const again = await signedIn(suite.org.northSales);
    await again.goto(address);
    await expect.poll(() => shownDeals(again)).toEqual([cranes.humanId]);
    expect(await again.getByRole('columnheader', { name: 'Amount' }).getAttribute('aria-sort')).toBe('ascending');
    expect(await again.getByRole('searchbox', { name: 'Search opportunities' }).inputValue()).toBe('cranes');
    await expect.poll(() => again.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Won harbour deals' }).getAttribute('aria-current')).toBe('true');

    // Changing the filter marks the view as changed; "All opportunities" shows everything again.
    await again.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'All opportunities' }).click();
    await expect.poll(() => shownDeals(again)).toHaveLength(3);
  });

  test('saved views are renamed, reordered and deleted', async () => {
    const page = await signedIn(suite.org.northSales);
    await page.goto('/opportunities?statuses=LOST');
    await expect.poll(() => shownDeals(page)).toEqual([fences.humanId]);
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('dialog', { name: 'Save this view' }).getByLabel(/^Name/).fill('Lost ones');
    await page.getByRole('dialog', { name: 'Save this view' }).getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('link', { name: 'Lost ones' }).waitFor();

    await page.getByRole('button', { name: 'Manage views' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your views' });
    await dialog.getByRole('button', { name: 'Move Lost ones up' }).click();
    await expect.poll(() => dialog.getByTestId('managed-view').first().textContent()).toContain('Lost ones');
    await dialog.getByRole('button', { name: 'Rename Won harbour deals' }).click();
    // A name the user already has is refused, at the field.
    await dialog.getByLabel('Rename Won harbour deals').fill('lost ONES');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => dialog.getByText('This name is already taken.').count()).toBe(1);
    await dialog.getByLabel('Rename Won harbour deals').fill('Won at the harbour');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => suite.prisma.savedView.count({ where: { name: 'Won at the harbour' } })).toBe(1);
    await dialog.getByRole('button', { name: 'Delete Lost ones' }).click();
    await dialog.getByRole('button', { name: 'Delete view' }).click();
    await expect.poll(() => suite.prisma.savedView.count({ where: { userId: suite.org.northSales.id } })).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByTestId('saved-view').allTextContents()).toEqual(['Won at the harbour']);
  });

  test('the account page counts its tabs and shows its opportunities and timeline', async () => {
    const page = await signedIn(suite.org.northSales);
    await page.getByRole('link', { name: 'Nordlicht Logistik' }).click();
    await page.getByRole('tablist', { name: 'Sections' }).waitFor();
    await expect.poll(() => text(page.getByTestId('tab-count-opportunities'))).toBe('1 open · 2 closed');
    expect(await text(page.getByTestId('tab-count-contacts'))).toBe('1');
    expect(await text(page.getByTestId('tab-count-activities'))).toBe('1');

    // The timeline comes first: the call and the deals' changes, each naming its deal.
    const timeline = page.getByRole('tabpanel', { name: 'Timeline' });
    const call = timeline.getByTestId('timeline-item').filter({ hasText: 'Call about the cranes' });
    await call.waitFor();
    expect(await text(call)).toContain('Order confirmed');
    const won = timeline.getByTestId('timeline-item').filter({ hasText: 'Status: Open → Won' });
    expect(await text(won)).toContain(`${cranes.humanId} Harbour cranes`);

    await page.getByRole('tab', { name: /Opportunities/ }).click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('opportunities');
    const open = page.getByTestId('open-opportunities');
    await expect.poll(() => open.getByTestId('opportunity-row').allTextContents()).toHaveLength(1);
    expect(await text(open)).toContain('Harbour lights');
    const closed = page.getByTestId('closed-opportunities');
    await expect.poll(() => closed.getByTestId('opportunity-row').count()).toBe(2);
    expect(await text(closed.getByRole('heading'))).toBe('Won and lost (2)');

    // The arrow keys move between the tabs.
    await page.getByRole('tab', { name: /Opportunities/ }).press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: /Contacts/ }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByRole('table', { name: /Contacts/ }).textContent()).toContain('Greta Hansen');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'account-tabs-1280.png'), fullPage: true });
  });

  test("a contact page shows the person, the account, or that the account is another team's", async () => {
    const page = await signedIn(suite.org.northSales);
    await followNav(page, 'Customers', 'Contacts');
    await page.getByRole('link', { name: 'Greta Hansen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Greta Hansen');
    expect(await page.getByRole('link', { name: 'Nordlicht Logistik' }).count()).toBe(1);
    expect(await text(page.getByTestId('tab-count-opportunities'))).toBe('1 open · 2 closed');
    await page.getByRole('tab', { name: /Opportunities/ }).click();
    await expect.poll(() => page.getByTestId('closed-opportunities').getByTestId('opportunity-row').count()).toBe(2);

    // A north contact at a south account: the account stays unnamed.
    const south = await suite.prisma.account.create({
      data: { name: 'Südhafen AG', normalizedName: normalizeCompanyName('Südhafen AG'), ownerId: suite.org.southSales.id, teamId: suite.org.south.id },
    });
    const contact = await suite.prisma.contact.create({
      data: { firstName: 'Ole', lastName: 'Brink', accountId: south.id, statusKey: 'PROSPECT', ownerId: suite.org.northSales.id, teamId: suite.org.north.id },
    });
    await page.goto(`/contacts/${encodeURIComponent(globalId('Contact', contact.id))}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ole Brink');
    expect(await page.getByText('Account of another team').count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain('Südhafen');
  });

  test('an account and a contact have one tab bar with their quotes, orders and invoices, and log an activity for themselves', async () => {
    const lines = [{ description: 'Crane sensor kit', quantity: '2', unitPrice: '1500.00' }];
    const quote = await suite.api(
      'mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { ... on CreateQuoteSuccess { quote { number } } } }',
      { input: { accountId: globalId('Account', seeded.account.id), contactId, title: 'Crane sensors', lines } },
    );
    const invoice = await suite.api(
      'mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { ... on CreateInvoiceSuccess { invoice { number } } } }',
      { input: { opportunityId: cranes.id } },
    );
    const quoteNumber: string = quote.createQuote.quote.number;
    const invoiceNumber: string = invoice.createInvoice.invoice.number;
    const page = await signedIn(suite.org.northSales);
    await page.goto(`/accounts/${encodeURIComponent(globalId('Account', seeded.account.id))}`);
    await page.getByRole('tablist', { name: 'Sections' }).waitFor();
    await expect
      .poll(async () => (await page.getByRole('tab').allTextContents()).map((tab) => tab.replace(/[\u00a0\u202f]/g, ' ')))
      .toEqual(['Timeline', 'Opportunities1 open · 2 closed', 'Contacts1', 'Activities1', 'Quotes1', 'Orders0', 'Invoices1']);
    expect(await page.getByRole('tablist').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Quotes, orders, invoices' }).count()).toBe(0);

    // The timeline has the documents' events; their tabs list them.
    const timeline = page.getByRole('tabpanel', { name: 'Timeline' });
    await expect.poll(() => timeline.locator('[data-kind="QUOTE"]').allTextContents()).toEqual([expect.stringContaining(`Quote ${quoteNumber}: created · Nils Sales`)]);
    await page.getByRole('tab', { name: /^Invoices/ }).click();
    const invoices = page.getByRole('tabpanel', { name: /^Invoices/ });
    await expect.poll(() => invoices.getByRole('link', { name: invoiceNumber }).count()).toBe(1);
    expect(await text(invoices.getByRole('row').nth(1))).toContain('€297,500.00');
    expect(await invoices.getByRole('link', { name: 'New invoice' }).getAttribute('href')).toBe(`/invoices/new?accountId=${encodeURIComponent(globalId('Account', seeded.account.id))}`);
    await page.getByRole('tab', { name: /^Quotes/ }).click();
    await expect.poll(() => page.getByRole('tabpanel', { name: /^Quotes/ }).getByRole('link', { name: quoteNumber }).count()).toBe(1);

    // A call logged on the account's page is the account's.
    await page.getByRole('tab', { name: /^Activities/ }).click();
    await page.getByRole('button', { name: 'Log past activity' }).click();
    const log = page.getByRole('dialog', { name: 'Log past activity' });
    await log.getByLabel(/^Subject/).fill('Call with the harbour master');
    await log.getByLabel('Notes').fill('Wants the sensors before the winter.');
    await log.getByRole('button', { name: 'Log activity' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const logged = await suite.prisma.activity.findFirstOrThrow({ where: { subject: 'Call with the harbour master' } });
    expect(logged).toMatchObject({ type: 'CALL', accountId: seeded.account.id, opportunityId: null, notes: 'Wants the sensors before the winter.' });
    expect(logged.doneAt).not.toBeNull();
    await expect.poll(() => text(page.getByTestId('tab-count-activities'))).toBe('2');
    await expect.poll(() => page.getByTestId('activity').filter({ hasText: 'Call with the harbour master' }).count()).toBe(1);

    // The contact's page: the quote addressed to her, the invoice of her deal, and a new task for her.
    await page.goto(`/contacts/${encodeURIComponent(contactId)}?tab=quotes`);
    await expect.poll(() => page.getByRole('tabpanel', { name: /^Quotes/ }).getByRole('link', { name: quoteNumber }).count()).toBe(1);
    expect([await text(page.getByTestId('tab-count-orders')), await text(page.getByTestId('tab-count-invoices'))]).toEqual(['0', '1']);
    await page.getByRole('tab', { name: /^Activities/ }).click();
    await page.getByRole('button', { name: 'New activity' }).click();
    const task = page.getByRole('dialog', { name: 'New activity' });
    await task.getByLabel(/^Subject/).fill('Send Greta the brochure');
    await task.getByRole('button', { name: 'Add activity' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const created = await suite.prisma.activity.findFirstOrThrow({ where: { subject: 'Send Greta the brochure' } });
    expect(created).toMatchObject({ type: 'TASK', contactId: Buffer.from(contactId, 'base64').toString('utf8').split(':')[1], doneAt: null });
    await expect.poll(() => page.getByTestId('activity').filter({ hasText: 'Send Greta the brochure' }).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'contact-activities-1280.png'), fullPage: true });
  });

  test('the header search finds a deal by its OPP- number and a contact by e-mail, by keyboard', async () => {
    const page = await signedIn(suite.org.northSales);
    const search = page.getByRole('combobox', { name: 'Search' });
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type(lights.humanId);
    const results = page.getByRole('listbox', { name: 'Search results' });
    const deals = results.getByRole('group', { name: /Opportunities/ });
    await expect.poll(() => deals.getByRole('option').allTextContents()).toEqual([expect.stringContaining(`${lights.humanId} Harbour lights`)]);
    expect(await text(deals.locator('.count'))).toBe('1');
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await deals.getByRole('option').first().getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/opportunities/${encodeURIComponent(lights.id)}`);

    await page.keyboard.press('/');
    await page.keyboard.type('greta.hansen@nordlicht');
    const people = page.getByRole('listbox', { name: 'Search results' }).getByRole('group', { name: /Contacts/ });
    await expect.poll(() => people.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Greta Hansen')]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/contacts/${encodeURIComponent(contactId)}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Greta Hansen');

    // Escape closes the results and then the search.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Harbour');
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => search.getAttribute('aria-expanded')).toBe('false');
  });

  test('a SERVICE user sees an account without opportunity or activity tabs, and no opportunity list', async () => {
    const page = await signedIn(suite.org.service);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('button').allTextContents()).toEqual(['Customers']);
    await nav.getByRole('button', { name: 'Customers' }).click();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Accounts', 'Contacts']);
    await page.goto(`/accounts/${encodeURIComponent(globalId('Account', seeded.account.id))}`);
    await page.getByRole('tablist', { name: 'Sections' }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Contacts1']);
    await page.goto('/opportunities');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This page is not part of your role');
  });

  test('the filtered opportunity list is exported as it is shown: its rows, order and columns', async () => {
    const gates = await createOpportunity('Harbour gates', '40000');
    await suite.api('mutation ($id: ID!) { winOpportunity(id: $id) { __typename } }', { id: gates.id });
    const page = await signedIn(suite.org.northSales);
    await page.goto('/opportunities');
    await expect.poll(() => shownDeals(page)).toHaveLength(4);

    // Status Won, by amount, the contact shown and the probability not.
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.locator('.list-filters__field', { hasText: 'Status' }).locator('summary').click();
    await filters.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Won' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('statuses')).toBe('WON');
    await expect.poll(() => shownDeals(page)).toEqual([cranes.humanId, gates.humanId].sort());
    await page.getByRole('button', { name: 'Amount', exact: true }).click();
    await page.locator('summary', { hasText: 'Columns' }).click();
    const columns = page.getByRole('group', { name: 'Columns shown' });
    await columns.getByRole('checkbox', { name: 'Contact' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('columns')).toContain('contact');
    await columns.getByRole('checkbox', { name: 'Probability' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('columns')).not.toContain('probability');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('AMOUNT');
    // The headers without their sort marks.
    const shownColumns = (await page.getByRole('columnheader').allTextContents()).map((header) => header.replace(/[↕▲▼]/g, ''));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^opportunities-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...records] = parse(await readFile(await download.path()), { bom: true }) as string[][];
    expect(header).toEqual(['Number', 'Title', 'Company', 'Contact', 'Stage', 'Owner', 'Amount', 'Weighted amount', 'Close date', 'Status', 'Stale']);
    expect(shownColumns).toEqual(['Title', 'Account', 'Contact', 'Stage', 'Owner', 'Amount', 'Weighted', 'Close date', 'Status', 'Without activity']);
    expect(records).toEqual([
      [gates.humanId, 'Harbour gates', 'Nordlicht Logistik', 'Greta Hansen', 'New', 'Nils Sales', '40000.00', '40000.00', '2030-06-30', 'Won', 'no'],
      [cranes.humanId, 'Harbour cranes', 'Nordlicht Logistik', 'Greta Hansen', 'New', 'Nils Sales', '250000.00', '250000.00', '2030-06-30', 'Won', 'no'],
    ]);
  });

  test('the pages logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** Text content with the (narrow) no-break spaces of number formats as plain spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}
