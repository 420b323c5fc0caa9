import { type Locator, type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumMissing, fieldError, keyboardDragReady, requireChromium, signInWith, useBrowserApp } from './test/browser.ts';
import { globalId, seedPipelines } from './test/pipeline-fixture.ts';
import { TEST_PASSWORD } from '../server/test/fixtures.ts';
import { createOpportunityRow } from '../server/test/opportunity-row.ts';

// The settings in Chromium against the real server: an administrator creates a user who can then
// sign in and deactivates them, adds a stage, orders stages with the keyboard and edits the
// activity plan, keeps lookup lists and products; a manager sees only their teams' users; server
// field errors appear at their fields, in German too; everyone changes their own password.

requireChromium('settings in the browser');

describe.skipIf(chromiumMissing)('settings in the browser', () => {
  let seeded: Awaited<ReturnType<typeof seedPipelines>>;
  const suite = useBrowserApp(async ({ prisma, org }) => {
    seeded = await seedPipelines(prisma, org);
  });
  const { signIn, signedIn } = signInWith(() => suite, suite);
  const { pageErrors } = suite;

  const userRow = (page: Page, email: string) => page.locator(`[data-user="${email}"]`);
  const stageList = (page: Page) => page.getByTestId('stage-list');
  const storedStages = async () =>
    (await suite.prisma.stage.findMany({ where: { pipelineId: seeded.leads.id }, orderBy: { position: 'asc' } })).map((stage) => `${stage.name} ${stage.probability}`);

  test('an administrator creates a user who can sign in, and deactivates them with a confirmation', async () => {
    const page = await signedIn(suite.org.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings/users');
    const settingsNav = page.getByRole('navigation', { name: 'Settings' });
    expect(await settingsNav.getByRole('link').count()).toBe(11);

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel(/^Name/).fill('Greta Neu');
    await dialog.getByLabel(/^E-mail/).fill('greta@test.example');
    await dialog.getByLabel(/^Role/).selectOption('SALES');
    await dialog.getByLabel('North').check();
    await dialog.getByLabel(/^Initial password/).fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    expect(await fieldError(page, 'Initial password')).toBe('At least 10 characters.');
    await dialog.getByLabel(/^Initial password/).fill('a long enough secret');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toContain('Greta Neu was created');
    const row = userRow(page, 'greta@test.example');
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['Greta Neu', 'Sales', 'North', 'Active']));
    const created = await suite.prisma.user.findUniqueOrThrow({ where: { email: 'greta@test.example' }, include: { memberships: true } });
    expect(created).toMatchObject({ role: 'SALES', active: true });
    expect(created.memberships.map((membership) => membership.teamId)).toEqual([suite.org.north.id]);

    const greta = await signIn('greta@test.example', 'a long enough secret');
    await greta.waitForURL('**/accounts');
    expect(await greta.getByTestId('current-user').textContent()).toContain('Greta Neu');

    // Deactivation asks first; then Greta's session ends and she cannot sign in again.
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByRole('group', { name: /^Deactivate Greta Neu\?/ }).getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => row.locator('td').nth(4).textContent()).toBe('Deactivated');
    expect((await suite.prisma.user.findUniqueOrThrow({ where: { email: 'greta@test.example' } })).active).toBe(false);
    await greta.reload();
    await greta.waitForURL('**/login');
    const again = await signIn('greta@test.example', 'a long enough secret');
    expect(await fieldError(again, 'Password')).toBe('E-mail or password is wrong.');

    // Reactivation asks too; then she signs in again.
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await row.getByRole('group', { name: /^Reactivate Greta Neu\?/ }).getByRole('button', { name: 'Reactivate' }).click();
    await expect.poll(() => row.locator('td').nth(4).textContent()).toBe('Active');
    await (await signIn('greta@test.example', 'a long enough secret')).waitForURL('**/accounts');

    // No one deactivates themselves.
    expect(await userRow(page, suite.org.admin.email).getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
  });

  test('an administrator adds a stage, orders the stages with the keyboard and edits the activity plan', async () => {
    const page = await signedIn(suite.org.admin);
    await page.goto(`/settings/pipelines/${encodeURIComponent(globalId('Pipeline', seeded.leads.id))}`);
    await stageList(page).waitFor();

    await page.getByLabel(/^New stage/).fill('Negotiation');
    await page.getByLabel(/^Probability of the new stage/).fill('150');
    await page.getByRole('button', { name: 'Add stage' }).click();
    expect(await fieldError(page, 'Probability of the new stage \\(%\\)')).toBe('At most 100.');
    await page.getByLabel(/^Probability of the new stage/).fill('80');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await expect.poll(() => storedStages()).toEqual(['New 10', 'Qualified 40', 'Proposal 70', 'Negotiation 80']);
    await expect.poll(() => stageList(page).locator('li').count()).toBe(4);

    // A taken name is refused at its field; a changed probability is saved.
    const qualified = page.getByRole('form', { name: 'Stage Qualified' });
    await qualified.getByLabel('Name of stage Qualified').fill('proposal');
    await qualified.getByLabel('Default probability of stage Qualified (%)').fill('45');
    await qualified.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => qualified.locator('.field__error').first().textContent()).toBe('This name is already taken.');
    await qualified.getByLabel('Name of stage Qualified').fill('Qualified');
    await qualified.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => storedStages()).toEqual(['New 10', 'Qualified 45', 'Proposal 70', 'Negotiation 80']);

    // Keyboard: pick Negotiation up, move it up one place, drop it.
    await moveUpWithKeyboard(page, 'Negotiation', 4);
    await expect.poll(() => storedStages()).toEqual(['New 10', 'Qualified 45', 'Negotiation 80', 'Proposal 70']);
    await expect.poll(() => stageList(page).locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-entry')))).toEqual([
      'New',
      'Qualified',
      'Negotiation',
      'Proposal',
    ]);

    // A stage with opportunities stays, and the page says why.
    await createOpportunityRow(suite.prisma, suite.org, { pipelineId: seeded.leads.id, stageId: seeded.leads.stages[0].id });
    await page.reload();
    const first = page.getByRole('form', { name: 'Stage New' });
    await first.getByRole('button', { name: 'Delete' }).click();
    await first.getByRole('group').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('settings-notice').first().textContent()).toContain('New still has 1 opportunity you can see');
    expect(await storedStages()).toHaveLength(4);

    // The activity plan: two steps, the second one first.
    const plan = page.getByTestId('activity-plan');
    await plan.getByRole('button', { name: 'Add step' }).click();
    await plan.getByLabel('Subject, step 1').fill('Intro call');
    await plan.getByLabel('Type, step 1').selectOption('CALL');
    await plan.getByRole('button', { name: 'Add step' }).click();
    await plan.getByLabel('Subject, step 2').fill('Send brochure');
    await plan.getByLabel('After days, step 2').fill('x');
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => plan.locator('.field--invalid .field__error').textContent()).toBe('Enter a whole number.');
    await plan.getByLabel('After days, step 2').fill('3');
    await plan.getByLabel('Minutes, step 2').fill('30');
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => plan.getByTestId('settings-notice').textContent()).toContain('The activity plan with 2 steps was saved.');
    const steps = await suite.prisma.activityPlanStep.findMany({ where: { pipelineId: seeded.leads.id }, orderBy: { position: 'asc' } });
    expect(steps.map(({ type, subject, dayOffset, durationMinutes }) => ({ type, subject, dayOffset, durationMinutes }))).toEqual([
      { type: 'CALL', subject: 'Intro call', dayOffset: 0, durationMinutes: null },
      { type: 'TASK', subject: 'Send brochure', dayOffset: 3, durationMinutes: 30 },
    ]);
  });

  test('a manager sees only the users of their teams and manages only their sales and service users', async () => {
    const page = await signedIn(suite.org.northManager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings/users');
    expect(await page.getByRole('navigation', { name: 'Settings' }).getByRole('link').allTextContents()).toEqual(['Users', 'Teams']);
    const table = page.getByTestId('users-table');
    await expect.poll(() => table.locator('tbody tr td.table__card-title').allTextContents()).toEqual(
      expect.arrayContaining(['Ada Admin', 'Nils Sales', 'Nora Manager']),
    );
    const shown = await table.locator('tbody tr td.table__card-title').allTextContents();
    for (const other of ['Sara Sales', 'Sven Manager', 'Sam Service']) expect(shown).not.toContain(other);
    const editable = await table.locator('tbody tr').filter({ has: page.getByRole('button', { name: 'Edit' }) }).locator('td.table__card-title').allTextContents();
    expect(editable).toEqual(expect.arrayContaining(['Nils Sales', 'Nina Sales']));
    expect(editable).not.toContain('Ada Admin');
    expect(editable).not.toContain('Nora Manager');

    // A new user joins one of the manager's teams, with a role below theirs.
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    expect(await dialog.getByLabel(/^Role/).locator('option').allTextContents()).toEqual(['Sales', 'Service']);
    expect(await dialog.getByRole('checkbox').count()).toBe(1);
    expect(await dialog.getByLabel('North').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/settings/pipelines');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This page is not part of your role');
    await page.goto('/settings/teams');
    await expect.poll(() => page.getByTestId('teams-table').locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('North')]);
    expect(await page.getByRole('button', { name: 'New team' }).count()).toBe(0);
  });

  test('field errors of the organisation settings show in German, and the settings are saved', async () => {
    await suite.prisma.user.update({ where: { id: suite.org.admin.id }, data: { locale: 'DE' } });
    const page = await signedIn(suite.org.admin, { locale: 'de-DE' });
    await page.goto('/settings/organisation');
    await page.getByRole('heading', { name: 'Organisation' }).waitFor();
    await page.getByLabel('IBAN').fill('DE00 1234');
    await page.getByLabel('USt-IdNr.').fill('123');
    await page.getByLabel(/^Veraltet nach/).fill('0');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    expect(await fieldError(page, 'IBAN')).toBe('Geben Sie eine gültige IBAN ein, z. B. DE89 3704 0044 0532 0130 00.');
    expect(await fieldError(page, 'USt-IdNr.')).toBe('Geben Sie eine USt-IdNr. wie DE123456789 ein.');
    expect(await fieldError(page, 'Veraltet nach \\(Tagen\\)')).toBe('Mindestens 1.');
    expect(await page.getByRole('alert').first().textContent()).toContain('Nichts wurde gespeichert');

    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    await page.getByLabel('USt-IdNr.').fill('de 123456789');
    await page.getByLabel(/^Veraltet nach/).fill('21');
    await page.getByLabel(/^Währung/).selectOption('CHF');
    await page.getByLabel(/^Zeitzone/).selectOption('Europe/Zurich');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByText('Die Einstellungen der Organisation wurden gespeichert.').waitFor();
    expect(await suite.prisma.organisationSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      staleAfterDays: 21,
      currency: 'CHF',
      timeZone: 'Europe/Zurich',
      iban: 'DE89370400440532013000',
      vatId: 'DE123456789',
    });
    expect(await page.getByLabel('USt-IdNr.').inputValue()).toBe('DE123456789');
    await suite.prisma.organisationSettings.update({ where: { id: 1 }, data: { currency: 'EUR', timeZone: 'Europe/Berlin' } });
    await suite.prisma.user.update({ where: { id: suite.org.admin.id }, data: { locale: null } });
  });

  test('customer statuses: an administrator adds Konkurs in German, refused first for a taken key, and accounts can take it', async () => {
    await suite.prisma.user.update({ where: { id: suite.org.admin.id }, data: { locale: 'DE' } });
    const page = await signedIn(suite.org.admin, { locale: 'de-DE' });
    await page.goto('/settings/customer-statuses');
    const list = page.getByTestId('customer-statuses');
    await expect.poll(() => list.locator('li').count()).toBe(3);
    // The built-in statuses can be relabelled but not deleted.
    expect(await list.getByRole('button', { name: 'Löschen' }).count()).toBe(0);
    await page.getByLabel(/^Schlüssel/).fill('customer');
    await page.getByLabel(/^Bezeichnung/).fill('Konkurs');
    await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    expect(await fieldError(page, 'Schlüssel')).toBe('Dies ist bereits vergeben.');
    await page.getByLabel(/^Schlüssel/).fill('bankrupt');
    await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    await expect.poll(() => list.locator('li').count()).toBe(4);
    expect(await suite.prisma.lifecycleStatus.findUniqueOrThrow({ where: { key: 'BANKRUPT' } })).toMatchObject({ label: 'Konkurs', builtIn: false });
    expect(await list.locator('[data-entry="Konkurs"]').getByRole('button', { name: 'Löschen' }).count()).toBe(1);

    await page.goto('/accounts/new');
    await expect.poll(() => page.getByLabel(/^Status/).locator('option').allTextContents()).toContain('Konkurs');
    await suite.prisma.user.update({ where: { id: suite.org.admin.id }, data: { locale: null } });
  });

  test('lookup lists and products: add, refuse a taken name, deactivate, reorder, delete; prices in the user format', async () => {
    const page = await signedIn(suite.org.admin);
    await page.goto('/settings/loss-reasons');
    const list = page.getByTestId('loss-reasons');
    await page.getByLabel(/^Name/).fill('No budget');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => list.locator('li').count()).toBe(2);
    await page.getByLabel(/^Name/).fill('no BUDGET');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    expect(await fieldError(page, 'Name')).toBe('This name is already taken.');

    const budget = list.locator('[data-entry="No budget"]');
    await budget.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(async () => (await suite.prisma.lossReason.findFirstOrThrow({ where: { name: 'No budget' } })).active).toBe(false);
    await moveUpWithKeyboard(page, 'No budget', 2);
    await expect.poll(async () => (await suite.prisma.lossReason.findMany({ orderBy: { position: 'asc' } })).map((reason) => reason.name)).toEqual([
      'No budget',
      'Price too high',
    ]);
    await budget.getByRole('button', { name: 'Delete' }).click();
    await budget.getByRole('group').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => list.locator('li').count()).toBe(1);

    await page.goto('/settings/products');
    await page.getByRole('button', { name: 'New product' }).click();
    const dialog = page.getByRole('dialog', { name: 'New product' });
    await dialog.getByLabel(/^Name/).fill('Sensor kit');
    await dialog.getByLabel(/^SKU/).fill('SK 1');
    await dialog.getByLabel(/^Unit price/).fill('1,234.50');
    await dialog.getByRole('button', { name: 'Create product' }).click();
    expect(await fieldError(page, 'SKU')).toBe('Use letters, digits and . _ - / without spaces, e.g. M-100.');
    await dialog.getByLabel(/^SKU/).fill('SK-1');
    await dialog.getByRole('button', { name: 'Create product' }).click();
    const row = page.locator('[data-product="SK-1"]');
    await expect.poll(() => row.locator('td.numeric').textContent()).toBe('€1,234.50');
    expect((await suite.prisma.product.findUniqueOrThrow({ where: { sku: 'SK-1' } })).unitPrice.toString()).toBe('1234.5');
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => text(row.locator('.status'))).toBe('Inactive');
  });

  test('everyone changes their own password on their profile; a wrong current one is named', async () => {
    const page = await signedIn(suite.org.southSales);
    await page.getByTestId('current-user').click();
    await page.waitForURL('**/profile');
    await page.getByLabel(/^Current password/).fill('not my password');
    await page.getByLabel(/^New password/).fill('my brand new secret');
    await page.getByLabel(/^Repeat the new password/).fill('my brand new secret');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await fieldError(page, 'Current password')).toBe('The current password is wrong.');
    await page.getByLabel(/^Current password/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed.').waitFor();
    const again = await signIn(suite.org.southSales.email, 'my brand new secret');
    await again.waitForURL('**/accounts');
  });

  test('the pages logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Moves an entry of a sortable list one place up as a keyboard user does: Space picks it up, the
 * up arrow moves it, Space drops it; each step waits for what the screen reader is told.
 */
async function moveUpWithKeyboard(page: Page, name: string, position: number) {
  const announced = page.locator('[role="status"][aria-live]').filter({ hasText: name });
  await page.getByRole('button', { name: `Move ${name}` }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => announced.textContent()).toMatch(new RegExp(`position ${position} of`));
  await keyboardDragReady(page);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => announced.textContent()).toContain(`${name} is now at position ${position - 1} of`);
  await page.keyboard.press('Space');
  await expect.poll(() => announced.textContent()).toContain(`${name} dropped at position ${position - 1} of`);
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}
