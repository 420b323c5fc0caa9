import type { TypedDocumentNode } from 'urql';
import type { ExportList } from '../../lib/csv-api.ts';
import {
  KpiActivityRecordsQuery,
  KpiInvoiceRecordsQuery,
  KpiOpportunityRecordsQuery,
  KpiOrderRecordsQuery,
  KpiQuoteRecordsQuery,
} from './kpi-queries.ts';

/** One record behind a figure as the records page shows it, whatever its kind. */
export interface RecordRow {
  id: string;
  label: string;
  /** Its own page; activities have none. */
  to: string | null;
  account: string | null;
  person: string;
  amount: string | null;
}

export interface RecordList {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  rows: RecordRow[];
}

export interface RecordKind {
  query: TypedDocumentNode<any, any>;
  read: (data: any) => RecordList;
  /** The CSV export of the drill-down, with the columns the table shows. */
  list: ExportList;
  columns: readonly string[];
  /** The drill-down of opportunities alone takes asOf and a stage. */
  opportunities: boolean;
}

type Connection<Node> = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ amount?: string | null; node: Node }>;
};

function kind<Data, Node>(
  query: TypedDocumentNode<Data, any>,
  connection: (data: Data) => Connection<Node>,
  row: (node: Node) => Omit<RecordRow, 'amount'>,
  list: ExportList,
  columns: readonly string[],
): RecordKind {
  return {
    query,
    read: (data: Data) => {
      const { totalCount, pageInfo, edges } = connection(data);
      return { totalCount, pageInfo, rows: edges.map((edge) => ({ ...row(edge.node), amount: edge.amount ?? null })) };
    },
    list,
    columns,
    opportunities: list === 'opportunities',
  };
}

type DocumentNode = { id: string; number: string; title: string; account: { name: string }; owner: { name: string } };
const documentRow = (path: string) => (node: DocumentNode) => ({
  id: node.id,
  label: `${node.number} ${node.title}`,
  to: `/${path}/${node.id}`,
  account: node.account.name,
  person: node.owner.name,
});
const DOCUMENT_COLUMNS = ['number', 'title', 'account', 'owner', 'netAmount', 'grossAmount'];

/** `/kpis/records?kind=…&figure=…`: which drill-down lists the records (opportunities when no kind is given). */
export const RECORD_KINDS = {
  opportunity: kind(
    KpiOpportunityRecordsQuery,
    (data) => data.kpiOpportunities,
    (node) => ({ id: node.id, label: node.title, to: `/opportunities/${node.id}`, account: node.account?.name ?? null, person: node.owner.name }),
    'opportunities',
    ['title', 'account', 'owner', 'amount'],
  ),
  invoice: kind(KpiInvoiceRecordsQuery, (data) => data.kpiInvoices, documentRow('invoices'), 'invoices', DOCUMENT_COLUMNS),
  quote: kind(KpiQuoteRecordsQuery, (data) => data.kpiQuotes, documentRow('quotes'), 'quotes', DOCUMENT_COLUMNS),
  order: kind(KpiOrderRecordsQuery, (data) => data.kpiOrders, documentRow('orders'), 'orders', DOCUMENT_COLUMNS),
  activity: kind(
    KpiActivityRecordsQuery,
    (data) => data.kpiActivities,
    (node) => ({ id: node.id, label: node.subject, to: null, account: node.account?.name ?? null, person: node.assignee.name }),
    'activities',
    ['type', 'subject', 'status', 'dueAt', 'assignee', 'account'],
  ),
};
export type RecordKindName = keyof typeof RECORD_KINDS;

export const recordKindOf = (name: string | null): RecordKindName => (name && name in RECORD_KINDS ? (name as RecordKindName) : 'opportunity');
