import { builder, type InputFields } from '../../builder.ts';
import type { DocumentLineInput as DomainLineInput } from '../../domain/billing/lines.ts';
import { decodeIds, decodeInputId, decodeOptionalFilterId } from '../ids.ts';
import type { DocumentLineInput } from './document-common.ts';
import { InvoiceStatusEnum, OrderStatusEnum, QuoteStatusEnum } from './document-common.ts';

const filterFields = (t: InputFields) => ({
  search: t.string({ description: 'Words matched in number, title and account name.' }),
  ownerIds: t.idList(),
  teamIds: t.idList(),
  accountId: t.id(),
  contactId: t.id({ description: "The documents addressed to this contact (a contact page's tabs)." }),
  opportunityId: t.id(),
  dateFrom: t.field({ type: 'Date', description: 'First day of the range, on the date chosen by `dateField`.' }),
  dateTo: t.field({ type: 'Date', description: 'Last day of the range (inclusive).' }),
});

export const QuoteFilterInput = builder.inputType('QuoteFilter', {
  fields: (t) => ({
    ...filterFields(t),
    statuses: t.field({ type: [QuoteStatusEnum] }),
    dateField: t.field({ type: builder.enumType('QuoteDateField', { values: ['CREATED', 'SENT', 'VALID_UNTIL', 'DECIDED'] as const }), description: 'Default CREATED.' }),
  }),
});

export const OrderFilterInput = builder.inputType('OrderFilter', {
  fields: (t) => ({
    ...filterFields(t),
    statuses: t.field({ type: [OrderStatusEnum] }),
    dateField: t.field({ type: builder.enumType('OrderDateField', { values: ['ORDER_DATE', 'PLANNED_DELIVERY', 'DELIVERY_DATE'] as const }), description: 'Default ORDER_DATE.' }),
  }),
});

export const InvoiceFilterInput = builder.inputType('InvoiceFilter', {
  fields: (t) => ({
    ...filterFields(t),
    statuses: t.field({ type: [InvoiceStatusEnum] }),
    dateField: t.field({
      type: builder.enumType('InvoiceDateField', { values: ['ISSUE_DATE', 'DUE_DATE', 'PAID_DATE', 'SERVICE_DATE'] as const }),
      description: 'Default ISSUE_DATE.',
    }),
    overdue: t.boolean({ description: 'true: only open invoices past their due date; false: all others.' }),
  }),
});

type AnyFilter = {
  ownerIds?: readonly string[] | null;
  teamIds?: readonly string[] | null;
  accountId?: string | null;
  contactId?: string | null;
  opportunityId?: string | null;
};

/** Global ids in a list filter to database ids; a malformed one fails at once. */
export function decodeDocumentFilter<Filter extends AnyFilter>(filter: Filter | null | undefined) {
  if (!filter) return {};
  return {
    ...filter,
    ownerIds: decodeIds(filter.ownerIds, 'User', 'filter.ownerIds'),
    teamIds: decodeIds(filter.teamIds, 'Team', 'filter.teamIds'),
    accountId: decodeOptionalFilterId(filter.accountId, 'Account', 'filter.accountId'),
    contactId: decodeOptionalFilterId(filter.contactId, 'Contact', 'filter.contactId'),
    opportunityId: decodeOptionalFilterId(filter.opportunityId, 'Opportunity', 'filter.opportunityId'),
  };
}

export function decodeLines(lines: Array<typeof DocumentLineInput.$inferInput> | null | undefined): DomainLineInput[] | null | undefined {
  return lines?.map((line) => ({ ...line, productId: decodeInputId(line.productId, 'Product') }));
}
