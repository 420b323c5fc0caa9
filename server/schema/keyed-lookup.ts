import type { ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.ts';
import {
  createKeyedEntry,
  deleteKeyedEntry,
  listKeyedEntries,
  relabelKeyedEntry,
  reorderKeyedEntries,
  type KeyedList,
} from '../domain/lookups-admin.ts';
import type { ForecastCategory, LifecycleStatus, Priority } from '../generated/prisma/client.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

type KeyedEntry = ForecastCategory | Priority | LifecycleStatus;

/**
 * The list query and the administrators' mutations of a key-based lookup list (forecast
 * categories, priorities, customer statuses), named after it: `priorities`, `createPriority`, `relabelPriority`,
 * `reorderPriorities`, `deletePriority`. The object types have no relations, so the mutations
 * return the rows the domain wrote.
 */
export function keyedLookupFields(
  list: KeyedList,
  ref: ObjectRef<BuilderTypes, KeyedEntry>,
  names: { one: string; many: string; query: string; what: string },
) {
  builder.queryField(names.query, (t) =>
    t.field({
      type: [ref],
      authScopes: { authenticated: true },
      description: `The ${names.what} list in its order.`,
      resolve: (_root, _args, context) => listKeyedEntries(context.prisma, list),
    }),
  );

  builder.mutationFields((t) => ({
    [`create${names.one}`]: t.field({
      type: ref,
      authScopes: { admin: true },
      description: `Adds a ${names.what} at the end. The key (upper case, e.g. NEXT_QUARTER) cannot change later.`,
      errors: validatedResult(`Create${names.one}`, 'entry'),
      args: { key: t.arg.string({ required: true }), label: t.arg.string({ required: true }) },
      resolve: (_root, args, context) => createKeyedEntry(context.prisma, requireViewer(context), list, args),
    }),
    [`relabel${names.one}`]: t.field({
      type: ref,
      authScopes: { admin: true },
      errors: validatedResult(`Relabel${names.one}`, 'entry'),
      args: { key: t.arg.string({ required: true }), label: t.arg.string({ required: true }) },
      resolve: (_root, args, context) => relabelKeyedEntry(context.prisma, requireViewer(context), list, args),
    }),
    [`reorder${names.many}`]: t.field({
      type: [ref],
      authScopes: { admin: true },
      description: 'Sets the order: `keys` must name every entry exactly once.',
      errors: validatedResult(`Reorder${names.many}`, 'entries'),
      args: { keys: t.arg.stringList({ required: true }) },
      resolve: (_root, args, context) => reorderKeyedEntries(context.prisma, requireViewer(context), list, args.keys),
    }),
    [`delete${names.one}`]: t.string({
      authScopes: { admin: true },
      description: `Deletes a ${names.what} that is not built in and no record uses (BUILT_IN or IN_USE otherwise).`,
      errors: validatedResult(`Delete${names.one}`, 'deletedKey'),
      args: { key: t.arg.string({ required: true }) },
      resolve: async (_root, args, context) => (await deleteKeyedEntry(context.prisma, requireViewer(context), list, args.key)).key,
    }),
  }));
}
