import { queryObjects } from 'node:v8';
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import { createServerPubSub } from '../pubsub.ts';
import { subscriptionGuard } from './subscription-guard.ts';

/** An event's result of its own class, so the results still on the heap can be counted. */
class CountedResult implements ExecutionResult {
  constructor(readonly data: { version: number }) {}
}

const viewer: Viewer = { id: 'user', name: 'Uwe', email: 'uwe@example.com', role: 'SALES', teamIds: ['team'], readOnly: false, via: 'session', credentialId: 'session', expiresAt: null };

/** The guard's stream over `source`, as the subscription guard plugin hands it to the transport. */
function guarded(source: AsyncIterable<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
  const context = { viewer, pubsub: createServerPubSub().pubsub } as unknown as Context;
  const hooks = (subscriptionGuard().onSubscribe as (payload: unknown) => { onSubscribeResult(payload: unknown): void })({ args: { contextValue: context } });
  let stream: AsyncIterableIterator<ExecutionResult> | undefined;
  hooks.onSubscribeResult({ result: source, setResult: (result: AsyncIterableIterator<ExecutionResult>) => (stream = result) });
  return stream!;
}

/** Yields `count` results, then stays open without further events, like a quiet board. */
async function* events(count: number) {
  for (let version = 1; version <= count; version += 1) yield new CountedResult({ version });
  await new Promise(() => {});
}

describe('a guarded subscription', () => {
  it('keeps none of the results it has delivered while it stays open', async () => {
    const stream = guarded(events(2_000));
    for (let delivered = 1; delivered <= 2_000; delivered += 1) {
      const next = await stream.next();
      expect(next.value).toMatchObject({ data: { version: delivered } });
    }
    // queryObjects counts after a full garbage collection. The last result may still be referenced by
    // the stream's machinery; the other 1,999 must be gone.
    expect(queryObjects(CountedResult, { format: 'count' })).toBeLessThan(10);
    await stream.return?.();
  });
});
