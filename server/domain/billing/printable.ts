import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { getOrganisationSettings, letterheadOf, type Letterhead } from '../settings.ts';
import type { DocumentKind } from './errors.ts';
import { documentTotals, type DocumentTotals } from './totals.ts';

/**
 * Everything a printed quote, order confirmation or invoice shows, in the document's language
 * (German: the customer's, not the viewer's interface language). The PDF (pdf.ts) and the
 * client's print view render the same content.
 */
export interface PrintableLine {
  position: number;
  description: string;
  quantity: Prisma.Decimal;
  unit: string;
  unitPrice: Prisma.Decimal;
  discountPercent: Prisma.Decimal;
  taxRate: Prisma.Decimal;
  netAmount: Prisma.Decimal;
}

export interface PrintableDocument {
  kind: DocumentKind;
  heading: string;
  number: string;
  title: string;
  /** Label and value pairs of the header block (date, validity, due date, references). */
  facts: Array<[string, string]>;
  recipient: string[];
  salutation: string | null;
  introText: string | null;
  closingText: string | null;
  lines: PrintableLine[];
  totals: DocumentTotals;
  currency: string;
  letterhead: Letterhead;
}

const HEADINGS: Record<DocumentKind, string> = { QUOTE: 'Angebot', ORDER: 'Auftragsbestätigung', INVOICE: 'Rechnung' };

export const formatDay = (day: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(day);

export function formatMoney(value: Prisma.Decimal | string, currency: string) {
  // Intl formats numbers, so the exact decimal goes in as a string (Intl accepts decimal strings).
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(String(value) as unknown as number);
}

export const formatQuantity = (value: Prisma.Decimal) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 }).format(value.toString() as unknown as number);

const include = { lines: { orderBy: { position: 'asc' } }, account: true, contact: true } as const;

type Contact = { salutation: string | null; title: string | null; firstName: string; lastName: string } | null;

function contactLine(contact: Contact) {
  return contact ? `${[contact.salutation, contact.title, contact.firstName, contact.lastName].filter(Boolean).join(' ')}` : null;
}

function salutationOf(contact: Contact) {
  if (!contact?.lastName) return 'Sehr geehrte Damen und Herren,';
  if (contact.salutation === 'Frau') return `Sehr geehrte Frau ${[contact.title, contact.lastName].filter(Boolean).join(' ')},`;
  if (contact.salutation === 'Herr') return `Sehr geehrter Herr ${[contact.title, contact.lastName].filter(Boolean).join(' ')},`;
  return `Guten Tag ${contact.firstName} ${contact.lastName},`;
}

function address(name: string, contact: Contact, street: string | null, postalCode: string | null, city: string | null, country: string) {
  return [name, contactLine(contact), street, [postalCode, city].filter(Boolean).join(' '), country === 'DE' ? null : country].filter(
    (line): line is string => Boolean(line),
  );
}

/** The printable form of a document the caller has already checked the viewer may read. */
export async function loadPrintable(prisma: PrismaClient, kind: DocumentKind, id: string): Promise<PrintableDocument | null> {
  const letterhead = letterheadOf(await getOrganisationSettings(prisma));
  if (kind === 'QUOTE') {
    const quote = await prisma.quote.findUnique({ where: { id }, include });
    if (!quote) return null;
    const { account } = quote;
    return {
      kind,
      heading: HEADINGS[kind],
      number: quote.number,
      title: quote.title,
      facts: [
        ['Angebotsnummer', quote.number],
        ['Datum', formatDay(quote.sentAt ?? quote.createdAt)],
        ['Gültig bis', formatDay(quote.validUntil)],
      ],
      recipient: address(account.name, quote.contact, account.street, account.postalCode, account.city, account.country),
      salutation: salutationOf(quote.contact),
      introText: quote.introText ?? 'vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen an:',
      closingText: quote.closingText ?? 'Wir freuen uns auf Ihren Auftrag.',
      lines: quote.lines,
      totals: documentTotals(quote.lines),
      currency: quote.currency,
      letterhead,
    };
  }
  if (kind === 'ORDER') {
    const order = await prisma.order.findUnique({ where: { id }, include: { ...include, quote: { select: { number: true } } } });
    if (!order) return null;
    const { account } = order;
    const facts: Array<[string, string]> = [
      ['Auftragsnummer', order.number],
      ['Auftragsdatum', formatDay(order.orderDate)],
    ];
    if (order.customerReference) facts.push(['Ihre Bestellung', order.customerReference]);
    if (order.quote) facts.push(['Zu Angebot', order.quote.number]);
    if (order.plannedDeliveryDate) facts.push(['Geplante Lieferung', formatDay(order.plannedDeliveryDate)]);
    if (order.deliveryDate) facts.push(['Geliefert am', formatDay(order.deliveryDate)]);
    return {
      kind,
      heading: HEADINGS[kind],
      number: order.number,
      title: order.title,
      facts,
      recipient: address(account.name, order.contact, account.street, account.postalCode, account.city, account.country),
      salutation: salutationOf(order.contact),
      introText: 'vielen Dank für Ihren Auftrag, den wir wie folgt bestätigen:',
      closingText: order.notes,
      lines: order.lines,
      totals: documentTotals(order.lines),
      currency: order.currency,
      letterhead,
    };
  }
  const invoice = await prisma.invoice.findUnique({
    where: { id },
    include: { lines: { orderBy: { position: 'asc' } }, contact: true, order: { select: { number: true, customerReference: true } }, correctsInvoice: { select: { number: true } } },
  });
  if (!invoice) return null;
  const facts: Array<[string, string]> = [
    ['Rechnungsnummer', invoice.number],
    ['Rechnungsdatum', formatDay(invoice.issueDate)],
    ['Leistungsdatum', formatDay(invoice.serviceDate ?? invoice.issueDate)],
    ['Fällig am', formatDay(invoice.dueDate)],
  ];
  if (invoice.order) facts.push(['Zu Auftrag', invoice.order.number]);
  if (invoice.order?.customerReference) facts.push(['Ihre Bestellung', invoice.order.customerReference]);
  if (invoice.correctsInvoice) facts.push(['Ersetzt Rechnung', invoice.correctsInvoice.number]);
  const bank = [letterhead.bankName, letterhead.iban && `IBAN ${letterhead.iban}`, letterhead.bic && `BIC ${letterhead.bic}`].filter(Boolean).join(', ');
  return {
    kind,
    heading: invoice.status === 'CANCELLED' ? 'Rechnung (storniert)' : HEADINGS[kind],
    number: invoice.number,
    title: invoice.title,
    facts,
    recipient: address(invoice.recipientName, invoice.contact, invoice.recipientStreet, invoice.recipientPostalCode, invoice.recipientCity, invoice.recipientCountry),
    salutation: salutationOf(invoice.contact),
    introText: 'für unsere Lieferungen und Leistungen berechnen wir Ihnen:',
    closingText: [
      `Bitte überweisen Sie den Gesamtbetrag bis zum ${formatDay(invoice.dueDate)}${bank ? ` auf unser Konto: ${bank}` : ''}, unter Angabe der Rechnungsnummer ${invoice.number}.`,
      invoice.notes,
    ]
      .filter(Boolean)
      .join('\n\n'),
    lines: invoice.lines,
    totals: documentTotals(invoice.lines),
    currency: invoice.currency,
    letterhead,
  };
}
