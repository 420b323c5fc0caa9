import { builder } from '../builder.ts';
import { keyedLookupFields } from './keyed-lookup.ts';

export const LifecycleStatusRef = builder.prismaObject('LifecycleStatus', {
  description:
    'Customer (lifecycle) status of an account or contact. PROSPECT, CUSTOMER and INACTIVE are built in; administrators add others, such as BANKRUPT or MERGED.',
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    builtIn: t.exposeBoolean('builtIn', { description: 'Built-in entries cannot be deleted.' }),
  }),
});

keyedLookupFields('lifecycleStatus', LifecycleStatusRef, {
  one: 'LifecycleStatus',
  many: 'LifecycleStatuses',
  query: 'lifecycleStatuses',
  what: 'customer status',
});
