import { builder } from '../builder.ts';

builder.prismaObject('LifecycleStatus', {
  description: 'Lifecycle status of an account or contact. PROSPECT, CUSTOMER and INACTIVE are built in.',
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    builtIn: t.exposeBoolean('builtIn'),
  }),
});

builder.queryField('lifecycleStatuses', (t) =>
  t.prismaField({
    type: ['LifecycleStatus'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) => context.prisma.lifecycleStatus.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
);
