import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { Account, Invoice, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { assertCanCreateSalesRecords, assertCanWriteSalesRecord, canReadSalesRecord } from '../access.ts';
import { addDays } from '../calendar.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { committed } from '../events.ts';
import { entityId, omittable, optionalText, parseInput, requiredText } from '../validation.ts';
import { recordDocumentChange } from './document-history.ts';
import { assertContactOf, businessDay, linesOfOpportunity, lockForWrite, resolveOrigin, today, yearOf } from './documents.ts';
import { InvalidStatusTransitionError } from './errors.ts';
import { copyLines, documentLinesInput, resolveLines, type DocumentLineRow } from './lines.ts';
import { nextDocumentNumber } from './numbering.ts';
import { documentTotals, totalColumns } from './totals.ts';

/**
 * Invoices (Rechnungen) are issued when created, dated today and numbered gap-free per year, and
 * are immutable from then on except for status and payments: OPEN -> PAID once payments cover
 * the gross amount (payments.ts), OPEN -> CANCELLED (Storno) while nothing is paid. A correction is
 * a cancellation plus a new invoice that names the cancelled one.
 */
export const DEFAULT_PAYMENT_TERM_DAYS = 14;

type Tx = Prisma.TransactionClient;

export interface Clock {
  now?: Date;
}

const createInvoiceInput = z.object({
  orderId: omittable(entityId),
  opportunityId: omittable(entityId),
  accountId: omittable(entityId),
  /** The cancelled invoice this one corrects; its lines are the default. */
  correctsInvoiceId: omittable(entityId),
  contactId: entityId.nullable().optional(),
  ownerId: omittable(entityId),
  teamId: omittable(entityId),
  title: omittable(requiredText(200)),
  serviceDate: businessDay.nullable().optional(),
  paymentTermDays: omittable(z.number().int('Enter whole days.').min(0, 'At least 0 days.').max(365, 'At most 365 days.')),
  notes: optionalText(4000),
  lines: omittable(documentLinesInput),
});

export type CreateInvoiceInput = z.input<typeof createInvoiceInput>;

interface InvoiceSource {
  opportunityId: string | null;
  account: Account;
  contactId: string | null;
  ownerId: string;
  teamId: string;
  title: string;
  currency: string;
  lines: DocumentLineRow[];
  serviceDate: Date | null;
}

type Input = z.output<typeof createInvoiceInput>;

/** An order's invoice takes everything from the order (the viewer must be allowed to change it). */
async function fromOrder(tx: Tx, viewer: Viewer, input: Input, orderId: string): Promise<InvoiceSource> {
  if (input.lines) throw ValidationError.field('lines', 'FROM_ORDER', "An invoice of an order takes the order's lines.");
  // Locked, so that two invoices of one order cannot be issued at once.
  const order = await lockForWrite(tx, viewer, 'ORDER', orderId, () =>
    tx.order.findUnique({ where: { id: orderId }, include: { account: true, lines: { orderBy: { position: 'asc' } } } }),
  ).catch((error: unknown) => {
    throw error instanceof NotFoundError ? ValidationError.field('orderId', 'NOT_FOUND', 'Unknown order.') : error;
  });
  if (order.status === 'CANCELLED') throw new InvalidStatusTransitionError('ORDER', order.status, 'invoice', 'CANCELLED', 'A cancelled order is not invoiced.');
  if ((await tx.invoice.count({ where: { orderId, status: { not: 'CANCELLED' } } })) > 0) {
    throw new InvalidStatusTransitionError('ORDER', order.status, 'invoice', 'ALREADY_INVOICED', 'This order already has an invoice.');
  }
  const contactId = input.contactId === undefined ? order.contactId : input.contactId;
  await assertContactOf(tx, viewer, order.accountId, contactId);
  return {
    opportunityId: order.opportunityId,
    account: order.account,
    contactId,
    ownerId: order.ownerId,
    teamId: order.teamId,
    title: input.title ?? order.title,
    currency: order.currency,
    lines: copyLines(order.lines),
    serviceDate: input.serviceDate ?? order.deliveryDate,
  };
}

/** A correction repeats the cancelled invoice unless lines are given. */
async function fromCancelled(tx: Tx, viewer: Viewer, input: Input, invoiceId: string): Promise<InvoiceSource> {
  const corrected = await tx.invoice.findUnique({ where: { id: invoiceId }, include: { account: true, lines: { orderBy: { position: 'asc' } } } });
  if (!corrected || !canReadSalesRecord(viewer, corrected)) throw ValidationError.field('correctsInvoiceId', 'NOT_FOUND', 'Unknown invoice.');
  assertCanWriteSalesRecord(viewer, corrected);
  if (corrected.status !== 'CANCELLED') {
    throw ValidationError.field('correctsInvoiceId', 'NOT_CANCELLED', 'Cancel the wrong invoice first; its correction replaces it.');
  }
  const contactId = input.contactId === undefined ? corrected.contactId : input.contactId;
  await assertContactOf(tx, viewer, corrected.accountId, contactId);
  return {
    opportunityId: corrected.opportunityId,
    account: corrected.account,
    contactId,
    ownerId: corrected.ownerId,
    teamId: corrected.teamId,
    title: input.title ?? corrected.title,
    currency: corrected.currency,
    lines: input.lines ? await resolveLines(tx, input.lines) : copyLines(corrected.lines),
    serviceDate: input.serviceDate === undefined ? corrected.serviceDate : input.serviceDate,
  };
}

async function invoiceSource(tx: Tx, viewer: Viewer, input: Input): Promise<InvoiceSource> {
  assertCanCreateSalesRecords(viewer);
  if (input.orderId) return fromOrder(tx, viewer, input, input.orderId);
  if (input.correctsInvoiceId) return fromCancelled(tx, viewer, input, input.correctsInvoiceId);
  const origin = await resolveOrigin(tx, viewer, input, ['OPEN', 'WON']);
  return {
    ...origin,
    opportunityId: origin.opportunity?.id ?? null,
    lines: input.lines ? await resolveLines(tx, input.lines) : origin.opportunity ? linesOfOpportunity(origin.opportunity) : [],
    serviceDate: input.serviceDate ?? null,
  };
}

export async function createInvoice(prisma: PrismaClient, viewer: Viewer, rawInput: CreateInvoiceInput, { now = new Date() }: Clock = {}): Promise<Invoice> {
  const input = parseInput(createInvoiceInput, rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const source = await invoiceSource(tx, viewer, input);
      if (source.lines.length === 0) throw ValidationError.field('lines', 'REQUIRED', 'An invoice needs at least one line.');
      const totals = documentTotals(source.lines);
      if (totals.gross.isZero()) throw ValidationError.field('lines', 'ZERO_TOTAL', 'An invoice must be for more than nothing.');
      const issueDate = today(now);
      const { account } = source;
      // Last: the year's counter row stays locked until commit.
      const number = await nextDocumentNumber(tx, 'INVOICE', yearOf(issueDate));
      const invoice = await tx.invoice.create({
        data: {
          number,
          orderId: input.orderId ?? null,
          opportunityId: source.opportunityId,
          accountId: account.id,
          contactId: source.contactId,
          ownerId: source.ownerId,
          teamId: source.teamId,
          correctsInvoiceId: input.correctsInvoiceId ?? null,
          title: source.title,
          issueDate,
          serviceDate: source.serviceDate,
          dueDate: addDays(issueDate, input.paymentTermDays ?? DEFAULT_PAYMENT_TERM_DAYS),
          recipientName: account.name,
          recipientStreet: account.street,
          recipientPostalCode: account.postalCode,
          recipientCity: account.city,
          recipientCountry: account.country,
          notes: input.notes ?? null,
          currency: source.currency,
          ...totalColumns(totals),
          createdAt: now,
          updatedAt: now,
          lines: { createMany: { data: source.lines } },
        },
      });
      const origin = { ...(input.orderId ? { fromOrderId: input.orderId } : {}), ...(input.correctsInvoiceId ? { correctsInvoiceId: input.correctsInvoiceId } : {}) };
      await recordDocumentChange(tx, 'INVOICE', invoice, viewer.id, now, { event: 'CREATED', toStatus: 'OPEN', details: origin });
      return invoice;
    }),
  );
}

