import type { PrismaClient } from '../../generated/prisma/client.ts';
import { drillDown, type DrillGroup, type DrillKind, type DrillPage } from '../kpis/drill-down.ts';
import type { KpiQuery } from '../kpis/kpi-query.ts';
import { EXPORT_BATCH_SIZE, exportLayout, exportSource, type ExportKind, type ExportOptions } from './export-rows.ts';

export const DRILL_KIND_OF: Record<ExportKind, DrillKind> = {
  accounts: 'ACCOUNT',
  contacts: 'CONTACT',
  opportunities: 'OPPORTUNITY',
  activities: 'ACTIVITY',
  quotes: 'QUOTE',
  orders: 'ORDER',
  invoices: 'INVOICE',
};

/** A drill-down as its connection takes it: the figure, its period, scope and asOf (in `kpi`), and a group. */
export interface KpiExportQuery {
  kind: ExportKind;
  kpi: KpiQuery;
  figure: string;
  group: DrillGroup;
}

/**
 * The rows of a drill-down's export: the header, then the records behind the figure in the
 * drill-down's order, paged by the drill-down itself (the set is defined in one place) and read
 * with the list export's columns, two statements per batch. The first page is read before the
 * header, so a bad figure or group is still an HTTP error.
 */
export async function* kpiExportRows(prisma: PrismaClient, query: KpiExportQuery, options: ExportOptions): AsyncGenerator<string[][]> {
  const source = await exportSource(prisma, query.kpi.viewer, query.kind, options.now ?? new Date());
  const layout = exportLayout(source.catalog, options);
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const pageAfter = (after: string | null) => drillDown(prisma, query.kpi, DRILL_KIND_OF[query.kind], query.figure, query.group, { first: batchSize, after });
  let page: DrillPage = await pageAfter(null);
  yield [layout.header];
  for (;;) {
    const ids = page.rows.map((row) => row.id);
    if (ids.length) {
      const records = new Map((await source.read({ where: { id: { in: ids } }, select: layout.select })).map((record) => [record.id as string, record]));
      yield ids.flatMap((id) => (records.has(id) ? [layout.cells(records.get(id)!)] : []));
    }
    if (!page.hasNextPage) return;
    page = await pageAfter(page.rows[page.rows.length - 1].cursor);
  }
}
