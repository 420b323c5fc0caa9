import { builder } from '../../builder.ts';
import { renderDocumentPdf } from '../../domain/billing/pdf.ts';
import { loadPrintable } from '../../domain/billing/printable.ts';
import type { DocumentKind } from '../../domain/billing/errors.ts';
import { DocumentKindEnum } from './document-common.ts';

const kindOf = (change: { quoteId: string | null; orderId: string | null }): DocumentKind =>
  change.quoteId ? 'QUOTE' : change.orderId ? 'ORDER' : 'INVOICE';

export const DocumentHistoryEntryRef = builder.prismaObject('DocumentChange', {
  name: 'DocumentHistoryEntry',
  description: 'Something that happened to a quote, order or invoice: creation, a status change, an edit, a payment.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    kind: t.field({ type: DocumentKindEnum, resolve: (change) => kindOf(change) }),
    event: t.exposeString('event', { description: 'CREATED, UPDATED, SENT, ACCEPTED, REJECTED, EXPIRED, DELIVERED, CANCELLED, PAYMENT_RECORDED, PAYMENT_REMOVED or PAID.' }),
    fromStatus: t.exposeString('fromStatus', { nullable: true }),
    toStatus: t.exposeString('toStatus', { nullable: true }),
    details: t.expose('details', { type: 'JSON', nullable: true }),
    actor: t.relation('actor', { nullable: true, description: 'Null for the expiry job.' }),
    quote: t.relation('quote', { nullable: true }),
    order: t.relation('order', { nullable: true }),
    invoice: t.relation('invoice', { nullable: true }),
  }),
});

const DocumentFileRef = builder.objectRef<{ fileName: string; contentType: string; base64: string }>('DocumentFile').implement({
  description: 'A generated file, base64-encoded.',
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    contentType: t.exposeString('contentType'),
    base64: t.exposeString('base64'),
  }),
});

const KINDS = { Quote: 'QUOTE', Order: 'ORDER', Invoice: 'INVOICE' } as const;

for (const model of ['Quote', 'Order', 'Invoice'] as const) {
  builder.prismaObjectField(model, 'history', (t) =>
    t.relation('changes', { description: 'What happened to it, newest first.', query: { orderBy: [{ at: 'desc' }, { id: 'desc' }] } }),
  );
  builder.prismaObjectField(model, 'pdf', (t) =>
    t.field({
      type: DocumentFileRef,
      description: 'The printable document as PDF (A4, with the letterhead of the organisation settings). Generated per request: ask for one document at a time.',
      resolve: async (document, _args, context) => {
        const printable = await loadPrintable(context.prisma, KINDS[model], document.id);
        const pdf = await renderDocumentPdf(printable!);
        return { fileName: `${printable!.number}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64') };
      },
    }),
  );
}
