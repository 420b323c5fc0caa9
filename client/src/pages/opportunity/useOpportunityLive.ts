import { useEffect, useRef, useState } from 'react';
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
    if (event.actor.id !== viewerId) setNotice(describe(event));
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

function describe(event: { kind: string; actor: { name: string }; changes: readonly { field: string }[] }): string {
  if (event.kind === 'DELETED') return `${event.actor.name} deleted this opportunity.`;
  if (event.kind === 'REMOVED') return 'This opportunity is no longer visible to you.';
  const fields = [...new Set(event.changes.map((change) => change.field).filter((field) => field !== 'weightedAmount').map(fieldLabel))];
  const what = fields.length > 0 ? ` (${fields.join(', ')})` : '';
  return `${event.actor.name} just changed this opportunity${what}. The page shows the new state.`;
}
