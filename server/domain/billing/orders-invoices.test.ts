import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { caught, createBillingWorld, type BillingWorld } from '../../test/billing-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { addDays } from '../calendar.ts';
import { ValidationError } from '../errors.ts';
import { today } from './documents.ts';
import { DocumentLockedError, InvalidStatusTransitionError } from './errors.ts';
import { cancelInvoice, createInvoice } from './invoices.ts';
import { cancelOrder, createOrder, deliverOrder, updateOrder } from './orders.ts';
import { recordPayment, removePayment } from './payments.ts';
import { acceptQuote, createQuote, sendQuote } from './quotes.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let world: BillingWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  world = await createBillingWorld(prisma);
});
afterAll(() => database.drop());

const seller = () => world.viewers.northSales;
const orderOfOpportunity = () => createOrder(prisma, seller(), { opportunityId: world.north.id });

function expectTransition(error: unknown, reason: string) {
  expect(error).toBeInstanceOf(InvalidStatusTransitionError);
  expect((error as InvalidStatusTransitionError).reason).toBe(reason);
}

describe('orders', () => {
  it('are made once from an accepted quote, and not from others', async () => {
    const quote = await createQuote(prisma, seller(), { opportunityId: world.north.id });
    expectTransition(await caught(createOrder(prisma, seller(), { quoteId: quote.id })), 'NOT_ACCEPTED');
    await sendQuote(prisma, seller(), quote.id);
    await acceptQuote(prisma, seller(), quote.id);
    const order = await createOrder(prisma, seller(), { quoteId: quote.id, customerReference: 'PO-4711' });
    expect(order).toMatchObject({ quoteId: quote.id, customerReference: 'PO-4711', orderDate: today(new Date()) });
    expect(order.grossAmount.toFixed(2)).toBe(quote.grossAmount.toFixed(2));
    expectTransition(await caught(createOrder(prisma, seller(), { quoteId: quote.id })), 'ALREADY_ORDERED');
  });

  it('are delivered or cancelled while open, and then stay as they are', async () => {
    const order = await orderOfOpportunity();
    const future = await caught(deliverOrder(prisma, seller(), order.id, { deliveryDate: addDays(today(new Date()), 3) }));
    expect(future.fieldErrors).toEqual([expect.objectContaining({ field: 'deliveryDate', reason: 'IN_THE_FUTURE' })]);
    const early = await caught(deliverOrder(prisma, seller(), order.id, { deliveryDate: addDays(order.orderDate, -1) }));
    expect(early.fieldErrors).toEqual([expect.objectContaining({ field: 'deliveryDate', reason: 'BEFORE_ORDER_DATE' })]);
    const delivered = await deliverOrder(prisma, seller(), order.id);
    expect(delivered).toMatchObject({ status: 'DELIVERED', deliveryDate: today(new Date()) });
    expectTransition(await caught(cancelOrder(prisma, seller(), order.id)), 'NOT_OPEN');
    expectTransition(await caught(deliverOrder(prisma, seller(), order.id)), 'NOT_OPEN');
    expect(await caught(updateOrder(prisma, seller(), order.id, { notes: 'x' }))).toBeInstanceOf(DocumentLockedError);

    const other = await orderOfOpportunity();
    const cancelled = await cancelOrder(prisma, seller(), other.id, { reason: 'Kunde storniert' });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Kunde storniert' });
    expect(cancelled.cancelledAt).not.toBeNull();
  });

  it('keep their lines once invoiced, and cannot be cancelled while the invoice stands', async () => {
    const order = await orderOfOpportunity();
    await createInvoice(prisma, seller(), { orderId: order.id });
    const locked = await caught(updateOrder(prisma, seller(), order.id, { lines: [{ productId: world.products.training.id, quantity: '1' }] }));
    expect(locked).toBeInstanceOf(DocumentLockedError);
    expect((await updateOrder(prisma, seller(), order.id, { notes: 'Anlieferung Tor 3' })).notes).toBe('Anlieferung Tor 3');
    expectTransition(await caught(cancelOrder(prisma, seller(), order.id)), 'INVOICED');
  });
});

