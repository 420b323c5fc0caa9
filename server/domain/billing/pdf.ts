import PDFDocument from 'pdfkit';
import { formatMoney, formatQuantity, type PrintableDocument } from './printable.ts';

/**
 * A4 PDF of a quote, order confirmation or invoice, laid out after DIN 5008 (address window on
 * the left, facts on the right, letterhead details in the footer). pdfkit with its built-in
 * Helvetica: nothing is loaded from outside the npm package. `compress: false` keeps the text
 * searchable in tests.
 */
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const LEFT = 25 * MM;
const RIGHT = PAGE.width - 20 * MM;
const FOOTER_TOP = PAGE.height - 30 * MM;
const COLUMNS = [
  { key: 'position', label: 'Pos.', x: LEFT, width: 10 * MM, align: 'left' },
  { key: 'description', label: 'Bezeichnung', x: LEFT + 10 * MM, width: 62 * MM, align: 'left' },
  { key: 'quantity', label: 'Menge', x: LEFT + 72 * MM, width: 18 * MM, align: 'right' },
  { key: 'unitPrice', label: 'Einzelpreis', x: LEFT + 92 * MM, width: 25 * MM, align: 'right' },
  { key: 'discount', label: 'Rabatt', x: LEFT + 118 * MM, width: 12 * MM, align: 'right' },
  { key: 'tax', label: 'USt.', x: LEFT + 131 * MM, width: 9 * MM, align: 'right' },
  { key: 'total', label: 'Gesamt', x: LEFT + 141 * MM, width: RIGHT - (LEFT + 141 * MM), align: 'right' },
] as const;

export interface PdfOptions {
  compress?: boolean;
}

