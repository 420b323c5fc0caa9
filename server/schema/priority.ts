import { builder } from '../builder.ts';
import { keyedLookupFields } from './keyed-lookup.ts';

export const PriorityRef = builder.prismaObject('Priority', {
  description: 'Priority of an opportunity. HIGH, MEDIUM and LOW are built in.',
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    builtIn: t.exposeBoolean('builtIn', { description: 'Built-in entries cannot be deleted.' }),
  }),
});

keyedLookupFields('priority', PriorityRef, { one: 'Priority', many: 'Priorities', query: 'priorities', what: 'priority' });
