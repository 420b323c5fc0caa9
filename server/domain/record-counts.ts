import type { Viewer } from '../auth/viewer.ts';
import type { OpportunityStatus, PrismaClient } from '../generated/prisma/client.ts';
import { activityReadWhere, contactReadWhere, opportunityReadWhere, salesRecordReadWhere } from './access.ts';

/**
 * The counts in the tabs of an account's and a contact's page (seed 000: "in brackets the number
 * of elements"): for many records at once, one grouped statement per kind, counting only what
 * the viewer may read. The records counted are the ones the tab lists: `activities(filter:
 * { accountId })`, `opportunities(filter: { contactId })`, the account's `contacts`, `quotes(filter:
 * { contactId })` and the orders and invoices likewise.
 */
export type CountedBy = 'accountId' | 'contactId';

export async function activityCounts(prisma: PrismaClient, viewer: Viewer, by: CountedBy, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await prisma.activity.groupBy({
    by: [by],
    where: { AND: [activityReadWhere(viewer), { [by]: { in: [...ids] } }] },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row[by]!, row._count._all]));
}

export type OpportunityCounts = Record<OpportunityStatus, number>;

export async function opportunityCounts(
  prisma: PrismaClient,
  viewer: Viewer,
  by: CountedBy,
  ids: readonly string[],
): Promise<Map<string, OpportunityCounts>> {
  const rows = await prisma.opportunity.groupBy({
    by: [by, 'status'],
    where: { AND: [opportunityReadWhere(viewer), { [by]: { in: [...ids] } }] },
    _count: { _all: true },
  });
  const counts = new Map<string, OpportunityCounts>();
  for (const row of rows) {
    const id = row[by]!;
    const current = counts.get(id) ?? { OPEN: 0, WON: 0, LOST: 0 };
    current[row.status] = row._count._all;
    counts.set(id, current);
  }
  return counts;
}

export async function contactCounts(prisma: PrismaClient, viewer: Viewer, accountIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await prisma.contact.groupBy({
    by: ['accountId'],
    where: { AND: [contactReadWhere(viewer), { accountId: { in: [...accountIds] } }] },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.accountId!, row._count._all]));
}

export type DocumentKind = 'quote' | 'order' | 'invoice';

export async function documentCounts(prisma: PrismaClient, viewer: Viewer, kind: DocumentKind, by: CountedBy, ids: readonly string[]): Promise<Map<string, number>> {
  const where = { AND: [salesRecordReadWhere(viewer), { [by]: { in: [...ids] } }] };
  const count = { _all: true } as const;
  const rows =
    kind === 'quote'
      ? await prisma.quote.groupBy({ by: [by], where, _count: count })
      : kind === 'order'
        ? await prisma.order.groupBy({ by: [by], where, _count: count })
        : await prisma.invoice.groupBy({ by: [by], where, _count: count });
  return new Map(rows.map((row) => [row[by]!, row._count._all]));
}
