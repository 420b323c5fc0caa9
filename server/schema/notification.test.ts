import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
});
afterAll(() => t.close());

const PAGE = `query($first: Int, $last: Int, $before: String, $after: String) {
  unreadNotificationCount
  notifications(first: $first, last: $last, before: $before, after: $after) {
    edges { cursor node { title } }
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
  }
}`;

async function notify(userId: string, titles: string[], from: number) {
  for (const [index, title] of titles.entries()) {
    await t.prisma.notification.create({ data: { userId, kind: 'OPPORTUNITY_CHANGED', title, createdAt: new Date(from + index * 1000) } });
  }
}

describe('notifications', () => {
  it('lets a client that was away fetch exactly what came after the newest one it has', async () => {
    const start = Date.UTC(2026, 10, 1);
    await notify(org.northSales.id, ['one', 'two', 'three'], start);
    const first = await t.graphql(PAGE, { first: 10 }, org.northSales.token);
    expect(first.data.notifications.edges.map((edge: any) => edge.node.title)).toEqual(['three', 'two', 'one']);
    const newest = first.data.notifications.pageInfo.startCursor;

    // Offline meanwhile: five more arrive, and one for somebody else.
    await notify(org.northSales.id, ['four', 'five', 'six', 'seven', 'eight'], start + 10_000);
    await notify(org.northSales2.id, ['not yours'], start + 20_000);

    // Catching up two at a time: each page holds the ones just before the page fetched last.
    const seen: string[] = [];
    let before = newest;
    for (;;) {
      const page = await t.graphql(PAGE, { last: 2, before }, org.northSales.token);
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.notifications.edges.map((edge: any) => edge.node.title));
      if (!page.data.notifications.pageInfo.hasPreviousPage) break;
      before = page.data.notifications.pageInfo.startCursor;
    }
    expect(seen).toEqual(['five', 'four', 'seven', 'six', 'eight']);

    const unread = await t.graphql('{ unreadNotificationCount }', {}, org.northSales.token);
    expect(unread.data.unreadNotificationCount).toBe(8);
  });

  it('answers nothing without a session', async () => {
    const anonymous = await t.graphql(PAGE, { first: 10 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.notifications ?? null).toBeNull();
  });
});
