import { queryObjects } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { untilStopped } from './until-stopped.ts';

/** An event of its own class, so the events still on the heap can be counted. */
class CountedEvent {
  constructor(readonly version: number) {}
}

/** Yields `count` events, then stays open without further events, like a quiet board. */
async function* events(count: number) {
  for (let version = 1; version <= count; version += 1) yield new CountedEvent(version);
  await new Promise(() => {});
}

describe('untilStopped', () => {
  it('keeps none of the results it has handed out while the stream goes on', async () => {
    let stop!: () => void;
    const next = untilStopped(events(2_000), new Promise<void>((resolve) => (stop = resolve)));
    for (let version = 1; version <= 2_000; version += 1) expect((await next())?.value).toEqual(new CountedEvent(version));
    // queryObjects counts after a full garbage collection; with a race against the stop promise all 2,000 stay.
    expect(queryObjects(CountedEvent, { format: 'count' })).toBeLessThan(10);
    stop();
    expect(await next()).toBeNull();
  });

  it('answers null once stopped, also to the wait in progress', async () => {
    let stop!: () => void;
    const next = untilStopped(events(1), new Promise<void>((resolve) => (stop = resolve)));
    expect(await next()).toEqual({ done: false, value: new CountedEvent(1) });
    const waiting = next();
    stop();
    expect(await waiting).toBeNull();
    expect(await next()).toBeNull();
  });

  it("passes on the source's failure", async () => {
    const failing: AsyncIterator<never> = { next: () => Promise.reject(new Error('source failed')) };
    await expect(untilStopped(failing, new Promise(() => {}))()).rejects.toThrow('source failed');
  });
});
