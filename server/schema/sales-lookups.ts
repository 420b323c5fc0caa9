import { builder } from '../builder.ts';

// Read side of the editable lookup lists used by opportunities.

builder.prismaObject('Priority', {
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    builtIn: t.exposeBoolean('builtIn'),
  }),
});

builder.prismaObject('ForecastCategory', {
  description: 'COMMIT, BEST_CASE, PIPELINE and OMITTED are built in.',
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    builtIn: t.exposeBoolean('builtIn'),
  }),
});

builder.prismaNode('LossReason', {
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    active: t.exposeBoolean('active'),
  }),
});

builder.queryFields((t) => ({
  priorities: t.prismaField({
    type: ['Priority'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) => context.prisma.priority.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
  forecastCategories: t.prismaField({
    type: ['ForecastCategory'],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, context) => context.prisma.forecastCategory.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
  lossReasons: t.prismaField({
    type: ['LossReason'],
    authScopes: { authenticated: true },
    args: { includeInactive: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.lossReason.findMany({
        ...query,
        where: args.includeInactive ? {} : { active: true },
        orderBy: [{ position: 'asc' }, { name: 'asc' }],
      }),
  }),
}));
