import { builder } from '../builder.ts';

export const SortDirection = builder.enumType('SortDirection', {
  values: { ASC: { value: 'asc' }, DESC: { value: 'desc' } } as const,
});
