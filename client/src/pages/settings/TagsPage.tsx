import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { LookupListEditor } from './LookupListEditor.tsx';
import type { LookupActions } from './lookup-types.ts';
import { SettingsCreateTagMutation, SettingsDeleteTagMutation, SettingsTagsQuery, SettingsUpdateTagMutation } from './named-lookup-queries.ts';

const FIELDS = { label: 'name', color: 'color' } as const;
// Also when the list was empty (the cached answer then names no entry type) or lost an entry.
const CHANGED = { additionalTypenames: ['Tag'] };

/** `/settings/tags`: the tags of accounts, contacts and opportunities, by name, each with its colour. */
export function TagsPage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SettingsTagsQuery, requestPolicy: 'cache-and-network', context: CHANGED });
  const [, create] = useMutation(SettingsCreateTagMutation);
  const [, update] = useMutation(SettingsUpdateTagMutation);
  const [, remove] = useMutation(SettingsDeleteTagMutation);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('lookups.tags.title')} />;

  const actions: LookupActions = {
    create: async ({ label, color }) => {
      const result = await create({ name: label, color });
      return { outcome: result.data?.createTag, error: result.error };
    },
    change: async (entry, { label, color }) => {
      const result = await update({ id: entry.id, name: label, color });
      return { outcome: result.data?.updateTag, error: result.error };
    },
    remove: async (entry) => {
      const result = await remove({ id: entry.id }, CHANGED);
      return { outcome: result.data?.deleteTag, error: result.error };
    },
  };

  return (
    <LookupListEditor
      title={t('lookups.tags.title')}
      intro={t('lookups.tags.intro')}
      labelCaption={t('lookups.field.name')}
      entries={data.tags.map((tag) => ({ id: tag.id, label: tag.name, color: tag.color }))}
      fields={FIELDS}
      actions={actions}
      refusals={(entry) => ({ IN_USE: t('lookups.inUse', { name: entry.label }) })}
      testId="tags"
    />
  );
}
