import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import {
  SettingsCreateLifecycleStatusMutation,
  SettingsDeleteLifecycleStatusMutation,
  SettingsLifecycleStatusesQuery,
  SettingsRelabelLifecycleStatusMutation,
  SettingsReorderLifecycleStatusesMutation,
} from './keyed-lookup-queries.ts';
import { LookupListEditor } from './LookupListEditor.tsx';
import type { LookupActions } from './lookup-types.ts';

const FIELDS = { label: 'label', key: 'key' } as const;
// Also when the list was empty (the cached answer then names no entry type) or lost an entry.
const CHANGED = { additionalTypenames: ['LifecycleStatus'] };

/**
 * `/settings/customer-statuses`: the statuses of accounts and contacts (seed 004: Aktiv, Konkurs,
 * Fusionerat); PROSPECT, CUSTOMER and INACTIVE are built in, a won deal makes its account a CUSTOMER.
 */
export function CustomerStatusesPage() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SettingsLifecycleStatusesQuery, requestPolicy: 'cache-and-network', context: CHANGED });
  const [, create] = useMutation(SettingsCreateLifecycleStatusMutation);
  const [, relabel] = useMutation(SettingsRelabelLifecycleStatusMutation);
  const [, reorder] = useMutation(SettingsReorderLifecycleStatusesMutation);
  const [, remove] = useMutation(SettingsDeleteLifecycleStatusMutation);

  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Loading what={t('lookups.customerStatuses.title')} />;

  const actions: LookupActions = {
    create: async ({ key, label }) => {
      const result = await create({ key: key ?? '', label });
      return { outcome: result.data?.createLifecycleStatus, error: result.error };
    },
    change: async (entry, { label }) => {
      const result = await relabel({ key: entry.id, label });
      return { outcome: result.data?.relabelLifecycleStatus, error: result.error };
    },
    reorder: async (keys) => {
      const result = await reorder({ keys });
      return { outcome: result.data?.reorderLifecycleStatuses, error: result.error };
    },
    remove: async (entry) => {
      const result = await remove({ key: entry.id }, CHANGED);
      return { outcome: result.data?.deleteLifecycleStatus, error: result.error };
    },
  };

  return (
    <LookupListEditor
      title={t('lookups.customerStatuses.title')}
      intro={t('lookups.customerStatuses.intro')}
      labelCaption={t('lookups.field.label')}
      entries={data.lifecycleStatuses.map((entry) => ({ id: entry.key, key: entry.key, label: entry.label, builtIn: entry.builtIn }))}
      fields={FIELDS}
      actions={actions}
      refusals={(entry) => ({ IN_USE: t('lookups.inUseByCustomers', { name: entry.label }) })}
      testId="customer-statuses"
    />
  );
}
