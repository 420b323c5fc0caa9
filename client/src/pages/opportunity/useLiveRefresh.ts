import { useEffect, useRef } from 'react';
import type { OperationContext } from 'urql';

/** Fetches a query again from the server whenever `refreshKey` changes (not on mount). */
export function useLiveRefresh(refreshKey: number, reexecute: (opts?: Partial<OperationContext>) => void) {
  const first = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey !== first.current) reexecute({ requestPolicy: 'network-only' });
  }, [refreshKey, reexecute]);
}
