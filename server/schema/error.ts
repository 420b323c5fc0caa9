import { builder } from '../builder.ts';
import type { DomainError } from '../domain/errors.ts';

/** Implemented by every error a mutation can return as data. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure, returned as data so clients can handle it per type.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'Stable machine-readable code, e.g. VALIDATION or DUPLICATE.' }),
  }),
});
