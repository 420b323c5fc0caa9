import { useRef } from 'react';
import { createSearchParams, useSearchParams, type NavigateOptions, type URLSearchParamsInit } from 'react-router';

type Change = URLSearchParamsInit | ((latest: URLSearchParams) => URLSearchParamsInit);

/**
 * The URL's query string, like react-router's useSearchParams, except that a change given as a
 * function starts from the latest change rather than from the last render. React-router hands its
 * updater the params the page rendered with, and a data router renders the new URL only after the
 * navigation settles; two changes in between (one filter, then the next, on a busy machine) would
 * otherwise lose the first.
 */
export function useQueryParams() {
  const [params, setParams] = useSearchParams();
  // The change not yet rendered, and the params it was made on: once the page renders other
  // params (this navigation or another), they are the latest.
  const pending = useRef<{ on: URLSearchParams; next: URLSearchParams } | null>(null);
  function change(next: Change, options?: NavigateOptions) {
    const latest = pending.current?.on === params ? pending.current.next : params;
    const resolved = createSearchParams(typeof next === 'function' ? next(new URLSearchParams(latest)) : next);
    pending.current = { on: params, next: resolved };
    setParams(resolved, options);
  }
  return [params, change] as const;
}
