import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import {
  SettingsCreateForecastCategoryMutation,
  SettingsDeleteForecastCategoryMutation,
  SettingsForecastCategoriesQuery,
  SettingsRelabelForecastCategoryMutation,
  SettingsReorderForecastCategoriesMutation,
} from './keyed-lookup-queries.ts';
import { LookupListEditor } from './LookupListEditor.tsx';
import type { LookupActions } from './lookup-types.ts';

const FIELDS = { label: 'label', key: 'key' } as const;
// Also when the list was empty (the cached answer then names no entry type) or lost an entry.
const CHANGED = { additionalTypenames: ['ForecastCategory'] };

/** `/settings/forecast-categories`: the forecast categories of opportunities (won ones count as COMMIT, lost ones as OMITTED); the built-in ones stay. */
export function ForecastCategoriesPage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SettingsForecastCategoriesQuery, requestPolicy: 'cache-and-network', context: CHANGED });
  const [, create] = useMutation(SettingsCreateForecastCategoryMutation);
  const [, relabel] = useMutation(SettingsRelabelForecastCategoryMutation);
  const [, reorder] = useMutation(SettingsReorderForecastCategoriesMutation);
  const [, remove] = useMutation(SettingsDeleteForecastCategoryMutation);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('lookups.forecastCategories.title')} />;

  const actions: LookupActions = {
    create: async ({ key, label }) => {
      const result = await create({ key: key ?? '', label });
      return { outcome: result.data?.createForecastCategory, error: result.error };
    },
    change: async (entry, { label }) => {
      const result = await relabel({ key: entry.id, label });
      return { outcome: result.data?.relabelForecastCategory, error: result.error };
    },
    reorder: async (keys) => {
      const result = await reorder({ keys });
      return { outcome: result.data?.reorderForecastCategories, error: result.error };
    },
    remove: async (entry) => {
      const result = await remove({ key: entry.id }, CHANGED);
      return { outcome: result.data?.deleteForecastCategory, error: result.error };
    },
  };

  return (
    <LookupListEditor
      title={t('lookups.forecastCategories.title')}
      intro={t('lookups.forecastCategories.intro')}
      labelCaption={t('lookups.field.label')}
      entries={data.forecastCategories.map((entry) => ({ id: entry.key, key: entry.key, label: entry.label, builtIn: entry.builtIn }))}
      fields={FIELDS}
      actions={actions}
      refusals={(entry) => ({ IN_USE: t('lookups.inUseByOpportunities', { name: entry.label }) })}
      testId="forecast-categories"
    />
  );
}
