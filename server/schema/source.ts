import { builder } from '../builder.ts';

builder.prismaNode('Source', {
  id: { field: 'id' },
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
