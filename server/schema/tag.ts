import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { createTag, deleteNamedEntry, updateNamedEntry } from '../domain/lookups-admin.ts';
import { decodeId } from './ids.ts';
import { validatedResult } from './mutation-result.ts';
import { requireViewer } from './viewer.ts';

export const TagRef = builder.prismaNode('Tag', {
  id: { field: 'id' },
  // A missing record resolves `node(id:)` to null instead of an error.
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    color: t.exposeString('color', { description: 'Hex colour, e.g. #0ea5e9.' }),
  }),
});

builder.queryField('tags', (t) =>
  t.prismaField({
    type: ['Tag'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) => context.prisma.tag.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
);

builder.mutationFields((t) => ({
  createTag: t.prismaField({
    type: 'Tag',
    authScopes: { admin: true },
    errors: validatedResult('CreateTag', 'tag'),
    args: { name: t.arg.string({ required: true }), color: t.arg.string({ description: '#rrggbb; slate grey when omitted.' }) },
    resolve: async (query, _root, args, context) => {
      const created = await createTag(context.prisma, requireViewer(context), args);
      return context.prisma.tag.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateTag: t.prismaField({
    type: 'Tag',
    authScopes: { admin: true },
    description: 'Renames a tag or changes its colour; omitted values stay.',
    errors: validatedResult('UpdateTag', 'tag'),
    args: { id: t.arg.id({ required: true }), name: t.arg.string(), color: t.arg.string({ description: '#rrggbb' }) },
    resolve: async (query, _root, args, context) => {
      const id = decodeId(args.id, 'Tag', 'id');
      await updateNamedEntry(context.prisma, requireViewer(context), 'tag', { ...args, id });
      return context.prisma.tag.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteTag: t.id({
    authScopes: { admin: true },
    description: 'Deletes a tag that is on no account, contact or opportunity (IN_USE otherwise).',
    errors: validatedResult('DeleteTag', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      const deleted = await deleteNamedEntry(context.prisma, requireViewer(context), 'tag', decodeId(args.id, 'Tag', 'id'));
      return encodeGlobalID('Tag', deleted.id);
    },
  }),
}));
