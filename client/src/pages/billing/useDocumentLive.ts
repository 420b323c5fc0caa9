import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useSubscription, type TypedDocumentNode } from 'urql';
import { useViewer } from '../../hooks/useViewer.ts';
import { eventKey } from './billing-labels.ts';
import { DocumentChangedSubscription } from './billing-queries.ts';

/** Our own changes come back as events too; the mutation's result has them already. */
const ECHO_DELAY_MS = 300;

type Scope = { documentId: string } | { opportunityId: string } | { accountId: string };

/**
 * Keeps a page that shows documents current: every change of a document in the scope (one
 * document, or those of an opportunity or account) reloads it once per burst, and changes by
 * others are announced.
 */
export function useDocumentLive(scope: Scope, viewerId: string | undefined, reload: () => void) {
  const { t } = useTranslation();
  const [{ data }] = useSubscription({ query: DocumentChangedSubscription, variables: scope });
  const [notice, setNotice] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const latestReload = useRef(reload);
  latestReload.current = reload;

  useEffect(() => {
    const event = data?.documentChanged;
    if (!event) return;
    if (event.actor && event.actor.id !== viewerId) {
      const key = eventKey(event.event);
      setNotice(t('billing.detail.liveNotice', { name: event.actor.name, what: `${event.number} ${key ? t(key) : event.event}` }));
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => latestReload.current(), ECHO_DELAY_MS);
  }, [data, viewerId, t]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { notice, dismissNotice: () => setNotice(null) };
}

/** A document page's query by id, reloaded whenever the document changes; `live` has the notice of others' changes. */
export function useDocumentDetail<Data>(query: TypedDocumentNode<Data, { id: string }>, id: string) {
  const { viewer } = useViewer();
  const [{ data, error }, reexecute] = useQuery({ query, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const live = useDocumentLive({ documentId: id }, viewer?.id, reload);
  return { data, error, live };
}
