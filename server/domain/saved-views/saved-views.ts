import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { Prisma, PrismaClient, SavedView } from '../../generated/prisma/client.ts';
import { ACTIVITY_SORT_FIELDS, activityFilterSchema } from '../activity-queries.ts';
import { assertCompleteOrder, savePositions } from '../admin-edit.ts';
import { ACCOUNT_SORT_FIELDS, CONTACT_SORT_FIELDS, customerListFilterSchema } from '../customer-queries.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { OPPORTUNITY_SORT_FIELDS, opportunityFilterSchema } from '../opportunity-queries.ts';
import { entityId, omittable, parseInput, requiredText } from '../validation.ts';

/**
 * Saved views: a user's named filter, sort and columns of one list, in an order of their own.
 * Only their owner sees or changes them (another user's view behaves like a missing one). The
 * filter is validated by the list's own filter schema, the one the list query uses, and stored
 * as that schema's output (database ids, ISO dates), so a stored view is always a valid filter.
 */
type Tx = Prisma.TransactionClient;

export const SAVED_VIEW_LISTS = ['OPPORTUNITIES', 'ACCOUNTS', 'CONTACTS', 'ACTIVITIES'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/** Which filter a list takes: accounts and contacts share one. */
export type FilterKind = 'opportunities' | 'customers' | 'activities';

const LISTS: Record<SavedViewList, { filterKind: FilterKind; filter: z.ZodType; sortFields: readonly string[]; salesOnly: boolean }> = {
  OPPORTUNITIES: { filterKind: 'opportunities', filter: opportunityFilterSchema, sortFields: OPPORTUNITY_SORT_FIELDS, salesOnly: true },
  ACCOUNTS: { filterKind: 'customers', filter: customerListFilterSchema, sortFields: ACCOUNT_SORT_FIELDS, salesOnly: false },
  CONTACTS: { filterKind: 'customers', filter: customerListFilterSchema, sortFields: CONTACT_SORT_FIELDS, salesOnly: false },
  ACTIVITIES: { filterKind: 'activities', filter: activityFilterSchema, sortFields: ACTIVITY_SORT_FIELDS, salesOnly: true },
};

export const filterKindOf = (list: SavedViewList): FilterKind => LISTS[list].filterKind;

/** Enough for any list; a user with more has stopped curating them. */
export const MAX_VIEWS_PER_LIST = 50;

const columnId = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,59}$/, 'Use a column id of letters, digits, ".", "-" and "_", starting with a letter.');
const columns = z
  .array(columnId)
  .max(40, 'At most 40 columns.')
  .refine((ids) => new Set(ids).size === ids.length, { error: 'List each column once.', params: { reason: 'DUPLICATE' } });
