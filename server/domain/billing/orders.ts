import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { Order, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { assertCanWriteSalesRecord, canReadSalesRecord } from '../access.ts';
import { ValidationError } from '../errors.ts';
import { committed } from '../events.ts';
import { entityId, omittable, optionalText, parseInput, requiredText } from '../validation.ts';
import { recordDocumentChange } from './document-history.ts';
import { assertContactOf, businessDay, lineRowsFor, linesOfOpportunity, lockForWrite, resolveOrigin, today, yearOf, type DocumentOrigin } from './documents.ts';
import { DocumentLockedError, InvalidStatusTransitionError } from './errors.ts';
import { copyLines, documentLinesInput, resolveLines, type DocumentLineRow } from './lines.ts';
import { nextDocumentNumber } from './numbering.ts';
import { documentTotals, totalColumns } from './totals.ts';

type Tx = Prisma.TransactionClient;

/**
 * Orders (Aufträge): OPEN (editable until invoiced) -> DELIVERED or CANCELLED. Made from an
 * accepted quote (once per quote), from an opportunity, or standalone on an account.
 */
export interface Clock {
  now?: Date;
}

const orderFields = {
  title: omittable(requiredText(200)),
  contactId: entityId.nullable().optional(),
  orderDate: omittable(businessDay),
  plannedDeliveryDate: businessDay.nullable().optional(),
  customerReference: optionalText(100),
  notes: optionalText(4000),
  lines: omittable(documentLinesInput),
};

const createOrderInput = z.object({
  ...orderFields,
  quoteId: omittable(entityId),
  opportunityId: omittable(entityId),
  accountId: omittable(entityId),
  ownerId: omittable(entityId),
  teamId: omittable(entityId),
});
const updateOrderInput = z.object(orderFields);

export type CreateOrderInput = z.input<typeof createOrderInput>;
export type UpdateOrderInput = z.input<typeof updateOrderInput>;

export async function createOrder(prisma: PrismaClient, viewer: Viewer, rawInput: CreateOrderInput, { now = new Date() }: Clock = {}): Promise<Order> {
  const input = parseInput(createOrderInput, rawInput);
  return committed(() => prisma.$transaction((tx) => createOrderInTransaction(tx, viewer, input, now)));
}

/** Also used by `acceptQuote` to create the order in the acceptance's transaction. */
export async function createOrderInTransaction(tx: Tx, viewer: Viewer, input: Partial<z.output<typeof createOrderInput>>, now: Date): Promise<Order> {
  let origin: Omit<DocumentOrigin, 'opportunity'> & { opportunityId: string | null };
  let lines: DocumentLineRow[];
  if (input.quoteId) {
    if (input.lines) throw ValidationError.field('lines', 'FROM_QUOTE', "An order of a quote takes the quote's lines.");
    const quote = await tx.quote.findUnique({ where: { id: input.quoteId }, include: { lines: { orderBy: { position: 'asc' } }, order: { select: { id: true } } } });
    if (!quote || !canReadSalesRecord(viewer, quote)) throw ValidationError.field('quoteId', 'NOT_FOUND', 'Unknown quote.');
    assertCanWriteSalesRecord(viewer, quote);
    if (quote.status !== 'ACCEPTED') {
      throw new InvalidStatusTransitionError('QUOTE', quote.status, 'order', 'NOT_ACCEPTED', 'Only an accepted quote becomes an order.');
    }
    if (quote.order) throw new InvalidStatusTransitionError('QUOTE', quote.status, 'order', 'ALREADY_ORDERED', 'This quote already has its order.');
    const contactId = input.contactId === undefined ? quote.contactId : input.contactId;
    await assertContactOf(tx, viewer, quote.accountId, contactId);
    const { currency } = quote;
    const account = await tx.account.findUniqueOrThrow({ where: { id: quote.accountId } });
    origin = { opportunityId: quote.opportunityId, account, contactId, ownerId: quote.ownerId, teamId: quote.teamId, title: input.title ?? quote.title, currency };
    lines = copyLines(quote.lines);
  } else {
    const resolved = await resolveOrigin(tx, viewer, input, ['OPEN', 'WON']);
    origin = { ...resolved, opportunityId: resolved.opportunity?.id ?? null };
    lines = input.lines ? await resolveLines(tx, input.lines) : resolved.opportunity ? linesOfOpportunity(resolved.opportunity) : [];
  }
  if (lines.length === 0) throw ValidationError.field('lines', 'REQUIRED', 'An order needs at least one line.');
  const orderDate = input.orderDate ?? today(now);
  assertDeliveryAfterOrder(orderDate, input.plannedDeliveryDate, 'plannedDeliveryDate');
  const number = await nextDocumentNumber(tx, 'ORDER', yearOf(orderDate));
  const order = await tx.order.create({
    data: {
      number,
      quoteId: input.quoteId ?? null,
      opportunityId: origin.opportunityId,
      accountId: origin.account.id,
      contactId: origin.contactId,
      ownerId: origin.ownerId,
      teamId: origin.teamId,
      title: origin.title,
      orderDate,
      plannedDeliveryDate: input.plannedDeliveryDate ?? null,
      customerReference: input.customerReference ?? null,
      notes: input.notes ?? null,
      currency: origin.currency,
      ...totalColumns(documentTotals(lines)),
      createdAt: now,
      updatedAt: now,
      lines: { createMany: { data: lines } },
    },
  });
  await recordDocumentChange(tx, 'ORDER', order, viewer.id, now, { event: 'CREATED', toStatus: 'OPEN', details: input.quoteId ? { fromQuoteId: input.quoteId } : undefined });
  return order;
}

function assertDeliveryAfterOrder(orderDate: Date, deliveryDate: Date | null | undefined, field: string) {
  if (deliveryDate && deliveryDate < orderDate) throw ValidationError.field(field, 'BEFORE_ORDER_DATE', 'Delivery cannot be before the order date.');
}

async function hasLiveInvoice(tx: Tx, orderId: string) {
  return (await tx.invoice.count({ where: { orderId, status: { not: 'CANCELLED' } } })) > 0;
}

/** An open order's header and lines; its lines are fixed once it is invoiced. */
export async function updateOrder(prisma: PrismaClient, viewer: Viewer, id: string, rawInput: UpdateOrderInput, { now = new Date() }: Clock = {}): Promise<Order> {
  const input = parseInput(updateOrderInput, rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const order = await lockForWrite(tx, viewer, 'ORDER', id, () => tx.order.findUnique({ where: { id } }));
      const given = Object.keys(input).filter((field) => input[field as keyof typeof input] !== undefined);
      if (order.status !== 'OPEN' && given.length) throw new DocumentLockedError('ORDER', order.status, given);
      if (input.lines && (await hasLiveInvoice(tx, id))) throw new DocumentLockedError('ORDER', 'INVOICED', ['lines']);
      if (input.contactId !== undefined) await assertContactOf(tx, viewer, order.accountId, input.contactId);
      assertDeliveryAfterOrder(input.orderDate ?? order.orderDate, input.plannedDeliveryDate === undefined ? order.plannedDeliveryDate : input.plannedDeliveryDate, 'plannedDeliveryDate');
      let totals = {};
      if (input.lines) {
        const lines = await resolveLines(tx, input.lines);
        if (lines.length === 0) throw ValidationError.field('lines', 'REQUIRED', 'An order needs at least one line.');
        await tx.orderLine.deleteMany({ where: { orderId: id } });
        await tx.orderLine.createMany({ data: lineRowsFor('orderId', id, lines) });
        totals = totalColumns(documentTotals(lines));
      }
      const updated = await tx.order.update({
        where: { id },
        data: {
          title: input.title,
          contactId: input.contactId,
          orderDate: input.orderDate,
          plannedDeliveryDate: input.plannedDeliveryDate,
          customerReference: input.customerReference,
          notes: input.notes,
          ...totals,
          updatedAt: now,
        },
      });
      await recordDocumentChange(tx, 'ORDER', updated, viewer.id, now, { event: 'UPDATED', details: { fields: given } });
      return updated;
    }),
  );
}

