import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildClient, chromiumMissing, followNav, launchChromium, requireChromium } from './test/browser.ts';
import { buildApp, type App } from '../server/app.ts';
import { readConfig } from '../server/config.ts';
import { TEST_PASSWORD, type TestUser } from '../server/test/fixtures.ts';
import { expectedDocumentFigures, expectedOpportunityFigures } from '../server/test/kpi-expected.ts';
import { createKpiWorld, type KpiWorld } from '../server/test/kpi-world.ts';
import { createTestDatabase, type TestDatabase } from '../server/test/test-database.ts';

// The key-figure dashboards in Chromium against the real server and the generated sales history:
// a figure shows the server's value and opens its records (exported as CSV), the tab and filters live in the URL,
// the forecast tab draws its chart, and the page speaks German.

requireChromium('key figures in the browser');

describe.skipIf(chromiumMissing)('key figures in the browser', () => {
  let database: TestDatabase;
  let world: KpiWorld;
  let app: App;
  let baseUrl: string;
  let clientDir: string;
  let browser: Browser;
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  async function signedIn(user: TestUser, locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ baseURL: baseUrl, locale, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto('/login');
    await page.getByLabel(/^E-?[Mm]ail/).fill(user.email);
    await page.getByLabel(/^(Password|Passwort)/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /^(Sign in|Anmelden)$/ }).click();
    await page.waitForURL('**/accounts');
    return page;
  }

  beforeAll(async () => {
    clientDir = await mkdtemp(path.join(os.tmpdir(), 'crm-client-'));
    await buildClient(clientDir);
    database = await createTestDatabase();
    world = await createKpiWorld(database.db.prisma);
    app = buildApp({ db: database.db, config: { ...readConfig({}), clientDir } });
    ({ url: baseUrl } = await app.start(0, '127.0.0.1'));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await database?.drop();
    if (clientDir) await rm(clientDir, { recursive: true, force: true });
  });

  test('a figure shows the computed value and opens its records; tab and filters are in the URL', async () => {
    const year = Number(world.today.slice(0, 4));
    const period = { from: `${year - 1}-01-01`, to: `${year}-01-01` };
    const expected = expectedOpportunityFigures(world, { ...period, teams: [world.org.north.id, world.org.south.id] });
    const page = await signedIn(world.org.admin);
    await followNav(page, 'Revenue', 'Key figures');
    await page.waitForURL('**/kpis');
    await page.getByLabel('From').fill(period.from);
    await page.getByLabel('Until (day after)').fill(period.to);
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(period.to);
    const won = page.getByTestId('deals-won');
    await expect.poll(() => won.textContent()).toContain(`${expected.deals.won.count} ·`);
    await expect.poll(() => page.getByTestId('revenue-chart').locator('canvas').count()).toBe(1);

    await won.getByRole('link').click();
    await page.waitForURL('**/kpis/records?**');
    expect(new URL(page.url()).searchParams.get('figure')).toBe('DEALS_WON');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`${expected.deals.won.count} records`);
    await expect.poll(() => page.getByTestId('kpi-records').locator('tbody tr').count()).toBe(Math.min(50, expected.deals.won.count));
    // The export has every record behind the figure, not only the page shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kpi-opportunities-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = parse(await readFile(await download.path()), { bom: true }) as string[][];
    expect(exported[0]).toEqual(['Title', 'Company', 'Owner', 'Amount']);
    expect(exported).toHaveLength(expected.deals.won.count + 1);
    expect(exported[1][0]).toBe(await page.getByTestId('kpi-records').locator('tbody tr').first().locator('td').first().textContent());

    // Invoice figures open their invoices too, with the same filters.
    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    const overdue = expectedDocumentFigures(world, { ...period, teams: [world.org.north.id, world.org.south.id] }).invoices.overdue;
    expect(overdue.count).toBeGreaterThan(0);
    await page.getByTestId('invoices-overdue').getByRole('link').click();
    await page.waitForURL('**/kpis/records?**');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('invoice');
    expect(new URL(page.url()).searchParams.get('from')).toBe(period.from);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`${overdue.count} records`);
    await expect.poll(() => page.getByTestId('kpi-records').locator('thead th').first().textContent()).toBe('Invoice');
    await expect.poll(() => page.getByTestId('kpi-records').locator('tbody tr').count()).toBe(Math.min(50, overdue.count));
    await expect.poll(() => page.getByTestId('kpi-records').locator('tbody tr a').first().getAttribute('href')).toMatch(/^\/invoices\//);

    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('forecast');
    expect(new URL(page.url()).searchParams.get('from')).toBe(period.from);
    await expect.poll(() => page.getByTestId('forecast-chart').locator('canvas').count()).toBe(1);
    await expect.poll(() => page.getByTestId('funnel-table').locator('tbody tr').count()).toBeGreaterThan(0);

    // The link is the report: opened afresh it shows the same tab.
    await page.reload();
    await expect.poll(() => page.getByRole('tab', { name: 'Forecast' }).getAttribute('aria-selected')).toBe('true');
    expect(pageErrors).toEqual([]);
  });

  test('speaks German', async () => {
    const page = await signedIn(world.org.northSales, 'de-DE');
    await followNav(page, 'Umsatz', 'Kennzahlen', 'Hauptnavigation');
    await expect.poll(() => page.getByRole('tab', { name: 'Prognose' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Mein Board' }).click();
    await expect.poll(() => page.getByText('Meine offenen Deals').count()).toBe(1);
  });
});
