import { useEffect, useRef } from 'react';
import { useSubscription, type AnyVariables, type TypedDocumentNode } from 'urql';

/** Events kept between two renders; far more than can arrive in one. */
const BUFFER = 200;

/**
 * Calls `onEvent` once for every result of a subscription, in order. urql's own result holds
 * only the latest one, and several can arrive before React renders; so the results are collected
 * by a pure handler and handed over once each.
 */
export function useEachSubscriptionEvent<Data, Variables extends AnyVariables, Event extends object>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  pick: (data: Data) => Event,
  onEvent: (event: Event) => void,
) {
  const collect = (previous: Event[] = [], data: Data) => [...previous.slice(-BUFFER + 1), pick(data)];
  const [{ data: events }] = useSubscription<Data, Event[], Variables>({ query, variables }, collect);
  const handled = useRef(new WeakSet<Event>());
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    for (const event of events ?? []) {
      if (handled.current.has(event)) continue;
      handled.current.add(event);
      latest.current(event);
    }
  }, [events]);
}
