import { builder } from '../../builder.ts';

export const DuplicatePolicyEnum = builder.enumType('DuplicatePolicy', {
  description: 'What an import does with a row that matches an existing record (the duplicate rules of the forms).',
  values: {
    SKIP: { description: 'Leave the existing record as it is and skip the row.' },
    MERGE: { description: "Fill the existing record's empty fields from the row." },
    CREATE: { description: 'Create a new record anyway.' },
  } as const,
});
