import type { TypedDocumentNode } from 'urql';
import type { ExportList } from '../../lib/csv-api.ts';
import { paths } from '../../lib/paths.ts';
import {
  KpiAccountRecordsQuery,
  KpiActivityRecordsQuery,
  KpiContactRecordsQuery,
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

/**
 * The URL parameters naming one item of a grouped figure (`&stage=…`, `&lossReason=…`), and the
 * field of the drill-down's `group` each sets.
 */
export const GROUP_PARAMS = {
  stage: 'stageId',
  lossReason: 'lossReasonId',
  noLossReason: 'noLossReason',
  status: 'status',
  activityType: 'activityType',
  account: 'accountId',
  product: 'productId',
} as const;
export type GroupParam = keyof typeof GROUP_PARAMS;

export interface RecordKind {
  query: TypedDocumentNode<any, any>;
  read: (data: any) => RecordList;
  /** The CSV export of the drill-down, with the columns the table shows. */
  list: ExportList;
  columns: readonly string[];
  /** The groups its drill-down takes; only opportunities also take asOf. */
  groups: readonly GroupParam[];
  asOf: boolean;
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
  groups: readonly GroupParam[] = [],
): RecordKind {
  return {
    query,
    read: (data: Data) => {
      const { totalCount, pageInfo, edges } = connection(data);
      return { totalCount, pageInfo, rows: edges.map((edge) => ({ ...row(edge.node), amount: edge.amount ?? null })) };
    },
    list,
    columns,
    groups,
    asOf: list === 'opportunities',
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
    ['stage', 'lossReason', 'noLossReason', 'status'],
  ),
  invoice: kind(KpiInvoiceRecordsQuery, (data) => data.kpiInvoices, documentRow('invoices'), 'invoices', DOCUMENT_COLUMNS, ['account', 'product']),
  quote: kind(KpiQuoteRecordsQuery, (data) => data.kpiQuotes, documentRow('quotes'), 'quotes', DOCUMENT_COLUMNS),
  order: kind(KpiOrderRecordsQuery, (data) => data.kpiOrders, documentRow('orders'), 'orders', DOCUMENT_COLUMNS),
  activity: kind(
    KpiActivityRecordsQuery,
    (data) => data.kpiActivities,
    (node) => ({ id: node.id, label: node.subject, to: null, account: node.account?.name ?? null, person: node.assignee.name }),
    'activities',
    ['type', 'subject', 'status', 'dueAt', 'assignee', 'account'],
    ['activityType'],
  ),
  account: kind(
    KpiAccountRecordsQuery,
    (data) => data.kpiAccounts,
    (node) => ({ id: node.id, label: node.name, to: paths.account(node.id), account: null, person: node.owner.name }),
    'accounts',
    ['name', 'city', 'country', 'status', 'owner'],
  ),
  contact: kind(
    KpiContactRecordsQuery,
    (data) => data.kpiContacts,
    (node) => ({ id: node.id, label: `${node.firstName} ${node.lastName}`, to: paths.contact(node.id), account: node.account?.name ?? null, person: node.owner.name }),
    'contacts',
    ['firstName', 'lastName', 'account', 'email', 'owner'],
  ),
};
export type RecordKindName = keyof typeof RECORD_KINDS;

export const recordKindOf = (name: string | null): RecordKindName => (name && name in RECORD_KINDS ? (name as RecordKindName) : 'opportunity');

/** The drill-down's group from the URL: only the parameters the kind takes (`noLossReason=1` sets true). */
export function groupOf(kind: RecordKind, params: URLSearchParams): Record<string, string | boolean> | undefined {
  const entries = kind.groups.flatMap((param) => {
    const value = params.get(param);
    if (!value) return [];
    return [[GROUP_PARAMS[param], param === 'noLossReason' ? true : value] as const];
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}
