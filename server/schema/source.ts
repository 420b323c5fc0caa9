import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { createSource, deleteNamedEntry, updateNamedEntry } from '../domain/lookups-admin.ts';
import { decodeId } from './ids.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

builder.prismaNode('Source', {
  id: { field: 'id' },
  // A missing record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'Where a record came from (web form, trade fair, referral, ...).',
  fields: (t) => ({
    name: t.exposeString('name'),
    active: t.exposeBoolean('active'),
  }),
});

builder.queryField('sources', (t) =>
  t.prismaField({
    type: ['Source'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) =>
      context.prisma.source.findMany({ ...query, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
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
