import type { Locator, Page, WebSocketRoute } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { normalizeCompanyName } from '../server/domain/normalize.ts';
import { type TestUser } from '../server/test/fixtures.ts';
import { LEAD_STAGES, insertPipeline } from '../server/test/sales-fixtures.ts';
import { chromiumMissing, requireChromium, useBrowserApp } from './test/browser.ts';

// Several people on one board, each in their own browser context: Nils (sales) moves cards,
// Nora (his manager, who follows a deal) sees it happen live and is notified, Sven (manager of
// the other team) sees nothing of it. Then Nora's connection drops, changes happen while she is
// away, and her board and bell catch up when it comes back.

requireChromium('real-time collaboration in the browser');

const LIVE = { timeout: 15_000 };
const RECONNECT = { timeout: 30_000 };
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

describe.skipIf(chromiumMissing)('real-time collaboration in the browser', () => {
  let northAccountId: string;
  let southAccountId: string;
  const suite = useBrowserApp(async ({ prisma, org }) => {
    const pipeline = await insertPipeline(prisma, { name: 'Leads', kind: 'LEAD', position: 0, stages: LEAD_STAGES });
    stages = pipeline.stages;
    const account = (name: string, owner: TestUser, teamId: string) =>
      prisma.account.create({ data: { name, normalizedName: normalizeCompanyName(name), ownerId: owner.id, teamId } });
    northAccountId = globalId('Account', (await account('Nordlicht Logistik', org.northSales, org.north.id)).id);
    southAccountId = globalId('Account', (await account('Südwind Energie', org.southSales, org.south.id)).id);
  });
  const { pageErrors } = suite;
  let nils: Page;
  let nora: Page;
  let sven: Page;
  let stages: { id: string; name: string }[];
  const deals: Record<'fleet' | 'harbour' | 'cold', { id: string; humanId: string }> = {} as never;

  // Nora's WebSocket goes through here, so the test can drop it and refuse reconnects for a while.
  let noraOffline = false;
  const noraSockets: WebSocketRoute[] = [];
  const noraRequests: string[] = [];

  async function createDeal(title: string, accountId: string, amount: string, user: TestUser) {
    const data = await suite.api(
      `mutation ($input: CreateOpportunityInput!) {
        createOpportunity(input: $input) { __typename ... on CreateOpportunitySuccess { opportunity { id humanId } } ... on Error { message } }
      }`,
      { input: { title, accountId, amount, expectedCloseDate: '2030-06-30' } },
      user.token,
    );
    if (data.createOpportunity.__typename !== 'CreateOpportunitySuccess') throw new Error(data.createOpportunity.message);
    return data.createOpportunity.opportunity as { id: string; humanId: string };
  }

  const move = (deal: { id: string }, stage: string, user: TestUser) =>
    suite.api(
      `mutation ($id: ID!, $stageId: ID!) { moveOpportunity(id: $id, stageId: $stageId) { __typename } }`,
      { id: deal.id, stageId: globalId('Stage', stages.find((candidate) => candidate.name === stage)!.id) },
      user.token,
    );

  async function openPage(user: TestUser, onPage?: (page: Page) => Promise<void>): Promise<Page> {
    const context = await suite.browser.newContext({ baseURL: suite.baseUrl, locale: 'en-US', viewport: { width: 1400, height: 1000 } });
    await context.addInitScript((token) => localStorage.setItem('pipeline-crm.session-token', token), user.token);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${user.email}: ${error.message}`));
    page.on('console', (message) => {
      // A refused WebSocket handshake is the point of the offline step, not an error of the page.
      if (message.type() === 'error' && !message.text().includes('WebSocket')) pageErrors.push(`${user.email}: ${message.text()}`);
    });
    await onPage?.(page);
    return page;
  }

  beforeAll(async () => {
    deals.fleet = await createDeal('Fleet telematics', northAccountId, '12000', suite.org.northSales);
    deals.harbour = await createDeal('Harbour lighting', northAccountId, '3000', suite.org.northSales);
    deals.cold = await createDeal('Cold storage sensors', northAccountId, '25000', suite.org.northSales);

    nils = await openPage(suite.org.northSales);
    nora = await openPage(suite.org.northManager, async (page) => {
      // urql sends queries as GET, mutations as POST.
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname !== '/graphql') return;
        noraRequests.push(request.method() === 'GET' ? url.searchParams.get('operationName') : request.postDataJSON()?.operationName);
      });
      await page.routeWebSocket(/\/graphql$/, (socket) => {
        if (noraOffline) return void socket.close({ code: 1001, reason: 'Going away' });
        socket.connectToServer();
        noraSockets.push(socket);
      });
    });
    sven = await openPage(suite.org.southManager);
  });

  const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
  const card = (page: Page, stage: string, deal: { humanId: string }) =>
    column(page, stage).locator(`[data-testid="board-card"][data-opportunity="${deal.humanId}"]`);
  const live = (page: Page) => page.getByTestId('live-indicator').textContent();
  const unread = async (page: Page) => {
    const count = page.getByTestId('notification-count');
    return (await count.count()) ? text(count) : '0';
  };

  async function openBoard(page: Page) {
    await page.goto('/board');
    await expect.poll(() => page.getByTestId('board-column').count(), LIVE).toBe(3);
    await expect.poll(() => live(page), LIVE).toBe('Live');
  }

  test('Nora follows the fleet deal from its page', async () => {
    await nora.goto(`/opportunities/${encodeURIComponent(deals.fleet.id)}`);
    await nora.getByRole('button', { name: '☆ Follow' }).click();
    await expect.poll(() => nora.getByRole('button', { name: '★ Following' }).count()).toBe(1);
  });

  test('everyone opens the board: Nils and Nora see their team’s deals, Sven none of them', async () => {
    await Promise.all([openBoard(nils), openBoard(nora), openBoard(sven)]);
    await expect.poll(() => column(nora, 'New').getByTestId('board-card').count()).toBe(3);
    expect(await column(nils, 'New').getByTestId('board-card').count()).toBe(3);
    expect(await sven.getByTestId('board-card').count()).toBe(0);
    expect(await text(column(sven, 'New').getByTestId('column-count'))).toBe('0');
  });

  test('Nils drags a card; Nora sees it in the new column at once, with his name, and the totals follow', async () => {
    const handle = card(nils, 'New', deals.fleet).getByRole('button', { name: /^Drag / });
    const from = (await handle.boundingBox())!;
    const to = (await column(nils, 'Qualified').boundingBox())!;
    await nils.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await nils.mouse.down();
    await nils.mouse.move(from.x + from.width / 2 + 15, from.y + from.height / 2 + 5, { steps: 4 });
    await nils.mouse.move(to.x + to.width / 2, to.y + 150, { steps: 15 });
    await nils.mouse.up();

    await expect.poll(() => card(nora, 'Qualified', deals.fleet).count(), LIVE).toBe(1);
    expect(await card(nora, 'New', deals.fleet).count()).toBe(0);
    expect(await text(card(nora, 'Qualified', deals.fleet).getByTestId('card-live-change'))).toBe('Moved to Qualified by Nils Sales');
    expect(await text(column(nora, 'Qualified').getByTestId('column-count'))).toBe('1');
    expect(await text(column(nora, 'Qualified').getByTestId('column-amount'))).toBe('€12,000.00');
    expect(await text(column(nora, 'Qualified').getByTestId('column-weighted'))).toBe('€4,800.00');
    expect(await text(column(nora, 'New').getByTestId('column-count'))).toBe('2');
    expect(await text(column(nora, 'New').getByTestId('column-amount'))).toBe('€28,000.00');
    // Nils made the move: his own card is not announced to him.
    expect(await card(nils, 'Qualified', deals.fleet).getByTestId('card-live-change').count()).toBe(0);
    // The board was updated from the event: Nora's browser asked for no new board.
    expect(noraRequests.filter((operation) => operation === 'Board')).toHaveLength(1);
  });

  test('a deal won elsewhere leaves Nora’s board with who won it, and the totals follow', async () => {
    const won = await suite.api(`mutation ($id: ID!) { winOpportunity(id: $id) { __typename } }`, { id: deals.cold.id }, suite.org.northSales.token);
    expect(won.winOpportunity.__typename).toBe('WinOpportunitySuccess');
    const ghost = column(nora, 'New').getByTestId('board-card-leaving');
    await expect.poll(() => ghost.count(), LIVE).toBe(1);
    expect(await ghost.getAttribute('data-opportunity')).toBe(deals.cold.humanId);
    expect(await text(ghost)).toContain('Won by Nils Sales');
    expect(await card(nora, 'New', deals.cold).count()).toBe(0);
    expect(await text(column(nora, 'New').getByTestId('column-count'))).toBe('1');
    expect(await text(column(nora, 'New').getByTestId('column-amount'))).toBe('€3,000.00');
    // The ghost fades out.
    await expect.poll(() => ghost.count(), LIVE).toBe(0);
    // Nils won it himself: the card is simply gone from his board.
    expect(await card(nils, 'New', deals.cold).count()).toBe(0);
    expect(await nils.getByTestId('board-card-leaving').count()).toBe(0);
  });

  test('Nora, who follows the deal, is notified in the bell; opening it marks it read and leads to the deal', async () => {
    await expect.poll(() => unread(nora), LIVE).toBe('1');
    expect(await unread(nils)).toBe('0');
    await nora.getByTestId('notification-bell').click();
    const notification = nora.getByTestId('notification').first();
    expect(await text(notification)).toContain(`${deals.fleet.humanId} Fleet telematics: Stage changed`);
    expect(await text(notification)).toContain('Nils Sales');
    await notification.getByRole('button').click();
    await nora.waitForURL(`**/opportunities/${encodeURIComponent(deals.fleet.id)}`);
    await expect.poll(() => unread(nora)).toBe('0');
  });

  test('nothing of the north team reaches Sven, and his own team’s new deal does', async () => {
    const south = await createDeal('Wind park monitoring', southAccountId, '40000', suite.org.southSales);
    await expect.poll(() => column(sven, 'New').locator(`[data-opportunity="${south.humanId}"]`).count(), LIVE).toBe(1);
    expect(await text(column(sven, 'New').locator(`[data-opportunity="${south.humanId}"]`).getByTestId('card-live-change'))).toBe('Added by Sara Sales');
    expect(await sven.locator(`[data-opportunity="${deals.fleet.humanId}"]`).count()).toBe(0);
    expect(await unread(sven)).toBe('0');
    expect(await text(column(sven, 'New').getByTestId('column-count'))).toBe('1');
    // Nils's board stays his team's.
    expect(await nils.locator(`[data-opportunity="${south.humanId}"]`).count()).toBe(0);
  });

  test('Nora’s connection drops; what happened meanwhile reaches her board and bell when it is back', async () => {
    await openBoard(nora);
    await expect.poll(() => card(nora, 'New', deals.harbour).count()).toBe(1);
    const catchUpsBefore = noraRequests.filter((operation) => operation === 'NotificationsSince').length;

    noraOffline = true;
    for (const socket of noraSockets.splice(0)) await socket.close({ code: 1001, reason: 'Going away' });
    await expect.poll(() => live(nora), LIVE).toBe('Reconnecting…');

    await move(deals.harbour, 'Proposal', suite.org.northSales);
    await suite.api(`mutation ($id: ID!) { updateOpportunity(id: $id, input: { amount: "15000" }) { __typename } }`, { id: deals.fleet.id }, suite.org.northSales.token);
    // Nothing arrives while she is offline.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await card(nora, 'New', deals.harbour).count()).toBe(1);
    expect(await unread(nora)).toBe('0');

    noraOffline = false;
    await expect.poll(() => live(nora), RECONNECT).toBe('Live');
    await expect.poll(() => card(nora, 'Proposal', deals.harbour).count(), LIVE).toBe(1);
    expect(await card(nora, 'New', deals.harbour).count()).toBe(0);
    await expect.poll(() => unread(nora), LIVE).toBe('1');
    // The bell asked for what came after the newest notification it had, not for everything.
    expect(noraRequests.filter((operation) => operation === 'NotificationsSince').length).toBe(catchUpsBefore + 1);
    await nora.getByTestId('notification-bell').click();
    expect(await text(nora.getByTestId('notification').first())).toContain(`${deals.fleet.humanId} Fleet telematics: Amount changed`);

    // And live updates flow again.
    await move(deals.harbour, 'Qualified', suite.org.northSales);
    await expect.poll(() => card(nora, 'Qualified', deals.harbour).count(), LIVE).toBe(1);
  });

  test('the pages logged no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** Text content with the non-breaking spaces of number formats as plain spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}
