import { builder } from '../builder.ts';
import { keyedLookupFields } from './keyed-lookup.ts';

export const ForecastCategoryRef = builder.prismaObject('ForecastCategory', {
  description: 'How sure a forecast counts an opportunity. COMMIT, BEST_CASE, PIPELINE and OMITTED are built in.',
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    builtIn: t.exposeBoolean('builtIn', { description: 'Built-in entries cannot be deleted.' }),
  }),
});

keyedLookupFields('forecastCategory', ForecastCategoryRef, {
  one: 'ForecastCategory',
  many: 'ForecastCategories',
  query: 'forecastCategories',
  what: 'forecast category',
});
