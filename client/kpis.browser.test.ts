import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumMissing, fillInOneTask, followNav, requireChromium, useBrowserApp } from './test/browser.ts';
import { TEST_PASSWORD, type TestUser } from '../server/test/fixtures.ts';
import { expectedDocumentFigures, expectedOpportunityFigures } from '../server/test/kpi-expected.ts';
import { createKpiWorld, type KpiWorld } from '../server/test/kpi-world.ts';

// The key-figure dashboards in Chromium against the real server and the generated sales history:
// a figure shows the server's value and opens its records (exported as CSV), the tab and filters live in the URL,
// the forecast tab draws its chart, grouped figures (a stage, a sales-grid cell) open theirs, a widget exports
// its numbers, and the page speaks German.

requireChromium('key figures in the browser');

describe.skipIf(chromiumMissing)('key figures in the browser', () => {
  let world: KpiWorld;
  const suite = useBrowserApp(
    async ({ prisma }) => {
      world = await createKpiWorld(prisma);
    },
    { organisation: false },
  );
  const { contexts, pageErrors } = suite;

  async function signedIn(user: TestUser, locale = 'en-US'): Promise<Page> {
    const context = await suite.browser.newContext({ baseURL: suite.baseUrl, locale, viewport: { width: 1280, height: 900 } });
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

  test('a figure shows the computed value and opens its records; tab and filters are in the URL', async () => {
    const year = Number(world.today.slice(0, 4));
    const period = { from: `${year - 1}-01-01`, to: `${year}-01-01` };
    const expected = expectedOpportunityFigures(world, { ...period, teams: [world.org.north.id, world.org.south.id] });
    const page = await signedIn(world.org.admin);
    await followNav(page, 'Revenue', 'Key figures');
    await page.waitForURL('**/kpis');
    // Both dates before the page renders again: the second change must not drop the first.
    await fillInOneTask(page, [
      [page.getByLabel('From'), period.from],
      [page.getByLabel('Until (day after)'), period.to],
    ]);
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(period.to);
    expect(new URL(page.url()).searchParams.get('from')).toBe(period.from);
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
    const funnelRows = page.getByTestId('funnel-table').locator('tbody tr');
    await expect.poll(() => funnelRows.count()).toBeGreaterThan(0);
    // The funnel's figures of a stage open their records; its CSV adds the count advanced to the next stage.
    expect(await page.getByTestId('funnel-table').locator('thead th').allTextContents()).toEqual(['Stage', 'Open', 'Entered', 'Conversion to next']);
    const funnelFigures = await funnelRows.first().locator('td a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).searchParams.get('figure')));
    expect(funnelFigures).toEqual(['OPPORTUNITIES_OPEN', 'FUNNEL_ENTERED', 'FUNNEL_ADVANCED']);
    const [funnelCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-funnel').click()]);
    const funnelExported = parse(await readFile(await funnelCsv.path()), { bom: true }) as string[][];
    expect(funnelExported[0]).toEqual(['Stage', 'Count', 'Amount', 'Entered', 'Advanced', 'Conversion to next']);
    expect(funnelExported.map((row) => row[0])).toEqual(['Stage', ...(await funnelRows.locator('th').allTextContents())]);

    // The link is the report: opened afresh it shows the same tab.
    await page.reload();
    await expect.poll(() => page.getByRole('tab', { name: 'Forecast' }).getAttribute('aria-selected')).toBe('true');
    expect(pageErrors).toEqual([]);
  });

  test('a by-stage row and a sales-grid cell open their records; a widget exports the numbers it shows', async () => {
    const year = Number(world.today.slice(0, 4));
    const page = await signedIn(world.org.admin);
    await page.goto('/kpis?tab=month');
    const stageRows = page.getByTestId('stage-table').locator('tbody tr');
    await expect.poll(() => stageRows.count()).toBeGreaterThan(0);

    // The widget's CSV holds the numbers of its table: one row per stage, amounts as plain decimals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-deals-by-stage').click()]);
    expect(download.suggestedFilename()).toMatch(/^kpi-deals-by-stage-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = parse(await readFile(await download.path()), { bom: true }) as string[][];
    expect(exported[0]).toEqual(['Stage', 'Count', 'Amount', 'Weighted']);
    expect(exported).toHaveLength((await stageRows.count()) + 1);
    const euro = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' });
    let stageRow = stageRows.first();
    for (let index = 0; index < (await stageRows.count()); index += 1) {
      const row = stageRows.nth(index);
      if (!(await row.locator('td').first().textContent())!.startsWith('0 ')) {
        stageRow = row;
        break;
      }
    }
    const stageName = (await stageRow.locator('th').textContent())!;
    const [count, amount] = (await stageRow.locator('td').first().textContent())!.split(' · ');
    const csvRow = exported.find((row) => row[0] === stageName)!;
    expect([csvRow[1], euro.format(Number(csvRow[2])), euro.format(Number(csvRow[3]))]).toEqual([count, amount, await stageRow.locator('td').nth(1).textContent()]);
    expect(Number(count)).toBeGreaterThan(0);

    // A stage's row opens its open deals.
    await stageRow.getByRole('link').click();
    await page.waitForURL('**/kpis/records?**');
    const stageUrl = new URL(page.url()).searchParams;
    expect([stageUrl.get('figure'), stageUrl.get('stage')]).toEqual(['DEALS_OPEN', expect.any(String)]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`${count} ${count === '1' ? 'record' : 'records'}`);
    // Back leads to the dashboard as it was opened from (the Month tab), not to the records' narrowed filters.
    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('month');

    // The sales grid: per quarter by default, per month after the switch (in the URL); a cell opens the owner's deals of that month.
    await page.goto(`/kpis?tab=forecast&from=${year - 1}-01-01&to=${year}-01-01`);
    const grid = page.getByTestId('sales-grid');
    await expect.poll(() => grid.locator('thead th').count()).toBe(5);
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('interval')).toBe('MONTH');
    await expect.poll(() => grid.locator('thead th').count()).toBe(13);
    const cells = grid.locator('tbody td a');
    await expect.poll(() => cells.count()).toBeGreaterThan(0);
    let cell = cells.first();
    for (let index = 0; index < (await cells.count()); index += 1) {
      if ((await cells.nth(index).textContent()) !== euro.format(0)) {
        cell = cells.nth(index);
        break;
      }
    }
    const cellAmount = await cell.textContent();
    await cell.click();
    await page.waitForURL('**/kpis/records?**');
    const cellUrl = new URL(page.url()).searchParams;
    expect(['DEALS_WON', 'DEALS_CLOSING']).toContain(cellUrl.get('figure'));
    expect(cellUrl.get('owner')).toBeTruthy();
    const [from, to] = [cellUrl.get('from')!, cellUrl.get('to')!];
    expect(from.endsWith('-01') && to.endsWith('-01') && (Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 12) % 12).toBe(1);
    const amounts = page.getByTestId('kpi-records').locator('tbody tr td:nth-child(4)');
    await expect.poll(() => amounts.count()).toBeGreaterThan(0);
    const cents = (await amounts.allTextContents()).reduce((sum, text) => sum + Math.round(Number(text.replace(/[€,]/g, '')) * 100), 0);
    expect(euro.format(cents / 100)).toBe(cellAmount);
    expect(pageErrors).toEqual([]);
  });

  test('speaks German', async () => {
    const page = await signedIn(world.org.northSales, 'de-DE');
    await followNav(page, 'Umsatz', 'Kennzahlen', 'Hauptnavigation');
    await expect.poll(() => page.getByRole('tab', { name: 'Prognose' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Mein Board' }).click();
    await expect.poll(() => page.getByText('Meine offenen Deals').count()).toBe(1);
    // A widget's CSV in German: `;`, decimal comma, German headers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV exportieren' }).click()]);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const exported = parse(text, { delimiter: ';' }) as string[][];
    expect(exported[0]).toEqual(['Kennzahl', 'Anzahl', 'Betrag', 'Quote', 'Tage']);
    const deals = exported.find((row) => row[0] === 'Meine offenen Deals')!;
    expect(deals[2]).toMatch(/^\d+,\d{2}$/);
  });
});
