import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import {
  SettingsCreatePriorityMutation,
  SettingsDeletePriorityMutation,
  SettingsPrioritiesQuery,
  SettingsRelabelPriorityMutation,
  SettingsReorderPrioritiesMutation,
} from './keyed-lookup-queries.ts';
import { LookupListEditor } from './LookupListEditor.tsx';
import type { LookupActions } from './lookup-types.ts';

const FIELDS = { label: 'label', key: 'key' } as const;
// Also when the list was empty (the cached answer then names no entry type) or lost an entry.
const CHANGED = { additionalTypenames: ['Priority'] };

/** `/settings/priorities`: the priorities of opportunities; the built-in ones stay. */
export function PrioritiesPage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SettingsPrioritiesQuery, requestPolicy: 'cache-and-network', context: CHANGED });
  const [, create] = useMutation(SettingsCreatePriorityMutation);
  const [, relabel] = useMutation(SettingsRelabelPriorityMutation);
  const [, reorder] = useMutation(SettingsReorderPrioritiesMutation);
  const [, remove] = useMutation(SettingsDeletePriorityMutation);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('lookups.priorities.title')} />;

  const actions: LookupActions = {
    create: async ({ key, label }) => {
      const result = await create({ key: key ?? '', label });
      return { outcome: result.data?.createPriority, error: result.error };
    },
    change: async (entry, { label }) => {
      const result = await relabel({ key: entry.id, label });
      return { outcome: result.data?.relabelPriority, error: result.error };
    },
    reorder: async (keys) => {
      const result = await reorder({ keys });
      return { outcome: result.data?.reorderPriorities, error: result.error };
    },
    remove: async (entry) => {
      const result = await remove({ key: entry.id }, CHANGED);
      return { outcome: result.data?.deletePriority, error: result.error };
    },
  };

  return (
    <LookupListEditor
      title={t('lookups.priorities.title')}
      intro={t('lookups.priorities.intro')}
      labelCaption={t('lookups.field.label')}
      entries={data.priorities.map((entry) => ({ id: entry.key, key: entry.key, label: entry.label, builtIn: entry.builtIn }))}
      fields={FIELDS}
      actions={actions}
      refusals={(entry) => ({ IN_USE: t('lookups.inUseByOpportunities', { name: entry.label }) })}
      testId="priorities"
    />
  );
}
