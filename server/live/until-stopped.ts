/**
 * Reads a stream inside a Repeater's executor until the repeater stops: each call resolves with
 * the source's next result, or with null once `stop` has settled (at once when it already has).
 *
 * Not `Promise.race([iterator.next(), stop])`: every race leaves a reaction on the stop promise,
 * which stays pending for the subscription's whole life, and the reaction holds the race's
 * promise and so the result it settled with. A live subscriber kept every event it had been sent
 * (the soak benchmark's thousand board subscribers grew the heap by ~250 KiB a move).
 */
export function untilStopped<T>(iterator: AsyncIterator<T>, stop: PromiseLike<unknown>): () => Promise<IteratorResult<T> | null> {
  let stopped = false;
  // Only the latest wait's: an earlier one has settled already, and settling it again does nothing.
  let wake: (() => void) | undefined;
  void stop.then(() => {
    stopped = true;
    wake?.();
  });
  return () => {
    if (stopped) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      wake = () => resolve(null);
      iterator.next().then(resolve, reject);
    });
  };
}
