import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { formatAddress } from '../../lib/format.ts';
import { paths } from '../../lib/paths.ts';
import { documentPaths } from './billing-format.ts';
import { CancelInvoiceMutation, InvoiceDetailQuery } from './billing-queries.ts';
import { DocumentHistoryList } from './DocumentHistoryList.tsx';
import { DocumentLinesView } from './DocumentLinesView.tsx';
import { DocumentHeader, DocumentNotices, documentHeadingId, Facts, NotFound, useAction } from './DocumentParts.tsx';
import { InvoicePayments } from './InvoicePayments.tsx';
import { ReasonAction } from './ReasonAction.tsx';
import { useDocumentDetail } from './useDocumentLive.ts';

/** `/invoices/:id`: an issued invoice, its payments, and its cancellation and correction. */
export function InvoicePage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { id = '' } = useParams();
  const { data, error, live } = useDocumentDetail(InvoiceDetailQuery, id);
  const [, cancel] = useMutation(CancelInvoiceMutation);
  const action = useAction();

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('billing.detail.loadingDocument')} />;
  const invoice = data.invoice;
  if (!invoice) return <NotFound kind="INVOICE" />;
  const canEdit = invoice.viewerCanEdit;
  const money = formats.money;

  return (
    <article aria-labelledby={documentHeadingId('INVOICE')} className="document-page">
      <DocumentHeader kind="INVOICE" document={invoice} overdue={invoice.isOverdue}>
        {canEdit && invoice.status === 'OPEN' && invoice.paidAmount === '0' && (
          <ReasonAction label={t('billing.invoice.cancel')} question={t('billing.invoice.cancelReason')} busy={action.busy} onConfirm={(reason) => void action.run(() => cancel({ id: invoice.id, reason }))} />
        )}
        {canEdit && invoice.status === 'CANCELLED' && invoice.correctedBy.length === 0 && (
          <Link to={documentPaths.create('INVOICE', { correctsInvoiceId: invoice.id })} className="button button--primary">
            {t('billing.invoice.correct')}
          </Link>
        )}
      </DocumentHeader>
      <p className="muted">{t('billing.invoice.immutable')}</p>
      <DocumentNotices live={live} error={action.error} />
      <section className="card">
        <Facts
          items={[
            [t('billing.invoice.recipient'), [invoice.recipientName, ...formatAddress(invoice.recipientAddress)].join(', ')],
            [t('billing.detail.account'), <Link to={paths.account(invoice.account.id)}>{invoice.account.name}</Link>],
            invoice.opportunity && [t('billing.detail.opportunity'), <Link to={documentPaths.opportunity(invoice.opportunity.id)}>{`${invoice.opportunity.humanId} ${invoice.opportunity.title}`}</Link>],
            invoice.order && [t('billing.invoice.order'), <Link to={documentPaths.detail('ORDER', invoice.order.id)}>{invoice.order.number}</Link>],
            invoice.correctsInvoice && [t('billing.invoice.correctsInvoice'), <Link to={documentPaths.detail('INVOICE', invoice.correctsInvoice.id)}>{invoice.correctsInvoice.number}</Link>],
            invoice.correctedBy.length > 0 && [t('billing.invoice.correctedBy'), invoice.correctedBy.map((correction) => correction.number).join(', ')],
            [t('billing.detail.owner'), invoice.owner.name],
            [t('billing.invoice.issueDate'), formats.day(invoice.issueDate)],
            [t('billing.invoice.serviceDate'), formats.day(invoice.serviceDate ?? invoice.issueDate)],
            [t('billing.invoice.dueDate'), formats.day(invoice.dueDate)],
            invoice.paidDate && [t('billing.invoice.paidDate'), formats.day(invoice.paidDate)],
            [t('billing.invoice.paid'), money(invoice.paidAmount)],
            [t('billing.invoice.outstanding'), <span data-testid="invoice-outstanding">{money(invoice.outstandingAmount)}</span>],
            invoice.cancelledAt && [t('billing.order.cancelled'), `${formats.dateTime(invoice.cancelledAt)}${invoice.cancellationReason ? ` · ${invoice.cancellationReason}` : ''}`],
          ]}
        />
        {invoice.notes && <p className="pre-wrap">{invoice.notes}</p>}
      </section>
      <DocumentLinesView lines={invoice.lines} taxes={invoice.taxes} netAmount={invoice.netAmount} grossAmount={invoice.grossAmount} />
      <InvoicePayments invoice={invoice} />
      <DocumentHistoryList entries={invoice.history} />
    </article>
  );
}
