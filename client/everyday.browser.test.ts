import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, DESKTOP, followNav, PHONE, requireChromium, signInWith, useBrowserApp } from './test/browser.ts';
import { globalId, seedPipelines } from './test/pipeline-fixture.ts';

// The client in German and on a phone, and the board's everyday actions, against the real server
// in Chromium: switching the language (saved with the user, amounts as 1.234,50 €, German money
// input), every page at 375 px (menu instead of navigation, cards instead of tables, the board
// swiped per column, dialogs that fit) next to 1280 px, undoing a move and a loss, the Won drop
// zone, and a SERVICE user who is offered only what the role may use. Screenshots land in
// test-results/screenshots (gitignored); the assertions are about layout facts, not pixels.

requireChromium('everyday use in the browser');

const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

describe.skipIf(chromiumMissing)('everyday use in the browser', () => {
  const suite = useBrowserApp(async ({ prisma, org }) => {
    seeded = await seedPipelines(prisma, org);
  });
  const { signedIn } = signInWith(() => suite, suite);
  const { pageErrors } = suite;
  let seeded: Awaited<ReturnType<typeof seedPipelines>>;

  async function createOpportunity(title: string, amount: string) {
    const data = await suite.api(
      `mutation ($input: CreateOpportunityInput!) {
        createOpportunity(input: $input) { ... on CreateOpportunitySuccess { opportunity { id humanId } } }
      }`,
      { input: { title, accountId: globalId('Account', seeded.account.id), amount, expectedCloseDate: '2030-06-30' } },
    );
    const { id, humanId } = data.createOpportunity.opportunity as { id: string; humanId: string };
    return { id, humanId, dbId: Buffer.from(id, 'base64').toString('utf8').split(':')[1] };
  }

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  const board = (page: Page) => page.getByTestId('board');
  const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
  const card = (page: Page, stage: string, humanId: string) => column(page, stage).locator(`[data-opportunity="${humanId}"]`);
  const stored = (dbId: string) => suite.prisma.opportunity.findUniqueOrThrow({ where: { id: dbId }, include: { stage: true } });

  test('switching to German shows German labels and amounts like 1.234,50 €, and German money input is read', async () => {
    const fleet = await createOpportunity('Fleet telematics', '1234.50');
    const page = await signedIn(suite.org.northSales);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('button').allTextContents()).toEqual(['Sales', 'Customers', 'Revenue']);

    await page.getByLabel('Language').selectOption('DE');
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect.poll(() => navigation.getByRole('button').allTextContents()).toEqual(['Vertrieb', 'Kunden', 'Umsatz']);
    await navigation.getByRole('button', { name: 'Umsatz' }).click();
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['Angebote', 'Aufträge', 'Rechnungen', 'Kampagnen', 'Budget', 'Kennzahlen']);
    await navigation.getByRole('button', { name: 'Umsatz' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Firmen');
    expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect.poll(async () => (await suite.prisma.user.findUniqueOrThrow({ where: { id: suite.org.northSales.id } })).locale).toBe('DE');

    // The bell words what happened in German too: Nora moves the deal Nils follows.
    await suite.api('mutation ($id: ID!) { followOpportunity(id: $id) { __typename } }', { id: fleet.id });
    await suite.api(
      'mutation ($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { __typename } }',
      { id: fleet.id, stageId: globalId('Stage', seeded.leads.stages[1].id) },
      suite.org.northManager.token,
    );
    await expect.poll(() => page.getByTestId('notification-count').textContent(), { timeout: 15_000 }).toBe('1');
    await page.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }).click();
    const notification = page.getByTestId('notification').first();
    expect(await text(notification)).toContain(`${fleet.humanId} Fleet telematics: Phase geändert`);
    expect(await text(notification)).toMatch(/Nora Manager · (jetzt|vor \d+ Minuten?) · ungelesen/);
    await page.keyboard.press('Escape');
    await suite.api(
      'mutation ($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { __typename } }',
      { id: fleet.id, stageId: globalId('Stage', seeded.leads.stages[0].id) },
      suite.org.northManager.token,
    );

    await followNav(page, 'Vertrieb', 'Board', 'Hauptnavigation');
    await expect.poll(() => text(card(page, 'New', fleet.humanId).getByTestId('card-amount'))).toBe('1.234,50 €');
    expect(await text(column(page, 'New').getByTestId('column-amount'))).toBe('1.234,50 €');
    expect(await text(card(page, 'New', fleet.humanId).getByTestId('card-probability'))).toBe('10 %');
    expect(await page.getByRole('button', { name: 'Neue Verkaufschance' }).count()).toBe(1);

    // The setting is the user's: a reload (and any other browser) starts in German.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Board');
    await card(page, 'New', fleet.humanId).getByRole('link', { name: 'Fleet telematics' }).click();
    await expect.poll(() => text(page.getByTestId('opportunity-amount'))).toBe('1.234,50 €');
    const amount = page.getByLabel('Betrag (EUR)');
    expect(await amount.inputValue()).toBe('1.234,50');
    await amount.fill('2.345,60');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    expect((await stored(fleet.dbId)).amount.toString()).toBe('2345.6');
    await expect.poll(() => text(page.getByTestId('opportunity-amount'))).toBe('2.345,60 €');

    // A server error is shown in German, by its reason.
    await page.getByLabel(/^Wahrscheinlichkeit/).fill('150');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(() => page.locator('#opportunity-probability-error').textContent()).toBe('Höchstens 100.');

    await page.getByRole('button', { name: 'Änderungen verwerfen' }).click();
    await page.getByLabel('Sprache').selectOption('');
    await expect.poll(() => page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
    await expect.poll(async () => (await suite.prisma.user.findUniqueOrThrow({ where: { id: suite.org.northSales.id } })).locale).toBeNull();
  });

  test('the main navigation groups its pages in disclosures: by mouse and keyboard, the current section marked, fitting 1280 and 375 px in German', async () => {
    const page = await signedIn(suite.org.northManager);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const group = (name: string) => nav.getByRole('button', { name, exact: true });
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
    await expect.poll(() => nav.getByRole('button').allTextContents()).toEqual(['Sales', 'Customers', 'Revenue']);
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Settings']);
    expect(await group('Customers').getAttribute('aria-current')).toBe('true');
    expect(await group('Sales').getAttribute('aria-current')).toBeNull();

    // One group open at a time, each with its pages.
    const pages = {
      Sales: ['Opportunities', 'Board', 'Activities', 'My tasks'],
      Customers: ['Accounts', 'Contacts', 'Import'],
      Revenue: ['Quotes', 'Orders', 'Invoices', 'Campaigns', 'Budgets', 'Key figures'],
    };
    for (const [name, links] of Object.entries(pages)) {
      await group(name).click();
      expect(await group(name).getAttribute('aria-expanded')).toBe('true');
      const panel = page.locator(`[id="${await group(name).getAttribute('aria-controls')}"]`);
      expect(await panel.getByRole('link').allTextContents()).toEqual(links);
      expect(await nav.getByRole('link').count()).toBe(links.length + 1);
    }
    expect(await page.locator('.app-header [aria-current="page"]').allTextContents()).toEqual(['Accounts']);
    // A click elsewhere closes it.
    await page.getByRole('heading', { level: 1 }).click();
    await expect.poll(() => group('Revenue').getAttribute('aria-expanded')).toBe('false');

    // Keyboard: Enter opens, Escape closes and gives the focus back; Arrow Down opens at the first link.
    await group('Sales').focus();
    await page.keyboard.press('Enter');
    expect(await group('Sales').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Opportunities');
    await page.keyboard.press('Escape');
    expect(await group('Sales').getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe('Sales');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Opportunities');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Board');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/board/**');
    await expect.poll(() => group('Sales').getAttribute('aria-expanded')).toBe('false');
    expect(await group('Sales').getAttribute('aria-current')).toBe('true');
    expect(await group('Customers').getAttribute('aria-current')).toBeNull();
    // Tabbing out of an open group closes it.
    await group('Revenue').click();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => group('Revenue').getAttribute('aria-expanded')).toBe('false');

    // German at 1280 px: the header keeps to one line and nothing overflows, an open group either.
    await page.goto('/accounts');
    await page.getByLabel('Language').selectOption('DE');
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect.poll(() => navigation.getByRole('button').allTextContents()).toEqual(['Vertrieb', 'Kunden', 'Umsatz']);
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['Einstellungen']);
    await navigation.getByRole('button', { name: 'Umsatz' }).click();
    const header = await page.locator('.app-header').evaluate((element) => ({ height: element.clientHeight, overflow: element.scrollWidth - element.clientWidth }));
    expect(header).toEqual({ height: 56, overflow: 0 });
    const panel = (await navigation.getByRole('list', { name: 'Umsatz' }).boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(DESKTOP.width);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'navigation-de-1280.png') });

    // German at 375 px: the menu lists the same groups as sections; Escape closes it.
    await page.setViewportSize(PHONE);
    await page.keyboard.press('Escape');
    await page.getByTestId('menu-button').click();
    expect(await navigation.getByRole('button').count()).toBe(0);
    expect(await navigation.getByRole('list', { name: 'Vertrieb' }).getByRole('link').allTextContents()).toEqual(['Verkaufschancen', 'Board', 'Aktivitäten', 'Meine Aufgaben']);
    expect(await navigation.getByRole('list', { name: 'Kunden' }).getByRole('link').allTextContents()).toEqual(['Firmen', 'Kontakte', 'Import']);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'navigation-de-375.png'), fullPage: true });
    await navigation.getByRole('link', { name: 'Kontakte' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => navigation.isVisible()).toBe(false);
    expect(await page.getByTestId('menu-button').evaluate((element) => element === document.activeElement)).toBe(true);

    await page.getByTestId('menu-button').click();
    await page.getByLabel('Sprache').selectOption('');
    await expect.poll(async () => (await suite.prisma.user.findUniqueOrThrow({ where: { id: suite.org.northManager.id } })).locale).toBeNull();
  });

  test('every page fits a 375 px phone: a menu instead of the navigation, cards instead of tables', async () => {
    const harbour = await createOpportunity('Harbour lighting', '3000');
    const contact = await suite.api(
      'mutation ($input: CreateContactInput!) { createContact(input: $input) { ... on CreateContactSuccess { contact { id } } } }',
      { input: { firstName: 'Hanna', lastName: 'Kruse', email: 'hanna.kruse@nordlicht.example', accountId: globalId('Account', seeded.account.id) } },
    );
    const phone = await signedIn(suite.org.northSales, { viewport: PHONE });
    const desktop = await signedIn(suite.org.northSales, { viewport: DESKTOP });
    const pages: [string, string][] = [
      ['accounts', '/accounts'],
      ['account', `/accounts/${encodeURIComponent(globalId('Account', seeded.account.id))}`],
      ['board', `/board/${encodeURIComponent(globalId('Pipeline', seeded.leads.id))}`],
      ['opportunity', `/opportunities/${encodeURIComponent(harbour.id)}`],
      ['tasks', '/tasks'],
      ['activities', '/activities'],
      ['activity-week', '/activities/week'],
      ['new-account', '/accounts/new'],
      ['opportunities', '/opportunities'],
      ['contacts', '/contacts'],
      ['contact', `/contacts/${encodeURIComponent(contact.createContact.contact.id)}`],
      ['import', '/import'],
      ['quotes', '/quotes'],
      ['orders', '/orders'],
      ['invoices', '/invoices'],
    ];
    for (const [name, url] of pages) {
      await expectFitsPhoneAndDesktop(phone, desktop, name, url);
      expect(await phone.getByTestId('menu-button').isVisible(), name).toBe(true);
      expect(await phone.getByRole('navigation', { name: 'Main' }).isVisible(), name).toBe(false);
      expect(await desktop.getByTestId('menu-button').isVisible(), name).toBe(false);
      expect(await desktop.getByRole('navigation', { name: 'Main' }).isVisible(), name).toBe(true);
    }

    // The menu holds the navigation, its groups as labelled sections, and the user's settings.
    await phone.getByTestId('menu-button').click();
    const nav = phone.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(true);
    expect(await nav.getByRole('button').count()).toBe(0);
    expect(await nav.getByRole('list', { name: 'Revenue' }).getByRole('link').allTextContents()).toEqual(['Quotes', 'Orders', 'Invoices', 'Campaigns', 'Budgets', 'Key figures']);
    expect(await phone.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'menu-375.png') });
    await nav.getByRole('link', { name: 'Accounts' }).click();
    await phone.waitForURL('**/accounts');
    await expect.poll(() => nav.isVisible()).toBe(false);

    // Tables are cards: a row fits the screen and its cells stand one under the other.
    const row = phone.getByRole('table').locator('tbody tr').first();
    expect((await row.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
    const [title, city] = [(await row.locator('td').nth(0).boundingBox())!, (await row.locator('td').nth(1).boundingBox())!];
    expect(city.y).toBeGreaterThanOrEqual(title.y + title.height);
  });

  test('the settings and the profile fit a 375 px phone as well as 1280 px', async () => {
    const phone = await signedIn(suite.org.admin, { viewport: PHONE });
    const desktop = await signedIn(suite.org.admin, { viewport: DESKTOP });
    await suite.prisma.activityPlanStep.create({ data: { pipelineId: seeded.leads.id, position: 0, type: 'CALL', subject: 'Intro call', dayOffset: 0 } });
    await suite.prisma.product.create({ data: { sku: 'SK-1', name: 'Sensor kit', unitPrice: '1234.50' } });
    const pages: [string, string][] = [
      ['settings-users', '/settings/users'],
      ['settings-teams', '/settings/teams'],
      ['settings-pipelines', `/settings/pipelines/${encodeURIComponent(globalId('Pipeline', seeded.leads.id))}`],
      ['settings-loss-reasons', '/settings/loss-reasons'],
      ['settings-sources', '/settings/sources'],
      ['settings-tags', '/settings/tags'],
      ['settings-priorities', '/settings/priorities'],
      ['settings-forecast-categories', '/settings/forecast-categories'],
      ['settings-customer-statuses', '/settings/customer-statuses'],
      ['settings-products', '/settings/products'],
      ['settings-organisation', '/settings/organisation'],
      ['profile', '/profile'],
    ];
    for (const [name, url] of pages) {
      await expectFitsPhoneAndDesktop(phone, desktop, name, url);
    }

    // The users' table is cards on a phone; the user dialog fits.
    await phone.goto('/settings/users');
    const row = phone.getByTestId('users-table').locator('tbody tr').first();
    expect((await row.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
    await phone.getByRole('button', { name: 'New user' }).click();
    const box = (await phone.getByRole('dialog', { name: 'New user' }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'settings-new-user-375.png') });
  });

  test('the board at 375 px swipes between columns, one at a time, and its dialog fits', async () => {
    const phone = await signedIn(suite.org.northSales, { viewport: PHONE });
    await phone.goto(`/board/${encodeURIComponent(globalId('Pipeline', seeded.leads.id))}`);
    await column(phone, 'New').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    const scroller = await board(phone).evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      snap: getComputedStyle(element).scrollSnapType,
    }));
    expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
    expect(scroller.snap).toContain('x');
    const first = (await column(phone, 'New').boundingBox())!;
    expect(first.width).toBeGreaterThan(PHONE.width * 0.7);
    expect(first.x + first.width).toBeLessThanOrEqual(PHONE.width);
    // Swiping brings the next column into view, aligned to the edge.
    await board(phone).evaluate((element) => element.scrollBy({ left: element.clientWidth * 0.6 }));
    await expect.poll(async () => Math.round((await column(phone, 'Qualified').boundingBox())!.x)).toBeLessThan(40);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'board-swiped-375.png') });

    await phone.getByRole('button', { name: 'New opportunity' }).click();
    const dialog = phone.getByRole('dialog', { name: 'New opportunity' });
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await dialog.getByText('The new lead starts in the first stage of Leads.').count()).toBe(1);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'new-opportunity-375.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the opportunity page asks before unsaved changes are left and before lines replace the amount', async () => {
    const pallets = await createOpportunity('Pallet sensors', '4000');
    const page = await signedIn(suite.org.northSales);
    await page.goto(`/opportunities/${encodeURIComponent(pallets.id)}`);
    const nextStep = page.getByLabel(/^Next step/);
    await nextStep.fill('Call back on Monday');
    await followNav(page, 'Sales', 'My tasks');
    const prompt = page.getByRole('dialog', { name: 'Unsaved changes' });
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Stay' }).click();
    expect(page.url()).toContain('/opportunities/');
    expect(await nextStep.inputValue()).toBe('Call back on Monday');
    // Closing or reloading the tab gets the browser's own question.
    expect(await page.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(true);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(false);

    await page.getByRole('button', { name: 'Add line' }).click();
    const confirm = page.getByTestId('first-line-confirm');
    expect(await text(confirm)).toContain('€4,000.00');
    expect(await page.getByLabel('Quantity, line 1').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description, line 1').fill('Sensor kit');
    await page.getByLabel('Quantity, line 1').fill('3');
    await page.getByLabel('Unit price, line 1').fill('1,250.50');
    await page.getByRole('button', { name: 'Save lines' }).click();
    await expect.poll(async () => (await stored(pallets.dbId)).amount.toString()).toBe('3751.5');
    await expect.poll(() => text(page.getByTestId('opportunity-amount'))).toBe('€3,751.50');

    // The lines have room for their columns, and on a phone they are cards.
    const lines = page.locator('.lines-card .table-wrap');
    expect(await lines.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    await page.locator('.lines-card').screenshot({ path: path.join(SCREENSHOTS, 'lines-1280.png') });
    await page.setViewportSize(PHONE);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.locator('.lines-card').screenshot({ path: path.join(SCREENSHOTS, 'lines-375.png') });
  });

  test('a move is undone from the toast, with the version the move got', async () => {
    const scanners = await createOpportunity('Warehouse scanners', '8000');
    const page = await signedIn(suite.org.northSales);
    await page.goto(`/board/${encodeURIComponent(globalId('Pipeline', seeded.leads.id))}`);
    await card(page, 'New', scanners.humanId).getByLabel(`Move ${scanners.humanId} to stage`).selectOption({ label: 'Qualified' });
    await expect.poll(async () => (await stored(scanners.dbId)).stage.name).toBe('Qualified');
    const toast = page.getByTestId('toast');
    await expect.poll(() => toast.textContent()).toContain(`${scanners.humanId} moved to Qualified.`);
    const movedVersion = (await stored(scanners.dbId)).version;

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(scanners.dbId)).stage.name).toBe('New');
    expect((await stored(scanners.dbId)).version).toBe(movedVersion + 1);
    await expect.poll(() => card(page, 'New', scanners.humanId).count()).toBe(1);
    expect(await card(page, 'Qualified', scanners.humanId).count()).toBe(0);
  });

  test('dragging shows Won and Lost: Won wins at once, Lost asks the reason and can be undone', async () => {
    const cold = await createOpportunity('Cold storage sensors', '25000');
    const dock = await createOpportunity('Dock door sensors', '5000');
    const page = await signedIn(suite.org.northSales);
    await page.goto(`/board/${encodeURIComponent(globalId('Pipeline', seeded.leads.id))}`);
    await card(page, 'New', cold.humanId).waitFor();
    expect(await page.getByTestId('outcome-zones').count()).toBe(0);

    await dragTo(page, card(page, 'New', cold.humanId), page.getByTestId('drop-won'));
    await expect.poll(async () => (await stored(cold.dbId)).status).toBe('WON');
    await expect.poll(() => card(page, 'New', cold.humanId).count()).toBe(0);
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(`${cold.humanId} won.`);
    expect(await page.getByTestId('outcome-zones').count()).toBe(0);

    await dragTo(page, card(page, 'New', dock.humanId), page.getByTestId('drop-lost'));
    const dialog = page.getByRole('dialog', { name: `Lose ${dock.humanId}` });
    await dialog.getByLabel(/^Loss reason/).selectOption({ label: 'Price too high' });
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();
    await expect.poll(async () => (await stored(dock.dbId)).status).toBe('LOST');
    const toast = page.getByTestId('toast');
    await expect.poll(() => toast.textContent()).toContain(`${dock.humanId} lost.`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(dock.dbId)).status).toBe('OPEN');
    await expect.poll(() => card(page, 'New', dock.humanId).count()).toBe(1);
  });

  test('"New opportunity" on a deal board creates a deal there; the board remembers the last pipeline', async () => {
    const page = await signedIn(suite.org.northManager);
    await page.goto(`/board/${encodeURIComponent(globalId('Pipeline', seeded.deals.id))}`);
    await page.getByRole('button', { name: 'New opportunity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New opportunity' });
    await dialog.getByLabel(/^Title/).fill('Framework contract');
    await dialog.getByLabel(/^Account/).fill('nordl');
    await dialog.getByRole('button', { name: /Nordlicht Logistik/ }).click();
    await dialog.getByLabel(/^Amount/).fill('12,500.50');
    await dialog.getByRole('button', { name: 'Create opportunity' }).click();
    await expect.poll(() => column(page, 'Negotiation').getByTestId('board-card').filter({ hasText: 'Framework contract' }).count()).toBe(1);
    const created = await suite.prisma.opportunity.findFirstOrThrow({ where: { title: 'Framework contract' } });
    expect(created).toMatchObject({ kind: 'DEAL', pipelineId: seeded.deals.id });
    expect(created.amount.toString()).toBe('12500.5');

    await followNav(page, 'Sales', 'Board');
    await page.waitForURL(`**/board/${encodeURIComponent(globalId('Pipeline', seeded.deals.id))}`);
  });

  test('a SERVICE user is offered neither the board nor tasks nor activities nor forms the role cannot submit', async () => {
    const page = await signedIn(suite.org.service);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('button').allTextContents()).toEqual(['Customers']);
    await nav.getByRole('button', { name: 'Customers' }).click();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Accounts', 'Contacts']);
    expect(await page.getByRole('link', { name: 'New account' }).count()).toBe(0);
    for (const url of ['/board', '/activities', '/activities/week', '/import']) {
      await page.goto(url);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This page is not part of your role');
    }
    await page.goto('/accounts/new');
    await expect.poll(() => page.getByText('Your role does not create accounts.').count()).toBe(1);
    expect(await page.getByRole('form').count()).toBe(0);
    await page.goto(`/accounts/${encodeURIComponent(globalId('Account', seeded.account.id))}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New contact' }).count()).toBe(0);
  });

  test('the pages logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** How far the document is wider than the window (0: nothing to scroll sideways). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

/** Opens the page on the phone and on the desktop, screenshots both, and nothing may stick out sideways. */
async function expectFitsPhoneAndDesktop(phone: Page, desktop: Page, name: string, url: string) {
  for (const [page, width] of [
    [phone, PHONE.width],
    [desktop, DESKTOP.width],
  ] as const) {
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    expect(await horizontalOverflow(page), `${name} at ${width} px`).toBe(0);
  }
}

/** A mouse drag of a card's handle onto a target that appears once the drag has started. */
async function dragTo(page: Page, source: Locator, target: Locator) {
  const handle = source.getByRole('button', { name: /^Drag / });
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 15, from.y + from.height / 2 + 5, { steps: 4 });
  await target.waitFor();
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}

/** Text content with the (narrow) no-break spaces of number formats as plain spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}
