import { builder } from '../builder.ts';

export const OpportunityKindEnum = builder.enumType('OpportunityKind', {
  description: 'LEAD until qualified and converted, then DEAL.',
  values: ['LEAD', 'DEAL'] as const,
});
