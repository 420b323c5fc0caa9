import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import { Prisma, type Account, type Opportunity } from '../../generated/prisma/client.ts';
import { assertCanCreateSalesRecords, assertCanWriteSalesRecord, canReadCustomerRecord, canReadSalesRecord } from '../access.ts';
import { organisationDay } from '../calendar.ts';
import { NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { resolveOwnership } from '../ownership.ts';
import { getOrganisationSettings } from '../settings.ts';
import type { DocumentKind } from './errors.ts';
import type { DocumentLineRow } from './lines.ts';
import { copyLines } from './lines.ts';

type Tx = Prisma.TransactionClient;

/**
 * What quotes, orders and invoices share: who may read and write them (the opportunity's rules,
 * on the document's own owner and team), where a new one comes from, and row locks.
 */

const MIN_DAY = new Date('1900-01-01T00:00:00Z');
const MAX_DAY = new Date('2200-12-31T00:00:00Z');

/** A calendar date between 1900 and 2200. */
export const businessDay = z
  .date({ error: 'Enter a date.' })
  .refine((day) => day >= MIN_DAY && day <= MAX_DAY, { message: 'Enter a date between 1900 and 2200.', params: { reason: 'OUT_OF_RANGE' } });

const TABLES: Record<DocumentKind, Prisma.Sql> = {
  QUOTE: Prisma.raw('"Quote"'),
  ORDER: Prisma.raw('"Order"'),
  INVOICE: Prisma.raw('"Invoice"'),
};
const ENTITY: Record<DocumentKind, string> = { QUOTE: 'Quote', ORDER: 'Order', INVOICE: 'Invoice' };

/**
 * Locks the document's row for the rest of the transaction (changes of one document queue up) and
 * checks that the viewer may change it. Unreadable documents are reported as missing.
 */
export async function lockForWrite<Row extends { ownerId: string; teamId: string }>(
  tx: Tx,
  viewer: Viewer,
  kind: DocumentKind,
  id: string,
  load: () => Promise<Row | null>,
): Promise<Row> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM ${TABLES[kind]} WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = locked.length ? await load() : null;
  if (!row || !canReadSalesRecord(viewer, row)) throw new NotFoundError(ENTITY[kind]);
  assertCanWriteSalesRecord(viewer, row);
  return row;
}

export interface OriginInput {
  opportunityId?: string;
  accountId?: string;
  contactId?: string | null;
  ownerId?: string;
  teamId?: string;
  title?: string;
}

export interface DocumentOrigin {
  opportunity: (Opportunity & { lines: Prisma.OpportunityLineGetPayload<{ include: { product: true } }>[] }) | null;
  account: Account;
  contactId: string | null;
  ownerId: string;
  teamId: string;
  title: string;
  currency: string;
}

/**
 * Where a new document belongs. From an opportunity: its account, contact, owner and team (the
 * viewer must be allowed to change the opportunity). Standalone on an account: owner and team as
 * for a new opportunity there (the viewer by default, the account's team when they are in it).
 */
export async function resolveOrigin(
  tx: Tx,
  viewer: Viewer,
  input: OriginInput,
  allowedStatuses: ReadonlyArray<Opportunity['status']>,
): Promise<DocumentOrigin> {
  assertCanCreateSalesRecords(viewer);
  const { currency } = await getOrganisationSettings(tx);
  if (input.opportunityId) {
    const opportunity = await tx.opportunity.findUnique({
      where: { id: input.opportunityId },
      include: { account: true, lines: { orderBy: { position: 'asc' }, include: { product: true } } },
    });
    if (!opportunity || !canReadSalesRecord(viewer, opportunity)) {
      throw ValidationError.field('opportunityId', 'NOT_FOUND', 'Unknown opportunity.');
    }
    assertCanWriteSalesRecord(viewer, opportunity);
    if (!allowedStatuses.includes(opportunity.status)) {
      throw ValidationError.field('opportunityId', `OPPORTUNITY_${opportunity.status}`, `This opportunity is ${opportunity.status.toLowerCase()}.`);
    }
    if (input.accountId && input.accountId !== opportunity.accountId) {
      throw ValidationError.field('accountId', 'OTHER_ACCOUNT', "A document of an opportunity is addressed to the opportunity's account.");
    }
    const { account, ...rest } = opportunity;
    const contactId = input.contactId === undefined ? opportunity.contactId : input.contactId;
    await assertContactOf(tx, viewer, account.id, contactId);
    return { opportunity: rest as DocumentOrigin['opportunity'], account, contactId, ownerId: opportunity.ownerId, teamId: opportunity.teamId, title: input.title ?? opportunity.title, currency };
  }
  if (!input.accountId) throw ValidationError.field('accountId', 'REQUIRED', 'Choose an opportunity or an account.');
  const account = await tx.account.findUnique({ where: { id: input.accountId } });
  if (!account || !canReadCustomerRecord(viewer, account)) throw ValidationError.field('accountId', 'NOT_FOUND', 'Unknown account.');
  const ownership = await resolveOwnership(tx, viewer, input, { ownerId: viewer.id, teamId: account.teamId });
  const contactId = input.contactId ?? null;
  await assertContactOf(tx, viewer, account.id, contactId);
  if (!input.title) throw ValidationError.field('title', 'REQUIRED', 'This field is required.');
  return { opportunity: null, account, contactId, ...ownership, title: input.title, currency };
}

export async function assertContactOf(tx: Tx, viewer: Viewer, accountId: string, contactId: string | null | undefined) {
  if (!contactId) return;
  const contact = await tx.contact.findUnique({ where: { id: contactId } });
  const errors: FieldError[] = [];
  if (!contact || !canReadCustomerRecord(viewer, contact)) errors.push({ field: 'contactId', reason: 'NOT_FOUND', message: 'Unknown contact.' });
  else if (contact.accountId && contact.accountId !== accountId) {
    errors.push({ field: 'contactId', reason: 'OTHER_ACCOUNT', message: 'This contact works at another account.' });
  }
  if (errors.length) throw new ValidationError(errors);
}

/**
 * The opportunity's lines, or (without lines) one line for its amount, so a quote of an
 * opportunity that was only estimated still starts with its value.
 */
export function linesOfOpportunity(opportunity: NonNullable<DocumentOrigin['opportunity']>): DocumentLineRow[] {
  if (opportunity.lines.length) return copyLines(opportunity.lines);
  if (opportunity.amount.isZero()) return [];
  return copyLines([
    { productId: null, description: opportunity.title.slice(0, 200), quantity: new Prisma.Decimal(1), unitPrice: opportunity.amount, discountPercent: new Prisma.Decimal(0), unit: 'psch.' },
  ]);
}

/** "Today" for documents: the organisation's calendar day. */
export const today = (now: Date) => organisationDay(now);

export const yearOf = (day: Date) => day.getUTCFullYear();

export function lineRowsFor<Key extends 'quoteId' | 'orderId' | 'invoiceId'>(key: Key, documentId: string, rows: DocumentLineRow[]) {
  return rows.map((row) => ({ ...row, [key]: documentId }) as DocumentLineRow & Record<Key, string>);
}
