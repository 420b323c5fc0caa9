import type { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { assertAdmin } from './access.ts';
import { ValidationError } from './errors.ts';
import { parseInput } from './validation.ts';

/**
 * Shared by the administrators' editors of configuration: pipelines and stages, lookup lists,
 * products and settings. Every change is checked for the role first, then validated (nothing is
 * written on error), then run in one transaction.
 */
export type Tx = Prisma.TransactionClient;

export async function adminChange<Schema extends z.ZodType, Result>(
  prisma: PrismaClient,
  viewer: Viewer,
  schema: Schema,
  rawInput: z.input<Schema>,
  change: (tx: Tx, input: z.output<Schema>) => Promise<Result>,
): Promise<Result> {
  assertAdmin(viewer);
  const input = parseInput(schema, rawInput);
  return prisma.$transaction((tx) => change(tx, input));
}

/** Tables whose rows carry a `position`; the key column is how rows are named in a new order. */
const ORDERED_TABLES = {
  Pipeline: { key: 'id', type: 'uuid' },
  Stage: { key: 'id', type: 'uuid' },
  LossReason: { key: 'id', type: 'uuid' },
  Source: { key: 'id', type: 'uuid' },
  ForecastCategory: { key: 'key', type: 'text' },
  Priority: { key: 'key', type: 'text' },
  LifecycleStatus: { key: 'key', type: 'text' },
  /** A user's own views of a list; callers pass only that user's ids (checked with assertCompleteOrder). */
  SavedView: { key: 'id', type: 'uuid' },
} as const;

export type OrderedTable = keyof typeof ORDERED_TABLES;

/**
 * A new order must name every entry exactly once; anything else (a missing, unknown or repeated
 * entry) is refused, so a client working from a stale list cannot scramble the order.
 */
export function assertCompleteOrder(given: readonly string[], existing: readonly string[], field: string) {
  const expected = new Set(existing);
  const complete =
    given.length === expected.size && new Set(given).size === given.length && given.every((key) => expected.has(key));
  if (!complete) {
    throw ValidationError.field(field, 'MISMATCH', `List each of the ${expected.size} entries exactly once.`);
  }
}

/** Stores positions 0..n-1 in the given order, in one statement. */
export async function savePositions(tx: Tx, table: OrderedTable, keys: readonly string[], scope?: { pipelineId: string }) {
  if (keys.length === 0) return;
  const { key, type } = ORDERED_TABLES[table];
  const scoped = scope ? Prisma.sql`AND t."pipelineId" = ${scope.pipelineId}::uuid` : Prisma.empty;
  await tx.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} AS t SET "position" = (v.ordinality - 1)::int
    FROM unnest(${[...keys]}::${Prisma.raw(type)}[]) WITH ORDINALITY AS v(key, ordinality)
    WHERE t.${Prisma.raw(`"${key}"`)} = v.key ${scoped}`;
}

/**
 * Applies a complete new order to a whole list (rows locked, so two admins reordering at once
 * cannot interleave) and returns nothing; callers read the list back.
 */
export async function reorderTable(tx: Tx, table: OrderedTable, given: readonly string[], field: string) {
  const { key } = ORDERED_TABLES[table];
  const rows = await tx.$queryRaw<{ key: string }[]>`
    SELECT ${Prisma.raw(`"${key}"`)}::text AS key FROM ${Prisma.raw(`"${table}"`)} FOR UPDATE`;
  assertCompleteOrder(given, rows.map((row) => row.key), field);
  await savePositions(tx, table, given);
}

/** The position after the last entry: new entries go to the end of a list. */
export async function nextPosition(tx: Tx, table: OrderedTable): Promise<number> {
  const [row] = await tx.$queryRaw<{ next: number }[]>`
    SELECT COALESCE(MAX("position") + 1, 0)::int AS next FROM ${Prisma.raw(`"${table}"`)}`;
  return row.next;
}

/** Names are compared case-insensitively: "Messe" and "messe" would look like one entry twice. */
export const sameName = (name: string) => ({ equals: name, mode: 'insensitive' as const });

export function assertNameFree(existing: unknown, what: string, field = 'name') {
  if (existing) throw ValidationError.field(field, 'TAKEN', `There is already a ${what} with this ${field}.`);
}

/** Refuses to delete an entry still referenced by records (reason IN_USE, or NOT_EMPTY for containers). */
export function assertUnused(count: number, reason: 'IN_USE' | 'NOT_EMPTY', message: string, field = 'id') {
  if (count > 0) throw ValidationError.field(field, reason, message);
}

export function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}
