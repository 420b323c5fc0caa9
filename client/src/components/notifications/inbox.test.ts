import { describe, expect, it } from 'vitest';
import { emptyInbox, inboxReducer, type InboxItem } from './inbox.ts';

const item = (id: string, minute: number, readAt: string | null = null): InboxItem => ({
  id,
  createdAt: `2026-12-02T10:${String(minute).padStart(2, '0')}:00.000Z`,
  readAt,
});
const ids = (items: InboxItem[]) => items.map((one) => one.id);

describe('inboxReducer', () => {
  const loaded = inboxReducer(emptyInbox(), {
    type: 'newest',
    items: [item('c', 3), item('b', 2, '2026-12-02T11:00:00.000Z'), item('a', 1)],
    unread: 5,
    newestCursor: 'cursor-c',
    oldestCursor: 'cursor-a',
    hasOlder: true,
  });

  it('takes the unread count and cursors of the newest page', () => {
    expect(ids(loaded.items)).toEqual(['c', 'b', 'a']);
    expect(loaded).toMatchObject({ unread: 5, newestCursor: 'cursor-c', oldestCursor: 'cursor-a', hasOlder: true, loaded: true });
  });

  it('counts a notification that arrives live once, however often it is delivered', () => {
    const once = inboxReducer(loaded, { type: 'added', item: item('d', 4) });
    const twice = inboxReducer(once, { type: 'added', item: item('d', 4) });
    expect(ids(twice.items)).toEqual(['d', 'c', 'b', 'a']);
    expect(twice.unread).toBe(6);
  });

  it('merges the catch-up after a reconnect with what arrived live, newest first, and takes the server’s count', () => {
    const live = inboxReducer(loaded, { type: 'added', item: item('e', 5) });
    const caughtUp = inboxReducer(live, { type: 'caughtUp', items: [item('e', 5), item('d', 4)], unread: 7, newestCursor: 'cursor-e' });
    expect(ids(caughtUp.items)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(caughtUp).toMatchObject({ unread: 7, newestCursor: 'cursor-e', oldestCursor: 'cursor-a' });
  });

  it('appends older pages without moving the newest cursor', () => {
    const older = inboxReducer(loaded, { type: 'older', items: [item('z', 0)], unread: 5, oldestCursor: 'cursor-z', hasOlder: false });
    expect(ids(older.items)).toEqual(['c', 'b', 'a', 'z']);
    expect(older).toMatchObject({ newestCursor: 'cursor-c', oldestCursor: 'cursor-z', hasOlder: false });
  });

  it('marks some or all as read by what the server changed', () => {
    const one = inboxReducer(loaded, { type: 'read', ids: ['a'], at: '2026-12-02T12:00:00.000Z', changed: 1 });
    expect(one.items.find((entry) => entry.id === 'a')?.readAt).toBe('2026-12-02T12:00:00.000Z');
    expect(one.unread).toBe(4);
    const all = inboxReducer(one, { type: 'read', ids: null, at: '2026-12-02T12:01:00.000Z', changed: 3 });
    expect(all.items.every((entry) => entry.readAt !== null)).toBe(true);
    expect(all.unread).toBe(1);
  });
});
