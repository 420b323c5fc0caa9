import { useState } from 'react';
import { changedKeys, rebase } from './form-rebase.ts';

interface State<Values> {
  values: Values;
  /** What the server had when the form last took its data; the diff against it is what a save sends. */
  base: Values;
  /** The version that `base` is; a save sends it, so the server can tell us it changed since. */
  version: number;
  /** The newest server version this form has seen. */
  seen: number;
}

/**
 * Form state for a record that can change under the form (see rebase): follows new server data
 * field by field, and remembers the version the user's edits are based on.
 */
export function useRebasingForm<Values extends Record<string, string>>(fresh: Values, freshVersion: number) {
  const [state, setState] = useState<State<Values>>(() => ({ values: fresh, base: fresh, version: freshVersion, seen: freshVersion }));

  // New data from the server (adjusting state while rendering, as React recommends over an effect).
  let current = state;
  if (freshVersion !== state.seen) {
    const { values, conflicts } = rebase(state.values, state.base, fresh);
    current =
      conflicts.length === 0
        ? { values, base: fresh, version: freshVersion, seen: freshVersion }
        : { ...state, values, seen: freshVersion };
    setState(current);
  }

  return {
    values: current.values,
    base: current.base,
    version: current.version,
    changed: changedKeys(current.values, current.base),
    set(patch: Partial<Values>) {
      setState((previous) => ({ ...previous, values: { ...previous.values, ...patch } }));
    },
    /** Starts over from this server state (after a save, or to throw away the edits). */
    reset(values: Values, version: number) {
      setState({ values, base: values, version, seen: version });
    },
  };
}
