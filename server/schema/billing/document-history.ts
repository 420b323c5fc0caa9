import { builder } from '../../builder.ts';
import { renderDocumentPdf } from '../../domain/billing/pdf.ts';
import { loadPrintable, type PrintableDocument, type PrintableLine } from '../../domain/billing/printable.ts';
import { LetterheadRef } from '../letterhead.ts';
import type { DocumentKind } from '../../domain/billing/errors.ts';
import { DocumentKindEnum, TaxGroupRef } from './document-common.ts';

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

const PrintableLineRef = builder.objectRef<PrintableLine>('PrintableLine').implement({
  fields: (t) => ({
    position: t.exposeInt('position'),
    description: t.exposeString('description'),
    quantity: t.expose('quantity', { type: 'Decimal' }),
    unit: t.exposeString('unit'),
    unitPrice: t.expose('unitPrice', { type: 'Decimal' }),
    discountPercent: t.expose('discountPercent', { type: 'Decimal' }),
    taxRate: t.expose('taxRate', { type: 'Decimal' }),
    netAmount: t.expose('netAmount', { type: 'Decimal' }),
  }),
});

const FactRef = builder.objectRef<[string, string]>('PrintableFact').implement({
  fields: (t) => ({
    label: t.string({ resolve: (fact) => fact[0] }),
    value: t.string({ resolve: (fact) => fact[1] }),
  }),
});

const PrintableDocumentRef = builder.objectRef<PrintableDocument>('PrintableDocument').implement({
  description: "What the printed document shows, in the customer's language (German): the same content as the PDF.",
  fields: (t) => ({
    kind: t.expose('kind', { type: DocumentKindEnum }),
    heading: t.exposeString('heading', { description: 'Angebot, Auftragsbestätigung, Rechnung.' }),
    number: t.exposeString('number'),
    title: t.exposeString('title'),
    facts: t.field({ type: [FactRef], resolve: (document) => document.facts }),
    recipient: t.exposeStringList('recipient', { description: 'Address lines.' }),
    salutation: t.exposeString('salutation', { nullable: true }),
    introText: t.exposeString('introText', { nullable: true }),
    closingText: t.exposeString('closingText', { nullable: true }),
    lines: t.field({ type: [PrintableLineRef], resolve: (document) => document.lines }),
    netAmount: t.field({ type: 'Decimal', resolve: (document) => document.totals.net }),
    taxes: t.field({ type: [TaxGroupRef], resolve: (document) => document.totals.taxes }),
    grossAmount: t.field({ type: 'Decimal', resolve: (document) => document.totals.gross }),
    currency: t.exposeString('currency'),
    letterhead: t.field({ type: LetterheadRef, resolve: (document) => document.letterhead }),
  }),
});

const KINDS = { Quote: 'QUOTE', Order: 'ORDER', Invoice: 'INVOICE' } as const;

for (const model of ['Quote', 'Order', 'Invoice'] as const) {
  builder.prismaObjectField(model, 'history', (t) =>
    t.relation('changes', { description: 'What happened to it, newest first.', query: { orderBy: [{ at: 'desc' }, { id: 'desc' }] } }),
  );
  builder.prismaObjectField(model, 'printable', (t) =>
    t.field({
      type: PrintableDocumentRef,
      description: 'The content of the printed document, for an HTML print view. One document at a time.',
      resolve: async (document, _args, context) => (await loadPrintable(context.prisma, KINDS[model], document.id))!,
    }),
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
