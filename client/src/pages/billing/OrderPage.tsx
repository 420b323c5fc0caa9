import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { paths } from '../../lib/paths.ts';
import { documentPaths } from './billing-format.ts';
import { CancelOrderMutation, DeliverOrderMutation, OrderDetailQuery } from './billing-queries.ts';
import { DocumentHistoryList } from './DocumentHistoryList.tsx';
import { DocumentLinesView } from './DocumentLinesView.tsx';
import { DocumentHeader, DocumentNotices, documentHeadingId, Facts, NotFound, useAction } from './DocumentParts.tsx';
import { ReasonAction } from './ReasonAction.tsx';
import { statusKey } from './billing-labels.ts';
import { useDocumentDetail } from './useDocumentLive.ts';

/** `/orders/:id`: an order, its delivery, cancellation and invoice. */
export function OrderPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { id = '' } = useParams();
  const { data, error, live } = useDocumentDetail(OrderDetailQuery, id);
  const [, deliver] = useMutation(DeliverOrderMutation);
  const [, cancel] = useMutation(CancelOrderMutation);
  const action = useAction();

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('billing.detail.loadingDocument')} />;
  const order = data.order;
  if (!order) return <NotFound kind="ORDER" />;
  const canEdit = order.viewerCanEdit;
  const liveInvoice = order.invoices.find((invoice) => invoice.status !== 'CANCELLED');

  return (
    <article aria-labelledby={documentHeadingId('ORDER')} className="document-page">
      <DocumentHeader kind="ORDER" document={order}>
        {canEdit && order.status === 'OPEN' && (
          <>
            <Link to={documentPaths.edit('ORDER', order.id)} className="button button--secondary">
              {t('billing.detail.edit')}
            </Link>
            <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void action.run(() => deliver({ id: order.id }))}>
              {t('billing.order.deliver')}
            </button>
            {!liveInvoice && <ReasonAction label={t('billing.order.cancel')} question={t('billing.order.cancelReason')} busy={action.busy} onConfirm={(reason) => void action.run(() => cancel({ id: order.id, reason }))} />}
          </>
        )}
        {canEdit && order.status !== 'CANCELLED' && !liveInvoice && (
          <Link to={documentPaths.create('INVOICE', { orderId: order.id })} className="button button--primary">
            {t('billing.order.createInvoice')}
          </Link>
        )}
      </DocumentHeader>
      <DocumentNotices readOnly={!canEdit} live={live} error={action.error} />
      <section className="card">
        <Facts
          items={[
            [t('billing.detail.account'), <Link to={paths.account(order.account.id)}>{order.account.name}</Link>],
            order.opportunity && [t('billing.detail.opportunity'), <Link to={documentPaths.opportunity(order.opportunity.id)}>{`${order.opportunity.humanId} ${order.opportunity.title}`}</Link>],
            order.quote && [t('billing.order.quote'), <Link to={documentPaths.detail('QUOTE', order.quote.id)}>{order.quote.number}</Link>],
            order.contact && [t('billing.detail.contact'), `${order.contact.firstName} ${order.contact.lastName}`],
            [t('billing.detail.owner'), order.owner.name],
            [t('billing.detail.team'), order.team.name],
            [t('billing.order.orderDate'), formats.day(order.orderDate)],
            order.plannedDeliveryDate && [t('billing.order.plannedDeliveryDate'), formats.day(order.plannedDeliveryDate)],
            order.deliveryDate && [t('billing.order.deliveryDate'), formats.day(order.deliveryDate)],
            order.customerReference && [t('billing.order.customerReference'), order.customerReference],
            order.cancelledAt && [t('billing.order.cancelled'), `${formats.dateTime(order.cancelledAt)}${order.cancellationReason ? ` · ${order.cancellationReason}` : ''}`],
            order.invoices.length > 0 && [
              t('billing.order.invoices'),
              <span>
                {order.invoices.map((invoice) => (
                  <Link key={invoice.id} to={documentPaths.detail('INVOICE', invoice.id)} className="document-link">
                    {invoice.number} ({t(statusKey(invoice.status))})
                  </Link>
                ))}
              </span>,
            ],
          ]}
        />
        {order.notes && <p className="pre-wrap">{order.notes}</p>}
      </section>
      <DocumentLinesView lines={order.lines} taxes={order.taxes} netAmount={order.netAmount} grossAmount={order.grossAmount} />
      <DocumentHistoryList entries={order.history} />
    </article>
  );
}
