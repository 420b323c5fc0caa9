import { type Locator, type Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, fieldError, followNav, keyboardDragReady, requireChromium, useBrowserApp } from './test/browser.ts';
import { globalId, seedPipelines } from './test/pipeline-fixture.ts';
import { TEST_PASSWORD } from '../server/test/fixtures.ts';

// The pipeline pages of the built client against the real server on a fresh database, driven
// through Chromium: the board (drag with the mouse and with the keyboard, a refused move snapping
// back), the opportunity page (edit, activities, convert, lose without reason, win and lock) and
// "My tasks".

requireChromium('pipeline in the browser');

interface SeededOpportunity {
  id: string;
  humanId: string;
  dbId: string;
}

describe.skipIf(chromiumMissing)('pipeline in the browser', () => {
  let accountId: string;
  const suite = useBrowserApp(async ({ prisma, org }) => {
    const seeded = await seedPipelines(prisma, org);
    leads = seeded.leads;
    accountId = globalId('Account', seeded.account.id);
  });
  const { pageErrors } = suite;
  let page: Page;
  let leads: { id: string; stages: { id: string; name: string }[] };
  const opportunities: Record<'fleet' | 'scanners' | 'harbour' | 'cold', SeededOpportunity> = {} as never;

  /** A GraphQL request bypassing the browser, as Nils (the owner of everything seeded) unless told. */
  async function createOpportunity(title: string, accountId: string, amount: string): Promise<SeededOpportunity> {
    const data = await suite.api(
      `mutation ($input: CreateOpportunityInput!) {
        createOpportunity(input: $input) {
          __typename
          ... on CreateOpportunitySuccess { opportunity { id humanId } }
          ... on Error { message }
        }
      }`,
      { input: { title, accountId, amount, expectedCloseDate: '2030-06-30' } },
    );
    const outcome = data.createOpportunity;
    if (outcome.__typename !== 'CreateOpportunitySuccess') throw new Error(outcome.message);
    return { ...outcome.opportunity, dbId: decodeGlobalId(outcome.opportunity.id) };
  }

  beforeAll(async () => {
    opportunities.fleet = await createOpportunity('Fleet telematics', accountId, '12000');
    opportunities.scanners = await createOpportunity('Warehouse scanners', accountId, '8000');
    opportunities.harbour = await createOpportunity('Harbour lighting', accountId, '3000');
    opportunities.cold = await createOpportunity('Cold storage sensors', accountId, '25000');

    // Two tasks for Nils: one overdue, one due next week.
    for (const [subject, days] of [
      ['Send the revised quote', -2],
      ['Plan the site visit', 7],
    ] as const) {
      await suite.api(
        `mutation ($input: CreateActivityInput!) { createActivity(input: $input) { __typename } }`,
        { input: { opportunityId: opportunities.harbour.id, type: 'TASK', subject, dueAt: new Date(Date.now() + days * 86_400_000).toISOString() } },
      );
    }

    page = await suite.newPage({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  });

  const column = (stage: string) => page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
  const card = (stage: string, opportunity: SeededOpportunity) => column(stage).locator(`[data-opportunity="${opportunity.humanId}"]`);
  const stageOf = async (opportunity: SeededOpportunity) =>
    (await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: opportunity.dbId }, include: { stage: true } })).stage.name;

  test('signing in leads to the board of the first pipeline with its stages and totals', async () => {
    await page.goto('/board');
    await page.waitForURL('**/login');
    await page.getByLabel(/^E-mail/).fill(suite.org.northSales.email);
    await page.getByLabel(/^Password/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/board/${encodeURIComponent(Buffer.from(`Pipeline:${leads.id}`).toString('base64'))}`);

    await expect.poll(() => page.getByTestId('board-column').evaluateAll((columns) => columns.map((c) => c.getAttribute('data-stage')))).toEqual([
      'New',
      'Qualified',
      'Proposal',
    ]);
    await expect.poll(() => column('New').getByTestId('board-card').count()).toBe(4);
    expect(await text(column('New').getByTestId('column-amount'))).toBe('€48,000.00');
    expect(await text(column('New').getByTestId('column-weighted'))).toBe('€4,800.00');
    const fleet = await text(card('New', opportunities.fleet));
    expect(fleet).toContain('Fleet telematics');
    expect(fleet).toContain('Nordlicht Logistik');
    expect(fleet).toContain('€12,000.00');
    expect(fleet).toContain('10%');
    expect(fleet).toContain('Nils Sales');
    // The harbour lighting has two open tasks: the overdue one is next.
    expect(await text(card('New', opportunities.harbour))).toContain('Send the revised quote');
  });

  test('a card dragged with the mouse moves to the next stage and stays there after a reload', async () => {
    const handle = card('New', opportunities.fleet).getByRole('button', { name: /^Drag / });
    const from = (await handle.boundingBox())!;
    const to = (await column('Qualified').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 15, from.y + from.height / 2 + 5, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 150, { steps: 15 });
    await page.mouse.up();

    // At once (optimistic), then saved.
    await expect.poll(() => card('Qualified', opportunities.fleet).count()).toBe(1);
    await expect.poll(() => stageOf(opportunities.fleet)).toBe('Qualified');
    expect(await card('New', opportunities.fleet).count()).toBe(0);

    await page.reload();
    await expect.poll(() => card('Qualified', opportunities.fleet).count()).toBe(1);
    expect(await text(card('Qualified', opportunities.fleet).getByTestId('card-probability'))).toBe('40%');
    expect(await text(column('Qualified').getByTestId('column-amount'))).toBe('€12,000.00');
    expect(await text(column('Qualified').getByTestId('column-weighted'))).toBe('€4,800.00');
    expect(await text(column('New').getByTestId('column-count'))).toBe('3');
  });

  test('a card moves with the keyboard: Space, arrow right twice, Space', async () => {
    const handle = card('New', opportunities.scanners).getByRole('button', { name: /^Drag / });
    const isOver = (stage: string) => column(stage).evaluate((element) => element.classList.contains('board-column--over'));
    await handle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => isOver('New')).toBe(true);
    await keyboardDragReady(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => isOver('Qualified')).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => isOver('Proposal')).toBe(true);
    await page.keyboard.press('Space');

    await expect.poll(() => card('Proposal', opportunities.scanners).count()).toBe(1);
    await expect.poll(() => stageOf(opportunities.scanners)).toBe('Proposal');
    await page.reload();
    await expect.poll(() => card('Proposal', opportunities.scanners).count()).toBe(1);
    expect(await text(card('Proposal', opportunities.scanners).getByTestId('card-probability'))).toBe('70%');
  });

  test('a move by someone else shows up live, without reloading', async () => {
    await expect.poll(() => page.locator('.live-indicator').textContent(), { timeout: 15_000 }).toBe('Live');
    const qualified = Buffer.from(`Stage:${leads.stages[1].id}`).toString('base64');
    const moved = await suite.api(
      `mutation ($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { __typename } }`,
      { id: opportunities.scanners.id, stageId: qualified },
      suite.org.northManager.token,
    );
    expect(moved.moveOpportunity.__typename).toBe('MoveOpportunitySuccess');
    await expect.poll(() => card('Qualified', opportunities.scanners).count()).toBe(1);
    expect(await card('Proposal', opportunities.scanners).count()).toBe(0);
    expect(await text(column('Qualified').getByTestId('column-count'))).toBe('2');
  });

  test('a move the server refuses (changed meanwhile) snaps back and says why', async () => {
    await expect.poll(() => card('New', opportunities.harbour).count()).toBe(1);
    // Someone else changes the opportunity just before our move reaches the server, so the version
    // the board sends is stale (with live updates, any earlier change would already be on the board).
    await page.route('**/graphql', async (route) => {
      if (route.request().postDataJSON()?.operationName === 'MoveOpportunity') {
        await suite.api(`mutation ($id: ID!) { updateOpportunity(id: $id, input: { nextStep: "Call back" }) { __typename } }`, {
          id: opportunities.harbour.id,
        });
      }
      await route.continue();
    });
    try {
      await card('New', opportunities.harbour).getByLabel(`Move ${opportunities.harbour.humanId} to stage`).selectOption({ label: 'Qualified' });
      const error = page.getByTestId('move-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(
        `${opportunities.harbour.humanId} was not moved to Qualified: someone else changed it a moment before you. It is in New now.Dismiss`,
      );
    } finally {
      await page.unroute('**/graphql');
    }
    await expect.poll(() => card('New', opportunities.harbour).count()).toBe(1);
    expect(await card('Qualified', opportunities.harbour).count()).toBe(0);
    expect(await stageOf(opportunities.harbour)).toBe('New');
  });

  test('a new opportunity from the board lands in the first stage of the board’s pipeline', async () => {
    await page.getByRole('button', { name: 'New opportunity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New opportunity' });
    await dialog.getByLabel(/^Title/).fill('Dock door sensors');
    await dialog.getByLabel(/^Account/).fill('nordl');
    await dialog.getByRole('button', { name: /Nordlicht Logistik/ }).click();
    await dialog.getByLabel(/^Amount/).fill('5,000');
    await dialog.getByRole('button', { name: 'Create opportunity' }).click();

    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Created' }).textContent()).toContain('Dock door sensors');
    const created = column('New').getByTestId('board-card').filter({ hasText: 'Dock door sensors' });
    await expect.poll(() => created.count()).toBe(1);
    expect(await text(created)).toContain('€5,000.00');
    expect(await suite.prisma.opportunity.findFirstOrThrow({ where: { title: 'Dock door sensors' } })).toMatchObject({ kind: 'LEAD', pipelineId: leads.id });
  });

  test('the opportunity page saves changed fields and shows the server’s field errors', async () => {
    await card('Qualified', opportunities.fleet).getByRole('link', { name: 'Fleet telematics' }).click();
    await page.waitForURL('**/opportunities/**');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fleet telematics');
    expect(await page.getByLabel(/^Stage/).inputValue()).toBe(Buffer.from(`Stage:${leads.stages[1].id}`).toString('base64'));

    await page.getByLabel(/^Probability/).fill('150');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await fieldError(page, 'Probability \\(%\\)')).toBe('At most 100.');

    await page.getByLabel(/^Probability/).fill('55');
    await page.getByLabel(/^Next step/).fill('Send the offer');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: opportunities.fleet.dbId } })).toMatchObject({
      probability: 55,
      nextStep: 'Send the offer',
    });

    // A colleague's change arrives live: announced, and the untouched field shows the new value.
    await suite.api(
      `mutation ($id: ID!) { updateOpportunity(id: $id, input: { competitor: "Hansa Telematik" }) { __typename } }`,
      { id: opportunities.fleet.id },
      suite.org.northManager.token,
    );
    await expect.poll(() => page.getByTestId('live-notice').textContent()).toContain('Nora Manager just changed this opportunity (Competitor)');
    await expect.poll(() => page.getByLabel(/^Competitor/).inputValue()).toBe('Hansa Telematik');

    // History records the change with names, not ids.
    await page.getByRole('tab', { name: /History/ }).click();
    const history = page.getByRole('table', { name: 'History' });
    await expect.poll(() => history.textContent()).toContain('Next step');
    expect(await history.textContent()).toContain('Qualified');
  });

  test('an activity is added and completed on the opportunity page', async () => {
    await page.getByRole('button', { name: 'New activity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New activity' });
    await dialog.getByLabel(/^Type/).selectOption({ label: 'Call' });
    await dialog.getByLabel(/^Subject/).fill('Call the fleet manager');
    await dialog.getByRole('button', { name: 'Add activity' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const activity = page.getByTestId('activity').filter({ hasText: 'Call the fleet manager' });
    await activity.waitFor();
    await activity.getByRole('checkbox', { name: 'Done: Call the fleet manager' }).check();
    await expect.poll(async () => (await suite.prisma.activity.findFirstOrThrow({ where: { subject: 'Call the fleet manager' } })).doneAt).not.toBeNull();
    await expect.poll(() => activity.getByRole('checkbox').isChecked()).toBe(true);
  });

  test('a lead is converted to a deal, and losing it without a reason shows the server’s message', async () => {
    await page.goto(`/opportunities/${encodeURIComponent(opportunities.cold.id)}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cold storage sensors');
    await page.getByRole('button', { name: 'Convert to deal' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Convert to deal' }).click();
    await expect.poll(() => page.locator('.opportunity-page__badges').textContent()).toContain('Deal');
    expect(await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: opportunities.cold.dbId } })).toMatchObject({ kind: 'DEAL' });

    await page.getByRole('button', { name: 'Lose', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Lose ${opportunities.cold.humanId}` });
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();

    // The server's answer to a loss without reason, told by its field and reason in the user's language.
    const serverAnswer = await suite.api(
      `mutation ($id: ID!) { loseOpportunity(id: $id) { __typename ... on ValidationError { fieldErrors { field reason message } } } }`,
      { id: opportunities.cold.id },
    );
    expect(serverAnswer.loseOpportunity.__typename).toBe('ValidationError');
    const [expected] = serverAnswer.loseOpportunity.fieldErrors;
    expect(expected).toMatchObject({ field: 'lossReasonId', reason: 'REQUIRED' });
    expect(await fieldError(page, 'Loss reason')).toBe('Choose why the opportunity was lost.');
    expect(await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: opportunities.cold.dbId } })).toMatchObject({ status: 'OPEN' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  test('a won deal shows a banner and locks its business fields; the report stays editable', async () => {
    await page.getByRole('button', { name: 'Win', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Win ${opportunities.cold.humanId}` });
    await dialog.getByRole('button', { name: 'Mark as won' }).click();

    const banner = page.getByTestId('closed-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/^Won on /);
    expect(await page.getByTestId('opportunity-status').textContent()).toBe('Won');
    for (const label of [/^Title/, /^Amount/, /^Stage/, /^Probability/, /^Expected close/, /^Owner/]) {
      expect(await page.getByLabel(label).first().isDisabled(), String(label)).toBe(true);
    }
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lose', exact: true }).count()).toBe(0);

    const report = page.getByRole('textbox', { name: 'Win report' });
    expect(await report.isEnabled()).toBe(true);
    await report.fill('The references from Hamburg convinced them.');
    await page.getByRole('button', { name: 'Save report' }).click();
    await expect
      .poll(async () => (await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: opportunities.cold.dbId } })).winLossReport)
      .toBe('The references from Hamburg convinced them.');
    const saved = await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: opportunities.cold.dbId }, include: { account: true } });
    expect(saved).toMatchObject({ status: 'WON', probability: 100 });
    expect(saved.account.statusKey).toBe('CUSTOMER');
  });

  test('My tasks lists the overdue task first, highlighted, and completing it removes it', async () => {
    await followNav(page, 'Sales', 'My tasks');
    await page.waitForURL('**/tasks');
    const tasks = page.getByTestId('task');
    await expect.poll(() => tasks.count()).toBe(2);
    const first = tasks.first();
    expect(await first.textContent()).toContain('Send the revised quote');
    expect(await first.textContent()).toContain('Overdue');
    expect(await first.getAttribute('class')).toContain('task--overdue');
    expect(await tasks.nth(1).getAttribute('class')).not.toContain('task--overdue');
    expect(await first.getByRole('link').textContent()).toContain(opportunities.harbour.humanId);

    // click, not check(): a completed task leaves the list, so there is no checked box to verify.
    await first.getByRole('checkbox', { name: 'Done: Send the revised quote' }).click();
    await expect.poll(() => tasks.count()).toBe(1);
    expect(await tasks.first().textContent()).toContain('Plan the site visit');
    expect((await suite.prisma.activity.findFirstOrThrow({ where: { subject: 'Send the revised quote' } })).doneAt).not.toBeNull();
  });

  test('the pages logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});


function decodeGlobalId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
}

/** Text content with the non-breaking spaces of number formats as plain spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

