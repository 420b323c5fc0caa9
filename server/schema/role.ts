import { builder } from '../builder.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'ADMIN: everything and settings. MANAGER: all records of their teams. SALES: reads their teams\' records, writes their own. SERVICE: tickets; reads accounts and contacts.',
  values: ['ADMIN', 'MANAGER', 'SALES', 'SERVICE'] as const,
});
