import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { fieldLabel } from '../../components/opportunity/history-format.ts';
import { OpportunityChangedSubscription } from './opportunity-queries.ts';

/** Our own changes come back as events too; by then the mutation's refetch usually has them. */
const ECHO_DELAY_MS = 400;

/**
 * Keeps an open opportunity page current: every change by anyone (another user, another tab)
 * reloads what the page shows, once per burst; changes by others are also announced.
 */
export function useOpportunityLive(opportunity: { id: string; version: number }, viewerId: string | undefined, reload: () => void) {
  const { t } = useTranslation();
  const [{ data }] = useSubscription({ query: OpportunityChangedSubscription, variables: { id: opportunity.id } });
  const [notice, setNotice] = useState<string | null>(null);
  /** Bumped when the page must fetch its parts (activities, history) again. */
  const [refreshKey, setRefreshKey] = useState(0);
  const shownVersion = useRef(opportunity.version);
  shownVersion.current = opportunity.version;
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const event = data?.opportunityChanged;
    if (!event) return;
    if (event.actor.id !== viewerId) setNotice(describe(t, event));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (event.kind === 'UPDATED' && event.version <= shownVersion.current) return;
      reload();
      setRefreshKey((key) => key + 1);
    }, ECHO_DELAY_MS);
    // Only a new event matters.
  }, [data]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { notice, dismissNotice: () => setNotice(null), refreshKey };
}

function describe(t: TFunction, event: { kind: string; actor: { name: string }; changes: readonly { field: string }[] }): string {
  if (event.kind === 'DELETED') return t('opportunity.live.deleted', { name: event.actor.name });
  if (event.kind === 'REMOVED') return t('opportunity.live.removed');
  const fields = [...new Set(event.changes.map((change) => change.field).filter((field) => field !== 'weightedAmount').map((field) => fieldLabel(t, field)))];
  return fields.length > 0
    ? t('opportunity.live.changedFields', { name: event.actor.name, fields: fields.join(', ') })
    : t('opportunity.live.changed', { name: event.actor.name });
}
