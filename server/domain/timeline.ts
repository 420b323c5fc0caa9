import type { Viewer } from '../auth/viewer.ts';
import type { Activity, DocumentChange, OpportunityChange, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { activityReadWhere, opportunityReadWhere, salesRecordReadWhere } from './access.ts';
import { ValidationError } from './errors.ts';

/**
 * A record's timeline: its activities, the history of its opportunities (stage and status
 * changes, follows, creation...) and of its quotes, orders and invoices, merged newest first. Paginated with an opaque cursor of
 * (moment, id); one statement per source whatever the page size.
 */
export type TimelineItem =
  | { kind: 'ACTIVITY'; at: Date; id: string; activity: Activity }
  | { kind: 'CHANGE'; at: Date; id: string; change: OpportunityChange }
  | { kind: DocumentTimelineKind; at: Date; id: string; documentChange: DocumentChange };

export type DocumentTimelineKind = 'QUOTE' | 'ORDER' | 'INVOICE';
export type TimelineKind = TimelineItem['kind'];

export interface TimelinePage {
  items: TimelineItem[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Activities appear as themselves; their ACTIVITY_* history rows would repeat them. */
const HIDDEN_FIELDS = ['weightedAmount', 'ACTIVITY_ADDED', 'ACTIVITY_COMPLETED', 'ACTIVITY_REOPENED', 'ACTIVITY_DELETED'];

export type TimelineSubject = { opportunityId: string } | { accountId: string } | { contactId: string };

/** Activities of the record, including those of its contacts and opportunities (each checked for access below). */
function activitiesOf(subject: TimelineSubject): Prisma.ActivityWhereInput {
  if ('opportunityId' in subject) return { opportunityId: subject.opportunityId };
  if ('accountId' in subject) {
    return { OR: [{ accountId: subject.accountId }, { contact: { accountId: subject.accountId } }, { opportunity: { accountId: subject.accountId } }] };
  }
  return { OR: [{ contactId: subject.contactId }, { opportunity: { contactId: subject.contactId } }] };
}

/** History of the record's opportunities that the viewer may read. */
function changesOf(viewer: Viewer, subject: TimelineSubject): Prisma.OpportunityChangeWhereInput {
  if ('opportunityId' in subject) return { opportunityId: subject.opportunityId };
  const owned = 'accountId' in subject ? { accountId: subject.accountId } : { contactId: subject.contactId };
  return { opportunity: { ...owned, ...opportunityReadWhere(viewer) } };
}

/** History of the record's quotes, orders and invoices that the viewer may read. */
function documentChangesOf(viewer: Viewer, subject: TimelineSubject): Prisma.DocumentChangeWhereInput {
  const readable = salesRecordReadWhere(viewer);
  if ('contactId' in subject) {
    const ofContact = { contactId: subject.contactId, ...readable };
    return { OR: [{ quote: { is: ofContact } }, { order: { is: ofContact } }, { invoice: { is: ofContact } }] };
  }
  return {
    ...('opportunityId' in subject ? { opportunityId: subject.opportunityId } : { accountId: subject.accountId }),
    OR: [{ quote: { is: readable } }, { order: { is: readable } }, { invoice: { is: readable } }],
  };
}

const documentKind = (change: Pick<DocumentChange, 'quoteId' | 'orderId'>): DocumentTimelineKind =>
  change.quoteId ? 'QUOTE' : change.orderId ? 'ORDER' : 'INVOICE';

export async function timeline(
  prisma: PrismaClient,
  viewer: Viewer,
  subject: TimelineSubject,
  { first = 20, after }: { first?: number | null; after?: string | null } = {},
): Promise<TimelinePage> {
  const size = Math.min(Math.max(first ?? 20, 1), 100);
  const cursor = after ? decodeCursor(after) : null;
  const activityWhere = activitiesOf(subject);
  const changeWhere = changesOf(viewer, subject);
  const documentWhere = documentChangesOf(viewer, subject);
  const [activities, changes, documentChanges] = await Promise.all([
    prisma.activity.findMany({
      where: { AND: [activityWhere, activityReadWhere(viewer), cursor ? before('createdAt', cursor) : {}] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: size + 1,
    }),
    prisma.opportunityChange.findMany({
      where: { AND: [changeWhere, { field: { notIn: HIDDEN_FIELDS } }, cursor ? before('changedAt', cursor) : {}] },
      orderBy: [{ changedAt: 'desc' }, { id: 'desc' }],
      take: size + 1,
    }),
    prisma.documentChange.findMany({
      where: { AND: [documentWhere, cursor ? before('at', cursor) : {}] },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: size + 1,
    }),
  ]);
  const merged: TimelineItem[] = [
    ...activities.map((activity) => ({ kind: 'ACTIVITY' as const, at: activity.createdAt, id: activity.id, activity })),
    ...changes.map((change) => ({ kind: 'CHANGE' as const, at: change.changedAt, id: change.id, change })),
    ...documentChanges.map((documentChange) => ({ kind: documentKind(documentChange), at: documentChange.at, id: documentChange.id, documentChange })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const items = merged.slice(0, size);
  const last = items.at(-1);
  return { items, hasNextPage: merged.length > size, endCursor: last ? encodeCursor(last) : null };
}

function before(field: 'createdAt' | 'changedAt' | 'at', cursor: { at: Date; id: string }) {
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] };
}

export function encodeCursor(item: { at: Date; id: string }) {
  return Buffer.from(`${item.at.toISOString()}|${item.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw ValidationError.field('after', 'INVALID_CURSOR', 'This is not a timeline cursor.');
  }
  return { at: date, id };
}
