import type { Viewer } from '../../auth/viewer.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import {
  documentOrderBy,
  invoiceListWhere,
  orderListWhere,
  quoteListWhere,
  type DocumentSortField,
  type InvoiceFilter,
  type OrderFilter,
  type QuoteFilter,
} from '../billing/queries.ts';
import { activityListWhere, activityOrderBy, type ActivityFilter, type ActivitySortField } from '../activity-queries.ts';
import type { CsvLocale } from '../csv/locale-values.ts';
import {
  accountListWhere,
  accountOrderBy,
  contactListWhere,
  contactOrderBy,
  type AccountSortField,
  type ContactSortField,
  type CustomerListFilter,
  type SortDirection,
} from '../customer-queries.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { opportunityListWhere, opportunityOrderBy, type OpportunityFilter, type OpportunitySortField, type StaleRule } from '../opportunity-queries.ts';
import { getStaleAfterDays } from '../settings.ts';
import { accountColumns } from './account-columns.ts';
import { activityColumns } from './activity-columns.ts';
import type { ExportCatalog, ExportColumn, ExportRecord } from './columns.ts';
import { contactColumns } from './contact-columns.ts';
import { invoiceColumns, orderColumns, quoteColumns } from './document-columns.ts';
import { opportunityColumns } from './opportunity-columns.ts';

