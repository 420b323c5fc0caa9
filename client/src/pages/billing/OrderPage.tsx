import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { paths } from '../../lib/paths.ts';
import { documentPaths } from './billing-format.ts';
import { CancelOrderMutation, DeliverOrderMutation, OrderDetailQuery } from './billing-queries.ts';
import { DocumentHistoryList } from './DocumentHistoryList.tsx';
import { DocumentLinesView } from './DocumentLinesView.tsx';
import { Facts, LiveNotice, NotFound, PrintButtons, StatusBadge, useAction } from './DocumentParts.tsx';
import { ReasonAction } from './ReasonAction.tsx';
import { STATUS, T } from './texts.ts';
import { useDocumentLive } from './useDocumentLive.ts';

/** `/orders/:id`: an order, its delivery, cancellation and invoice. */
export function OrderPage() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  const [{ data, error }, reexecute] = useQuery({ query: OrderDetailQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const live = useDocumentLive({ documentId: id }, viewer?.id, reload);
  const [, deliver] = useMutation(DeliverOrderMutation);
  const [, cancel] = useMutation(CancelOrderMutation);
  const action = useAction();

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what="the order" />;
  const order = data.order;
  if (!order) return <NotFound kind="ORDER" />;
  const canEdit = order.viewerCanEdit;
  const liveInvoice = order.invoices.find((invoice) => invoice.status !== 'CANCELLED');

  return (
    <article aria-labelledby="order-heading" className="document-page">
      <p className="breadcrumb">
        <Link to={documentPaths.list('ORDER')}>{T.detail.back('ORDER')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 id="order-heading">
            {order.number} · {order.title}
          </h1>
          <StatusBadge status={order.status} />
        </div>
        <div className="page-header__actions">
          {canEdit && order.status === 'OPEN' && (
            <>
              <Link to={documentPaths.edit('ORDER', order.id)} className="button button--secondary">
                {T.detail.edit}
              </Link>
              <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void action.run(() => deliver({ id: order.id }))}>
                {T.order.deliver}
              </button>
              {!liveInvoice && <ReasonAction label={T.order.cancel} question={T.order.cancelReason} busy={action.busy} onConfirm={(reason) => void action.run(() => cancel({ id: order.id, reason }))} />}
            </>
          )}
          {canEdit && order.status !== 'CANCELLED' && !liveInvoice && (
            <Link to={documentPaths.create('INVOICE', { orderId: order.id })} className="button button--primary">
              {T.order.createInvoice}
            </Link>
          )}
          <PrintButtons kind="ORDER" id={order.id} />
        </div>
      </div>
      {!canEdit && <div className="banner banner--info">{T.detail.readOnly}</div>}
      <LiveNotice notice={live.notice} onDismiss={live.dismissNotice} />
      {action.error && (
        <div className="banner banner--error" role="alert">
          {action.error}
        </div>
      )}
      <section className="card">
        <Facts
          items={[
            [T.detail.account, <Link to={paths.account(order.account.id)}>{order.account.name}</Link>],
            order.opportunity && [T.detail.opportunity, <Link to={`/opportunities/${encodeURIComponent(order.opportunity.id)}`}>{`${order.opportunity.humanId} ${order.opportunity.title}`}</Link>],
            order.quote && [T.order.quote, <Link to={documentPaths.detail('QUOTE', order.quote.id)}>{order.quote.number}</Link>],
            order.contact && [T.detail.contact, `${order.contact.firstName} ${order.contact.lastName}`],
            [T.detail.owner, order.owner.name],
            [T.detail.team, order.team.name],
            [T.order.orderDate, formatDate(order.orderDate)],
            order.plannedDeliveryDate && [T.order.plannedDeliveryDate, formatDate(order.plannedDeliveryDate)],
            order.deliveryDate && [T.order.deliveryDate, formatDate(order.deliveryDate)],
            order.customerReference && [T.order.customerReference, order.customerReference],
            order.cancelledAt && [T.order.cancelledBecause, `${formatDateTime(order.cancelledAt)}${order.cancellationReason ? ` · ${order.cancellationReason}` : ''}`],
            order.invoices.length > 0 && [
              T.order.invoices,
              <span>
                {order.invoices.map((invoice) => (
                  <Link key={invoice.id} to={documentPaths.detail('INVOICE', invoice.id)} className="document-link">
                    {invoice.number} ({STATUS[invoice.status]})
                  </Link>
                ))}
              </span>,
            ],
          ]}
        />
        {order.notes && <p className="pre-wrap">{order.notes}</p>}
      </section>
      <DocumentLinesView lines={order.lines} taxes={order.taxes} netAmount={order.netAmount} grossAmount={order.grossAmount} currency={order.currency} />
      <DocumentHistoryList entries={order.history} />
    </article>
  );
}
