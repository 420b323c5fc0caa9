import { builder } from '../builder.ts';

export const ProductRef = builder.prismaNode('Product', {
  id: { field: 'id' },
  description: 'An item of the product catalogue.',
  fields: (t) => ({
    sku: t.exposeString('sku'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    unit: t.exposeString('unit'),
    unitPrice: t.expose('unitPrice', { type: 'Decimal', description: 'EUR per unit.' }),
    active: t.exposeBoolean('active'),
  }),
});

builder.queryField('products', (t) =>
  t.prismaConnection({
    type: 'Product',
    cursor: 'id',
    authScopes: { sales: true },
    args: { search: t.arg.string(), includeInactive: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.product.findMany({
        ...query,
        where: {
          ...(args.includeInactive ? {} : { active: true }),
          ...(args.search
            ? { OR: [{ name: { contains: args.search, mode: 'insensitive' } }, { sku: { contains: args.search, mode: 'insensitive' } }] }
            : {}),
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
);
