import { builder } from '../builder.ts';
import { canReadSalesRecord, salesRecordReadWhere } from '../domain/access.ts';
import { requireViewer } from './viewer.ts';

export const OpportunityRef = builder.prismaNode('Opportunity', {
  id: { field: 'id' },
  // A missing or unreadable record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'A sales opportunity: a LEAD until converted, then a DEAL.',
  findUnique: (id, context) => ({ id, ...salesRecordReadWhere(requireViewer(context)) }),
  runScopesOnType: true,
  authScopes: (opportunity, context) => context.viewer !== null && canReadSalesRecord(context.viewer, opportunity),
  fields: (t) => ({
    humanId: t.string({ description: 'Short id like OPP-1042.', resolve: (opportunity) => `OPP-${opportunity.number}` }),
    title: t.exposeString('title'),
  }),
});
