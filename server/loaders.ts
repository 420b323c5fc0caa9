import DataLoader from 'dataloader';
import type { Viewer } from './auth/viewer.ts';
import { accountReadWhere, canReadCustomerRecord, contactReadWhere } from './domain/access.ts';
import { staleAfterDaysCached } from './domain/settings.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

/**
 * Per-request batch loaders for what Prisma relations cannot plan into one query (aggregates).
 * Named `<things>By<Key>`; each turns N lookups of a request into one statement.
 */
export function createLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  return {
    /** The organisation's "stale after N days" rule, cached by the process for a few seconds. */
    staleAfterDays: new DataLoader<'organisation', number>(async (keys) => {
      const staleAfterDays = await staleAfterDaysCached(prisma);
      return keys.map(() => staleAfterDays);
    }),
    /**
     * Names for ids in opportunity history ("stageId" + id -> "Angebot"), one statement per kind
     * of id. Accounts and contacts the viewer may not read are RESTRICTED: their names stay hidden.
     */
    historyLabel: new DataLoader<string, HistoryLabel>(async (keys) => {
      const idsByField = new Map<string, string[]>();
      for (const key of keys) {
        const [field, id] = splitLabelKey(key);
        idsByField.set(field, [...(idsByField.get(field) ?? []), id]);
      }
      const labels = new Map<string, HistoryLabel>();
      await Promise.all(
        [...idsByField].map(async ([field, ids]) => {
          for (const [id, label] of await loadLabels(prisma, viewer, field, ids)) labels.set(`${field}:${id}`, label);
        }),
      );
      return keys.map((key) => labels.get(key) ?? null);
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

/**
 * The same loaders, made on first use: a live subscriber's context lasts as long as its
 * subscription, while its events run with contexts of their own (grouped-subscriptions.ts).
 */
export function createLazyLoaders(prisma: PrismaClient, viewer: Viewer | null): Loaders {
  let loaders: Loaders | undefined;
  return new Proxy({} as Loaders, { get: (_target, name) => (loaders ??= createLoaders(prisma, viewer))[name as keyof Loaders] });
}

/** A record's name, RESTRICTED when the viewer may not read the record, null when it is gone. */
export type HistoryLabel = string | typeof RESTRICTED | null;
export const RESTRICTED = Symbol('restricted');

function countsInOrder(keys: readonly string[], rows: Array<[string, number]>): number[] {
  const counts = new Map(rows);
  return keys.map((key) => counts.get(key) ?? 0);
}

export function labelKey(field: string, id: string) {
  return `${field}:${id}`;
}

function splitLabelKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

const uuidsOf = (ids: string[]) => ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));

async function loadLabels(prisma: PrismaClient, viewer: Viewer | null, field: string, ids: string[]): Promise<Array<[string, HistoryLabel]>> {
  switch (field) {
    case 'stageId':
      return (await prisma.stage.findMany({ where: { id: { in: uuidsOf(ids) } } })).map((row) => [row.id, row.name]);
    case 'pipelineId':
      return (await prisma.pipeline.findMany({ where: { id: { in: uuidsOf(ids) } } })).map((row) => [row.id, row.name]);
    case 'ownerId':
      return (await prisma.user.findMany({ where: { id: { in: uuidsOf(ids) } } })).map((row) => [row.id, row.name]);
    case 'teamId':
      return (await prisma.team.findMany({ where: { id: { in: uuidsOf(ids) } } })).map((row) => [row.id, row.name]);
    case 'accountId': {
      const rows = await prisma.account.findMany({ where: { id: { in: uuidsOf(ids) } }, select: { id: true, name: true, ownerId: true, teamId: true } });
      return rows.map((row) => [row.id, viewer && canReadCustomerRecord(viewer, row) ? row.name : RESTRICTED]);
    }
    case 'contactId': {
      const rows = await prisma.contact.findMany({
        where: { id: { in: uuidsOf(ids) } },
        select: { id: true, firstName: true, lastName: true, ownerId: true, teamId: true },
      });
      return rows.map((row) => [row.id, viewer && canReadCustomerRecord(viewer, row) ? `${row.firstName} ${row.lastName}` : RESTRICTED]);
    }
    case 'sourceId':
      return (await prisma.source.findMany({ where: { id: { in: uuidsOf(ids) } } })).map((row) => [row.id, row.name]);
    case 'campaignId':
      return (await prisma.campaign.findMany({ where: { id: { in: uuidsOf(ids) } } })).map((row) => [row.id, row.name]);
    case 'lossReasonId':
      return (await prisma.lossReason.findMany({ where: { id: { in: uuidsOf(ids) } } })).map((row) => [row.id, row.name]);
    case 'priorityKey':
      return (await prisma.priority.findMany({ where: { key: { in: ids } } })).map((row) => [row.key, row.label]);
    case 'forecastCategoryKey':
      return (await prisma.forecastCategory.findMany({ where: { key: { in: ids } } })).map((row) => [row.key, row.label]);
    default:
      return [];
  }
}
