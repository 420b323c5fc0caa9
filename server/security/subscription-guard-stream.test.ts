import { setImmediate as turn } from 'node:timers/promises';
import { queryObjects } from 'node:v8';
import type { ExecutionResult } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
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
function guarded(source: AsyncIterable<ExecutionResult>, context: Partial<Context> = {}): AsyncIterableIterator<ExecutionResult> {
  const contextValue = { viewer, pubsub: createServerPubSub().pubsub, ...context } as unknown as Context;
  const hooks = (subscriptionGuard().onSubscribe as (payload: unknown) => { onSubscribeResult(payload: unknown): void })({ args: { contextValue } });
  let stream: AsyncIterableIterator<ExecutionResult> | undefined;
  hooks.onSubscribeResult({ result: source, setResult: (result: AsyncIterableIterator<ExecutionResult>) => (stream = result) });
  return stream!;
}

/** Yields `count` results, then stays open without further events, like a quiet board. */
async function* events(count: number) {
  for (let version = 1; version <= count; version += 1) yield new CountedResult({ version });
  await new Promise(() => {});
}

/** A source whose events the test sends one at a time. */
function eventSource() {
  const waiting: Array<(next: IteratorResult<ExecutionResult>) => void> = [];
  const queued: ExecutionResult[] = [];
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: () => {
      const value = queued.shift();
      return value ? Promise.resolve({ done: false, value }) : new Promise((resolve) => waiting.push(resolve));
    },
    return: async () => ({ done: true, value: undefined }),
    [Symbol.asyncIterator]: () => iterator,
  };
  const send = (version: number) => {
    const value = new CountedResult({ version });
    const next = waiting.shift();
    if (next) next({ done: false, value });
    else queued.push(value);
  };
  return { iterator, send };
}

/**
 * A context whose credential check waits for the test: `answer` settles the pending lookup of the
 * session (null: it has ended; a session: it still works).
 */
function checkedByTest() {
  const { pubsub } = createServerPubSub();
  let answer: ((session: unknown) => void) | undefined;
  const prisma = { session: { findUnique: () => new Promise((resolve) => (answer = resolve)) } };
  return {
    context: { pubsub, prisma } as unknown as Partial<Context>,
    /** Publishes a change of the user's access and waits until the guard checks the credential. */
    async startCheck() {
      pubsub.publish('access', viewer.id, {});
      await vi.waitFor(() => expect(answer).toBeDefined());
    },
    answer: (session: unknown) => answer!(session),
  };
}

const stillValid = {
  id: 'session',
  expiresAt: new Date(Date.now() + 3_600_000),
  user: { id: viewer.id, name: viewer.name, email: viewer.email, role: viewer.role, active: true, memberships: [{ teamId: 'team' }] },
};

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

  it('holds what arrives while its credential is checked, and delivers it once the credential still works', async () => {
    const source = eventSource();
    const check = checkedByTest();
    const stream = guarded(source.iterator, check.context);
    source.send(1);
    expect((await stream.next()).value).toMatchObject({ data: { version: 1 } });

    await check.startCheck();
    let delivered = false;
    const next = stream.next().then((result) => ((delivered = true), result));
    source.send(2);
    await turn();
    expect(delivered).toBe(false);
    check.answer(stillValid);
    expect((await next).value).toMatchObject({ data: { version: 2 } });
    source.send(3);
    expect((await stream.next()).value).toMatchObject({ data: { version: 3 } });
    await stream.return?.();
  });

  it('drops what arrived during the check when the session has ended, and ends with the reason', async () => {
    const source = eventSource();
    const check = checkedByTest();
    const stream = guarded(source.iterator, check.context);
    await check.startCheck();
    const next = stream.next();
    source.send(1);
    await turn();
    check.answer(null);
    expect(await next).toMatchObject({ done: false, value: { errors: [{ message: 'Your session has ended: sign in again.', extensions: { code: 'UNAUTHENTICATED' } }] } });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });
});
