import { builder } from '../builder.ts';

export const LocaleEnum = builder.enumType('Locale', {
  description: 'Interface language.',
  values: { DE: { description: 'Deutsch' }, EN: { description: 'English' } } as const,
});
