import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import type { DocumentKind } from './billing-labels.ts';
import { documentPaths } from './billing-format.ts';
import { InvoiceListQuery, OrderListQuery, QuoteListQuery } from './billing-queries.ts';
import { DocumentFilters, useDocumentFilters } from './DocumentFilters.tsx';
import { useDocumentColumns, type DocumentRow } from './useDocumentColumns.tsx';

const PAGE_SIZE = 25;
/** The export's keys of the columns each list shows, in its order. */
const EXPORT = {
  QUOTE: { list: 'quotes', columns: ['number', 'title', 'account', 'status', 'createdAt', 'validUntil', 'owner', 'grossAmount'] },
  ORDER: { list: 'orders', columns: ['number', 'title', 'account', 'status', 'orderDate', 'deliveryDate', 'owner', 'grossAmount'] },
  INVOICE: { list: 'invoices', columns: ['number', 'title', 'account', 'status', 'issueDate', 'dueDate', 'openAmount', 'owner', 'grossAmount'] },
} as const;
const listContext = { additionalTypenames: ['Quote', 'Order', 'Invoice'] };

interface Row extends DocumentRow {
  account: { id: string; name: string };
  owner: { name: string };
  extra?: ReactNode;
}

type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };

function variables(filters: ReturnType<typeof useDocumentFilters>) {
  const { after, before } = filters.cursor;
  return before ? { filter: filters.filter, last: PAGE_SIZE, before } : { filter: filters.filter, first: PAGE_SIZE, after };
}

export function QuotesPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const filters = useDocumentFilters('QUOTE');
  const [{ data, error, fetching }] = useQuery({ query: QuoteListQuery, variables: variables(filters) as never, requestPolicy: 'cache-and-network', context: listContext });
  const rows = data?.quotes.edges.map(({ node }) => ({ ...node, date: node.createdAt.slice(0, 10), extra: formats.day(node.validUntil) }));
  return <DocumentListView kind="QUOTE" filters={filters} rows={rows} total={data?.quotes.totalCount} pageInfo={data?.quotes.pageInfo} error={error} fetching={fetching} extraLabel={t('billing.quote.validUntil')} />;
}

export function OrdersPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const filters = useDocumentFilters('ORDER');
  const [{ data, error, fetching }] = useQuery({ query: OrderListQuery, variables: variables(filters) as never, requestPolicy: 'cache-and-network', context: listContext });
  const rows = data?.orders.edges.map(({ node }) => ({ ...node, date: node.orderDate, extra: node.deliveryDate ? formats.day(node.deliveryDate) : '' }));
  return <DocumentListView kind="ORDER" filters={filters} rows={rows} total={data?.orders.totalCount} pageInfo={data?.orders.pageInfo} error={error} fetching={fetching} extraLabel={t('billing.order.deliveryDate')} />;
}

export function InvoicesPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const filters = useDocumentFilters('INVOICE');
  const [{ data, error, fetching }] = useQuery({ query: InvoiceListQuery, variables: variables(filters) as never, requestPolicy: 'cache-and-network', context: listContext });
  const rows = data?.invoices.edges.map(({ node }) => ({
    ...node,
    overdue: node.isOverdue,
    date: node.issueDate,
    extra: (
      <>
        {formats.day(node.dueDate)}
        {node.status === 'OPEN' && <span className="muted"> · {formats.money(node.outstandingAmount)}</span>}
      </>
    ),
  }));
  return <DocumentListView kind="INVOICE" filters={filters} rows={rows} total={data?.invoices.totalCount} pageInfo={data?.invoices.pageInfo} error={error} fetching={fetching} extraLabel={t('billing.columns.due')} />;
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
  const { t } = useTranslation();
  const columns = useDocumentColumns(kind);
  const { canCreateCustomers } = useViewer();
  const titleId = `${kind.toLowerCase()}-list-title`;
  return (
    <section aria-labelledby={titleId}>
      <div className="page-header">
        <h1 id={titleId}>{t(`billing.kind.${kind}.many`)}</h1>
        {canCreateCustomers && (
          <Link to={documentPaths.create(kind)} className="button button--primary">
            {t(`billing.kind.${kind}.new`)}
          </Link>
        )}
      </div>
      <DocumentFilters kind={kind} filters={filters} />
      <div className="toolbar">
        {total !== undefined && (
          <span className="toolbar__count" data-testid="document-count" aria-live="polite">
            {t(`billing.kind.${kind}.count`, { count: total })}
          </span>
        )}
        {fetching && <span className="spinner" aria-label="Loading" />}
        <ExportCsvButton list={EXPORT[kind].list} args={{ filter: filters.filter }} columns={EXPORT[kind].columns} />
      </div>
      {error && <QueryError error={error} />}
      {!rows && fetching && <Loading what={t(`billing.kind.${kind}.many`)} />}
      {rows && rows.length === 0 && <p className="empty">{t(`billing.kind.${kind}.none`)}</p>}
      {rows && rows.length > 0 && (
        <ListTable
          labelledBy={titleId}
          rows={rows}
          columns={[columns.number, columns.title, columns.account, columns.status, columns.date, { label: extraLabel, cell: (row) => row.extra }, columns.owner, columns.gross]}
        />
      )}
      {pageInfo && <Pager label={t('billing.filters.pages', { what: t(`billing.kind.${kind}.many`) })} pageInfo={pageInfo} onPrevious={(cursor) => filters.page({ before: cursor })} onNext={(cursor) => filters.page({ after: cursor })} />}
    </section>
  );
}
