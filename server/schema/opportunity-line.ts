import { builder } from '../builder.ts';
import { lineTotal } from '../domain/money.ts';

builder.prismaObject('OpportunityLine', {
  description: 'Product x quantity x unit price - discount.',
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeInt('position'),
    product: t.relation('product', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    quantity: t.expose('quantity', { type: 'Decimal' }),
    unitPrice: t.expose('unitPrice', { type: 'Decimal' }),
    discountPercent: t.expose('discountPercent', { type: 'Decimal' }),
    total: t.field({ type: 'Decimal', resolve: (line) => lineTotal(line) }),
  }),
});
