import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { canReadSalesRecord, salesRecordReadWhere } from '../../domain/access.ts';
import { cancelInvoice, createInvoice } from '../../domain/billing/invoices.ts';
import { recordPayment, removePayment } from '../../domain/billing/payments.ts';
import { invoiceListWhere, isOverdue } from '../../domain/billing/queries.ts';
import { outstanding } from '../../domain/billing/totals.ts';
import { Address } from '../address.ts';
import { decodeId, decodeInputId } from '../ids.ts';
import { requireViewer } from '../viewer.ts';
import { DocumentLineInput, documentFields, documentMutation, documentQueries, InvoiceStatusEnum, LINE_SELECT, TaxGroupRef, taxesOf } from './document-common.ts';
import { decodeDocumentFilter, decodeLines, InvoiceFilterInput } from './document-inputs.ts';

export const InvoiceRef = builder.prismaNode('Invoice', {
  id: { field: 'id' },
  nullable: true,
  description: 'An invoice (Rechnung), issued when created and immutable but for its status and payments: OPEN -> PAID / CANCELLED.',
  findUnique: (id, context) => ({ id, ...salesRecordReadWhere(requireViewer(context)) }),
  runScopesOnType: true,
  authScopes: (invoice, context) => context.viewer !== null && canReadSalesRecord(context.viewer, invoice),
  fields: (t) => ({
    ...documentFields(t, {
      numberDescription: 'INV-<year>-<sequence>, gap-free per year.',
      status: InvoiceStatusEnum,
      viewerCanEditDescription: 'Whether the viewer may record payments or cancel it (the invoice itself never changes).',
    }),
    taxes: t.field({ type: [TaxGroupRef], select: LINE_SELECT, resolve: (invoice) => taxesOf(invoice.lines) }),
    order: t.relation('order', { nullable: true }),
    correctsInvoice: t.relation('correctsInvoice', { nullable: true, description: 'The cancelled invoice this one replaces.' }),
    correctedBy: t.relation('correctedBy', { description: 'The invoices that replace this cancelled one.' }),
    issueDate: t.expose('issueDate', { type: 'Date' }),
    serviceDate: t.expose('serviceDate', { type: 'Date', nullable: true, description: 'Leistungsdatum; the issue date when empty.' }),
    dueDate: t.expose('dueDate', { type: 'Date' }),
    paidDate: t.expose('paidDate', { type: 'Date', nullable: true }),
    isOverdue: t.boolean({ description: 'OPEN and due before today.', resolve: (invoice) => isOverdue(invoice) }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    cancellationReason: t.exposeString('cancellationReason', { nullable: true }),
    recipientName: t.exposeString('recipientName'),
    recipientAddress: t.field({
      type: Address,
      description: "The customer's address as it was printed on the invoice.",
      resolve: (invoice) => ({ street: invoice.recipientStreet, postalCode: invoice.recipientPostalCode, city: invoice.recipientCity, country: invoice.recipientCountry }),
    }),
    notes: t.exposeString('notes', { nullable: true }),
    paidAmount: t.expose('paidAmount', { type: 'Decimal' }),
    outstandingAmount: t.field({ type: 'Decimal', resolve: (invoice) => outstanding(invoice) }),
    payments: t.relation('payments', { query: { orderBy: [{ paymentDate: 'asc' }, { id: 'asc' }] } }),
  }),
});

builder.prismaNode('Payment', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) => ({ id, invoice: salesRecordReadWhere(requireViewer(context)) }),
  fields: (t) => ({
    amount: t.expose('amount', { type: 'Decimal' }),
    paymentDate: t.expose('paymentDate', { type: 'Date' }),
    reference: t.exposeString('reference', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

documentQueries({
  type: 'Invoice',
  listDescription: 'Invoices the viewer may read, newest first. `filter.overdue` lists the open ones past their due date.',
  lookupDescription: 'An invoice by id or number (INV-2026-0001); null when missing or not readable.',
  filter: InvoiceFilterInput,
  listWhere: (viewer, filter) => invoiceListWhere(viewer, decodeDocumentFilter(filter)),
});

const CreateInvoiceInput = builder.inputType('CreateInvoiceInput', {
  description:
    "Issued today. From an order (its lines), as the correction of a cancelled invoice (its lines unless given), from an opportunity (its lines unless given), or standalone on an account (title and lines required).",
  fields: (t) => ({
    orderId: t.id(),
    correctsInvoiceId: t.id(),
    opportunityId: t.id(),
    accountId: t.id(),
    contactId: t.id(),
    ownerId: t.id(),
    teamId: t.id(),
    title: t.string(),
    serviceDate: t.field({ type: 'Date', description: "Leistungsdatum; defaults to the order's delivery date." }),
    paymentTermDays: t.int({ description: 'Days until due; 14 by default.' }),
    notes: t.string(),
    lines: t.field({ type: [DocumentLineInput] }),
  }),
});

const RecordPaymentInput = builder.inputType('RecordPaymentInput', {
  fields: (t) => ({
    invoiceId: t.id({ required: true }),
    amount: t.field({ type: 'Decimal', required: true, description: 'At most the outstanding amount.' }),
    paymentDate: t.field({ type: 'Date', description: 'Defaults to today; not before the invoice date nor in the future.' }),
    reference: t.string(),
  }),
});

const invoiceId = (id: string) => decodeId(id, 'Invoice', 'id');

builder.mutationFields((t) => ({
  createInvoice: t.prismaField({
    type: 'Invoice',
    authScopes: { writer: true },
    errors: documentMutation('CreateInvoice', 'invoice'),
    args: { input: t.arg({ type: CreateInvoiceInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const invoice = await createInvoice(context.prisma, requireViewer(context), {
        ...input,
        orderId: decodeInputId(input.orderId, 'Order'),
        correctsInvoiceId: decodeInputId(input.correctsInvoiceId, 'Invoice'),
        opportunityId: decodeInputId(input.opportunityId, 'Opportunity'),
        accountId: decodeInputId(input.accountId, 'Account'),
        contactId: decodeInputId(input.contactId, 'Contact'),
        ownerId: decodeInputId(input.ownerId, 'User'),
        teamId: decodeInputId(input.teamId, 'Team'),
        lines: decodeLines(input.lines),
      } as Parameters<typeof createInvoice>[2]);
      return context.prisma.invoice.findUniqueOrThrow({ ...query, where: { id: invoice.id } });
    },
  }),
  cancelInvoice: t.prismaField({
    type: 'Invoice',
    authScopes: { writer: true },
    description: 'Storno: OPEN -> CANCELLED while nothing is paid. Correct it with a new invoice naming it (`correctsInvoiceId`).',
    errors: documentMutation('CancelInvoice', 'invoice'),
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (query, _root, { id, reason }, context) => {
      const invoice = await cancelInvoice(context.prisma, requireViewer(context), invoiceId(id), { reason });
      return context.prisma.invoice.findUniqueOrThrow({ ...query, where: { id: invoice.id } });
    },
  }),
  recordPayment: t.prismaField({
    type: 'Invoice',
    authScopes: { writer: true },
    description: 'A (partial) payment; the invoice is PAID once payments add up to its gross amount.',
    errors: documentMutation('RecordPayment', 'invoice'),
    args: { input: t.arg({ type: RecordPaymentInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const invoice = await recordPayment(context.prisma, requireViewer(context), {
        ...input,
        invoiceId: decodeInputId(input.invoiceId, 'Invoice') as string,
      });
      return context.prisma.invoice.findUniqueOrThrow({ ...query, where: { id: invoice.id } });
    },
  }),
  removePayment: t.prismaField({
    type: 'Invoice',
    authScopes: { writer: true },
    description: 'Takes back a payment booked by mistake; a paid invoice is open again.',
    errors: documentMutation('RemovePayment', 'invoice'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      const invoice = await removePayment(context.prisma, requireViewer(context), decodeId(id, 'Payment', 'id'));
      return context.prisma.invoice.findUniqueOrThrow({ ...query, where: { id: invoice.id } });
    },
  }),
}));

export const paymentGlobalId = (id: string) => encodeGlobalID('Payment', id);
