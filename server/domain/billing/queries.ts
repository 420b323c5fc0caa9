import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { accountReadWhere, salesRecordReadWhere } from '../access.ts';
import { containsText, searchTerms } from '../text-search.ts';
import { addDays, ORGANISATION_TIME_ZONE } from '../calendar.ts';
import { entityId, parseInput } from '../validation.ts';
import { businessDay, today } from './documents.ts';

/** Filters of the quote, order and invoice lists; all given conditions must hold. */
const QUOTE_DATES = { CREATED: 'createdAt', SENT: 'sentAt', VALID_UNTIL: 'validUntil', DECIDED: 'decidedAt' } as const;
const ORDER_DATES = { ORDER_DATE: 'orderDate', PLANNED_DELIVERY: 'plannedDeliveryDate', DELIVERY_DATE: 'deliveryDate' } as const;
const INVOICE_DATES = { ISSUE_DATE: 'issueDate', DUE_DATE: 'dueDate', PAID_DATE: 'paidDate', SERVICE_DATE: 'serviceDate' } as const;
/** Moments rather than calendar days: a day range covers the organisation's days. */
const TIMESTAMP_FIELDS = new Set(['createdAt', 'sentAt', 'decidedAt']);

export type QuoteDateField = keyof typeof QUOTE_DATES;
export type OrderDateField = keyof typeof ORDER_DATES;
export type InvoiceDateField = keyof typeof INVOICE_DATES;

const filterBase = {
  search: z.string().trim().max(200, 'At most 200 characters.').nullish(),
  ownerIds: z.array(entityId).max(50).nullish(),
  teamIds: z.array(entityId).max(50).nullish(),
  accountId: entityId.nullish(),
  contactId: entityId.nullish(),
  opportunityId: entityId.nullish(),
  dateFrom: businessDay.nullish(),
  dateTo: businessDay.nullish(),
};

const quoteFilter = z.object({
  ...filterBase,
  statuses: z.array(z.enum(['DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED'])).nullish(),
  dateField: z.enum(Object.keys(QUOTE_DATES) as [QuoteDateField]).nullish(),
});
const orderFilter = z.object({
  ...filterBase,
  statuses: z.array(z.enum(['OPEN', 'DELIVERED', 'CANCELLED'])).nullish(),
  dateField: z.enum(Object.keys(ORDER_DATES) as [OrderDateField]).nullish(),
});
const invoiceFilter = z.object({
  ...filterBase,
  statuses: z.array(z.enum(['OPEN', 'PAID', 'CANCELLED'])).nullish(),
  dateField: z.enum(Object.keys(INVOICE_DATES) as [InvoiceDateField]).nullish(),
  /** true: only OPEN invoices due before today; false: all others. */
  overdue: z.boolean().nullish(),
});

export type QuoteFilter = z.input<typeof quoteFilter>;
export type OrderFilter = z.input<typeof orderFilter>;
export type InvoiceFilter = z.input<typeof invoiceFilter>;

type CommonWhere = Record<string, unknown>;

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ORGANISATION_TIME_ZONE, timeZoneName: 'longOffset' });

/** The moment the organisation's calendar day begins (midnight in its time zone). */
export function startOfOrganisationDay(day: Date): Date {
  const iso = day.toISOString().slice(0, 10);
  // The offset at noon of that day is the day's offset outside the night of a clock change.
  const offset = offsetFormat.formatToParts(new Date(`${iso}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(offset);
  return new Date(`${iso}T00:00:00${match ? `${match[1]}:${match[2] ?? '00'}` : 'Z'}`);
}

function commonWhere(viewer: Viewer, filter: z.output<typeof quoteFilter> | z.output<typeof orderFilter> | z.output<typeof invoiceFilter>, dateColumn: string): CommonWhere[] {
  const and: CommonWhere[] = [salesRecordReadWhere(viewer)];
  for (const term of searchTerms(filter.search)) {
    // The account's name only where the viewer may read the account.
    and.push({ OR: [{ number: containsText(term) }, { title: containsText(term) }, { account: { name: containsText(term), ...accountReadWhere(viewer) } }] });
  }
  if (filter.ownerIds?.length) and.push({ ownerId: { in: filter.ownerIds } });
  if (filter.teamIds?.length) and.push({ teamId: { in: filter.teamIds } });
  if (filter.accountId) and.push({ accountId: filter.accountId });
  if (filter.contactId) and.push({ contactId: filter.contactId });
  if (filter.opportunityId) and.push({ opportunityId: filter.opportunityId });
  if (filter.statuses?.length) and.push({ status: { in: filter.statuses } });
  const moment = TIMESTAMP_FIELDS.has(dateColumn);
  if (filter.dateFrom) and.push({ [dateColumn]: { gte: moment ? startOfOrganisationDay(filter.dateFrom) : filter.dateFrom } });
  if (filter.dateTo) {
    and.push({ [dateColumn]: moment ? { lt: startOfOrganisationDay(addDays(filter.dateTo, 1)) } : { lte: filter.dateTo } });
  }
  return and;
}

export function quoteListWhere(viewer: Viewer, rawFilter: QuoteFilter | null | undefined): Prisma.QuoteWhereInput {
  const filter = parseInput(quoteFilter, rawFilter ?? {}, 'filter');
  return { AND: commonWhere(viewer, filter, QUOTE_DATES[filter.dateField ?? 'CREATED']) } as Prisma.QuoteWhereInput;
}

export function orderListWhere(viewer: Viewer, rawFilter: OrderFilter | null | undefined): Prisma.OrderWhereInput {
  const filter = parseInput(orderFilter, rawFilter ?? {}, 'filter');
  return { AND: commonWhere(viewer, filter, ORDER_DATES[filter.dateField ?? 'ORDER_DATE']) } as Prisma.OrderWhereInput;
}

/** OPEN and due before today (organisation's calendar). */
export const overdueWhere = (now: Date): Prisma.InvoiceWhereInput => ({ status: 'OPEN', dueDate: { lt: today(now) } });

export function invoiceListWhere(viewer: Viewer, rawFilter: InvoiceFilter | null | undefined, now = new Date()): Prisma.InvoiceWhereInput {
  const filter = parseInput(invoiceFilter, rawFilter ?? {}, 'filter');
  const and = commonWhere(viewer, filter, INVOICE_DATES[filter.dateField ?? 'ISSUE_DATE']) as Prisma.InvoiceWhereInput[];
  if (filter.overdue === true) and.push(overdueWhere(now));
  if (filter.overdue === false) and.push({ NOT: overdueWhere(now) });
  return { AND: and };
}

export type DocumentSortField = 'number' | 'date' | 'grossAmount' | 'dueDate';
type Direction = 'asc' | 'desc';

const PRIMARY_DATE = { QUOTE: 'createdAt', ORDER: 'orderDate', INVOICE: 'issueDate' } as const;

/** Newest first by default; the id breaks ties so pages are stable. */
export function documentOrderBy(kind: keyof typeof PRIMARY_DATE, field: DocumentSortField = 'date', direction: Direction = 'desc') {
  const column = field === 'date' ? PRIMARY_DATE[kind] : field === 'dueDate' && kind !== 'INVOICE' ? PRIMARY_DATE[kind] : field;
  return [{ [column]: direction }, { id: direction }] as Array<Record<string, Direction>>;
}

export const isOverdue = (invoice: { status: string; dueDate: Date }, now = new Date()) => invoice.status === 'OPEN' && invoice.dueDate < today(now);
