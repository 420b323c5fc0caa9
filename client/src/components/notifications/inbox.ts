/** What the bell keeps of a notification. */
export interface InboxItem {
  id: string;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox<Item extends InboxItem> {
  /** Newest first, each notification once. */
  items: Item[];
  unread: number;
  /** Cursor of the newest notification a query returned: catch-up asks for what came after it. */
  newestCursor: string | null;
  /** Cursor of the oldest one loaded, and whether there are older ones. */
  oldestCursor: string | null;
  hasOlder: boolean;
  loaded: boolean;
}

export type InboxAction<Item extends InboxItem> =
  | { type: 'newest'; items: Item[]; unread: number; newestCursor: string | null; oldestCursor: string | null; hasOlder: boolean }
  | { type: 'older'; items: Item[]; unread: number; oldestCursor: string | null; hasOlder: boolean }
  | { type: 'caughtUp'; items: Item[]; unread: number; newestCursor: string | null }
  | { type: 'added'; item: Item }
  | { type: 'read'; ids: string[] | null; at: string; changed: number };

export function emptyInbox<Item extends InboxItem>(): Inbox<Item> {
  return { items: [], unread: 0, newestCursor: null, oldestCursor: null, hasOlder: false, loaded: false };
}

/**
 * The notifications of the bell, from three sources that overlap: pages of the `notifications`
 * query, the catch-up after a reconnect, and `notificationAdded`. The server's unread count wins
 * whenever a query returns one; in between, new and read notifications adjust it.
 */
export function inboxReducer<Item extends InboxItem>(inbox: Inbox<Item>, action: InboxAction<Item>): Inbox<Item> {
  switch (action.type) {
    case 'newest':
      return {
        items: merge(action.items, inbox.items),
        unread: action.unread,
        newestCursor: action.newestCursor ?? inbox.newestCursor,
        oldestCursor: inbox.loaded ? inbox.oldestCursor : action.oldestCursor,
        hasOlder: inbox.loaded ? inbox.hasOlder : action.hasOlder,
        loaded: true,
      };
    case 'older':
      return { ...inbox, items: merge(inbox.items, action.items), unread: action.unread, oldestCursor: action.oldestCursor, hasOlder: action.hasOlder };
    case 'caughtUp':
      return { ...inbox, items: merge(action.items, inbox.items), unread: action.unread, newestCursor: action.newestCursor ?? inbox.newestCursor };
    case 'added': {
      if (inbox.items.some((item) => item.id === action.item.id)) return inbox;
      return { ...inbox, items: merge([action.item], inbox.items), unread: inbox.unread + (action.item.readAt ? 0 : 1) };
    }
    case 'read': {
      const marks = (item: Item) => item.readAt === null && (action.ids === null || action.ids.includes(item.id));
      return {
        ...inbox,
        items: inbox.items.map((item) => (marks(item) ? { ...item, readAt: action.at } : item)),
        unread: Math.max(0, inbox.unread - action.changed),
      };
    }
  }
}

/** Newest first; for the same notification the first list's copy wins (it is the fresher one). */
function merge<Item extends InboxItem>(fresher: readonly Item[], older: readonly Item[]): Item[] {
  const byId = new Map<string, Item>();
  for (const item of [...fresher, ...older]) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
}
