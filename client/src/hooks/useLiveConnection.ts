import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { LiveState } from '../session/live-connection.ts';
import { useSession } from '../session/SessionProvider.tsx';

const SIGNED_OUT: LiveState = { status: 'connecting', connections: 0 };
const noSubscription = () => () => {};

/** The state of the session's live connection, re-rendering when it changes. */
export function useLiveConnection(): LiveState {
  const { live } = useSession();
  return useSyncExternalStore(live?.subscribe ?? noSubscription, live?.getState ?? (() => SIGNED_OUT));
}

/**
 * Calls `catchUp` each time the live connection comes back after it had dropped: events sent
 * while it was down are lost, so the caller fetches what it shows again.
 */
export function useCatchUpAfterReconnect(catchUp: () => void) {
  const { connections } = useLiveConnection();
  const seen = useRef(connections);
  const latest = useRef(catchUp);
  latest.current = catchUp;
  useEffect(() => {
    const before = seen.current;
    seen.current = connections;
    if (before > 0 && connections > before) latest.current();
  }, [connections]);
}
