import { builder, type InputFields } from '../../builder.ts';
import { canReadSalesRecord, salesRecordReadWhere } from '../../domain/access.ts';
import { cancelOrder, createOrder, deliverOrder, updateOrder } from '../../domain/billing/orders.ts';
import { orderListWhere } from '../../domain/billing/queries.ts';
import { decodeId, decodeInputId } from '../ids.ts';
import { requireViewer } from '../viewer.ts';
import { DocumentLineInput, documentFields, documentMutation, documentQueries, LINE_SELECT, OrderStatusEnum, TaxGroupRef, taxesOf } from './document-common.ts';
import { decodeDocumentFilter, decodeLines, OrderFilterInput } from './document-inputs.ts';

export const OrderRef = builder.prismaNode('Order', {
  id: { field: 'id' },
  nullable: true,
  description: 'An order (Auftrag): OPEN -> DELIVERED / CANCELLED. Editable while open; its lines until invoiced.',
  findUnique: (id, context) => ({ id, ...salesRecordReadWhere(requireViewer(context)) }),
  runScopesOnType: true,
  authScopes: (order, context) => context.viewer !== null && canReadSalesRecord(context.viewer, order),
  fields: (t) => ({
    ...documentFields(t, { numberDescription: 'ORD-<year>-<sequence>.', status: OrderStatusEnum }),
    taxes: t.field({ type: [TaxGroupRef], select: LINE_SELECT, resolve: (order) => taxesOf(order.lines) }),
    quote: t.relation('quote', { nullable: true }),
    orderDate: t.expose('orderDate', { type: 'Date' }),
    plannedDeliveryDate: t.expose('plannedDeliveryDate', { type: 'Date', nullable: true }),
    deliveryDate: t.expose('deliveryDate', { type: 'Date', nullable: true, description: 'Set when DELIVERED.' }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    cancellationReason: t.exposeString('cancellationReason', { nullable: true }),
    customerReference: t.exposeString('customerReference', { nullable: true, description: "The customer's purchase order number." }),
    notes: t.exposeString('notes', { nullable: true }),
    invoices: t.relation('invoices', { query: { orderBy: [{ issueDate: 'asc' }, { id: 'asc' }] } }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

documentQueries({
  type: 'Order',
  listDescription: 'Orders the viewer may read, newest order date first.',
  lookupDescription: 'An order by id or number (ORD-2026-0001); null when missing or not readable.',
  filter: OrderFilterInput,
  listWhere: (viewer, filter) => orderListWhere(viewer, decodeDocumentFilter(filter)),
});

const orderContentFields = (t: InputFields) => ({
  title: t.string(),
  contactId: t.id(),
  orderDate: t.field({ type: 'Date', description: 'Defaults to today.' }),
  plannedDeliveryDate: t.field({ type: 'Date' }),
  customerReference: t.string(),
  notes: t.string(),
  lines: t.field({ type: [DocumentLineInput], description: "Replaces the lines; on create, defaults to the opportunity's lines." }),
});

const CreateOrderInput = builder.inputType('CreateOrderInput', {
  description: "From an accepted quote (its lines), an opportunity (its lines), or standalone on an account (title and lines required).",
  fields: (t) => ({
    ...orderContentFields(t),
    quoteId: t.id(),
    opportunityId: t.id(),
    accountId: t.id(),
    ownerId: t.id(),
    teamId: t.id(),
  }),
});

const UpdateOrderInput = builder.inputType('UpdateOrderInput', {
  description: 'Changes an open order. Omitted fields stay; null clears an optional one.',
  fields: (t) => orderContentFields(t),
});

function decodeOrderInput(input: typeof CreateOrderInput.$inferInput) {
  return {
    ...input,
    quoteId: decodeInputId(input.quoteId, 'Quote'),
    opportunityId: decodeInputId(input.opportunityId, 'Opportunity'),
    accountId: decodeInputId(input.accountId, 'Account'),
    contactId: decodeInputId(input.contactId, 'Contact'),
    ownerId: decodeInputId(input.ownerId, 'User'),
    teamId: decodeInputId(input.teamId, 'Team'),
    lines: decodeLines(input.lines),
  };
}

const orderId = (id: string) => decodeId(id, 'Order', 'id');

builder.mutationFields((t) => ({
  createOrder: t.prismaField({
    type: 'Order',
    authScopes: { writer: true },
    description: 'Also what the client offers after winning an opportunity: the order from its accepted quote.',
    errors: documentMutation('CreateOrder', 'order'),
    args: { input: t.arg({ type: CreateOrderInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const order = await createOrder(context.prisma, requireViewer(context), decodeOrderInput(input) as Parameters<typeof createOrder>[2]);
      return context.prisma.order.findUniqueOrThrow({ ...query, where: { id: order.id } });
    },
  }),
  updateOrder: t.prismaField({
    type: 'Order',
    authScopes: { writer: true },
    errors: documentMutation('UpdateOrder', 'order'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateOrderInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const given = Object.fromEntries(Object.entries(decodeOrderInput(input)).filter(([key]) => key in input));
      const order = await updateOrder(context.prisma, requireViewer(context), orderId(id), given as Parameters<typeof updateOrder>[3]);
      return context.prisma.order.findUniqueOrThrow({ ...query, where: { id: order.id } });
    },
  }),
  deliverOrder: t.prismaField({
    type: 'Order',
    authScopes: { writer: true },
    description: 'OPEN -> DELIVERED on the given day (today by default).',
    errors: documentMutation('DeliverOrder', 'order'),
    args: { id: t.arg.id({ required: true }), deliveryDate: t.arg({ type: 'Date' }) },
    resolve: async (query, _root, { id, deliveryDate }, context) => {
      const order = await deliverOrder(context.prisma, requireViewer(context), orderId(id), { deliveryDate });
      return context.prisma.order.findUniqueOrThrow({ ...query, where: { id: order.id } });
    },
  }),
  cancelOrder: t.prismaField({
    type: 'Order',
    authScopes: { writer: true },
    description: 'OPEN -> CANCELLED, unless an invoice of it stands.',
    errors: documentMutation('CancelOrder', 'order'),
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (query, _root, { id, reason }, context) => {
      const order = await cancelOrder(context.prisma, requireViewer(context), orderId(id), { reason });
      return context.prisma.order.findUniqueOrThrow({ ...query, where: { id: order.id } });
    },
  }),
}));
