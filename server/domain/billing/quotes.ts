import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { PrismaClient, Quote } from '../../generated/prisma/client.ts';
import { addDays } from '../calendar.ts';
import { ValidationError } from '../errors.ts';
import { committed } from '../events.ts';
import { entityId, omittable, optionalText, parseInput, requiredText } from '../validation.ts';
import { recordDocumentChange } from './document-history.ts';
import { assertContactOf, businessDay, lineRowsFor, linesOfOpportunity, lockForWrite, resolveOrigin, today, yearOf } from './documents.ts';
import { DocumentLockedError, InvalidStatusTransitionError } from './errors.ts';
import { documentLinesInput, resolveLines } from './lines.ts';
import { nextDocumentNumber } from './numbering.ts';
import { createOrderInTransaction } from './orders.ts';
import { documentTotals, totalColumns } from './totals.ts';

/**
 * Quotes (Angebote): DRAFT (editable) -> SENT -> ACCEPTED / REJECTED, or EXPIRED once the day
 * after `validUntil` has begun (expiry.ts). Accepting can create the order at once.
 */
export const DEFAULT_VALIDITY_DAYS = 30;

export interface Clock {
  now?: Date;
}

const quoteFields = {
  title: omittable(requiredText(200)),
  contactId: entityId.nullable().optional(),
  validUntil: omittable(businessDay),
  introText: optionalText(4000),
  closingText: optionalText(4000),
  lines: omittable(documentLinesInput),
};

const createQuoteInput = z.object({
  ...quoteFields,
  opportunityId: omittable(entityId),
  accountId: omittable(entityId),
  ownerId: omittable(entityId),
  teamId: omittable(entityId),
});
const updateQuoteInput = z.object(quoteFields);

export type CreateQuoteInput = z.input<typeof createQuoteInput>;
export type UpdateQuoteInput = z.input<typeof updateQuoteInput>;

function assertValidUntil(validUntil: Date | undefined, now: Date) {
  if (validUntil && validUntil < today(now)) {
    throw ValidationError.field('validUntil', 'IN_THE_PAST', 'A quote must be valid until today or later.');
  }
}

export async function createQuote(prisma: PrismaClient, viewer: Viewer, rawInput: CreateQuoteInput, { now = new Date() }: Clock = {}): Promise<Quote> {
  const input = parseInput(createQuoteInput, rawInput);
  assertValidUntil(input.validUntil, now);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const origin = await resolveOrigin(tx, viewer, input, ['OPEN']);
      const lines = input.lines ? await resolveLines(tx, input.lines) : origin.opportunity ? linesOfOpportunity(origin.opportunity) : [];
      const number = await nextDocumentNumber(tx, 'QUOTE', yearOf(today(now)));
      const quote = await tx.quote.create({
        data: {
          number,
          opportunityId: origin.opportunity?.id ?? null,
          accountId: origin.account.id,
          contactId: origin.contactId,
          ownerId: origin.ownerId,
          teamId: origin.teamId,
          title: origin.title,
          validUntil: input.validUntil ?? addDays(today(now), DEFAULT_VALIDITY_DAYS),
          introText: input.introText ?? null,
          closingText: input.closingText ?? null,
          currency: origin.currency,
          ...totalColumns(documentTotals(lines)),
          createdAt: now,
          updatedAt: now,
          lines: { createMany: { data: lines } },
        },
      });
      await recordDocumentChange(tx, 'QUOTE', quote, viewer.id, now, { event: 'CREATED', toStatus: 'DRAFT' });
      return quote;
    }),
  );
}

/** A draft's header and lines; sent and decided quotes are fixed (send a new one instead). */
export async function updateQuote(prisma: PrismaClient, viewer: Viewer, id: string, rawInput: UpdateQuoteInput, { now = new Date() }: Clock = {}): Promise<Quote> {
  const input = parseInput(updateQuoteInput, rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const quote = await lockForWrite(tx, viewer, 'QUOTE', id, () => tx.quote.findUnique({ where: { id } }));
      const given = Object.keys(input).filter((field) => input[field as keyof typeof input] !== undefined);
      if (quote.status !== 'DRAFT' && given.length) throw new DocumentLockedError('QUOTE', quote.status, given);
      assertValidUntil(input.validUntil, now);
      if (input.contactId !== undefined) await assertContactOf(tx, viewer, quote.accountId, input.contactId);
      let totals = {};
      if (input.lines) {
        const lines = await resolveLines(tx, input.lines);
        await tx.quoteLine.deleteMany({ where: { quoteId: id } });
        await tx.quoteLine.createMany({ data: lineRowsFor('quoteId', id, lines) });
        totals = totalColumns(documentTotals(lines));
      }
      const updated = await tx.quote.update({
        where: { id },
        data: {
          title: input.title,
          contactId: input.contactId,
          validUntil: input.validUntil,
          introText: input.introText,
          closingText: input.closingText,
          ...totals,
          updatedAt: now,
        },
      });
      await recordDocumentChange(tx, 'QUOTE', updated, viewer.id, now, { event: 'UPDATED', details: { fields: given } });
      return updated;
    }),
  );
}

