import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { PrintableFieldsFragment } from '../../gql/graphql.ts';
import type { DocumentKind } from './billing-labels.ts';
import { documentPaths } from './billing-format.ts';
import { InvoicePrintQuery, OrderPrintQuery, QuotePrintQuery } from './billing-queries.ts';
import { NotFound, PrintButtons } from './DocumentParts.tsx';

const QUERIES = { QUOTE: QuotePrintQuery, ORDER: OrderPrintQuery, INVOICE: InvoicePrintQuery } as const;

// The document speaks the customer's language (German), like the PDF: these numbers are formatted
// the German way whatever the viewer's interface language.
const money = (value: string, currency: string) => new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(value as unknown as number);
const number = (value: string) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 }).format(value as unknown as number);

/** `/quotes/:id/print` and the like: the document as it is printed, with the letterhead; the browser prints it. */
export function PrintDocumentPage({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error }] = useQuery({ query: QUERIES[kind], variables: { id }, requestPolicy: 'network-only' });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('billing.detail.loadingDocument')} />;
  const document = (Object.values(data)[0] as { printable: PrintableFieldsFragment } | null)?.printable;
  if (!document) return <NotFound kind={kind} />;
  return (
    <div className="print-page">
      <div className="print-toolbar">
        <Link to={documentPaths.detail(kind, id)} className="button button--ghost">
          {t('common.back')}
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('billing.detail.printNow')}
        </button>
        <PrintButtons kind={kind} id={id} withPrintView={false} />
      </div>
      <PrintedDocument document={document} />
    </div>
  );
}

function PrintedDocument({ document }: { document: PrintableFieldsFragment }) {
  const { letterhead } = document;
  const sender = [letterhead.companyName, letterhead.street, [letterhead.postalCode, letterhead.city].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
  const price = (value: string) => money(value, document.currency);
  return (
    <article className="sheet" lang="de" data-testid="printed-document">
      <header className="sheet__letterhead">{letterhead.companyName}</header>
      <div className="sheet__top">
        <address className="sheet__address">
          <small>{sender}</small>
          {document.recipient.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </address>
        <dl className="sheet__facts">
          {document.facts.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <h1 className="sheet__heading">
        {document.heading} {document.number}
      </h1>
      <p>{document.title}</p>
      {document.salutation && <p>{document.salutation}</p>}
      {document.introText && <p className="pre-wrap">{document.introText}</p>}
      <table className="sheet__lines">
        <thead>
          <tr>
            <th>Pos.</th>
            <th>Bezeichnung</th>
            <th className="numeric">Menge</th>
            <th className="numeric">Einzelpreis</th>
            <th className="numeric">Rabatt</th>
            <th className="numeric">USt.</th>
            <th className="numeric">Gesamt</th>
          </tr>
        </thead>
        <tbody>
          {document.lines.map((line) => (
            <tr key={line.position}>
              <td>{line.position + 1}</td>
              <td>{line.description}</td>
              <td className="numeric">
                {number(line.quantity)} {line.unit}
              </td>
              <td className="numeric">{price(line.unitPrice)}</td>
              <td className="numeric">{line.discountPercent === '0' ? '' : `${number(line.discountPercent)} %`}</td>
              <td className="numeric">{number(line.taxRate)} %</td>
              <td className="numeric">{price(line.netAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="sheet__totals">
        <div>
          <dt>Nettobetrag</dt>
          <dd>{price(document.netAmount)}</dd>
        </div>
        {document.taxes.map((group) => (
          <div key={group.rate}>
            <dt>
              zzgl. {number(group.rate)} % USt. auf {price(group.net)}
            </dt>
            <dd>{price(group.tax)}</dd>
          </div>
        ))}
        <div className="sheet__gross">
          <dt>Gesamtbetrag</dt>
          <dd>{price(document.grossAmount)}</dd>
        </div>
      </dl>
      {document.closingText && <p className="pre-wrap">{document.closingText}</p>}
      <p>
        Mit freundlichen Grüßen
        <br />
        {letterhead.companyName}
      </p>
      <footer className="sheet__footer">
        <p>
          {[letterhead.companyName, letterhead.street, [letterhead.postalCode, letterhead.city].filter(Boolean).join(' '), letterhead.country].filter(Boolean).join(' · ')}
        </p>
        <p>
          {[letterhead.phone && `Tel. ${letterhead.phone}`, letterhead.email, letterhead.website, letterhead.vatId && `USt-IdNr. ${letterhead.vatId}`, letterhead.taxNumber && `St.-Nr. ${letterhead.taxNumber}`]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p>
          {[letterhead.registerEntry, letterhead.managingDirectors && `Geschäftsführung: ${letterhead.managingDirectors}`, letterhead.bankName, letterhead.iban && `IBAN ${letterhead.iban}`, letterhead.bic && `BIC ${letterhead.bic}`]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </footer>
    </article>
  );
}
