import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { LookupListEditor } from './LookupListEditor.tsx';
import type { LookupActions } from './lookup-types.ts';
import {
  SettingsCreateLossReasonMutation,
  SettingsDeleteLossReasonMutation,
  SettingsLossReasonsQuery,
  SettingsRenameLossReasonMutation,
  SettingsReorderLossReasonsMutation,
  SettingsSetLossReasonActiveMutation,
} from './named-lookup-queries.ts';

const FIELDS = { label: 'name' } as const;
// Also when the list was empty (the cached answer then names no entry type) or lost an entry.
const CHANGED = { additionalTypenames: ['LossReason'] };

/** `/settings/loss-reasons`: why opportunities are lost, in the order the close dialog offers them. */
export function LossReasonsPage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SettingsLossReasonsQuery, requestPolicy: 'cache-and-network', context: CHANGED });
  const [, create] = useMutation(SettingsCreateLossReasonMutation);
  const [, rename] = useMutation(SettingsRenameLossReasonMutation);
  const [, setActive] = useMutation(SettingsSetLossReasonActiveMutation);
  const [, reorder] = useMutation(SettingsReorderLossReasonsMutation);
  const [, remove] = useMutation(SettingsDeleteLossReasonMutation);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('lookups.lossReasons.title')} />;

  const actions: LookupActions = {
    create: async ({ label }) => {
      const result = await create({ name: label });
      return { outcome: result.data?.createLossReason, error: result.error };
    },
    change: async (entry, { label }) => {
      const result = await rename({ id: entry.id, name: label });
      return { outcome: result.data?.renameLossReason, error: result.error };
    },
    setActive: async (entry, active) => {
      const result = await setActive({ id: entry.id, active });
      return { outcome: result.data?.setLossReasonActive, error: result.error };
    },
    reorder: async (ids) => {
      const result = await reorder({ ids });
      return { outcome: result.data?.reorderLossReasons, error: result.error };
    },
    remove: async (entry) => {
      const result = await remove({ id: entry.id }, CHANGED);
      return { outcome: result.data?.deleteLossReason, error: result.error };
    },
  };

  return (
    <LookupListEditor
      title={t('lookups.lossReasons.title')}
      intro={t('lookups.lossReasons.intro')}
      labelCaption={t('lookups.field.name')}
      entries={data.lossReasons.map((reason) => ({ id: reason.id, label: reason.name, active: reason.active }))}
      fields={FIELDS}
      actions={actions}
      refusals={(entry) => ({ IN_USE: t('lookups.inUseDeactivate', { name: entry.label }) })}
      testId="loss-reasons"
    />
  );
}
