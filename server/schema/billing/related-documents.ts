import { builder } from '../../builder.ts';
import { salesRecordReadWhere } from '../../domain/access.ts';
import { requireViewer } from '../viewer.ts';

/**
 * The quotes, orders and invoices of an opportunity (all of them: few per opportunity) and of an
 * account (paged), as far as the viewer may read them.
 */
const newestFirst = { quotes: { createdAt: 'desc' }, orders: { orderDate: 'desc' }, invoices: { issueDate: 'desc' } } as const;

for (const relation of ['quotes', 'orders', 'invoices'] as const) {
  builder.prismaObjectField('Opportunity', relation, (t) =>
    t.relation(relation, {
      query: (_args, context) => ({
        where: salesRecordReadWhere(requireViewer(context)),
        orderBy: [newestFirst[relation], { id: 'desc' }] as never,
      }),
    }),
  );
  builder.prismaObjectField('Account', relation, (t) =>
    t.relatedConnection(relation, {
      cursor: 'id',
      totalCount: true,
      query: (_args, context) => ({
        where: salesRecordReadWhere(requireViewer(context)),
        orderBy: [newestFirst[relation], { id: 'desc' }] as never,
      }),
    }),
  );
}