/** OPEN -> DELIVERED on the given day (today by default), not before the order date nor in the future. */
export async function deliverOrder(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: { deliveryDate?: Date | null } = {},
  { now = new Date() }: Clock = {},
): Promise<Order> {
  const input = parseInput(z.object({ deliveryDate: omittable(businessDay) }), rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const order = await lockForWrite(tx, viewer, 'ORDER', id, () => tx.order.findUnique({ where: { id } }));
      if (order.status !== 'OPEN') throw new InvalidStatusTransitionError('ORDER', order.status, 'deliver', 'NOT_OPEN', 'Only an open order can be delivered.');
      const deliveryDate = input.deliveryDate ?? today(now);
      assertDeliveryAfterOrder(order.orderDate, deliveryDate, 'deliveryDate');
      if (deliveryDate > today(now)) throw ValidationError.field('deliveryDate', 'IN_THE_FUTURE', 'Record a delivery once it happened.');
      const delivered = await tx.order.update({ where: { id }, data: { status: 'DELIVERED', deliveryDate, updatedAt: now } });
      await recordDocumentChange(tx, 'ORDER', delivered, viewer.id, now, { event: 'DELIVERED', fromStatus: 'OPEN', toStatus: 'DELIVERED' });
      return delivered;
    }),
  );
}

/** OPEN -> CANCELLED, unless an invoice for it stands (cancel that first). */
export async function cancelOrder(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: { reason?: string | null } = {},
  { now = new Date() }: Clock = {},
): Promise<Order> {
  const input = parseInput(z.object({ reason: optionalText(500) }), rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const order = await lockForWrite(tx, viewer, 'ORDER', id, () => tx.order.findUnique({ where: { id } }));
      if (order.status !== 'OPEN') throw new InvalidStatusTransitionError('ORDER', order.status, 'cancel', 'NOT_OPEN', 'Only an open order can be cancelled.');
      if (await hasLiveInvoice(tx, id)) {
        throw new InvalidStatusTransitionError('ORDER', order.status, 'cancel', 'INVOICED', 'This order is invoiced: cancel its invoice first.');
      }
      const cancelled = await tx.order.update({
        where: { id },
        data: { status: 'CANCELLED', cancelledAt: now, cancellationReason: input.reason ?? null, updatedAt: now },
      });
      await recordDocumentChange(tx, 'ORDER', cancelled, viewer.id, now, { event: 'CANCELLED', fromStatus: 'OPEN', toStatus: 'CANCELLED', details: input.reason ? { reason: input.reason } : undefined });
      return cancelled;
    }),
  );
}
