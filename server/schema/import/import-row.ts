import { builder } from '../../builder.ts';
import type { RowReport } from '../../domain/import/run-import.ts';
import { FieldErrorRef } from '../validation-error.ts';
import { ImportOutcomeEnum } from './import-outcome.ts';
import { ImportRecordRef } from './import-record.ts';

const ImportCellRef = builder.objectRef<RowReport['cells'][number]>('ImportCell').implement({
  description: 'A mapped cell as it is saved: a date as 2026-12-31, an amount as 1234.50, an owner by name.',
  fields: (t) => ({
    field: t.exposeString('field'),
    value: t.exposeString('value'),
  }),
});

export const ImportRowRef = builder.objectRef<RowReport>('ImportRow').implement({
  description: 'What became (or in a preview: would become) of one row of the file.',
  fields: (t) => ({
    rowNumber: t.exposeInt('rowNumber', { description: 'The row as a spreadsheet numbers it; the header is row 1.' }),
    outcome: t.field({ type: ImportOutcomeEnum, resolve: (row) => row.outcome }),
    errors: t.field({
      type: [FieldErrorRef],
      description: '`field` is the import field (e.g. `amount`, `account.name`); empty for the row as a whole.',
      resolve: (row) => row.errors,
    }),
    cells: t.field({ type: [ImportCellRef], resolve: (row) => row.cells }),
    record: t.field({ type: ImportRecordRef, nullable: true, resolve: (row) => row.record ?? null }),
    duplicateOf: t.field({ type: ImportRecordRef, nullable: true, resolve: (row) => row.duplicateOf ?? null }),
    linked: t.field({ type: [ImportRecordRef], description: 'The account and contact of the row, found or created.', resolve: (row) => row.linked }),
  }),
});
