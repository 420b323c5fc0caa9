import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { ForecastCategory, LifecycleStatus, LossReason, Priority, PrismaClient, Source, Tag } from '../generated/prisma/client.ts';
import {
  adminChange,
  assertNameFree,
  assertUnused,
  nextPosition,
  plural,
  reorderTable,
  sameName,
  type OrderedTable,
  type Tx,
} from './admin-edit.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { entityId, omittable, requiredText } from './validation.ts';

/**
 * The editable lookup lists: loss reasons, sources and tags (named entries with an id), forecast
 * categories, priorities and the customer (lifecycle) statuses of accounts and contacts (entries
 * with a stable key, some built in). Administrators edit them;
 * an entry still used by records cannot be deleted (loss reasons and sources can be deactivated).
 */

// Named lists ----------------------------------------------------------------------------------

interface NamedRows {
  lossReason: LossReason;
  source: Source;
  tag: Tag;
}
export type NamedList = keyof NamedRows;

/** The part of a Prisma delegate the shared code needs; LossReason, Source and Tag all fit it. */
interface NamedDelegate<Row> {
  findFirst(args: { where: { name: ReturnType<typeof sameName>; NOT?: { id: string } }; select: { id: true } }): PromiseLike<{ id: string } | null>;
  findUnique(args: { where: { id: string } }): PromiseLike<Row | null>;
  update(args: { where: { id: string }; data: { name?: string; active?: boolean; color?: string } }): PromiseLike<Row>;
  delete(args: { where: { id: string } }): PromiseLike<Row>;
}

interface NamedListConfig<Row> {
  /** For messages: "loss reason". */
  what: string;
  maxName: number;
  delegate: (tx: Tx) => NamedDelegate<Row>;
  /** How many records refer to the entry. */
  usage: (tx: Tx, id: string) => Promise<number>;
}

const NAMED: { [List in NamedList]: NamedListConfig<NamedRows[List]> } = {
  lossReason: {
    what: 'loss reason',
    maxName: 80,
    delegate: (tx) => tx.lossReason,
    usage: (tx, id) => tx.opportunity.count({ where: { lossReasonId: id } }),
  },
  source: {
    what: 'source',
    maxName: 80,
    delegate: (tx) => tx.source,
    usage: async (tx, id) =>
      (await tx.account.count({ where: { sourceId: id } })) +
      (await tx.contact.count({ where: { sourceId: id } })) +
      (await tx.opportunity.count({ where: { sourceId: id } })),
  },
  tag: {
    what: 'tag',
    maxName: 40,
    delegate: (tx) => tx.tag,
    usage: async (tx, id) =>
      (await tx.accountTag.count({ where: { tagId: id } })) +
      (await tx.contactTag.count({ where: { tagId: id } })) +
      (await tx.opportunityTag.count({ where: { tagId: id } })),
  },
};

/** The named lists with an order of their own (tags are listed by name). */
const ORDERED = { lossReason: 'LossReason', source: 'Source' } as const satisfies Record<string, OrderedTable>;
type OrderedList = keyof typeof ORDERED;

const tagColor = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'Enter a colour as #rrggbb, e.g. #0ea5e9.');

const nameOf = (list: NamedList) => requiredText(NAMED[list].maxName);

export function createLossReason(prisma: PrismaClient, viewer: Viewer, rawInput: { name: string }): Promise<LossReason> {
  return adminChange(prisma, viewer, z.object({ name: nameOf('lossReason') }), rawInput, async (tx, input) => {
    await assertNamedFree(tx, 'lossReason', input.name);
    return tx.lossReason.create({ data: { name: input.name, position: await nextPosition(tx, ORDERED.lossReason) } });
  });
}

export function createSource(prisma: PrismaClient, viewer: Viewer, rawInput: { name: string }): Promise<Source> {
  return adminChange(prisma, viewer, z.object({ name: nameOf('source') }), rawInput, async (tx, input) => {
    await assertNamedFree(tx, 'source', input.name);
    return tx.source.create({ data: { name: input.name, position: await nextPosition(tx, ORDERED.source) } });
  });
}

export function createTag(prisma: PrismaClient, viewer: Viewer, rawInput: { name: string; color?: string | null }): Promise<Tag> {
  const schema = z.object({ name: nameOf('tag'), color: omittable(tagColor) });
  return adminChange(prisma, viewer, schema, rawInput, async (tx, input) => {
    await assertNamedFree(tx, 'tag', input.name);
    return tx.tag.create({ data: { name: input.name, color: input.color } });
  });
}

