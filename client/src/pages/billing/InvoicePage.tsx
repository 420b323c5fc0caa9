import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { formatAddress, formatDate, formatDateTime } from '../../lib/format.ts';
import { paths } from '../../lib/paths.ts';
import { documentPaths, formatMoney } from './billing-format.ts';
import { CancelInvoiceMutation, InvoiceDetailQuery } from './billing-queries.ts';
import { DocumentHistoryList } from './DocumentHistoryList.tsx';
import { DocumentLinesView } from './DocumentLinesView.tsx';
import { Facts, LiveNotice, NotFound, PrintButtons, StatusBadge, useAction } from './DocumentParts.tsx';
import { InvoicePayments } from './InvoicePayments.tsx';
import { ReasonAction } from './ReasonAction.tsx';
import { T } from './texts.ts';
import { useDocumentLive } from './useDocumentLive.ts';

/** `/invoices/:id`: an issued invoice, its payments, and its cancellation and correction. */
export function InvoicePage() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  const [{ data, error }, reexecute] = useQuery({ query: InvoiceDetailQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const live = useDocumentLive({ documentId: id }, viewer?.id, reload);
  const [, cancel] = useMutation(CancelInvoiceMutation);
  const action = useAction();

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what="the invoice" />;
  const invoice = data.invoice;
  if (!invoice) return <NotFound kind="INVOICE" />;
  const canEdit = invoice.viewerCanEdit;
  const money = (value: string) => formatMoney(value, invoice.currency);

  return (
    <article aria-labelledby="invoice-heading" className="document-page">
      <p className="breadcrumb">
        <Link to={documentPaths.list('INVOICE')}>{T.detail.back('INVOICE')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 id="invoice-heading">
            {invoice.number} · {invoice.title}
          </h1>
          <StatusBadge status={invoice.status} overdue={invoice.isOverdue} />
        </div>
        <div className="page-header__actions">
          {canEdit && invoice.status === 'OPEN' && invoice.paidAmount === '0' && (
            <ReasonAction label={T.invoice.cancel} question={T.invoice.cancelReason} busy={action.busy} onConfirm={(reason) => void action.run(() => cancel({ id: invoice.id, reason }))} />
          )}
          {canEdit && invoice.status === 'CANCELLED' && invoice.correctedBy.length === 0 && (
            <Link to={documentPaths.create('INVOICE', { correctsInvoiceId: invoice.id })} className="button button--primary">
              {T.invoice.correct}
            </Link>
          )}
          <PrintButtons kind="INVOICE" id={invoice.id} />
        </div>
      </div>
      <p className="muted">{T.invoice.immutable}</p>
      <LiveNotice notice={live.notice} onDismiss={live.dismissNotice} />
      {action.error && (
        <div className="banner banner--error" role="alert">
          {action.error}
        </div>
      )}
      <section className="card">
        <Facts
          items={[
            [T.invoice.recipient, [invoice.recipientName, ...formatAddress(invoice.recipientAddress)].join(', ')],
            [T.detail.account, <Link to={paths.account(invoice.account.id)}>{invoice.account.name}</Link>],
            invoice.opportunity && [T.detail.opportunity, <Link to={`/opportunities/${encodeURIComponent(invoice.opportunity.id)}`}>{`${invoice.opportunity.humanId} ${invoice.opportunity.title}`}</Link>],
            invoice.order && [T.invoice.order, <Link to={documentPaths.detail('ORDER', invoice.order.id)}>{invoice.order.number}</Link>],
            invoice.correctsInvoice && [T.invoice.correctsInvoice, <Link to={documentPaths.detail('INVOICE', invoice.correctsInvoice.id)}>{invoice.correctsInvoice.number}</Link>],
            invoice.correctedBy.length > 0 && [T.invoice.correctedBy, invoice.correctedBy.map((correction) => correction.number).join(', ')],
            [T.detail.owner, invoice.owner.name],
            [T.invoice.issueDate, formatDate(invoice.issueDate)],
            [T.invoice.serviceDate, formatDate(invoice.serviceDate ?? invoice.issueDate)],
            [T.invoice.dueDate, formatDate(invoice.dueDate)],
            invoice.paidDate && [T.invoice.paidDate, formatDate(invoice.paidDate)],
            [T.invoice.paid, money(invoice.paidAmount)],
            [T.invoice.outstanding, <span data-testid="invoice-outstanding">{money(invoice.outstandingAmount)}</span>],
            invoice.cancelledAt && [T.order.cancelledBecause, `${formatDateTime(invoice.cancelledAt)}${invoice.cancellationReason ? ` · ${invoice.cancellationReason}` : ''}`],
          ]}
        />
        {invoice.notes && <p className="pre-wrap">{invoice.notes}</p>}
      </section>
      <DocumentLinesView lines={invoice.lines} taxes={invoice.taxes} netAmount={invoice.netAmount} grossAmount={invoice.grossAmount} currency={invoice.currency} />
      <InvoicePayments invoice={invoice} />
      <DocumentHistoryList entries={invoice.history} />
    </article>
  );
}