function transitionError(quote: Quote, action: string, reason: string, message: string) {
  return new InvalidStatusTransitionError('QUOTE', quote.status, action, reason, message);
}

/** DRAFT -> SENT: the quote went to the customer; it needs at least one line and a future validity. */
export async function sendQuote(prisma: PrismaClient, viewer: Viewer, id: string, { now = new Date() }: Clock = {}): Promise<Quote> {
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const quote = await lockForWrite(tx, viewer, 'QUOTE', id, () => tx.quote.findUnique({ where: { id } }));
      if (quote.status !== 'DRAFT') throw transitionError(quote, 'send', 'NOT_DRAFT', 'Only a draft can be sent.');
      if ((await tx.quoteLine.count({ where: { quoteId: id } })) === 0) throw transitionError(quote, 'send', 'NO_LINES', 'Add at least one line before sending.');
      if (quote.validUntil < today(now)) throw transitionError(quote, 'send', 'EXPIRED', 'The validity date has passed: set a new one first.');
      const sent = await tx.quote.update({ where: { id }, data: { status: 'SENT', sentAt: now, updatedAt: now } });
      await recordDocumentChange(tx, 'QUOTE', sent, viewer.id, now, { event: 'SENT', fromStatus: 'DRAFT', toStatus: 'SENT' });
      return sent;
    }),
  );
}

/**
 * SENT -> ACCEPTED while valid (a quote past its date is expired even before the job marked it).
 * With `createOrder`, the order is made from the quote in the same transaction.
 */
export async function acceptQuote(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  { createOrder = false }: { createOrder?: boolean | null } = {},
  { now = new Date() }: Clock = {},
): Promise<Quote> {
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const quote = await lockForWrite(tx, viewer, 'QUOTE', id, () => tx.quote.findUnique({ where: { id } }));
      if (quote.status !== 'SENT') {
        throw transitionError(quote, 'accept', quote.status === 'DRAFT' ? 'NOT_SENT' : 'ALREADY_DECIDED', 'Only a sent quote can be accepted.');
      }
      if (quote.validUntil < today(now)) throw transitionError(quote, 'accept', 'EXPIRED', 'This quote is no longer valid.');
      const accepted = await tx.quote.update({ where: { id }, data: { status: 'ACCEPTED', decidedAt: now, updatedAt: now } });
      await recordDocumentChange(tx, 'QUOTE', accepted, viewer.id, now, { event: 'ACCEPTED', fromStatus: 'SENT', toStatus: 'ACCEPTED' });
      if (createOrder) await createOrderInTransaction(tx, viewer, { quoteId: id }, now);
      return accepted;
    }),
  );
}

export async function rejectQuote(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  rawInput: { reason?: string | null } = {},
  { now = new Date() }: Clock = {},
): Promise<Quote> {
  const input = parseInput(z.object({ reason: optionalText(500) }), rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const quote = await lockForWrite(tx, viewer, 'QUOTE', id, () => tx.quote.findUnique({ where: { id } }));
      if (quote.status !== 'SENT') {
        throw transitionError(quote, 'reject', quote.status === 'DRAFT' ? 'NOT_SENT' : 'ALREADY_DECIDED', 'Only a sent quote can be rejected.');
      }
      const rejected = await tx.quote.update({
        where: { id },
        data: { status: 'REJECTED', decidedAt: now, rejectionReason: input.reason ?? null, updatedAt: now },
      });
      await recordDocumentChange(tx, 'QUOTE', rejected, viewer.id, now, { event: 'REJECTED', fromStatus: 'SENT', toStatus: 'REJECTED', details: input.reason ? { reason: input.reason } : undefined });
      return rejected;
    }),
  );
}

/** Only drafts can be deleted; a sent quote stays on record. */
export async function deleteQuote(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string }> {
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const quote = await lockForWrite(tx, viewer, 'QUOTE', id, () => tx.quote.findUnique({ where: { id } }));
      if (quote.status !== 'DRAFT') throw transitionError(quote, 'delete', 'NOT_DRAFT', 'Only a draft can be deleted.');
      await tx.quote.delete({ where: { id } });
      await recordDocumentChange(tx, 'QUOTE', quote, viewer.id, new Date(), { event: 'DELETED' }, 'DELETED');
      return { id };
    }),
  );
}