/** Renames an entry of any named list; a tag may get a new colour at the same time. */
export function updateNamedEntry<List extends NamedList>(
  prisma: PrismaClient,
  viewer: Viewer,
  list: List,
  rawInput: { id: string; name?: string | null; color?: string | null },
): Promise<NamedRows[List]> {
  const schema = z.object({
    id: entityId,
    name: omittable(nameOf(list)),
    color: omittable(tagColor).refine((color) => list === 'tag' || color === undefined, {
      error: 'Only tags have a colour.',
      params: { reason: 'NOT_ALLOWED' },
    }),
  });
  return adminChange(prisma, viewer, schema, rawInput, async (tx, input) => {
    await findNamed(tx, list, input.id);
    if (input.name !== undefined) await assertNamedFree(tx, list, input.name, input.id);
    // Only tags have a colour column: the key must not reach the other models at all.
    const data = input.color === undefined ? { name: input.name } : { name: input.name, color: input.color };
    return NAMED[list].delegate(tx).update({ where: { id: input.id }, data });
  });
}

/** Inactive loss reasons and sources stay on existing records but are no longer offered for new ones. */
export function setNamedEntryActive<List extends OrderedList>(
  prisma: PrismaClient,
  viewer: Viewer,
  list: List,
  rawInput: { id: string; active: boolean },
): Promise<NamedRows[List]> {
  return adminChange(prisma, viewer, z.object({ id: entityId, active: z.boolean() }), rawInput, async (tx, input) => {
    await findNamed(tx, list, input.id);
    return NAMED[list].delegate(tx).update({ where: { id: input.id }, data: { active: input.active } });
  });
}

/** `ids` must list every entry (active or not) exactly once. */
export function reorderNamedEntries(prisma: PrismaClient, viewer: Viewer, list: OrderedList, ids: string[]) {
  return adminChange(prisma, viewer, z.object({ ids: z.array(entityId) }), { ids }, async (tx, input) => {
    await reorderTable(tx, ORDERED[list], input.ids, 'ids');
  });
}

export function deleteNamedEntry(prisma: PrismaClient, viewer: Viewer, list: NamedList, id: string): Promise<{ id: string }> {
  return adminChange(prisma, viewer, z.object({ id: entityId }), { id }, async (tx, input) => {
    await findNamed(tx, list, input.id);
    const count = await NAMED[list].usage(tx, input.id);
    assertUnused(count, 'IN_USE', `This ${NAMED[list].what} is still used by ${plural(count, 'record', 'records')}.`);
    await NAMED[list].delegate(tx).delete({ where: { id: input.id } });
    return { id: input.id };
  });
}

async function findNamed<List extends NamedList>(tx: Tx, list: List, id: string): Promise<NamedRows[List]> {
  const entry = await NAMED[list].delegate(tx).findUnique({ where: { id } });
  if (!entry) throw new NotFoundError(capitalize(NAMED[list].what));
  return entry;
}

async function assertNamedFree(tx: Tx, list: NamedList, name: string, excludeId?: string) {
  const where = { name: sameName(name), ...(excludeId ? { NOT: { id: excludeId } } : {}) };
  assertNameFree(await NAMED[list].delegate(tx).findFirst({ where, select: { id: true } }), NAMED[list].what);
}

// Keyed lists ----------------------------------------------------------------------------------

interface KeyedRows {
  forecastCategory: ForecastCategory;
  priority: Priority;
  lifecycleStatus: LifecycleStatus;
}
export type KeyedList = keyof KeyedRows;

interface KeyedDelegate<Row> {
  findUnique(args: { where: { key: string } }): PromiseLike<Row | null>;
  findMany(args: { orderBy: Array<{ position: 'asc' } | { key: 'asc' }> }): PromiseLike<Row[]>;
  create(args: { data: { key: string; label: string; position: number } }): PromiseLike<Row>;
  update(args: { where: { key: string }; data: { label: string } }): PromiseLike<Row>;
  delete(args: { where: { key: string } }): PromiseLike<Row>;
}

interface KeyedListConfig<Row> {
  what: string;
  table: OrderedTable;
  delegate: (tx: Tx) => KeyedDelegate<Row>;
  usage: (tx: Tx, key: string) => Promise<number>;
  /** What `usage` counts, for messages: one, many. */
  usedBy: [string, string];
}

