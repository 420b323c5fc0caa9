import { builder } from '../../builder.ts';
import type { ImportReport } from '../../domain/import/run-import.ts';
import { ImportColumnRef } from './import-column.ts';
import { ImportKindEnum } from './import-kind.ts';
import { ImportRowRef } from './import-row.ts';

const ImportCountsRef = builder.objectRef<ImportReport['counts']>('ImportCounts').implement({
  fields: (t) => ({
    imported: t.exposeInt('IMPORTED'),
    merged: t.exposeInt('MERGED'),
    skipped: t.exposeInt('SKIPPED'),
    failed: t.exposeInt('FAILED'),
  }),
});

export const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description: 'The rows of an import and what became of each; a preview holds the first rows only.',
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, resolve: (report) => report.kind }),
    delimiter: t.exposeString('delimiter', { description: 'The delimiter found in the header: `;`, `,` or a tab.' }),
    columns: t.field({ type: [ImportColumnRef], resolve: (report) => report.columns }),
    rowCount: t.exposeInt('rowCount', { description: 'Data rows in the file.' }),
    counts: t.field({ type: ImportCountsRef, resolve: (report) => report.counts }),
    rows: t.field({ type: [ImportRowRef], resolve: (report) => report.rows }),
  }),
});
