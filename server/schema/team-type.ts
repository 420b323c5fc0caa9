import { builder } from '../builder.ts';

export const TeamTypeEnum = builder.enumType('TeamType', {
  description: 'SALES teams sell and appear in budgets; SERVICE teams handle tickets; OTHER for anything else.',
  values: ['SALES', 'SERVICE', 'OTHER'] as const,
});
