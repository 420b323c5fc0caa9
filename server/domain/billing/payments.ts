import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { Invoice, PrismaClient } from '../../generated/prisma/client.ts';
import { canReadSalesRecord } from '../access.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { committed } from '../events.ts';
import { Decimal, roundMoney } from '../money.ts';
import { entityId, optionalText, omittable, parseInput } from '../validation.ts';
import { recordDocumentChange } from './document-history.ts';
import { businessDay, lockForWrite, today } from './documents.ts';
import { InvalidStatusTransitionError } from './errors.ts';
import { outstanding } from './totals.ts';

/**
 * Payments received for an invoice. An invoice is PAID once its payments add up to the gross
 * amount (paid on the date of the payment that settled it); removing a mistaken payment reopens it.
 */
export interface Clock {
  now?: Date;
}

const recordPaymentInput = z.object({
  invoiceId: entityId,
  amount: z
    .string({ error: 'Enter an amount.' })
    .trim()
    .regex(/^\d{1,12}(\.\d{1,2})?$/, 'Enter an amount with up to two decimals.')
    .refine((value) => Number(value) > 0, { message: 'The amount must be more than 0.', params: { reason: 'TOO_SMALL' } }),
  paymentDate: omittable(businessDay),
  reference: optionalText(200),
});

export type RecordPaymentInput = z.input<typeof recordPaymentInput>;

export async function recordPayment(prisma: PrismaClient, viewer: Viewer, rawInput: RecordPaymentInput, { now = new Date() }: Clock = {}): Promise<Invoice> {
  const input = parseInput(recordPaymentInput, rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const invoice = await lockForWrite(tx, viewer, 'INVOICE', input.invoiceId, () => tx.invoice.findUnique({ where: { id: input.invoiceId } }));
      if (invoice.status !== 'OPEN') {
        throw new InvalidStatusTransitionError('INVOICE', invoice.status, 'pay', invoice.status === 'PAID' ? 'ALREADY_PAID' : 'CANCELLED', `This invoice is ${invoice.status.toLowerCase()}.`);
      }
      const paymentDate = input.paymentDate ?? today(now);
      if (paymentDate > today(now)) throw ValidationError.field('paymentDate', 'IN_THE_FUTURE', 'Record a payment once it arrived.');
      if (paymentDate < invoice.issueDate) throw ValidationError.field('paymentDate', 'BEFORE_ISSUE', 'A payment cannot be before the invoice date.');
      const amount = new Decimal(input.amount);
      const rest = outstanding(invoice);
      if (amount.greaterThan(rest)) {
        throw ValidationError.field('amount', 'EXCEEDS_OUTSTANDING', `Only ${rest.toFixed(2)} ${invoice.currency} are outstanding.`);
      }
      const payment = await tx.payment.create({
        data: { invoiceId: invoice.id, amount, paymentDate, reference: input.reference ?? null, createdById: viewer.id, createdAt: now },
      });
      const paidAmount = roundMoney(invoice.paidAmount.plus(amount));
      const settled = paidAmount.equals(invoice.grossAmount);
      const latestPayment = await tx.payment.aggregate({ where: { invoiceId: invoice.id }, _max: { paymentDate: true } });
      const updated = await tx.invoice.update({
        where: { id: invoice.id },
        data: { paidAmount, ...(settled ? { status: 'PAID', paidDate: latestPayment._max.paymentDate } : {}), updatedAt: now },
      });
      await recordDocumentChange(tx, 'INVOICE', updated, viewer.id, now, {
        event: settled ? 'PAID' : 'PAYMENT_RECORDED',
        ...(settled ? { fromStatus: 'OPEN', toStatus: 'PAID' } : {}),
        details: { paymentId: payment.id, amount: amount.toFixed(2), paymentDate: paymentDate.toISOString().slice(0, 10), paidAmount: paidAmount.toFixed(2) },
      });
      return updated;
    }),
  );
}

/** Takes back a payment booked by mistake; a paid invoice becomes open again. Not on cancelled invoices. */
export async function removePayment(prisma: PrismaClient, viewer: Viewer, paymentId: string, { now = new Date() }: Clock = {}): Promise<Invoice> {
  parseInput(z.object({ paymentId: entityId }), { paymentId });
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const payment = await tx.payment.findUnique({ where: { id: paymentId }, include: { invoice: { select: { teamId: true } } } });
      if (!payment || !canReadSalesRecord(viewer, payment.invoice)) throw new NotFoundError('Payment');
      const invoice = await lockForWrite(tx, viewer, 'INVOICE', payment.invoiceId, () => tx.invoice.findUnique({ where: { id: payment.invoiceId } }));
      if (invoice.status === 'CANCELLED') {
        throw new InvalidStatusTransitionError('INVOICE', invoice.status, 'removePayment', 'CANCELLED', 'The payments of a cancelled invoice stay as they are.');
      }
      await tx.payment.delete({ where: { id: paymentId } });
      const paidAmount = roundMoney(invoice.paidAmount.minus(payment.amount));
      const updated = await tx.invoice.update({
        where: { id: invoice.id },
        data: { paidAmount, status: 'OPEN', paidDate: null, updatedAt: now },
      });
      await recordDocumentChange(tx, 'INVOICE', updated, viewer.id, now, {
        event: 'PAYMENT_REMOVED',
        ...(invoice.status === 'PAID' ? { fromStatus: 'PAID', toStatus: 'OPEN' } : {}),
        details: { amount: payment.amount.toFixed(2), paymentDate: payment.paymentDate.toISOString().slice(0, 10), paidAmount: paidAmount.toFixed(2) },
      });
      return updated;
    }),
  );
}
