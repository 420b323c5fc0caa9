import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { paths } from '../../lib/paths.ts';
import { documentPaths } from './billing-format.ts';
import { AcceptQuoteMutation, DeleteQuoteMutation, QuoteDetailQuery, RejectQuoteMutation, SendQuoteMutation } from './billing-queries.ts';
import { DocumentHistoryList } from './DocumentHistoryList.tsx';
import { DocumentLinesView } from './DocumentLinesView.tsx';
import { DocumentHeader, DocumentNotices, documentHeadingId, Facts, NotFound, useAction } from './DocumentParts.tsx';
import { ReasonAction } from './ReasonAction.tsx';
import { useDocumentDetail } from './useDocumentLive.ts';

/** `/quotes/:id`: a quote with the steps its status allows. */
export function QuotePage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, live } = useDocumentDetail(QuoteDetailQuery, id);
  const [, send] = useMutation(SendQuoteMutation);
  const [, accept] = useMutation(AcceptQuoteMutation);
  const [, reject] = useMutation(RejectQuoteMutation);
  const [, remove] = useMutation(DeleteQuoteMutation);
  const action = useAction();

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('billing.detail.loadingDocument')} />;
  const quote = data.quote;
  if (!quote) return <NotFound kind="QUOTE" />;
  const canEdit = quote.viewerCanEdit;

  return (
    <article aria-labelledby={documentHeadingId('QUOTE')} className="document-page">
      <DocumentHeader kind="QUOTE" document={quote}>
        {canEdit && quote.status === 'DRAFT' && (
          <>
            <Link to={documentPaths.edit('QUOTE', quote.id)} className="button button--secondary">
              {t('billing.detail.edit')}
            </Link>
            <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void action.run(() => send({ id: quote.id }))}>
              {t('billing.quote.send')}
            </button>
            <ConfirmButton
              label={t('billing.quote.delete')}
              question={t('billing.quote.deleteConfirm')}
              confirmLabel={t('billing.quote.delete')}
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
              {t('billing.quote.acceptWithOrder')}
            </button>
            <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => void action.run(() => accept({ id: quote.id, createOrder: false }))}>
              {t('billing.quote.accept')}
            </button>
            <ReasonAction label={t('billing.quote.reject')} question={t('billing.quote.rejectReason')} busy={action.busy} onConfirm={(reason) => void action.run(() => reject({ id: quote.id, reason }))} />
          </>
        )}
        {canEdit && quote.status === 'ACCEPTED' && !quote.order && (
          <Link to={documentPaths.create('ORDER', { quoteId: quote.id })} className="button button--primary">
            {t('billing.quote.createOrder')}
          </Link>
        )}
      </DocumentHeader>
      <DocumentNotices readOnly={!canEdit} live={live} error={action.error} />
      <section className="card">
        <Facts
          items={[
            [t('billing.detail.account'), <Link to={paths.account(quote.account.id)}>{quote.account.name}</Link>],
            quote.opportunity && [t('billing.detail.opportunity'), <Link to={documentPaths.opportunity(quote.opportunity.id)}>{`${quote.opportunity.humanId} ${quote.opportunity.title}`}</Link>],
            quote.contact && [t('billing.detail.contact'), `${quote.contact.firstName} ${quote.contact.lastName}`],
            [t('billing.detail.owner'), quote.owner.name],
            [t('billing.detail.team'), quote.team.name],
            [t('billing.quote.validUntil'), formats.day(quote.validUntil)],
            quote.sentAt && [t('billing.quote.sentAt'), formats.dateTime(quote.sentAt)],
            quote.decidedAt && [t('billing.quote.decidedAt'), formats.dateTime(quote.decidedAt)],
            quote.rejectionReason && [t('billing.quote.rejectionReason'), quote.rejectionReason],
            quote.order && [t('billing.quote.order'), <Link to={documentPaths.detail('ORDER', quote.order.id)}>{quote.order.number}</Link>],
          ]}
        />
        {quote.introText && <p className="pre-wrap">{quote.introText}</p>}
      </section>
      <DocumentLinesView lines={quote.lines} taxes={quote.taxes} netAmount={quote.netAmount} grossAmount={quote.grossAmount} />
      {quote.closingText && <p className="pre-wrap card">{quote.closingText}</p>}
      <DocumentHistoryList entries={quote.history} />
    </article>
  );
}