/** Storno: OPEN -> CANCELLED while nothing has been paid (remove mistaken payments first). */
export async function cancelInvoice(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: { reason?: string | null } = {},
  { now = new Date() }: Clock = {},
): Promise<Invoice> {
  const input = parseInput(z.object({ reason: optionalText(500) }), rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const invoice = await lockForWrite(tx, viewer, 'INVOICE', id, () => tx.invoice.findUnique({ where: { id } }));
      if (invoice.status !== 'OPEN') {
        throw new InvalidStatusTransitionError('INVOICE', invoice.status, 'cancel', invoice.status === 'PAID' ? 'PAID' : 'ALREADY_CANCELLED', 'Only an open invoice can be cancelled.');
      }
      if (!invoice.paidAmount.isZero()) {
        throw new InvalidStatusTransitionError('INVOICE', invoice.status, 'cancel', 'HAS_PAYMENTS', 'Payments were recorded for this invoice: remove them before cancelling it.');
      }
      const cancelled = await tx.invoice.update({
        where: { id },
        data: { status: 'CANCELLED', cancelledAt: now, cancellationReason: input.reason ?? null, updatedAt: now },
      });
      await recordDocumentChange(tx, 'INVOICE', cancelled, viewer.id, now, { event: 'CANCELLED', fromStatus: 'OPEN', toStatus: 'CANCELLED', details: input.reason ? { reason: input.reason } : undefined });
      return cancelled;
    }),
  );
}
