import { builder } from '../builder.ts';
import { ValidationError, type FieldError } from '../domain/errors.ts';
import { ErrorInterface } from './error.ts';

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'What is wrong with one input field.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Path of the input field, e.g. `email` or `address.postalCode`.' }),
    reason: t.exposeString('reason', { description: 'Machine-readable reason, e.g. REQUIRED, TOO_LONG, INVALID_EMAIL.' }),
    message: t.exposeString('message'),
    limit: t.float({
      nullable: true,
      description: 'The bound that TOO_LONG, TOO_SHORT, TOO_LARGE and TOO_SMALL refer to (characters, entries or the value).',
      resolve: (error) => error.limit ?? null,
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was rejected; nothing was written.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldErrorRef], resolve: (error) => error.fieldErrors }),
  }),
});
