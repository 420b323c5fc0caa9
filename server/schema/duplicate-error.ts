import { builder } from '../builder.ts';
import { DuplicateAccountError } from '../domain/accounts.ts';
import { DuplicateContactError } from '../domain/contacts.ts';
import { AccountRef } from './account.ts';
import { ContactRef } from './contact.ts';
import { ErrorInterface } from './error.ts';

builder.objectType(DuplicateAccountError, {
  name: 'DuplicateAccountError',
  description: 'Similar accounts exist. Nothing was written; send `allowDuplicate: true` to save anyway.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DuplicateAccountError,
  fields: (t) => ({
    matchedOn: t.exposeString('matchedOn'),
    existing: t.field({ type: [AccountRef], resolve: (error) => error.existing }),
  }),
});

builder.objectType(DuplicateContactError, {
  name: 'DuplicateContactError',
  description: 'Similar contacts exist. Nothing was written; send `allowDuplicate: true` to save anyway.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DuplicateContactError,
  fields: (t) => ({
    matchedOn: t.exposeString('matchedOn'),
    existing: t.field({ type: [ContactRef], resolve: (error) => error.existing }),
  }),
});
