import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ListTable } from '../../components/ListTable.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { documentPaths } from '../billing/billing-format.ts';
import type { DocumentKind } from '../billing/billing-labels.ts';
import { InvoiceListQuery, OrderListQuery, QuoteListQuery } from '../billing/billing-queries.ts';
import { useDocumentColumns, type DocumentRow } from '../billing/useDocumentColumns.tsx';
import type { RecordSubject } from './record-subject.ts';

const PAGE_SIZE = 20;
const listContext = { additionalTypenames: ['Quote', 'Order', 'Invoice'] };

interface Props {
  kind: DocumentKind;
  subject: RecordSubject;
  /** The account a new document is addressed to, when the viewer may make one; none offers no button. */
  newFor?: string | null;
}

type Cursor = { after?: string; before?: string };
const pageOf = (subject: RecordSubject, cursor: Cursor) =>
  cursor.before ? { filter: subject, last: PAGE_SIZE, before: cursor.before } : { filter: subject, first: PAGE_SIZE, after: cursor.after ?? null };

/** A tab of an account's or contact's page: its quotes, orders or invoices, newest first, paged. */
export function RecordDocuments({ kind, subject, newFor }: Props) {
  const { t } = useTranslation();
  const [cursor, setCursor] = useState<Cursor>({});
  const variables = pageOf(subject, cursor);
  const [quotes] = useQuery({ query: QuoteListQuery, variables, pause: kind !== 'QUOTE', requestPolicy: 'cache-and-network', context: listContext });
  const [orders] = useQuery({ query: OrderListQuery, variables, pause: kind !== 'ORDER', requestPolicy: 'cache-and-network', context: listContext });
  const [invoices] = useQuery({ query: InvoiceListQuery, variables, pause: kind !== 'INVOICE', requestPolicy: 'cache-and-network', context: listContext });
  const { error, fetching } = kind === 'QUOTE' ? quotes : kind === 'ORDER' ? orders : invoices;
  const list =
    kind === 'QUOTE'
      ? quotes.data && { pageInfo: quotes.data.quotes.pageInfo, rows: quotes.data.quotes.edges.map(({ node }): DocumentRow => ({ ...node, date: node.createdAt.slice(0, 10) })) }
      : kind === 'ORDER'
        ? orders.data && { pageInfo: orders.data.orders.pageInfo, rows: orders.data.orders.edges.map(({ node }): DocumentRow => ({ ...node, date: node.orderDate })) }
        : invoices.data && {
            pageInfo: invoices.data.invoices.pageInfo,
            rows: invoices.data.invoices.edges.map(({ node }): DocumentRow => ({ ...node, date: node.issueDate, overdue: node.isOverdue })),
          };
  const titleId = `record-${kind.toLowerCase()}s-title`;

  return (
    <section className="card" aria-labelledby={titleId} data-testid={`record-${kind.toLowerCase()}s`}>
      <div className="section-header">
        <h2 id={titleId}>{t(`billing.kind.${kind}.many`)}</h2>
        {newFor && (
          <Link to={documentPaths.create(kind, { accountId: newFor })} className="button button--secondary button--small">
            {t(`billing.kind.${kind}.new`)}
          </Link>
        )}
      </div>
      {error && <QueryError error={error} />}
      {!list && fetching && <Loading what={t(`billing.kind.${kind}.many`)} />}
      {list && list.rows.length === 0 && <p className="muted">{t(`billing.kind.${kind}.none`)}</p>}
      {list && list.rows.length > 0 && <DocumentTable kind={kind} rows={list.rows} labelledBy={titleId} />}
      {list && <Pager label={t('billing.filters.pages', { what: t(`billing.kind.${kind}.many`) })} pageInfo={list.pageInfo} onPrevious={(before) => setCursor({ before })} onNext={(after) => setCursor({ after })} />}
    </section>
  );
}

function DocumentTable({ kind, rows, labelledBy }: { kind: DocumentKind; rows: DocumentRow[]; labelledBy: string }) {
  const columns = useDocumentColumns(kind);
  return <ListTable labelledBy={labelledBy} rows={rows} columns={[columns.number, columns.title, columns.status, columns.date, columns.gross]} />;
}
