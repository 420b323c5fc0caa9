import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useClient, useMutation } from 'urql';
import type { NotificationAddedSubscription as NotificationAddedResult, NotificationFieldsFragment } from '../../gql/graphql.ts';
import { useEachSubscriptionEvent } from '../../hooks/useEachSubscriptionEvent.ts';
import { useCatchUpAfterReconnect } from '../../hooks/useLiveConnection.ts';
import { emptyInbox, inboxReducer } from './inbox.ts';
import {
  MarkNotificationsReadMutation,
  NotificationAddedSubscription,
  NotificationsQuery,
  NotificationsSinceQuery,
} from './notification-queries.ts';

const PAGE_SIZE = 20;
const CATCH_UP_PAGE_SIZE = 50;
/** A client away for very long reloads the newest page instead of paging through everything. */
const MAX_CATCH_UP_PAGES = 10;

type Item = NotificationFieldsFragment;

const pickNotification = (result: NotificationAddedResult): Item => result.notificationAdded;

/**
 * The viewer's notifications for the bell: the newest page, older pages on request, new ones as
 * they are created (`notificationAdded`), and, after the live connection dropped, everything that
 * came after the newest one it had (`before` that cursor), so nothing is lost while offline.
 */
export function useInbox() {
  const client = useClient();
  const [inbox, dispatch] = useReducer(inboxReducer<Item>, undefined, emptyInbox<Item>);
  const newestCursor = useRef<string | null>(null);
  newestCursor.current = inbox.newestCursor;

  /** A page of the newest notifications, or of older ones after a cursor. */
  const fetchPage = useCallback(
    async (after?: string) => {
      const result = await client.query(NotificationsQuery, { first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      if (!result.data) return null;
      const { edges, pageInfo } = result.data.notifications;
      return { items: edges.map((edge) => edge.node), unread: result.data.unreadNotificationCount, pageInfo };
    },
    [client],
  );

  const loadNewest = useCallback(async () => {
    const page = await fetchPage();
    if (!page) return;
    dispatch({
      type: 'newest',
      items: page.items,
      unread: page.unread,
      newestCursor: page.pageInfo.startCursor ?? null,
      oldestCursor: page.pageInfo.endCursor ?? null,
      hasOlder: page.pageInfo.hasNextPage,
    });
  }, [fetchPage]);

  const catchUp = useCallback(async () => {
    const newest = newestCursor.current;
    if (!newest) return loadNewest();
    let before: string = newest;
    for (let page = 0; page < MAX_CATCH_UP_PAGES; page += 1) {
      const result = await client
        .query(NotificationsSinceQuery, { before, last: CATCH_UP_PAGE_SIZE }, { requestPolicy: 'network-only' })
        .toPromise();
      const data = result.data;
      if (!data) return;
      const { edges, pageInfo } = data.notifications;
      before = pageInfo.startCursor ?? before;
      dispatch({ type: 'caughtUp', items: edges.map((edge) => edge.node), unread: data.unreadNotificationCount, newestCursor: before });
      if (!pageInfo.hasPreviousPage) return;
    }
    return loadNewest();
  }, [client, loadNewest]);

  useEffect(() => {
    void loadNewest();
  }, [loadNewest]);
  useCatchUpAfterReconnect(() => void catchUp());

  useEachSubscriptionEvent(NotificationAddedSubscription, {}, pickNotification, (item) => dispatch({ type: 'added', item }));

  const loadOlder = useCallback(async () => {
    if (!inbox.oldestCursor) return;
    const page = await fetchPage(inbox.oldestCursor);
    if (!page) return;
    dispatch({
      type: 'older',
      items: page.items,
      unread: page.unread,
      oldestCursor: page.pageInfo.endCursor ?? inbox.oldestCursor,
      hasOlder: page.pageInfo.hasNextPage,
    });
  }, [fetchPage, inbox.oldestCursor]);

  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const markAsRead = useCallback(
    async (ids: string[] | null) => {
      const result = await markRead({ ids });
      const changed = result.data?.markNotificationsRead;
      if (changed !== undefined) dispatch({ type: 'read', ids, at: new Date().toISOString(), changed });
    },
    [markRead],
  );

  return { inbox, loadOlder, markAsRead };
}
