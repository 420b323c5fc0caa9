import { builder } from '../builder.ts';

export const TagRef = builder.prismaNode('Tag', {
  id: { field: 'id' },
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