export const EXPORT_KINDS = ['accounts', 'contacts', 'opportunities', 'activities', 'quotes', 'orders', 'invoices'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** What a list shows: the same filter and order as its query, so the rules stay in one place. */
export type ExportQuery =
  | { kind: 'accounts'; filter: CustomerListFilter; orderBy?: { field: AccountSortField; direction?: SortDirection } }
  | { kind: 'contacts'; filter: CustomerListFilter & { accountId?: string | null }; orderBy?: { field: ContactSortField; direction?: SortDirection } }
  | { kind: 'opportunities'; filter: OpportunityFilter; orderBy?: { field: OpportunitySortField; direction?: SortDirection } }
  | { kind: 'activities'; filter: ActivityFilter; orderBy?: { field: ActivitySortField; direction?: SortDirection } }
  | { kind: 'quotes'; filter: QuoteFilter; orderBy?: DocumentOrder }
  | { kind: 'orders'; filter: OrderFilter; orderBy?: DocumentOrder }
  | { kind: 'invoices'; filter: InvoiceFilter; orderBy?: DocumentOrder };

type DocumentOrder = { field: DocumentSortField; direction?: SortDirection };

export interface ExportOptions {
  /** Column keys in order; empty or omitted: the kind's default columns. */
  columns?: string[] | null;
  locale: CsvLocale;
  /** Records read per statement: what sits in memory at once. */
  batchSize?: number;
  now?: Date;
}

export const EXPORT_BATCH_SIZE = 500;

/** What an export of one kind reads: its columns, and how to read a batch of its records. */
export interface ExportSource {
  catalog: ExportCatalog;
  read: (args: Record<string, unknown>) => Promise<ExportRecord[]>;
}

interface Plan extends ExportSource {
  where: unknown;
  orderBy: unknown;
}

/** The chosen columns: the header row, the one selection they need, and how a record becomes a row. */
export interface ExportLayout {
  header: string[];
  select: Record<string, unknown>;
  cells: (record: ExportRecord) => string[];
}

export function exportLayout(catalog: ExportCatalog, options: ExportOptions): ExportLayout {
  const columns = chooseColumns(catalog, options.columns);
  return {
    header: columns.map((column) => column.label[options.locale]),
    select: mergeSelections([{ id: true }, ...columns.map((column) => column.select)]),
    cells: (record) => columns.map((column) => column.cell(record, options.locale)),
  };
}

/**
 * The rows of a list export: first the header, then the records the viewer may read in the
 * list's filter and order, read in keyset-paged batches (`cursor` on the id after the list's
 * order), so 100,000 records never sit in memory at once. Cells are formatted for the locale.
 */
export async function* exportRows(prisma: PrismaClient, viewer: Viewer, query: ExportQuery, options: ExportOptions): AsyncGenerator<string[][]> {
  const now = options.now ?? new Date();
  const plan = await planExport(prisma, viewer, query, now);
  const layout = exportLayout(plan.catalog, options);
  yield [layout.header];
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  let cursor: string | undefined;
  for (;;) {
    const records = await plan.read({
      where: plan.where,
      orderBy: plan.orderBy,
      select: layout.select,
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (records.length) yield records.map(layout.cells);
    if (records.length < batchSize) return;
    cursor = records[records.length - 1].id as string;
  }
}

/**
 * The columns and reader of a kind, after its access check: SERVICE users see no opportunities,
 * activities, quotes, orders or invoices and are refused like the lists refuse them.
 */
export async function exportSource(prisma: PrismaClient, viewer: Viewer, kind: ExportKind, now: Date): Promise<ExportSource & { rule?: StaleRule }> {
  if (viewer.role === 'SERVICE' && kind !== 'accounts' && kind !== 'contacts') throw new ForbiddenError();
  switch (kind) {
    case 'accounts':
      return { catalog: accountColumns(viewer), read: (args) => prisma.account.findMany(args as never) };
    case 'contacts':
      return { catalog: contactColumns(viewer), read: (args) => prisma.contact.findMany(args as never) };
    case 'opportunities': {
      const rule = { now, staleAfterDays: await getStaleAfterDays(prisma) };
      return { catalog: opportunityColumns(viewer, rule), read: (args) => prisma.opportunity.findMany(args as never), rule };
    }
    case 'activities':
      return { catalog: activityColumns(viewer, now), read: (args) => prisma.activity.findMany(args as never) };
    // Quotes, orders and invoices follow their opportunity's access.
    case 'quotes':
      return { catalog: quoteColumns(viewer), read: (args) => prisma.quote.findMany(args as never) };
    case 'orders':
      return { catalog: orderColumns(viewer), read: (args) => prisma.order.findMany(args as never) };
    case 'invoices':
      return { catalog: invoiceColumns(viewer, now), read: (args) => prisma.invoice.findMany(args as never) };
  }
}

/** Checks access and filter before the first byte goes out, so a refusal can still be an HTTP error. */
export async function planExport(prisma: PrismaClient, viewer: Viewer, query: ExportQuery, now: Date): Promise<Plan> {
  const source = await exportSource(prisma, viewer, query.kind, now);
  switch (query.kind) {
    case 'accounts':
      return { ...source, where: accountListWhere(viewer, query.filter), orderBy: accountOrderBy(query.orderBy?.field, query.orderBy?.direction) };
    case 'contacts':
      return { ...source, where: contactListWhere(viewer, query.filter), orderBy: contactOrderBy(query.orderBy?.field, query.orderBy?.direction) };
    case 'opportunities':
      return {
        ...source,
        where: opportunityListWhere(viewer, query.filter, source.rule!),
        orderBy: opportunityOrderBy(query.orderBy?.field, query.orderBy?.direction),
      };
    case 'activities':
      return { ...source, where: activityListWhere(viewer, query.filter, now), orderBy: activityOrderBy(query.orderBy?.field, query.orderBy?.direction) };
    case 'quotes':
      return { ...source, where: quoteListWhere(viewer, query.filter), orderBy: documentOrderBy('QUOTE', query.orderBy?.field, query.orderBy?.direction) };
    case 'orders':
      return { ...source, where: orderListWhere(viewer, query.filter), orderBy: documentOrderBy('ORDER', query.orderBy?.field, query.orderBy?.direction) };
    case 'invoices':
      return {
        ...source,
        where: invoiceListWhere(viewer, query.filter, now),
        orderBy: documentOrderBy('INVOICE', query.orderBy?.field, query.orderBy?.direction),
      };
  }
}

function chooseColumns(catalog: ExportCatalog, keys: string[] | null | undefined): ExportColumn[] {
  const wanted = keys?.length ? [...new Set(keys)] : catalog.defaults;
  const byKey = new Map(catalog.columns.map((column) => [column.key, column]));
  const unknown = wanted.filter((key) => !byKey.has(key));
  if (unknown.length) {
    throw ValidationError.field('columns', 'INVALID_VALUE', `Unknown columns: ${unknown.join(', ')}. Known: ${[...byKey.keys()].join(', ')}.`);
  }
  return wanted.map((key) => byKey.get(key)!);
}

/** One Prisma selection from the columns' (a relation several columns read is selected once, with all their fields). */
function mergeSelections(selections: Array<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const selection of selections) {
    for (const [key, value] of Object.entries(selection)) {
      const existing = merged[key];
      if (isSelection(existing) && isSelection(value)) {
        merged[key] = { ...existing, ...value, select: mergeSelections([existing.select as Record<string, unknown>, value.select as Record<string, unknown>]) };
      } else merged[key] = value;
    }
  }
  return merged;
}

const isSelection = (value: unknown): value is { select: Record<string, unknown> } =>
  typeof value === 'object' && value !== null && 'select' in value;