const sort = z.object({
  /** One of the list's sort keys, e.g. `amount`. */
  field: z.string().max(40),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
/** The filter of one list, tagged with its kind so it can be checked against the view's list. */
const filters = z.object({
  kind: z.enum(['opportunities', 'customers', 'activities']),
  value: z.record(z.string(), z.unknown()),
});

const createInput = z.object({
  list: z.enum(SAVED_VIEW_LISTS, { error: 'Choose OPPORTUNITIES, ACCOUNTS, CONTACTS or ACTIVITIES.' }),
  name: requiredText(80),
  filters: omittable(filters),
  /** Null: the list's default order. */
  sort: sort.nullish(),
  columns: omittable(columns),
});

const updateInput = z.object({
  id: entityId,
  name: omittable(requiredText(80)),
  filters: omittable(filters),
  sort: sort.nullish(),
  columns: omittable(columns),
});

export type CreateSavedViewInput = z.input<typeof createInput>;
export type UpdateSavedViewInput = z.input<typeof updateInput>;

/** The viewer's views of a list, in their order. */
export function savedViewsWhere(viewer: Viewer, list: SavedViewList): Prisma.SavedViewWhereInput {
  return { userId: viewer.id, list };
}

export const SAVED_VIEW_ORDER: Prisma.SavedViewOrderByWithRelationInput[] = [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }];

export async function createSavedView(prisma: PrismaClient, viewer: Viewer, rawInput: CreateSavedViewInput): Promise<SavedView> {
  const input = parseInput(createInput, rawInput);
  assertMayKeepViews(viewer, input.list);
  const stored = storedSettings(input.list, input);
  return prisma.$transaction(async (tx) => {
    await lockViewsOf(tx, viewer);
    const count = await tx.savedView.count({ where: savedViewsWhere(viewer, input.list) });
    if (count >= MAX_VIEWS_PER_LIST) {
      throw ValidationError.field('list', 'TOO_MANY', `Keep at most ${MAX_VIEWS_PER_LIST} views of a list; delete one first.`);
    }
    await assertNameFree(tx, viewer, input.list, input.name);
    const last = await tx.savedView.aggregate({ where: savedViewsWhere(viewer, input.list), _max: { position: true } });
    return tx.savedView.create({
      data: { userId: viewer.id, list: input.list, name: input.name, position: (last._max.position ?? -1) + 1, ...stored },
    });
  });
}

/** Only the given parts change; `sort: null` goes back to the list's default order. */
export async function updateSavedView(prisma: PrismaClient, viewer: Viewer, rawInput: UpdateSavedViewInput): Promise<SavedView> {
  const input = parseInput(updateInput, rawInput);
  if (viewer.readOnly) throw new ForbiddenError('A read-only token cannot change saved views.');
  return prisma.$transaction(async (tx) => {
    await lockViewsOf(tx, viewer);
    const view = await findOwn(tx, viewer, input.id);
    assertMayKeepViews(viewer, view.list);
    if (input.name !== undefined) await assertNameFree(tx, viewer, view.list, input.name, view.id);
    return tx.savedView.update({ where: { id: view.id }, data: { name: input.name, ...storedSettings(view.list, input) } });
  });
}

export async function deleteSavedView(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string }> {
  const input = parseInput(z.object({ id: entityId }), { id });
  if (viewer.readOnly) throw new ForbiddenError('A read-only token cannot change saved views.');
  return prisma.$transaction(async (tx) => {
    const view = await findOwn(tx, viewer, input.id);
    await tx.savedView.delete({ where: { id: view.id } });
    return { id: view.id };
  });
}

/** `ids` must list each of the viewer's views of the list exactly once. */
export async function reorderSavedViews(prisma: PrismaClient, viewer: Viewer, list: SavedViewList, ids: string[]): Promise<SavedView[]> {
  const input = parseInput(z.object({ list: z.enum(SAVED_VIEW_LISTS), ids: z.array(entityId).max(MAX_VIEWS_PER_LIST) }), { list, ids });
  assertMayKeepViews(viewer, input.list);
  return prisma.$transaction(async (tx) => {
    await lockViewsOf(tx, viewer);
    const own = await tx.savedView.findMany({ where: savedViewsWhere(viewer, input.list), select: { id: true } });
    assertCompleteOrder(input.ids, own.map((view) => view.id), 'ids');
    await savePositions(tx, 'SavedView', input.ids);
    return tx.savedView.findMany({ where: savedViewsWhere(viewer, input.list), orderBy: SAVED_VIEW_ORDER });
  });
}

/** A list's filter as stored: what the list's filter schema made of it, without empty entries. */
function storedSettings(
  list: SavedViewList,
  input: { filters?: z.output<typeof filters>; sort?: z.output<typeof sort> | null; columns?: string[] },
): StoredSettings {
  const settings: StoredSettings = {};
  if (input.filters) {
    if (input.filters.kind !== LISTS[list].filterKind) {
      throw ValidationError.field('filters', 'WRONG_LIST', `A view of ${list.toLowerCase()} takes the ${LISTS[list].filterKind} filter.`);
    }
    const parsed = parseInput(LISTS[list].filter, input.filters.value, 'filters') as Record<string, unknown>;
    const given = Object.entries(parsed).filter(([, value]) => value !== null && value !== undefined);
    settings.filters = JSON.parse(JSON.stringify(Object.fromEntries(given))) as Prisma.InputJsonValue;
  }
  if (input.sort === null) Object.assign(settings, { sortField: null, sortDescending: false });
  else if (input.sort) {
    if (!LISTS[list].sortFields.includes(input.sort.field)) {
      throw ValidationError.field('sort.field', 'INVALID_VALUE', 'The list cannot be sorted by this.');
    }
    Object.assign(settings, { sortField: input.sort.field, sortDescending: input.sort.direction === 'desc' });
  }
  if (input.columns) settings.columns = input.columns;
  return settings;
}

interface StoredSettings {
  filters?: Prisma.InputJsonValue;
  sortField?: string | null;
  sortDescending?: boolean;
  columns?: string[];
}

function assertMayKeepViews(viewer: Viewer, list: SavedViewList) {
  if (viewer.readOnly) throw new ForbiddenError('A read-only token cannot change saved views.');
  if (LISTS[list].salesOnly && viewer.role === 'SERVICE') throw new ForbiddenError('Your role does not use this list.');
}

/** One user's view changes run one after another, so names and positions are checked against the latest state. */
async function lockViewsOf(tx: Tx, viewer: Viewer) {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${viewer.id}::uuid FOR UPDATE`;
}

async function findOwn(tx: Tx, viewer: Viewer, id: string): Promise<SavedView> {
  const view = await tx.savedView.findFirst({ where: { id, userId: viewer.id } });
  if (!view) throw new NotFoundError('Saved view');
  return view;
}

/** Names compare case-insensitively: "Gewonnen" and "gewonnen" would look like one view twice. */
async function assertNameFree(tx: Tx, viewer: Viewer, list: SavedViewList, name: string, excludeId?: string) {
  const taken = await tx.savedView.findFirst({
    where: { ...savedViewsWhere(viewer, list), name: { equals: name, mode: 'insensitive' }, ...(excludeId ? { NOT: { id: excludeId } } : {}) },
    select: { id: true },
  });
  if (taken) throw ValidationError.field('name', 'TAKEN', 'You already have a view of this list with this name.');
}
