import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { paths } from '../../lib/paths.ts';
import { documentPaths } from './billing-format.ts';
import { AcceptQuoteMutation, DeleteQuoteMutation, QuoteDetailQuery, RejectQuoteMutation, SendQuoteMutation } from './billing-queries.ts';
import { DocumentHistoryList } from './DocumentHistoryList.tsx';
import { DocumentLinesView } from './DocumentLinesView.tsx';
import { Facts, LiveNotice, NotFound, PrintButtons, StatusBadge, useAction } from './DocumentParts.tsx';
import { ReasonAction } from './ReasonAction.tsx';
import { T } from './texts.ts';
import { useDocumentLive } from './useDocumentLive.ts';

/** `/quotes/:id`: a quote with the steps its status allows. */
export function QuotePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [{ data, error }, reexecute] = useQuery({ query: QuoteDetailQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const live = useDocumentLive({ documentId: id }, viewer?.id, reload);
  const [, send] = useMutation(SendQuoteMutation);
  const [, accept] = useMutation(AcceptQuoteMutation);
  const [, reject] = useMutation(RejectQuoteMutation);
  const [, remove] = useMutation(DeleteQuoteMutation);
  const action = useAction();

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what="the quote" />;
  const quote = data.quote;
  if (!quote) return <NotFound kind="QUOTE" />;
  const canEdit = quote.viewerCanEdit;

  return (
    <article aria-labelledby="quote-heading" className="document-page">
      <p className="breadcrumb">
        <Link to={documentPaths.list('QUOTE')}>{T.detail.back('QUOTE')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 id="quote-heading">
            {quote.number} · {quote.title}
          </h1>
          <StatusBadge status={quote.status} />
        </div>
        <div className="page-header__actions">
          {canEdit && quote.status === 'DRAFT' && (
            <>
              <Link to={documentPaths.edit('QUOTE', quote.id)} className="button button--secondary">
                {T.detail.edit}
              </Link>
              <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void action.run(() => send({ id: quote.id }))}>
                {T.quote.send}
              </button>
              <ConfirmButton
                label={T.quote.delete}
                question={T.quote.deleteConfirm}
                confirmLabel={T.quote.delete}
                busy={action.busy}
                onConfirm={() =>
                  void action.run(() => remove({ id: quote.id })).then((outcome) => outcome?.__typename === 'DeleteQuoteSuccess' && navigate(documentPaths.list('QUOTE')))
                }
              />
            </>
          )}
          {canEdit && quote.status === 'SENT' && (
            <>
              <button type="button" className="button button--success" disabled={action.busy} onClick={() => void action.run(() => accept({ id: quote.id, createOrder: true }))}>
                {T.quote.acceptWithOrder}
              </button>
              <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => void action.run(() => accept({ id: quote.id, createOrder: false }))}>
                {T.quote.accept}
              </button>
              <ReasonAction label={T.quote.reject} question={T.quote.rejectReason} busy={action.busy} onConfirm={(reason) => void action.run(() => reject({ id: quote.id, reason }))} />
            </>
          )}
          {canEdit && quote.status === 'ACCEPTED' && !quote.order && (
            <Link to={documentPaths.create('ORDER', { quoteId: quote.id })} className="button button--primary">
              {T.quote.createOrder}
            </Link>
          )}
          <PrintButtons kind="QUOTE" id={quote.id} />
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
            [T.detail.account, <Link to={paths.account(quote.account.id)}>{quote.account.name}</Link>],
            quote.opportunity && [T.detail.opportunity, <Link to={`/opportunities/${encodeURIComponent(quote.opportunity.id)}`}>{`${quote.opportunity.humanId} ${quote.opportunity.title}`}</Link>],
            quote.contact && [T.detail.contact, `${quote.contact.firstName} ${quote.contact.lastName}`],
            [T.detail.owner, quote.owner.name],
            [T.detail.team, quote.team.name],
            [T.quote.validUntil, formatDate(quote.validUntil)],
            quote.sentAt && [T.quote.sentAt, formatDateTime(quote.sentAt)],
            quote.decidedAt && [T.quote.decidedAt, formatDateTime(quote.decidedAt)],
            quote.rejectionReason && [T.quote.rejectionReason, quote.rejectionReason],
            quote.order && [T.quote.order, <Link to={documentPaths.detail('ORDER', quote.order.id)}>{quote.order.number}</Link>],
          ]}
        />
        {quote.introText && <p className="pre-wrap">{quote.introText}</p>}
      </section>
      <DocumentLinesView lines={quote.lines} taxes={quote.taxes} netAmount={quote.netAmount} grossAmount={quote.grossAmount} currency={quote.currency} />
      {quote.closingText && <p className="pre-wrap card">{quote.closingText}</p>}
      <DocumentHistoryList entries={quote.history} />
    </article>
  );
}
