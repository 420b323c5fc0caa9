import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { createSource, deleteNamedEntry, reorderNamedEntries, setNamedEntryActive, updateNamedEntry } from '../domain/lookups-admin.ts';
import { decodeId, decodeIds } from './ids.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

const ORDER = [{ position: 'asc' as const }, { name: 'asc' as const }];

builder.prismaNode('Source', {
  id: { field: 'id' },
  // A missing record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'Where a record came from (web form, trade fair, referral, ...).',
  fields: (t) => ({
    name: t.exposeString('name'),
    active: t.exposeBoolean('active', { description: 'Inactive sources stay on existing records but are not offered for new ones.' }),
  }),
});

builder.queryField('sources', (t) =>
  t.prismaField({
    type: ['Source'],
    authScopes: { authenticated: true },
    description: 'All sources in their order, active or not.',
    resolve: (query, _root, _args, context) => context.prisma.source.findMany({ ...query, orderBy: ORDER }),
  }),
);

builder.mutationFields((t) => ({
  createSource: t.prismaField({
    type: 'Source',
    authScopes: { admin: true },
    description: 'Adds a source at the end of the list.',
    errors: validatedResult('CreateSource', 'source'),
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const created = await createSource(context.prisma, requireViewer(context), args);
      return context.prisma.source.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  renameSource: t.prismaField({
    type: 'Source',
    authScopes: { admin: true },
    errors: validatedResult('RenameSource', 'source'),
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = decodeId(args.id, 'Source', 'id');
      await updateNamedEntry(context.prisma, requireViewer(context), 'source', { id, name: args.name });
      return context.prisma.source.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setSourceActive: t.prismaField({
    type: 'Source',
    authScopes: { admin: true },
    description: 'Deactivates (no longer offered for new records) or reactivates a source.',
    errors: validatedResult('SetSourceActive', 'source'),
    args: { id: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = decodeId(args.id, 'Source', 'id');
      await setNamedEntryActive(context.prisma, requireViewer(context), 'source', { id, active: args.active });
      return context.prisma.source.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  reorderSources: t.prismaField({
    type: ['Source'],
    authScopes: { admin: true },
    description: 'Sets the order: `ids` must name every source, active or not, exactly once.',
    errors: validatedResult('ReorderSources', 'sources'),
    args: { ids: t.arg.idList({ required: true }) },
    resolve: async (query, _root, args, context) => {
      await reorderNamedEntries(context.prisma, requireViewer(context), 'source', decodeIds(args.ids, 'Source', 'ids') ?? []);
      return context.prisma.source.findMany({ ...query, orderBy: ORDER });
    },
  }),
  deleteSource: t.id({
    authScopes: { admin: true },
    description: 'Deletes a source no account, contact or opportunity uses (IN_USE otherwise).',
    errors: validatedResult('DeleteSource', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const deleted = await deleteNamedEntry(context.prisma, requireViewer(context), 'source', decodeId(args.id, 'Source', 'id'));
      return encodeGlobalID('Source', deleted.id);
    },
  }),
}));