export function renderDocumentPdf(document: PrintableDocument, { compress = true }: PdfOptions = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    compress,
    bufferPages: true,
    info: { Title: `${document.heading} ${document.number}`, Author: document.letterhead.companyName ?? undefined, Subject: document.title },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, document.currency);
  const { letterhead } = document;

  // Letterhead and sender line above the address window.
  pdf.font('Helvetica-Bold').fontSize(16).fillColor('#1f2937').text(letterhead.companyName ?? '', LEFT, 15 * MM, { width: RIGHT - LEFT, align: 'right' });
  const sender = [letterhead.companyName, letterhead.street, [letterhead.postalCode, letterhead.city].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
  pdf.font('Helvetica').fontSize(7).fillColor('#6b7280').text(sender, LEFT, 45 * MM, { width: 85 * MM, lineBreak: false });
  pdf.fontSize(10).fillColor('#111827').text(document.recipient.join('\n'), LEFT, 50 * MM, { width: 85 * MM });

  // Facts on the right of the address.
  let factY = 50 * MM;
  for (const [label, value] of document.facts) {
    pdf.font('Helvetica').fontSize(9).fillColor('#6b7280').text(label, 125 * MM, factY, { width: 30 * MM });
    pdf.fillColor('#111827').text(value, 155 * MM, factY, { width: RIGHT - 155 * MM, align: 'right' });
    factY += 5 * MM;
  }

  let y = Math.max(100 * MM, factY + 8 * MM);
  pdf.font('Helvetica-Bold').fontSize(14).fillColor('#111827').text(`${document.heading} ${document.number}`, LEFT, y);
  y += 7 * MM;
  pdf.font('Helvetica').fontSize(10).text(document.title, LEFT, y, { width: RIGHT - LEFT });
  y = pdf.y + 5 * MM;
  for (const paragraph of [document.salutation, document.introText].filter((text): text is string => Boolean(text))) {
    pdf.text(paragraph, LEFT, y, { width: RIGHT - LEFT });
    y = pdf.y + 3 * MM;
  }

  const tableHeader = () => {
    pdf.font('Helvetica-Bold').fontSize(8).fillColor('#374151');
    for (const column of COLUMNS) pdf.text(column.label, column.x, y, { width: column.width, align: column.align });
    y += 4.5 * MM;
    pdf.moveTo(LEFT, y - 1.5 * MM).lineTo(RIGHT, y - 1.5 * MM).strokeColor('#9ca3af').lineWidth(0.5).stroke();
  };
  const ensureRoom = (height: number) => {
    if (y + height <= FOOTER_TOP - 5 * MM) return;
    pdf.addPage({ size: 'A4', margin: 0 });
    y = 20 * MM;
    tableHeader();
  };

  y += 2 * MM;
  tableHeader();
  for (const line of document.lines) {
    const cells: Record<(typeof COLUMNS)[number]['key'], string> = {
      position: String(line.position + 1),
      description: line.description,
      quantity: `${formatQuantity(line.quantity)} ${line.unit}`,
      unitPrice: money(line.unitPrice),
      discount: line.discountPercent.isZero() ? '' : `${formatQuantity(line.discountPercent)} %`,
      tax: `${formatQuantity(line.taxRate)} %`,
      total: money(line.netAmount),
    };
    pdf.font('Helvetica').fontSize(9);
    const height = Math.max(...COLUMNS.map((column) => pdf.heightOfString(cells[column.key], { width: column.width })));
    ensureRoom(height + 2 * MM);
    pdf.font('Helvetica').fontSize(9).fillColor('#111827');
    for (const column of COLUMNS) pdf.text(cells[column.key], column.x, y, { width: column.width, align: column.align });
    y += height + 2 * MM;
  }

  // Totals with the VAT breakdown per rate.
  ensureRoom(30 * MM);
  pdf.moveTo(LEFT + 92 * MM, y).lineTo(RIGHT, y).strokeColor('#9ca3af').stroke();
  y += 2 * MM;
  const total = (label: string, value: string, bold = false) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 10 : 9).fillColor('#111827');
    pdf.text(label, LEFT + 92 * MM, y, { width: 48 * MM });
    pdf.text(value, LEFT + 141 * MM, y, { width: RIGHT - (LEFT + 141 * MM), align: 'right' });
    y += 5 * MM;
  };
  total('Nettobetrag', money(document.totals.net));
  for (const group of document.totals.taxes) total(`zzgl. ${formatQuantity(group.rate)} % USt. auf ${money(group.net)}`, money(group.tax));
  total('Gesamtbetrag', money(document.totals.gross), true);

  if (document.closingText) {
    y += 4 * MM;
    ensureRoom(pdf.heightOfString(document.closingText, { width: RIGHT - LEFT }) + 10 * MM);
    pdf.font('Helvetica').fontSize(10).fillColor('#111827').text(document.closingText, LEFT, y, { width: RIGHT - LEFT });
    y = pdf.y + 4 * MM;
    pdf.text('Mit freundlichen Grüßen', LEFT, y);
    pdf.text(letterhead.companyName ?? '', LEFT, pdf.y + 1 * MM);
  }

  // Footer with the company's legal details on every page, and page numbers.
  const footer = [
    [letterhead.companyName, letterhead.street, [letterhead.postalCode, letterhead.city].filter(Boolean).join(' '), letterhead.country],
    [letterhead.phone && `Tel. ${letterhead.phone}`, letterhead.email, letterhead.website, letterhead.vatId && `USt-IdNr. ${letterhead.vatId}`, letterhead.taxNumber && `St.-Nr. ${letterhead.taxNumber}`],
    [letterhead.registerEntry, letterhead.managingDirectors && `Geschäftsführung: ${letterhead.managingDirectors}`, letterhead.bankName, letterhead.iban && `IBAN ${letterhead.iban}`, letterhead.bic && `BIC ${letterhead.bic}`],
  ].map((column) => column.filter(Boolean).join('\n'));
  const range = pdf.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    pdf.switchToPage(page);
    pdf.moveTo(LEFT, FOOTER_TOP).lineTo(RIGHT, FOOTER_TOP).strokeColor('#d1d5db').lineWidth(0.5).stroke();
    const width = (RIGHT - LEFT) / 3;
    footer.forEach((text, index) => {
      pdf.font('Helvetica').fontSize(7).fillColor('#6b7280').text(text, LEFT + index * width, FOOTER_TOP + 2 * MM, { width: width - 3 * MM, lineBreak: true, height: 20 * MM });
    });
    pdf.text(`Seite ${page - range.start + 1} von ${range.count}`, LEFT, PAGE.height - 8 * MM, { width: RIGHT - LEFT, align: 'right', lineBreak: false });
  }
  pdf.end();
  return done;
}
