import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryError } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import type { DocumentKind } from './billing-labels.ts';
import { documentPaths } from './billing-format.ts';
import { CreateOrderMutation, OpportunityDocumentsQuery } from './billing-queries.ts';
import { StatusBadge, useAction } from './DocumentParts.tsx';
import { useDocumentLive } from './useDocumentLive.ts';

interface Row {
  id: string;
  number: string;
  title: string;
  status: string;
  grossAmount: string;
  date: string;
  overdue?: boolean;
}

/**
 * The quotes, orders and invoices of an opportunity on its page, live; the way to make new ones;
 * and, once it is won, the offer to turn its accepted quote into the order.
 */
export function OpportunityDocuments({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [{ data, error }, reexecute] = useQuery({ query: OpportunityDocumentsQuery, variables: { id: opportunityId }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useDocumentLive({ opportunityId }, viewer?.id, reload);
  const [, createOrder] = useMutation(CreateOrderMutation);
  const action = useAction();

  if (error && !data) return <QueryError error={error} />;
  const opportunity = data?.opportunity;
  if (!opportunity) return null;
  const canCreate = opportunity.viewerCanEdit && opportunity.status !== 'LOST';
  const acceptedWithoutOrder = opportunity.quotes.find((quote) => quote.status === 'ACCEPTED' && !quote.order);
  const groups: Array<[DocumentKind, Row[]]> = [
    ['QUOTE', opportunity.quotes.map((quote) => ({ ...quote, date: quote.validUntil }))],
    ['ORDER', opportunity.orders.map((order) => ({ ...order, date: order.orderDate }))],
    ['INVOICE', opportunity.invoices.map((invoice) => ({ ...invoice, date: invoice.dueDate, overdue: invoice.isOverdue }))],
  ];

  async function orderFromQuote(quoteId: string) {
    const outcome = await action.run(() => createOrder({ input: { quoteId } }));
    if (outcome && 'order' in outcome) navigate(documentPaths.detail('ORDER', (outcome as { order: { id: string } }).order.id));
  }

  return (
    <section className="card" aria-labelledby="opportunity-documents-title" data-testid="opportunity-documents">
      <div className="card__header">
        <h2 id="opportunity-documents-title">{t('billing.opportunity.section')}</h2>
        {canCreate && (
          <div className="card__actions">
            {opportunity.status === 'OPEN' && (
              <Link to={documentPaths.create('QUOTE', { opportunityId })} className="button button--secondary button--small">
                {t('billing.kind.QUOTE.new')}
              </Link>
            )}
            <Link to={documentPaths.create('ORDER', { opportunityId })} className="button button--secondary button--small">
              {t('billing.kind.ORDER.new')}
            </Link>
            <Link to={documentPaths.create('INVOICE', { opportunityId })} className="button button--secondary button--small">
              {t('billing.kind.INVOICE.new')}
            </Link>
          </div>
        )}
      </div>
      {opportunity.status === 'WON' && opportunity.viewerCanEdit && acceptedWithoutOrder && (
        <div className="banner banner--success" role="status" data-testid="order-offer">
          <p>{t('billing.opportunity.orderFromAcceptedQuote', { number: acceptedWithoutOrder.number })}</p>
          <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void orderFromQuote(acceptedWithoutOrder.id)}>
            {t('billing.quote.createOrder')}
          </button>
        </div>
      )}
      {action.error && (
        <div className="banner banner--error" role="alert">
          {action.error}
        </div>
      )}
      {groups.every(([, rows]) => rows.length === 0) && <p className="muted">{t('billing.opportunity.none')}</p>}
      {groups
        .filter(([, rows]) => rows.length > 0)
        .map(([kind, rows]) => (
          <div key={kind} className="document-group">
            <h3>{t(`billing.kind.${kind}.many`)}</h3>
            <ul className="document-list">
              {rows.map((row) => (
                <li key={row.id}>
                  <Link to={documentPaths.detail(kind, row.id)}>{row.number}</Link> <StatusBadge status={row.status} overdue={row.overdue} />{' '}
                  <span className="muted">{formats.day(row.date)}</span> <span className="document-list__amount">{formats.money(row.grossAmount)}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
