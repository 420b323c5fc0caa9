import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp, type App } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import type { PrismaClient } from '../../server/generated/prisma/client.ts';
import { createOrganisation, TEST_PASSWORD, type Organisation } from '../../server/test/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database.ts';

// What every browser test needs: Chromium (installed by apt, see environment.md), the client
// built as `npm run build` builds it, and a way to read a field's error message.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const root = path.resolve(import.meta.dirname, '../..');

export const chromiumMissing = !existsSync(CHROMIUM);

/** Without Chromium the suite fails under CI=true and is skipped, with a warning, elsewhere. */
export function requireChromium(suite: string) {
  if (chromiumMissing && process.env.CI === 'true') {
    test('Chromium is installed', () => {
      throw new Error(`${CHROMIUM} is missing. CI must install it first (apt-get install -y chromium, see .ci/run).`);
    });
  } else if (chromiumMissing) {
    console.warn(`Skipping the browser test: ${CHROMIUM} not found (apt-get install -y chromium).`);
    test.skip(`${suite}: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`, () => {});
  }
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Builds the client as `npm run build` does, into `outDir`. Vite bundles for the NODE_ENV it finds,
 * and Vitest has set it to "test", which would bundle React's development build.
 */
export async function buildClient(outDir: string) {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** The error message the field with this label points at (aria-describedby), once it is invalid. */
export async function fieldError(page: Page, label: string): Promise<string | null> {
  // Required fields' labels end with a " *".
  const field = page.getByLabel(new RegExp(`^${label}( \\*)?$`));
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = await field.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  return page.locator(`#${describedBy}`).textContent();
}

/**
 * Follows a link of the main navigation as a user does: opens its group (a disclosure button)
 * first, if it has one. `navigation` is the landmark's name in the page's language.
 */
export async function followNav(page: Page, group: string | null, link: string, navigation = 'Main') {
  const nav = page.getByRole('navigation', { name: navigation });
  if (group) await nav.getByRole('button', { name: group, exact: true }).click();
  await nav.getByRole('link', { name: link, exact: true }).click();
}

/**
 * Waits until a dnd-kit keyboard drag listens for arrow keys. Its sensor adds that listener in a
 * zero-delay timer after the pick-up, and Chromium may deliver input before timers, so an arrow
 * pressed at once can be lost. A zero-delay timer queued now runs after the sensor's.
 */
export async function keyboardDragReady(page: Page) {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/**
 * Types into several inputs within one task, so the page cannot render between them: what a quick
 * hand or the browser's autofill may do, and what `fill` one after the other does on a busy machine.
 */
export async function fillInOneTask(page: Page, entries: Array<[Locator, string]>) {
  const inputs = await Promise.all(entries.map(([locator]) => locator.elementHandle()));
  await page.evaluate(
    ({ inputs, values }) => {
      // React tracks an input's value through the prototype's setter; set it there, as typing does.
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      inputs.forEach((input, index) => {
        setValue.call(input, values[index]);
        input!.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    { inputs, values: entries.map(([, value]) => value) },
  );
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 740 };

/**
 * The browser's time zone: one whose date differs from the test organisation's at this moment.
 * UTC+14 and UTC-12 are 26 hours apart, so one of them always does. A page that takes "today" or
 * a day's bounds from the browser instead of the organisation then fails on every run, not only
 * at the hours when the two dates happen to differ.
 */
export function browserTimeZone(now = new Date(), organisationTimeZone = 'Europe/Berlin'): string {
  const dateIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  return ['Pacific/Kiritimati', 'Etc/GMT+12'].find((zone) => dateIn(zone) !== dateIn(organisationTimeZone))!;
}

/** A page in a browser context of its own, which goes into `contexts`; its errors and console errors go into `pageErrors`. */
export async function openPage(browser: Browser, { contexts, pageErrors }: { contexts: BrowserContext[]; pageErrors: string[] }, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ timezoneId: browserTimeZone(), ...options });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return page;
}

export interface SignInOptions {
  /** The browser's language; the sign-in form is read in English or German. */
  locale?: string;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
}

/**
 * Signing in through the login form, each time in a browser context of its own. `suite` is read
 * when signing in (the suite's browser and server start in beforeAll); every context goes into
 * `contexts` for the suite to close, and the page's errors and console errors into `pageErrors`.
 */
export function signInWith(suite: () => { browser: Browser; baseUrl: string }, { contexts, pageErrors }: { contexts: BrowserContext[]; pageErrors: string[] }) {
  /** The login form filled in and sent; the page is wherever that led (an error, a password change). */
  async function signIn(email: string, password = TEST_PASSWORD, { locale = 'en-US', viewport = DESKTOP, acceptDownloads }: SignInOptions = {}): Promise<Page> {
    const { browser, baseUrl } = suite();
    const page = await openPage(browser, { contexts, pageErrors }, { baseURL: baseUrl, locale, viewport, acceptDownloads });
    await page.goto('/login');
    await page.getByLabel(/^E-?[Mm]ail/).fill(email);
    await page.getByLabel(/^(Password|Passwort)/).fill(password);
    await page.getByRole('button', { name: /^(Sign in|Anmelden)$/ }).click();
    return page;
  }

  /** Signed in as this user, on the account list where signing in leads. */
  async function signedIn(user: { email: string }, options?: SignInOptions): Promise<Page> {
    const page = await signIn(user.email, TEST_PASSWORD, options);
    await page.waitForURL('**/accounts');
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  return { signIn, signedIn };
}

/** What a browser suite works with once its beforeAll has run (reading any of it earlier throws). */
export interface BrowserApp {
  readonly prisma: PrismaClient;
  readonly org: Organisation;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** The built client, as the server serves it. */
  readonly clientDir: string;
  /** The suite's browser contexts, closed after the suite (`signInWith` adds its own here). */
  readonly contexts: BrowserContext[];
  /** The pages' errors and console errors (`signInWith` collects them here). */
  readonly pageErrors: string[];
  /** A page of the served client (relative addresses work) in a context of its own, as `openPage` opens it. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A GraphQL request to the served API with this session token (North's seller's by default), for a test's set-up; errors throw. */
  api<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
}

/**
 * A browser suite's world, set up in beforeAll and torn down in afterAll: the client built into a
 * directory of its own, a fresh database with the test organisation, `seed`'s data added before the
 * server starts, the real server on a free port serving that client, and Chromium. Hooks the suite
 * registers after this call run after the set-up (and their afterAll before the tear-down).
 * `organisation: false` leaves the organisation to `seed` (a world of its own, such as the KPI world).
 */
export function useBrowserApp(
  seed?: (world: { readonly prisma: PrismaClient; readonly org: Organisation }) => Promise<unknown>,
  { organisation = true }: { organisation?: boolean } = {},
): BrowserApp {
  let clientDir: string | undefined;
  let database: TestDatabase | undefined;
  let org: Organisation | undefined;
  let app: App | undefined;
  let baseUrl: string | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`The browser suite has no ${name} (yet): it is set up in beforeAll, the organisation only without \`organisation: false\`.`);
    return value;
  };

  beforeAll(async () => {
    clientDir = await mkdtemp(path.join(os.tmpdir(), 'crm-client-'));
    await buildClient(clientDir);
    database = await createTestDatabase();
    const { prisma } = database.db;
    if (organisation) org = await createOrganisation(prisma);
    await seed?.({
      prisma,
      get org() {
        return ready(org, 'organisation');
      },
    });
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

  return {
    get prisma() {
      return ready(database, 'database').db.prisma;
    },
    get org() {
      return ready(org, 'organisation');
    },
    get baseUrl() {
      return ready(baseUrl, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get clientDir() {
      return ready(clientDir, 'client directory');
    },
    contexts,
    pageErrors,
    newPage(options = {}) {
      return openPage(this.browser, this, { baseURL: this.baseUrl, ...options });
    },
    async api<T>(this: BrowserApp, query: string, variables: Record<string, unknown> = {}, token = this.org.northSales.token) {
      const response = await fetch(`${this.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data!;
    },
  };
}
