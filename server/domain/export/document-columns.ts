import type { Viewer } from '../../auth/viewer.ts';
import { isOverdue } from '../billing/queries.ts';
import { formatDecimal } from '../csv/locale-values.ts';
import { computed, CREATED_UPDATED, day, decimal, linkedAccount, linkedContact, related, text, timestamp, translated, type ExportCatalog, type ExportColumn } from './columns.ts';

/** Columns every quote, order and invoice list has; a linked account or contact of another team stays empty. */
const documentColumns = (viewer: Viewer): ExportColumn[] => [
  text('number', ['Nummer', 'Number']),
  text('title', ['Titel', 'Title']),
  linkedAccount(viewer),
  linkedContact(viewer),
  // The document follows its opportunity's access, so the opportunity it names is one the viewer may read.
  computed('opportunity', ['Verkaufschance', 'Opportunity'], { opportunity: { select: { number: true, title: true } } }, (record) =>
    record.opportunity ? `OPP-${record.opportunity.number} ${record.opportunity.title}` : '',
  ),
  decimal('netAmount', ['Netto', 'Net']),
  decimal('taxAmount', ['Steuer', 'Tax']),
  decimal('grossAmount', ['Brutto', 'Gross']),
  text('currency', ['Währung', 'Currency']),
  related('owner', ['Besitzer', 'Owner'], 'owner'),
  related('team', ['Team', 'Team'], 'team'),
  ...CREATED_UPDATED,
];

export const quoteColumns = (viewer: Viewer): ExportCatalog => ({
  columns: [
    ...documentColumns(viewer),
    translated('status', ['Status', 'Status'], {
      DRAFT: ['Entwurf', 'Draft'],
      SENT: ['Versendet', 'Sent'],
      ACCEPTED: ['Angenommen', 'Accepted'],
      REJECTED: ['Abgelehnt', 'Rejected'],
      EXPIRED: ['Abgelaufen', 'Expired'],
    }),
    timestamp('sentAt', ['Versendet am', 'Sent at']),
    day('validUntil', ['Gültig bis', 'Valid until']),
    timestamp('decidedAt', ['Entschieden am', 'Decided at']),
    text('rejectionReason', ['Ablehnungsgrund', 'Rejection reason']),
  ],
  defaults: ['number', 'title', 'account', 'status', 'validUntil', 'netAmount', 'grossAmount', 'owner'],
});

export const orderColumns = (viewer: Viewer): ExportCatalog => ({
  columns: [
    ...documentColumns(viewer),
    translated('status', ['Status', 'Status'], {
      OPEN: ['Offen', 'Open'],
      DELIVERED: ['Geliefert', 'Delivered'],
      CANCELLED: ['Storniert', 'Cancelled'],
    }),
    day('orderDate', ['Auftragsdatum', 'Order date']),
    day('plannedDeliveryDate', ['Geplante Lieferung', 'Planned delivery']),
    day('deliveryDate', ['Lieferdatum', 'Delivery date']),
    text('customerReference', ['Kundenreferenz', 'Customer reference']),
    text('cancellationReason', ['Stornogrund', 'Cancellation reason']),
  ],
  defaults: ['number', 'title', 'account', 'status', 'orderDate', 'deliveryDate', 'netAmount', 'grossAmount', 'owner'],
});

export const invoiceColumns = (viewer: Viewer, now: Date): ExportCatalog => ({
  columns: [
    ...documentColumns(viewer),
    translated('status', ['Status', 'Status'], {
      OPEN: ['Offen', 'Open'],
      PAID: ['Bezahlt', 'Paid'],
      CANCELLED: ['Storniert', 'Cancelled'],
    }),
    day('issueDate', ['Rechnungsdatum', 'Issue date']),
    day('serviceDate', ['Leistungsdatum', 'Service date']),
    day('dueDate', ['Fällig am', 'Due date']),
    day('paidDate', ['Bezahlt am', 'Paid date']),
    decimal('paidAmount', ['Bezahlt', 'Paid amount']),
    computed('openAmount', ['Offener Betrag', 'Open amount'], { status: true, grossAmount: true, paidAmount: true }, (record, locale) =>
      record.status === 'OPEN' ? formatDecimal(record.grossAmount.minus(record.paidAmount), locale) : '',
    ),
    computed('overdue', ['Überfällig', 'Overdue'], { status: true, dueDate: true }, (record, locale) => {
      const overdue = isOverdue(record as never, now);
      return locale === 'de' ? (overdue ? 'Ja' : 'Nein') : overdue ? 'yes' : 'no';
    }),
    text('recipientName', ['Rechnungsempfänger', 'Recipient']),
    text('cancellationReason', ['Stornogrund', 'Cancellation reason']),
  ],
  defaults: ['number', 'title', 'account', 'status', 'issueDate', 'dueDate', 'grossAmount', 'paidAmount', 'openAmount', 'overdue', 'owner'],
});
