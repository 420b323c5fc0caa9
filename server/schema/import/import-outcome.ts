import { builder } from '../../builder.ts';

export const ImportOutcomeEnum = builder.enumType('ImportOutcome', {
  values: {
    IMPORTED: { description: 'The row created its record.' },
    MERGED: { description: 'The row filled empty fields of an existing record.' },
    SKIPPED: { description: 'The row matched an existing record and was left out.' },
    FAILED: { description: 'Nothing of the row was written; `errors` say why.' },
  } as const,
});
