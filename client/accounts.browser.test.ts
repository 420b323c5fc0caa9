import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, fieldError, followNav, requireChromium, useBrowserApp } from './test/browser.ts';
import { normalizeCompanyName } from '../server/domain/normalize.ts';
import type { PrismaClient } from '../server/generated/prisma/client.ts';
import { TEST_PASSWORD, type Organisation } from '../server/test/fixtures.ts';

// The built client against the real server (HTTP and WebSocket) on a fresh database, driven
// through Chromium like a user would: sign in, find, create, get rejected, sign out.

requireChromium('accounts in the browser');

describe.skipIf(chromiumMissing)('accounts in the browser', () => {
  const suite = useBrowserApp(({ prisma, org }) => seedAccounts(prisma, org));
  const { pageErrors } = suite;
  let page: Page;

  beforeAll(async () => {
    page = await suite.newPage({ locale: 'en-US' });
  });

  test('the client is a production build', async () => {
    const assets = await readdir(path.join(suite.clientDir, 'assets'));
    // The entry chunk (pages loaded on demand, such as the budget page, have chunks of their own).
    const script = assets.find((name) => name.startsWith('index-') && name.endsWith('.js'));
    expect(script).toBeDefined();
    // Only React's production build replaces its messages with "Minified React error" links.
    expect(await readFile(path.join(suite.clientDir, 'assets', script!), 'utf8')).toContain('Minified React error');
  });

  test('an unknown visitor is sent to the login page', async () => {
    await page.goto('/accounts');
    await page.waitForURL('**/login');
    await expect.poll(() => page.getByRole('heading', { name: 'Pipeline CRM' }).isVisible()).toBe(true);
  });

  test('a wrong password is reported next to the password field', async () => {
    await page.getByLabel('E-mail').fill(suite.org.northSales.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await fieldError(page, 'Password')).toBe('E-mail or password is wrong.');
    expect(page.url()).toMatch(/\/login$/);
  });

  test('signing in shows the accounts of my team and my name', async () => {
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/accounts');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Nils Sales');
    // 30 accounts of team North; the one of team South is not readable for Nils.
    await expect.poll(() => accountCount(page)).toBe('30 accounts');
    expect(await accountNames(page)).toHaveLength(25);
    expect(await accountNames(page)).not.toContain('Südwind Solar');
    expect(await page.evaluate(() => Object.values(localStorage).some((value) => value.startsWith('crm_s_')))).toBe(true);
  });

  test('the live connection works', async () => {
    await expect.poll(() => page.locator('.live-indicator').textContent(), { timeout: 15_000 }).toBe('Live');
  });

  test('pages forward and back with the cursors', async () => {
    const firstPage = await accountNames(page);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => accountNames(page).then((names) => names.length)).toBe(5);
    expect(await accountNames(page)).not.toContain(firstPage[0]);
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect.poll(() => accountNames(page)).toEqual(firstPage);
  });

  test('the search narrows the list', async () => {
    await page.getByLabel('Search accounts').fill('nord');
    await expect.poll(() => accountNames(page)).toEqual(['Nordlicht Logistik', 'Nordwind Energie']);
    expect(await accountCount(page)).toBe('2 accounts');
    expect(page.url()).toContain('q=nord');

    await page.getByLabel('Search accounts').fill('Kiel');
    await expect.poll(() => accountNames(page)).toEqual(['Nordwind Energie']);

    await page.getByLabel('Search accounts').fill('no such company');
    await expect.poll(() => page.getByText('No accounts match “no such company”.').isVisible()).toBe(true);

    await page.getByLabel('Search accounts').fill('');
    await expect.poll(() => accountCount(page)).toBe('30 accounts');

    // The "Accounts" link clears a search.
    await page.getByLabel('Search accounts').fill('Kiel');
    await expect.poll(() => accountNames(page)).toEqual(['Nordwind Energie']);
    await followNav(page, 'Customers', 'Accounts');
    await expect.poll(() => accountCount(page)).toBe('30 accounts');
    expect(await page.getByLabel('Search accounts').inputValue()).toBe('');
    await page.waitForTimeout(500); // longer than the debounce: the old search must not come back
    expect(page.url()).toMatch(/\/accounts$/);
  });

  test('an account created through the form appears in the list', async () => {
    await page.getByRole('link', { name: 'New account' }).click();
    await page.waitForURL('**/accounts/new');
    await page.getByLabel('Name').fill('Polarstern Software');
    await page.getByLabel('Legal form').fill('GmbH');
    await page.getByLabel('Industry').fill('Software');
    await page.getByLabel('Employees').fill('42');
    await page.getByLabel('E-mail').fill('Info@Polarstern.example');
    await page.getByLabel('Phone').fill('+49 421 123456');
    await page.getByLabel('Website').fill('polarstern.example');
    await page.getByLabel('Street').fill('Am Wall 1');
    await page.getByLabel('Postcode').fill('28195');
    await page.getByLabel('City').fill('Bremen');
    await page.getByLabel('Status').selectOption({ label: 'Customer' });
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL(/\/accounts\/(?!new)[^/]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Polarstern Software GmbH');
    const details = await page.locator('.details').textContent();
    expect(details).toContain('info@polarstern.example');
    expect(details).toContain('polarstern.example');
    expect(details).toContain('28195 Bremen');
    expect(details).toContain('Nils Sales');
    expect(details).toContain('North');

    const saved = await suite.prisma.account.findFirstOrThrow({ where: { name: 'Polarstern Software' } });
    expect(saved).toMatchObject({ legalForm: 'GmbH', employees: 42, city: 'Bremen', statusKey: 'CUSTOMER', ownerId: suite.org.northSales.id });

    await followNav(page, 'Customers', 'Accounts');
    await expect.poll(() => accountCount(page)).toBe('31 accounts');
    await page.getByLabel('Search accounts').fill('polarstern');
    await expect.poll(() => accountNames(page)).toEqual(['Polarstern Software']);
  });

  test('an invalid e-mail is shown next to the e-mail field and nothing is created', async () => {
    const before = await suite.prisma.account.count();
    await page.getByRole('link', { name: 'New account' }).click();
    await page.waitForURL('**/accounts/new');
    await page.getByLabel('Name').fill('Broken Mail');
    await page.getByLabel('E-mail').fill('not-an-e-mail');
    await page.getByLabel('Postcode').fill('123456789012345678901234');
    await page.getByRole('button', { name: 'Create account' }).click();

    expect(await fieldError(page, 'E-mail')).toBe('Enter a valid e-mail address, like name@example.com.');
    expect(await fieldError(page, 'Postcode')).toBe('At most 20 characters.');
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByRole('alert').first().textContent()).toContain('Nothing was saved');
    expect(page.url()).toMatch(/\/accounts\/new$/);
    expect(await suite.prisma.account.count()).toBe(before);

    // Corrected, it saves.
    await page.getByLabel('E-mail').fill('office@broken-mail.example');
    await page.getByLabel('Postcode').fill('12345');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/accounts\/(?!new)[^/]+$/);
    expect(await suite.prisma.account.count()).toBe(before + 1);
  });

  test('a duplicate is announced with a link to the existing account and can be created anyway', async () => {
    await page.goto('/accounts/new');
    await page.getByLabel('Name').fill('Nordlicht Logistik Hamburg');
    await page.getByLabel('E-mail').fill('info@nordlicht.example');
    await page.getByRole('button', { name: 'Create account' }).click();

    const notice = page.getByTestId('duplicate-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('e-mail');
    const href = await notice.getByRole('link', { name: 'Nordlicht Logistik' }).getAttribute('href');
    expect(href).toMatch(/^\/accounts\/[^/]+$/);
    expect(await suite.prisma.account.count({ where: { email: 'info@nordlicht.example' } })).toBe(1);

    await notice.getByRole('button', { name: 'Create anyway' }).click();
    await page.waitForURL(/\/accounts\/(?!new)[^/]+$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Nordlicht Logistik Hamburg');
    expect(await suite.prisma.account.count({ where: { email: 'info@nordlicht.example' } })).toBe(2);
  });

  test('a contact is added from the account page', async () => {
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.waitForURL('**/contacts/new');
    await page.getByLabel('First name').fill('Greta');
    await page.getByLabel('Last name').fill('Hansen');
    await page.getByLabel('E-mail').fill('greta@');
    await page.getByRole('button', { name: 'Create contact' }).click();
    expect(await fieldError(page, 'E-mail')).toContain('valid e-mail');

    await page.getByLabel('E-mail').fill('greta.hansen@nordlicht.example');
    await page.getByLabel('Job title').fill('Head of Purchasing');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.waitForURL(/\/accounts\/(?!new)[^/]+$/);
    const contacts = page.getByRole('table', { name: /Contacts/ });
    await expect.poll(() => contacts.locator('tbody tr').first().textContent()).toContain('Greta Hansen');
    expect(await contacts.textContent()).toContain('Head of Purchasing');
  });

  test('an account is edited and deleted after confirmation', async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.waitForURL('**/edit');
    await page.getByLabel('City').fill('Hamburg');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/accounts\/[^/]+$/);
    await expect.poll(() => page.locator('.details').textContent()).toContain('Hamburg');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.waitForURL('**/accounts');
    expect(await suite.prisma.account.count({ where: { name: 'Nordlicht Logistik Hamburg' } })).toBe(0);
    // Contacts stay, without account.
    expect(await suite.prisma.contact.findFirstOrThrow({ where: { lastName: 'Hansen' } })).toMatchObject({ accountId: null });
  });

  test('logging out ends the session and returns to the login page', async () => {
    const token = await page.evaluate(() => Object.values(localStorage).find((value) => value.startsWith('crm_s_')));
    expect(token).toBeDefined();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    expect(await page.evaluate(() => Object.values(localStorage).some((value) => value.startsWith('crm_s_')))).toBe(false);

    // The server forgot the session too.
    const response = await fetch(`${suite.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(await response.json()).toMatchObject({ data: { me: null } });

    await page.goto('/accounts');
    await page.waitForURL('**/login');
  });

  test('a session ended on the server leads to the login page, and back after signing in', async () => {
    await page.getByLabel(/^E-mail/).fill(suite.org.northSales.email);
    await page.getByLabel(/^Password/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/accounts');
    await page.getByRole('table', { name: 'Accounts' }).waitFor();

    await suite.prisma.session.deleteMany({ where: { userId: suite.org.northSales.id } });
    await page.getByLabel('Search accounts').fill('Hafen');
    await page.waitForURL('**/login');

    await page.getByLabel(/^E-mail/).fill(suite.org.northSales.email);
    await page.getByLabel(/^Password/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/accounts?q=Hafen');
    await expect.poll(() => accountNames(page)).toEqual(['Hafenkontor Weber']);
  });

  test('the page logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});


async function seedAccounts(prisma: PrismaClient, org: Organisation) {
  const north = { ownerId: org.northSales.id, teamId: org.north.id };
  const account = (name: string, fields: { city?: string; postalCode?: string; email?: string } = {}, owner = north) => ({
    name,
    normalizedName: normalizeCompanyName(name),
    ...fields,
    ...owner,
  });
  await prisma.account.createMany({
    data: [
      account('Nordlicht Logistik', { city: 'Hamburg', postalCode: '20095', email: 'info@nordlicht.example' }),
      account('Nordwind Energie', { city: 'Kiel', postalCode: '24103' }),
      account('Hafenkontor Weber', { city: 'Lübeck', postalCode: '23552' }),
      ...Array.from({ length: 27 }, (_, index) => account(`Alster Handel ${String(index + 1).padStart(2, '0')}`, { city: 'Hamburg' })),
      account('Südwind Solar', { city: 'Nordhausen' }, { ownerId: org.southSales.id, teamId: org.south.id }),
    ],
  });
}

/** The rows of the accounts table, by name. */
async function accountNames(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Accounts' });
  if (!(await table.isVisible())) return [];
  return table.locator('tbody tr td:first-child a').allTextContents();
}

async function accountCount(page: Page): Promise<string | null> {
  const count = page.getByTestId('account-count');
  return (await count.isVisible()) ? count.textContent() : null;
}

