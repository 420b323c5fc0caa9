import { builder } from '../../builder.ts';
import type { ImportColumn } from '../../domain/import/run-import.ts';
import { ImportFieldRef } from './import-field.ts';

export const ImportColumnRef = builder.objectRef<ImportColumn>('ImportColumn').implement({
  description: 'A column of the import file and the field it is read as.',
  fields: (t) => ({
    header: t.exposeString('header'),
    field: t.field({ type: ImportFieldRef, nullable: true, description: 'Null: the column is ignored.', resolve: (column) => column.field }),
    samples: t.exposeStringList('samples', { description: 'The first few values of the column.' }),
  }),
});
