import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDaysTo, instantOf, mondayOf, rescheduleTarget, todayIn } from './src/pages/activities/zoned-time.ts';
import { chromiumMissing, fieldError, followNav, PHONE, requireChromium, signInWith, useBrowserApp } from './test/browser.ts';
import { globalId, seedPipelines } from './test/pipeline-fixture.ts';
import { type TestUser } from '../server/test/fixtures.ts';

// Activities in full, in Chromium against the real server: logging a past call with notes,
// applying a pipeline's activity plan, rescheduling, completing at an earlier moment, editing and
// deleting a task, the explicit choice about open activities when an opportunity is won or lost
// (on its page and on the board's drop zones, with undo), the activity list filtered to overdue
// and the week calendar. Times are on the organisation's clock (Europe/Berlin), whatever the
// machine's zone.

requireChromium('activities in the browser');

const ZONE = 'Europe/Berlin';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results/screenshots');

interface Created {
  id: string;
  humanId: string;
  dbId: string;
}

describe.skipIf(chromiumMissing)('activities in the browser', () => {
  const suite = useBrowserApp(async ({ prisma, org }) => {
    seeded = await seedPipelines(prisma, org);
  });
  const { signedIn } = signInWith(() => suite, suite);
  const { pageErrors } = suite;
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seedPipelines>>;

  async function createOpportunity(title: string, user: TestUser = suite.org.northSales): Promise<Created> {
    const data = await suite.api(
      `mutation ($input: CreateOpportunityInput!) {
        createOpportunity(input: $input) { ... on CreateOpportunitySuccess { opportunity { id humanId } } }
      }`,
      { input: { title, accountId: globalId('Account', seeded.account.id), amount: '10000', expectedCloseDate: '2030-06-30' } },
      user.token,
    );
    const { id, humanId } = data.createOpportunity.opportunity as { id: string; humanId: string };
    return { id, humanId, dbId: Buffer.from(id, 'base64').toString('utf8').split(':')[1] };
  }

  async function createActivity(opportunity: Created, input: Record<string, unknown>, user: TestUser = suite.org.northSales) {
    const data = await suite.api(
      `mutation ($input: CreateActivityInput!) { createActivity(input: $input) { __typename ... on CreateActivitySuccess { activity { id } } } }`,
      { input: { opportunityId: opportunity.id, type: 'TASK', ...input } },
      user.token,
    );
    expect(data.createActivity.__typename).toBe('CreateActivitySuccess');
    return Buffer.from(data.createActivity.activity.id as string, 'base64').toString('utf8').split(':')[1];
  }

  const opportunityPage = async (opportunity: Created) => {
    await page.goto(`/opportunities/${encodeURIComponent(opportunity.id)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  };
  const activityItem = (subject: string) => page.getByTestId('activity').filter({ hasText: subject });
  const storedActivity = (subject: string) => suite.prisma.activity.findFirstOrThrow({ where: { subject } });

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    page = await signedIn(suite.org.northSales);
  });

  test('a past call is logged with notes and outcome; a future time is refused by the server; the timeline shows it', async () => {
    const conveyor = await createOpportunity('Conveyor retrofit');
    await opportunityPage(conveyor);
    await page.getByRole('button', { name: 'Log past activity' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log past activity' });
    expect(await dialog.getByLabel(/^Type/).inputValue()).toBe('CALL');
    expect(await dialog.getByRole('checkbox', { name: 'Already happened' }).isChecked()).toBe(true);
    await dialog.getByLabel(/^Subject/).fill('Call with purchasing');
    await dialog.getByLabel('Outcome').fill('Wants a quote by Friday');
    await dialog.getByLabel('Notes').fill('Spoke with Mr Berg about two more lines.\nBudget is approved.');

    const today = todayIn(ZONE);
    await dialog.getByLabel('Done on').fill(addDaysTo(today, 1));
    await dialog.getByLabel('Done at').fill('10:00');
    await dialog.getByRole('button', { name: 'Log activity' }).click();
    expect(await fieldError(page, 'Done on')).toBe('This lies in the future: something that happened needs a past time.');
    expect(await suite.prisma.activity.count({ where: { opportunityId: conveyor.dbId } })).toBe(0);

    const yesterday = addDaysTo(today, -1);
    await dialog.getByLabel('Done on').fill(yesterday);
    await dialog.getByLabel('Done at').fill('14:30');
    await dialog.getByRole('button', { name: 'Log activity' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const logged = await storedActivity('Call with purchasing');
    expect(logged).toMatchObject({ type: 'CALL', outcome: 'Wants a quote by Friday', notes: 'Spoke with Mr Berg about two more lines.\nBudget is approved.' });
    expect(logged.doneAt?.toISOString()).toBe(instantOf(yesterday, '14:30', ZONE));
    const item = activityItem('Call with purchasing');
    expect(await item.getByRole('checkbox', { name: 'Done: Call with purchasing' }).isChecked()).toBe(true);
    expect(await item.textContent()).toContain('Wants a quote by Friday');

    const timeline = page.getByRole('tabpanel');
    await expect.poll(() => timeline.textContent()).toContain('Call: Call with purchasing');
    expect(await timeline.textContent()).toContain('Wants a quote by Friday');
    expect(await timeline.textContent()).toContain('Spoke with Mr Berg about two more lines.');
  });

  test('the pipeline’s activity plan is previewed from a start date and applied; the created tasks are listed', async () => {
    await suite.prisma.activityPlanStep.createMany({
      data: [
        { pipelineId: seeded.leads.id, position: 0, type: 'CALL', subject: 'Introductory call', dayOffset: 0, durationMinutes: 30 },
        { pipelineId: seeded.leads.id, position: 1, type: 'MEETING', subject: 'Demo on site', dayOffset: 3, durationMinutes: 90 },
        { pipelineId: seeded.leads.id, position: 2, type: 'TASK', subject: 'Send the proposal', dayOffset: 7 },
      ],
    });
    const sorter = await createOpportunity('Parcel sorter');
    await opportunityPage(sorter);
    await page.getByRole('button', { name: 'Apply activity plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply activity plan' });
    await dialog.getByLabel(/^Start date/).fill('2030-03-04');
    const preview = dialog.getByTestId('plan-preview').getByRole('listitem');
    await expect.poll(() => preview.allTextContents()).toEqual([
      'Call Introductory call Mon, Mar 4 · 30 min',
      'Meeting Demo on site Thu, Mar 7 · 90 min',
      'Task Send the proposal Mon, Mar 11',
    ]);
    await dialog.getByRole('button', { name: 'Create 3 tasks' }).click();

    const created = dialog.getByTestId('plan-created').getByRole('listitem');
    await expect.poll(() => created.count()).toBe(3);
    expect(await text(created.nth(1))).toContain('Demo on site Due Mar 7, 2030, 9:00 AM');
    const stored = await suite.prisma.activity.findMany({ where: { opportunityId: sorter.dbId }, orderBy: { dueAt: 'asc' } });
    expect(stored.map((activity) => [activity.subject, activity.dueAt?.toISOString(), activity.assigneeId])).toEqual([
      ['Introductory call', '2030-03-04T08:00:00.000Z', suite.org.northSales.id],
      ['Demo on site', '2030-03-07T08:00:00.000Z', suite.org.northSales.id],
      ['Send the proposal', '2030-03-11T08:00:00.000Z', suite.org.northSales.id],
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('activity').count()).toBe(3);
  });

  test('a task is rescheduled to tomorrow, completed at an earlier moment, edited, and another deleted after confirming', async () => {
    const cranes = await createOpportunity('Crane inspection');
    const due = instantOf(todayIn(ZONE), '16:00', ZONE)!;
    await createActivity(cranes, { subject: 'Prepare the offer', dueAt: due });
    await createActivity(cranes, { subject: 'Obsolete reminder', dueAt: due });
    await opportunityPage(cranes);

    await activityItem('Prepare the offer').getByRole('button', { name: 'Reschedule' }).click();
    const reschedule = page.getByRole('dialog', { name: 'Reschedule: Prepare the offer' });
    await reschedule.getByRole('button', { name: /^Tomorrow/ }).click();
    await expect.poll(async () => (await storedActivity('Prepare the offer')).dueAt?.toISOString()).toBe(rescheduleTarget('tomorrow', due, ZONE));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Rescheduled: Prepare the offer' }).count()).toBe(1);

    await activityItem('Prepare the offer').getByRole('button', { name: 'Done at…' }).click();
    const complete = page.getByRole('dialog', { name: 'Mark as done: Prepare the offer' });
    await complete.getByRole('radio', { name: 'Earlier, at:' }).check();
    const yesterday = addDaysTo(todayIn(ZONE), -1);
    await complete.getByLabel('Done on').fill(yesterday);
    await complete.getByLabel('Done at').fill('11:15');
    await complete.getByRole('button', { name: 'Mark as done' }).click();
    await expect.poll(async () => (await storedActivity('Prepare the offer')).doneAt?.toISOString()).toBe(instantOf(yesterday, '11:15', ZONE));
    await expect.poll(() => activityItem('Prepare the offer').getByRole('checkbox').isChecked()).toBe(true);
    // A completed task is not rescheduled any more.
    expect(await activityItem('Prepare the offer').getByRole('button', { name: 'Reschedule' }).count()).toBe(0);

    await activityItem('Prepare the offer').getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit activity' });
    expect(await edit.getByLabel('Done at').inputValue()).toBe('11:15');
    await edit.getByLabel('Outcome').fill('Offer sent by mail');
    await edit.getByLabel(/^Duration/).fill('45');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await storedActivity('Prepare the offer')).outcome).toBe('Offer sent by mail');
    const edited = await storedActivity('Prepare the offer');
    expect(edited.durationMinutes).toBe(45);
    // Saving other fields keeps the done time as it was.
    expect(edited.doneAt?.toISOString()).toBe(instantOf(yesterday, '11:15', ZONE));

    const obsolete = activityItem('Obsolete reminder');
    await obsolete.getByRole('button', { name: 'Delete' }).click();
    const confirm = obsolete.getByRole('group', { name: 'Delete this activity?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => suite.prisma.activity.count({ where: { subject: 'Obsolete reminder' } })).toBe(0);
    await expect.poll(() => activityItem('Obsolete reminder').count()).toBe(0);
  });

  test('winning an opportunity with open tasks asks what becomes of them; “close them” marks them done', async () => {
    const lifts = await createOpportunity('Lift modernisation');
    const later = new Date(Date.now() + 5 * 86_400_000).toISOString();
    await createActivity(lifts, { subject: 'Check the shafts', dueAt: later });
    await createActivity(lifts, { subject: 'Order the doors', dueAt: later });
    await opportunityPage(lifts);
    await page.getByRole('button', { name: 'Win', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Win ${lifts.humanId}` });
    const choice = dialog.getByTestId('open-activities-choice');
    await expect.poll(() => choice.textContent()).toContain('This opportunity has 2 open activities');
    expect(await choice.textContent()).toContain('Task: Check the shafts');

    // Without a choice the server refuses, and says why at the question.
    await dialog.getByRole('button', { name: 'Mark as won' }).click();
    await expect.poll(() => choice.locator('.field__error').textContent()).toBe('Choose whether to close the open activities or keep them.');
    expect((await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: lifts.dbId } })).status).toBe('OPEN');

    await dialog.getByRole('radio', { name: 'Close them: mark them as done' }).check();
    await dialog.getByRole('button', { name: 'Mark as won' }).click();
    await page.getByTestId('closed-banner').waitFor();
    expect((await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: lifts.dbId } })).status).toBe('WON');
    const tasks = await suite.prisma.activity.findMany({ where: { opportunityId: lifts.dbId } });
    expect(tasks.map((task) => task.doneAt !== null)).toEqual([true, true]);
    await expect.poll(() => page.getByTestId('activity').getByRole('checkbox', { checked: true }).count()).toBe(2);
  });

  test('the board’s Won zone asks for a card with open activities; a loss that closed them is undone with them', async () => {
    const gates = await createOpportunity('Gate automation');
    const ramps = await createOpportunity('Ramp sensors');
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await createActivity(gates, { subject: 'Measure the gates', dueAt: later });
    await createActivity(ramps, { subject: 'Count the ramps', dueAt: later });
    await page.goto(`/board/${encodeURIComponent(globalId('Pipeline', seeded.leads.id))}`);
    const card = (opportunity: Created) => page.locator(`[data-opportunity="${opportunity.humanId}"]`);
    await card(gates).waitFor();

    await dragTo(page, card(gates), page.getByTestId('drop-won'));
    const win = page.getByRole('dialog', { name: `Win ${gates.humanId}` });
    await win.getByRole('radio', { name: 'Keep it open' }).check();
    await win.getByRole('button', { name: 'Mark as won' }).click();
    await expect.poll(async () => (await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: gates.dbId } })).status).toBe('WON');
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(`${gates.humanId} won.`);
    expect((await storedActivity('Measure the gates')).doneAt).toBeNull();

    await dragTo(page, card(ramps), page.getByTestId('drop-lost'));
    const lose = page.getByRole('dialog', { name: `Lose ${ramps.humanId}` });
    await lose.getByLabel(/^Loss reason/).selectOption({ label: 'Price too high' });
    await lose.getByRole('radio', { name: 'Close it: mark it as done' }).check();
    await lose.getByRole('button', { name: 'Mark as lost' }).click();
    await expect.poll(async () => (await storedActivity('Count the ramps')).doneAt).not.toBeNull();
    const toast = page.getByTestId('toast');
    await expect.poll(() => toast.textContent()).toContain(`${ramps.humanId} lost.`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: ramps.dbId } })).status).toBe('OPEN');
    await expect.poll(async () => (await storedActivity('Count the ramps')).doneAt).toBeNull();
  });

  test('a win is undone from its toast on the board and on its page, with the activities it closed; not while an order rests on it, neither from the toast nor by Reopen', async () => {
    const cranes = await createOpportunity('Crane sensors');
    const status = async () => (await suite.prisma.opportunity.findUniqueOrThrow({ where: { id: cranes.dbId } })).status;
    await page.goto(`/board/${encodeURIComponent(globalId('Pipeline', seeded.leads.id))}`);
    const card = page.locator(`[data-opportunity="${cranes.humanId}"]`);
    await card.waitFor();
    await dragTo(page, card, page.getByTestId('drop-won'));
    await expect.poll(status).toBe('WON');
    const toast = page.getByTestId('toast');
    await expect.poll(() => toast.textContent()).toContain(`${cranes.humanId} won.`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(status).toBe('OPEN');
    await expect.poll(() => card.count()).toBe(1);
    expect((await suite.prisma.account.findUniqueOrThrow({ where: { id: seeded.account.id } })).statusKey).toBe('CUSTOMER');

    // On its page: the win closed the open task, the undo opens it again.
    await createActivity(cranes, { subject: 'Calibrate the cranes', dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    await opportunityPage(cranes);
    await page.getByRole('button', { name: 'Win', exact: true }).click();
    const win = page.getByRole('dialog', { name: `Win ${cranes.humanId}` });
    await win.getByRole('radio', { name: 'Close it: mark it as done' }).check();
    await win.getByRole('button', { name: 'Mark as won' }).click();
    await page.getByTestId('closed-banner').waitFor();
    expect((await storedActivity('Calibrate the cranes')).doneAt).not.toBeNull();
    await expect.poll(() => toast.textContent()).toContain(`${cranes.humanId} won.`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(status).toBe('OPEN');
    await expect.poll(async () => (await storedActivity('Calibrate the cranes')).doneAt).toBeNull();
    await expect.poll(() => page.getByTestId('closed-banner').count()).toBe(0);

    // Won again, and ordered: the undo is refused with the server's reason, and the deal stays won.
    await page.getByRole('button', { name: 'Win', exact: true }).click();
    await win.getByRole('radio', { name: 'Keep it open' }).check();
    await win.getByRole('button', { name: 'Mark as won' }).click();
    await page.getByTestId('closed-banner').waitFor();
    const order = await suite.api('mutation ($id: ID!) { createOrder(input: { opportunityId: $id }) { __typename } }', { id: cranes.id });
    expect(order.createOrder.__typename).toBe('CreateOrderSuccess');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'was not reopened' }).textContent())
      .toBe(`${cranes.humanId} was not reopened: It has an order or invoice that is not cancelled: cancel that first.`);
    expect(await status()).toBe('WON');

    // The page's Reopen button is refused the same way; once the order is cancelled it reopens.
    const refusal = page.locator('.banner--error[role="alert"]');
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await expect.poll(() => refusal.textContent()).toBe('It has an order or invoice that is not cancelled: cancel that first.');
    expect(await status()).toBe('WON');
    const orderId = globalId('Order', (await suite.prisma.order.findFirstOrThrow({ where: { opportunityId: cranes.dbId } })).id);
    const cancelled = await suite.api('mutation ($id: ID!) { cancelOrder(id: $id, reason: "Ordered twice") { __typename } }', { id: orderId });
    expect(cancelled.cancelOrder.__typename).toBe('CancelOrderSuccess');
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await expect.poll(status).toBe('OPEN');
    await expect.poll(() => page.getByTestId('closed-banner').count()).toBe(0);
  });

  test('the activity list filters to overdue; a colleague’s activity is listed without actions; My tasks links both ways', async () => {
    const docks = await createOpportunity('Dock levellers');
    await createActivity(docks, { subject: 'Overdue follow-up', dueAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    await createActivity(docks, { type: 'CALL', subject: 'Overdue call back', dueAt: new Date(Date.now() - 3_600_000).toISOString() });
    await createActivity(docks, { subject: 'Future check-in', dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    const ninas = await createOpportunity('Pallet wrapping', suite.org.northSales2);
    await createActivity(ninas, { subject: 'Nina’s overdue reminder', dueAt: new Date(Date.now() - 86_400_000).toISOString() }, suite.org.northSales2);

    await followNav(page, 'Sales', 'Activities');
    await page.waitForURL('**/activities');
    const rows = page.getByTestId('activity-row');
    await expect.poll(() => rows.filter({ hasText: 'Future check-in' }).count()).toBe(1);

    await page.getByLabel('Status').selectOption({ label: 'Overdue' });
    await page.waitForURL((url) => url.pathname === '/activities' && url.searchParams.get('status') === 'overdue');
    await expect.poll(() => rows.filter({ hasText: 'Future check-in' }).count()).toBe(0);
    // Only these two of Nils's activities are overdue (the others of this file are done or ahead).
    expect(await suite.prisma.activity.count({ where: { assigneeId: suite.org.northSales.id, doneAt: null, dueAt: { lt: new Date() } } })).toBe(2);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('activity-count').textContent()).toBe('2 activities');
    expect(await rows.filter({ hasText: 'Overdue call back' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Overdue follow-up' }).count()).toBe(1);
    for (const status of await rows.locator('.status').allTextContents()) expect(status).toBe('Overdue');
    expect(await rows.filter({ hasText: 'Nina’s overdue reminder' }).count()).toBe(0);

    await page.getByLabel('Assigned to').selectOption({ label: 'Anyone' });
    const ninasRow = rows.filter({ hasText: 'Nina’s overdue reminder' });
    await ninasRow.waitFor();
    expect(await ninasRow.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await ninasRow.getByRole('checkbox').isDisabled()).toBe(true);
    expect(await rows.filter({ hasText: 'Overdue follow-up' }).getByRole('button', { name: 'Edit' }).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'activities-overdue-1280.png'), fullPage: true });

    await page.getByRole('link', { name: 'My tasks' }).last().click();
    await page.waitForURL('**/tasks');
    await page.getByRole('link', { name: 'All activities' }).click();
    await page.waitForURL('**/activities');
  });

  test('the week calendar shows a scheduled meeting on its day, marks today, links to the record and moves by weeks', async () => {
    const halls = await createOpportunity('Hall lighting');
    const today = todayIn(ZONE);
    await createActivity(halls, { type: 'MEETING', subject: 'Lighting workshop', dueAt: instantOf(today, '10:30', ZONE), durationMinutes: 60 });
    await page.goto('/activities');
    await page.getByRole('link', { name: 'Week', exact: true }).click();
    await page.waitForURL('**/activities/week');

    const day = page.locator(`[data-testid="week-day"][data-day="${today}"]`);
    const entry = day.getByTestId('week-entry').filter({ hasText: 'Lighting workshop' });
    await entry.waitFor();
    expect(await text(entry)).toContain('10:30 AM–11:30 AM');
    expect(await text(entry)).toContain(`${halls.humanId} Hall lighting`);
    expect(await day.getAttribute('class')).toContain('week__day--today');
    expect(await day.getByRole('heading').textContent()).toContain('Today');
    expect(await page.getByTestId('week-day').count()).toBe(7);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'activity-week-meeting-1280.png'), fullPage: true });

    await page.getByRole('button', { name: /Next week/ }).click();
    await page.waitForURL((url) => url.pathname === '/activities/week' && url.searchParams.get('week') === addDaysTo(mondayOf(today), 7));
    await expect.poll(() => page.getByTestId('week-entry').filter({ hasText: 'Lighting workshop' }).count()).toBe(0);
    await page.getByRole('button', { name: 'This week' }).click();
    await entry.getByRole('link').click();
    await page.waitForURL(`**/opportunities/${encodeURIComponent(halls.id)}`);

    // On a phone the days stand one under the other, and nothing scrolls sideways.
    const phone = await signedIn(suite.org.northSales, { viewport: PHONE });
    await phone.goto('/activities/week');
    const days = phone.getByTestId('week-day');
    await days.first().waitFor();
    const [monday, tuesday] = [(await days.nth(0).boundingBox())!, (await days.nth(1).boundingBox())!];
    expect(tuesday.y).toBeGreaterThanOrEqual(monday.y + monday.height);
    expect(monday.width).toBeGreaterThan(PHONE.width * 0.8);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'activity-week-meeting-375.png'), fullPage: true });
  });

  test('the pages logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

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

/** Text content with the (narrow) no-break spaces of number and time formats as plain spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}
