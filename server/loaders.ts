import DataLoader from 'dataloader';
import type { Viewer } from './auth/viewer.ts';
import { accountReadWhere, contactReadWhere } from './domain/access.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

/**
 * Per-request batch loaders for what Prisma relations cannot plan into one query (aggregates).
 * Named `<things>By<Key>`; each turns N lookups of a request into one statement.
 */
export function createLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  return {
    /** The organisation's "stale after N days" rule, read once per request. */
    staleAfterDays: new DataLoader<'organisation', number>(async (keys) => {
      const settings = await prisma.organisationSettings.findUnique({ where: { id: 1 } });
      return keys.map(() => settings?.staleAfterDays ?? 14);
    }),
    accountCountByOwnerId: new DataLoader<string, number>(async (ownerIds) => {
      if (!viewer) return ownerIds.map(() => 0);
      const rows = await prisma.account.groupBy({
        by: ['ownerId'],
        where: { ownerId: { in: [...ownerIds] }, ...accountReadWhere(viewer) },
        _count: { _all: true },
      });
      return countsInOrder(ownerIds, rows.map((row) => [row.ownerId, row._count._all]));
    }),
    contactCountByOwnerId: new DataLoader<string, number>(async (ownerIds) => {
      if (!viewer) return ownerIds.map(() => 0);
      const rows = await prisma.contact.groupBy({
        by: ['ownerId'],
        where: { ownerId: { in: [...ownerIds] }, ...contactReadWhere(viewer) },
        _count: { _all: true },
      });
      return countsInOrder(ownerIds, rows.map((row) => [row.ownerId, row._count._all]));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

function countsInOrder(keys: readonly string[], rows: Array<[string, number]>): number[] {
  const counts = new Map(rows);
  return keys.map((key) => counts.get(key) ?? 0);
}
