import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, type CombinedError } from 'urql';
import { useServerErrors } from '../../i18n/useServerErrors.ts';
import { refusalKey, statusKey, type DocumentKind } from './billing-labels.ts';
import { downloadBase64, documentPaths } from './billing-format.ts';
import { InvoicePdfQuery, OrderPdfQuery, QuotePdfQuery } from './billing-queries.ts';

export function StatusBadge({ status, overdue = false }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status status--doc-${(overdue ? 'overdue' : status).toLowerCase()}`} data-testid="document-status">
      {overdue ? t('billing.status.OVERDUE') : t(statusKey(status))}
    </span>
  );
}

/** Label/value pairs of a document's header. */
export function Facts({ items }: { items: ReadonlyArray<[string, ReactNode] | false | null | undefined | ''> }) {
  return (
    <dl className="summary document-facts">
      {items
        .filter((item): item is [string, ReactNode] => Boolean(item))
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

const PDF_QUERIES = { QUOTE: QuotePdfQuery, ORDER: OrderPdfQuery, INVOICE: InvoicePdfQuery } as const;

/** The print view and the server-made PDF of a document. */
export function PrintButtons({ kind, id, withPrintView = true }: { kind: DocumentKind; id: string; withPrintView?: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const errors = useServerErrors();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setBusy(true);
    setError(null);
    const result = await client.query(PDF_QUERIES[kind], { id }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    const data = result.data as Record<string, { pdf: { fileName: string; contentType: string; base64: string } } | null> | undefined;
    const file = data && Object.values(data)[0]?.pdf;
    if (file) downloadBase64(file);
    else setError(errors.failure(null, result.error, t('billing.detail.pdfFailed')));
  }
  return (
    <>
      {withPrintView && (
        <Link to={documentPaths.print(kind, id)} className="button button--ghost">
          {t('billing.detail.print')}
        </Link>
      )}
      <button type="button" className="button button--ghost" onClick={() => void download()} disabled={busy}>
        {t('billing.detail.pdf')}
      </button>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

type Outcome = { __typename?: string; message?: string; code?: string; reason?: string } | null | undefined;

/**
 * Runs a status change and turns its refusal (a typed error in the result union, or a GraphQL
 * error) into a message in the user's language.
 */
export function useAction() {
  const { t } = useTranslation();
  const errors = useServerErrors();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<{ data?: Record<string, Outcome> | null; error?: CombinedError }>) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    const outcome = result.data ? Object.values(result.data)[0] : undefined;
    if (!outcome || !outcome.__typename?.endsWith('Success')) {
      const refusal = outcome?.reason ? refusalKey(outcome.reason) : null;
      setError(refusal ? t(refusal) : errors.failure(outcome, result.error, t('billing.detail.actionFailed')));
    }
    return outcome;
  }
  return { error, busy, run };
}

export function LiveNotice({ notice, onDismiss }: { notice: string | null; onDismiss(): void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <div className="banner banner--info banner--dismissable" role="status" data-testid="live-notice">
      <p>{notice}</p>
      <button type="button" className="button button--ghost" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

export function NotFound({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  return (
    <div className="empty">
      <p>{t('billing.detail.notFound')}</p>
      <Link to={documentPaths.list(kind)}>{t(`billing.kind.${kind}.many`)}</Link>
    </div>
  );
}

/**
 * The head of a document page: the way back to its list, number, title and status, and the steps
 * the status allows (`children`) before the print buttons. The heading's id labels the page.
 */
export function DocumentHeader({
  kind,
  document,
  overdue = false,
  children,
}: {
  kind: DocumentKind;
  document: { id: string; number: string; title: string; status: string };
  overdue?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to={documentPaths.list(kind)}>{t(`billing.kind.${kind}.many`)}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1 id={documentHeadingId(kind)}>
            {document.number} · {document.title}
          </h1>
          <StatusBadge status={document.status} overdue={overdue} />
        </div>
        <div className="page-header__actions">
          {children}
          <PrintButtons kind={kind} id={document.id} />
        </div>
      </div>
    </>
  );
}

export const documentHeadingId = (kind: DocumentKind) => `${kind.toLowerCase()}-heading`;

/** What a document page says above its content: read-only, others' changes, a refused step. */
export function DocumentNotices({ readOnly = false, live, error }: { readOnly?: boolean; live: { notice: string | null; dismissNotice(): void }; error: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {readOnly && <div className="banner banner--info">{t('billing.detail.readOnly')}</div>}
      <LiveNotice notice={live.notice} onDismiss={live.dismissNotice} />
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
    </>
  );
}
