import { builder } from '../../builder.ts';
import { IMPORT_KINDS } from '../../domain/import/fields.ts';

export const ImportKindEnum = builder.enumType('ImportKind', {
  description: 'What the rows of an import file are.',
  values: IMPORT_KINDS,
});