const KEYED: { [List in KeyedList]: KeyedListConfig<KeyedRows[List]> } = {
  forecastCategory: {
    what: 'forecast category',
    table: 'ForecastCategory',
    delegate: (tx) => tx.forecastCategory,
    usage: (tx, key) => tx.opportunity.count({ where: { forecastCategoryKey: key } }),
    usedBy: ['opportunity', 'opportunities'],
  },
  priority: {
    what: 'priority',
    table: 'Priority',
    delegate: (tx) => tx.priority,
    usage: (tx, key) => tx.opportunity.count({ where: { priorityKey: key } }),
    usedBy: ['opportunity', 'opportunities'],
  },
  lifecycleStatus: {
    what: 'customer status',
    table: 'LifecycleStatus',
    delegate: (tx) => tx.lifecycleStatus,
    usage: async (tx, key) =>
      (await tx.account.count({ where: { statusKey: key } })) + (await tx.contact.count({ where: { statusKey: key } })),
    usedBy: ['account or contact', 'accounts and contacts'],
  },
};

/** Keys are stable identifiers for integrations and reports: upper case, digits and underscores. */
const lookupKey = z
  .string({ error: 'This field is required.' })
  .trim()
  .toUpperCase()
  .min(1, 'This field is required.')
  .max(40, 'At most 40 characters.')
  .regex(/^[A-Z][A-Z0-9_]*$/, 'Use letters, digits and underscores, starting with a letter, e.g. NEXT_QUARTER.');
const label = requiredText(80);

export function createKeyedEntry<List extends KeyedList>(
  prisma: PrismaClient,
  viewer: Viewer,
  list: List,
  rawInput: { key: string; label: string },
): Promise<KeyedRows[List]> {
  return adminChange(prisma, viewer, z.object({ key: lookupKey, label }), rawInput, async (tx, input) => {
    const { delegate, what, table } = KEYED[list];
    assertNameFree(await delegate(tx).findUnique({ where: { key: input.key } }), what, 'key');
    return delegate(tx).create({ data: { key: input.key, label: input.label, position: await nextPosition(tx, table) } });
  });
}

export function relabelKeyedEntry<List extends KeyedList>(
  prisma: PrismaClient,
  viewer: Viewer,
  list: List,
  rawInput: { key: string; label: string },
): Promise<KeyedRows[List]> {
  return adminChange(prisma, viewer, z.object({ key: z.string(), label }), rawInput, async (tx, input) => {
    await findKeyed(tx, list, input.key);
    return KEYED[list].delegate(tx).update({ where: { key: input.key }, data: { label: input.label } });
  });
}

/** `keys` must list every entry exactly once. */
export function reorderKeyedEntries<List extends KeyedList>(
  prisma: PrismaClient,
  viewer: Viewer,
  list: List,
  keys: string[],
): Promise<KeyedRows[List][]> {
  return adminChange(prisma, viewer, z.object({ keys: z.array(z.string()) }), { keys }, async (tx, input) => {
    await reorderTable(tx, KEYED[list].table, input.keys, 'keys');
    return listKeyedEntries(tx, list);
  });
}

/**
 * Built-in entries are used by the rules (WON sets COMMIT and makes the account a CUSTOMER, LOST
 * sets OMITTED) and stay; an entry in use stays too, so no record loses its value.
 */
export function deleteKeyedEntry(prisma: PrismaClient, viewer: Viewer, list: KeyedList, key: string): Promise<{ key: string }> {
  return adminChange(prisma, viewer, z.object({ key: z.string() }), { key }, async (tx, input) => {
    const { what, usage, delegate, usedBy } = KEYED[list];
    const entry = await findKeyed(tx, list, input.key);
    if (entry.builtIn) throw ValidationError.field('key', 'BUILT_IN', `This ${what} is built in and cannot be deleted.`);
    // Locked, so no record can take the entry between the count and the delete.
    await tx.$queryRaw`SELECT "key" FROM ${Prisma.raw(`"${KEYED[list].table}"`)} WHERE "key" = ${input.key} FOR UPDATE`;
    const count = await usage(tx, input.key);
    assertUnused(count, 'IN_USE', `This ${what} is still used by ${plural(count, ...usedBy)}.`, 'key');
    await delegate(tx).delete({ where: { key: input.key } });
    return { key: input.key };
  });
}

/** The whole list in its order (readable by every signed-in user). */
export async function listKeyedEntries<List extends KeyedList>(prisma: Tx, list: List): Promise<KeyedRows[List][]> {
  return KEYED[list].delegate(prisma).findMany({ orderBy: [{ position: 'asc' }, { key: 'asc' }] });
}

async function findKeyed<List extends KeyedList>(tx: Tx, list: List, key: string): Promise<KeyedRows[List]> {
  const entry = await KEYED[list].delegate(tx).findUnique({ where: { key } });
  if (!entry) throw new NotFoundError(capitalize(KEYED[list].what));
  return entry;
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
