import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { LookupListEditor } from './LookupListEditor.tsx';
import type { LookupActions } from './lookup-types.ts';
import {
  SettingsCreateSourceMutation,
  SettingsDeleteSourceMutation,
  SettingsSourcesQuery,
  SettingsRenameSourceMutation,
  SettingsReorderSourcesMutation,
  SettingsSetSourceActiveMutation,
} from './named-lookup-queries.ts';

const FIELDS = { label: 'name' } as const;
// Also when the list was empty (the cached answer then names no entry type) or lost an entry.
const CHANGED = { additionalTypenames: ['Source'] };

/** `/settings/sources`: where accounts, contacts and opportunities come from, in the order the forms offer them. */
export function SourcesPage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SettingsSourcesQuery, requestPolicy: 'cache-and-network', context: CHANGED });
  const [, create] = useMutation(SettingsCreateSourceMutation);
  const [, rename] = useMutation(SettingsRenameSourceMutation);
  const [, setActive] = useMutation(SettingsSetSourceActiveMutation);
  const [, reorder] = useMutation(SettingsReorderSourcesMutation);
  const [, remove] = useMutation(SettingsDeleteSourceMutation);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('lookups.sources.title')} />;

  const actions: LookupActions = {
    create: async ({ label }) => {
      const result = await create({ name: label });
      return { outcome: result.data?.createSource, error: result.error };
    },
    change: async (entry, { label }) => {
      const result = await rename({ id: entry.id, name: label });
      return { outcome: result.data?.renameSource, error: result.error };
    },
    setActive: async (entry, active) => {
      const result = await setActive({ id: entry.id, active });
      return { outcome: result.data?.setSourceActive, error: result.error };
    },
    reorder: async (ids) => {
      const result = await reorder({ ids });
      return { outcome: result.data?.reorderSources, error: result.error };
    },
    remove: async (entry) => {
      const result = await remove({ id: entry.id }, CHANGED);
      return { outcome: result.data?.deleteSource, error: result.error };
    },
  };

  return (
    <LookupListEditor
      title={t('lookups.sources.title')}
      intro={t('lookups.sources.intro')}
      labelCaption={t('lookups.field.name')}
      entries={data.sources.map((source) => ({ id: source.id, label: source.name, active: source.active }))}
      fields={FIELDS}
      actions={actions}
      refusals={(entry) => ({ IN_USE: t('lookups.inUseDeactivate', { name: entry.label }) })}
      testId="sources"
    />
  );
}
