import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { formatDate } from '../../lib/format.ts';
import { documentPaths, formatMoney } from './billing-format.ts';
import { InvoiceListQuery, OrderListQuery, QuoteListQuery } from './billing-queries.ts';
import { DocumentFilters, useDocumentFilters } from './DocumentFilters.tsx';
import { StatusBadge } from './DocumentParts.tsx';
import { KIND, T, type DocumentKind } from './texts.ts';

const PAGE_SIZE = 25;
const listContext = { additionalTypenames: ['Quote', 'Order', 'Invoice'] };

interface Row {
  id: string;
  number: string;
  title: string;
  status: string;
  overdue?: boolean;
  account: { id: string; name: string };
  owner: { name: string };
  date: string;
  extra?: ReactNode;
  grossAmount: string;
  currency: string;
}

type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };

function variables(filters: ReturnType<typeof useDocumentFilters>) {
  const { after, before } = filters.cursor;
  return before ? { filter: filters.filter, last: PAGE_SIZE, before } : { filter: filters.filter, first: PAGE_SIZE, after };
}

export function QuotesPage() {
  const filters = useDocumentFilters('QUOTE');
  const [{ data, error, fetching }] = useQuery({ query: QuoteListQuery, variables: variables(filters) as never, requestPolicy: 'cache-and-network', context: listContext });
  const rows = data?.quotes.edges.map(({ node }) => ({ ...node, date: node.createdAt.slice(0, 10), extra: formatDate(node.validUntil) }));
  return <DocumentListView kind="QUOTE" filters={filters} rows={rows} total={data?.quotes.totalCount} pageInfo={data?.quotes.pageInfo} error={error} fetching={fetching} extraLabel={T.quote.validUntil} />;
}

export function OrdersPage() {
  const filters = useDocumentFilters('ORDER');
  const [{ data, error, fetching }] = useQuery({ query: OrderListQuery, variables: variables(filters) as never, requestPolicy: 'cache-and-network', context: listContext });
  const rows = data?.orders.edges.map(({ node }) => ({ ...node, date: node.orderDate, extra: node.deliveryDate ? formatDate(node.deliveryDate) : '' }));
  return <DocumentListView kind="ORDER" filters={filters} rows={rows} total={data?.orders.totalCount} pageInfo={data?.orders.pageInfo} error={error} fetching={fetching} extraLabel={T.order.deliveryDate} />;
}

export function InvoicesPage() {
  const filters = useDocumentFilters('INVOICE');
  const [{ data, error, fetching }] = useQuery({ query: InvoiceListQuery, variables: variables(filters) as never, requestPolicy: 'cache-and-network', context: listContext });
  const rows = data?.invoices.edges.map(({ node }) => ({
    ...node,
    overdue: node.isOverdue,
    date: node.issueDate,
    extra: (
      <>
        {formatDate(node.dueDate)}
        {node.status === 'OPEN' && <span className="muted"> · {formatMoney(node.outstandingAmount, node.currency)}</span>}
      </>
    ),
  }));
  return <DocumentListView kind="INVOICE" filters={filters} rows={rows} total={data?.invoices.totalCount} pageInfo={data?.invoices.pageInfo} error={error} fetching={fetching} extraLabel={`${T.columns.due} · ${T.columns.outstanding}`} />;
}

interface ViewProps {
  kind: DocumentKind;
  filters: ReturnType<typeof useDocumentFilters>;
  rows: Row[] | undefined;
  total: number | undefined;
  pageInfo: PageInfo | undefined;
  error: Parameters<typeof QueryError>[0]['error'] | undefined;
  fetching: boolean;
  extraLabel: string;
}

function DocumentListView({ kind, filters, rows, total, pageInfo, error, fetching, extraLabel }: ViewProps) {
  const { canCreateCustomers } = useViewer();
  const titleId = `${kind.toLowerCase()}-list-title`;
  return (
    <section aria-labelledby={titleId}>
      <div className="page-header">
        <h1 id={titleId}>{KIND[kind].many}</h1>
        {canCreateCustomers && (
          <Link to={documentPaths.create(kind)} className="button button--primary">
            {KIND[kind].new}
          </Link>
        )}
      </div>
      <DocumentFilters kind={kind} filters={filters} />
      <div className="toolbar">
        {total !== undefined && (
          <span className="toolbar__count" data-testid="document-count" aria-live="polite">
            {T.count(total, kind)}
          </span>
        )}
        {fetching && <span className="spinner" aria-label="Loading" />}
      </div>
      {error && <QueryError error={error} />}
      {!rows && fetching && <Loading what={KIND[kind].many.toLowerCase()} />}
      {rows && rows.length === 0 && <p className="empty">{KIND[kind].none}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{T.columns.number}</th>
                <th scope="col">{T.columns.title}</th>
                <th scope="col">{T.columns.account}</th>
                <th scope="col">{T.columns.status}</th>
                <th scope="col">{T.columns.date}</th>
                <th scope="col">{extraLabel}</th>
                <th scope="col">{T.columns.owner}</th>
                <th scope="col" className="numeric">
                  {T.columns.gross}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={documentPaths.detail(kind, row.id)} className="table__primary document-number">
                      {row.number}
                    </Link>
                  </td>
                  <td>{row.title}</td>
                  <td>{row.account.name}</td>
                  <td>
                    <StatusBadge status={row.status} overdue={row.overdue} />
                  </td>
                  <td>{formatDate(row.date)}</td>
                  <td>{row.extra}</td>
                  <td>{row.owner.name}</td>
                  <td className="numeric">{formatMoney(row.grossAmount, row.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageInfo && <Pager label={`${KIND[kind].many} pages`} pageInfo={pageInfo} onPrevious={(cursor) => filters.page({ before: cursor })} onNext={(cursor) => filters.page({ after: cursor })} />}
    </section>
  );
}