describe('invoices', () => {
  it("are issued from an order with its lines, today, due after the payment term, addressed as the account is now", async () => {
    const order = await orderOfOpportunity();
    await deliverOrder(prisma, seller(), order.id);
    const invoice = await createInvoice(prisma, seller(), { orderId: order.id, paymentTermDays: 30 });
    const issued = today(new Date());
    expect(invoice).toMatchObject({
      status: 'OPEN',
      orderId: order.id,
      opportunityId: world.north.id,
      issueDate: issued,
      dueDate: addDays(issued, 30),
      serviceDate: issued,
      recipientName: 'Nordwerft GmbH',
      recipientCountry: 'DE',
    });
    expect(invoice.number).toMatch(new RegExp(`^INV-${issued.getUTCFullYear()}-\\d{4}$`));
    expect(invoice.grossAmount.toFixed(2)).toBe(order.grossAmount.toFixed(2));
    expectTransition(await caught(createInvoice(prisma, seller(), { orderId: order.id })), 'ALREADY_INVOICED');
    const withLines = await caught(createInvoice(prisma, seller(), { orderId: order.id, lines: [] }));
    expect(withLines.fieldErrors).toEqual([expect.objectContaining({ field: 'lines', reason: 'FROM_ORDER' })]);
  });

  it('become PAID when partial payments add up to the gross amount, and refuse overpayment', async () => {
    const invoice = await createInvoice(prisma, seller(), { opportunityId: world.north.id, lines: [{ description: 'Wartung', quantity: '1', unitPrice: '1000.00' }] });
    expect(invoice.grossAmount.toFixed(2)).toBe('1190.00');
    const partly = await recordPayment(prisma, seller(), { invoiceId: invoice.id, amount: '500.00', reference: 'Abschlag' });
    expect(partly).toMatchObject({ status: 'OPEN', paidDate: null });
    expect(partly.paidAmount.toFixed(2)).toBe('500.00');
    const over = await caught(recordPayment(prisma, seller(), { invoiceId: invoice.id, amount: '690.01' }));
    expect(over.fieldErrors).toEqual([expect.objectContaining({ field: 'amount', reason: 'EXCEEDS_OUTSTANDING' })]);
    const future = await caught(recordPayment(prisma, seller(), { invoiceId: invoice.id, amount: '1', paymentDate: addDays(today(new Date()), 1) }));
    expect(future.fieldErrors).toEqual([expect.objectContaining({ field: 'paymentDate', reason: 'IN_THE_FUTURE' })]);
    const paid = await recordPayment(prisma, seller(), { invoiceId: invoice.id, amount: '690.00' });
    expect(paid).toMatchObject({ status: 'PAID', paidDate: today(new Date()) });
    expectTransition(await caught(recordPayment(prisma, seller(), { invoiceId: invoice.id, amount: '1' })), 'ALREADY_PAID');
    expectTransition(await caught(cancelInvoice(prisma, seller(), invoice.id)), 'PAID');
    const history = await prisma.documentChange.findMany({ where: { invoiceId: invoice.id }, orderBy: { at: 'asc' } });
    expect(history.map((change) => change.event)).toEqual(['CREATED', 'PAYMENT_RECORDED', 'PAID']);

    // A payment booked by mistake is taken back: the invoice is open again.
    const payment = await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id, amount: '690.00' } });
    const reopened = await removePayment(prisma, seller(), payment.id);
    expect(reopened).toMatchObject({ status: 'OPEN', paidDate: null });
    expect(reopened.paidAmount.toFixed(2)).toBe('500.00');
  });

  it('are cancelled only without payments, and corrected by a new invoice naming the cancelled one', async () => {
    const invoice = await createInvoice(prisma, seller(), { opportunityId: world.north.id });
    await recordPayment(prisma, seller(), { invoiceId: invoice.id, amount: '100.00' });
    expectTransition(await caught(cancelInvoice(prisma, seller(), invoice.id)), 'HAS_PAYMENTS');
    await removePayment(prisma, seller(), (await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } })).id);
    const cancelled = await cancelInvoice(prisma, seller(), invoice.id, { reason: 'Falscher Rabatt' });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Falscher Rabatt' });
    expectTransition(await caught(cancelInvoice(prisma, seller(), invoice.id)), 'ALREADY_CANCELLED');
    expectTransition(await caught(recordPayment(prisma, seller(), { invoiceId: invoice.id, amount: '1' })), 'CANCELLED');

    const open = await createInvoice(prisma, seller(), { opportunityId: world.north.id });
    const notCancelled = await caught(createInvoice(prisma, seller(), { correctsInvoiceId: open.id }));
    expect(notCancelled.fieldErrors).toEqual([expect.objectContaining({ field: 'correctsInvoiceId', reason: 'NOT_CANCELLED' })]);
    const correction = await createInvoice(prisma, seller(), {
      correctsInvoiceId: invoice.id,
      lines: [{ productId: world.products.machine.id, quantity: '1', discountPercent: '8' }],
    });
    expect(correction).toMatchObject({ correctsInvoiceId: invoice.id, opportunityId: world.north.id, accountId: world.northAccount.id, status: 'OPEN' });
    expect(correction.netAmount.toFixed(2)).toBe('68540.00');
    expect(correction.number).not.toBe(invoice.number);
  });

  it('are immutable in the database once issued, except for status and payments', async () => {
    const invoice = await createInvoice(prisma, seller(), { opportunityId: world.north.id });
    await expect(prisma.invoice.update({ where: { id: invoice.id }, data: { netAmount: '1.00' } })).rejects.toThrow(/cannot be changed/);
    await expect(prisma.invoice.update({ where: { id: invoice.id }, data: { dueDate: addDays(invoice.dueDate, 30) } })).rejects.toThrow(/cannot be changed/);
    const line = await prisma.invoiceLine.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    await expect(prisma.invoiceLine.update({ where: { id: line.id }, data: { quantity: '2' } })).rejects.toThrow(/cannot be changed/);
    await expect(prisma.invoiceLine.delete({ where: { id: line.id } })).rejects.toThrow(/cannot be removed/);
    await expect(prisma.invoiceLine.create({ data: { ...line, id: undefined, position: 9 } })).rejects.toThrow(/cannot be changed/);
    // Status and payments may change.
    expect((await prisma.invoice.update({ where: { id: invoice.id }, data: { paidAmount: '1.00' } })).paidAmount.toFixed(2)).toBe('1.00');
  });

  it('need lines and an amount', async () => {
    const empty = await caught(createInvoice(prisma, seller(), { accountId: world.northAccount.id, title: 'Leer', lines: [] }));
    expect(empty).toBeInstanceOf(ValidationError);
    expect(empty.fieldErrors).toEqual([expect.objectContaining({ field: 'lines', reason: 'REQUIRED' })]);
    const zero = await caught(createInvoice(prisma, seller(), { accountId: world.northAccount.id, title: 'Null', lines: [{ description: 'Kulanz', quantity: '1', unitPrice: '0' }] }));
    expect(zero.fieldErrors).toEqual([expect.objectContaining({ field: 'lines', reason: 'ZERO_TOTAL' })]);
  });
});
