// Loaded into a benchmarked server process only (`node --expose-gc --import
// ./scripts/bench-memory-probe.ts`): answers the benchmark's messages over the IPC channel with
// the process's memory (after a full garbage collection when asked) or a heap snapshot.
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';

export type ProbeRequest = { id: number } & ({ type: 'memory'; collect: boolean } | { type: 'heap-snapshot'; file: string });
export type ProbeReply = { id: number } & ({ type: 'memory'; rss: number; heapUsed: number; external: number; cpuMs: number; gcMs: number } | { type: 'heap-snapshot'; file: string });
export type MemoryReply = Extract<ProbeReply, { type: 'memory' }>;

const RELEASE_MS = 1_000;

/** Time spent in garbage collections so far (pauses on the main thread), to weigh V8 heap settings. */
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

if (process.send) {
  // The channel must not keep the server alive once it closes its listeners on SIGTERM.
  process.channel?.unref();
  process.on('message', async (message: ProbeRequest) => {
    if (message.type === 'memory') {
      if (message.collect) globalThis.gc?.();
      const { heapUsed, external } = process.memoryUsage();
      // V8 hands the freed pages back to the system from a background thread, within ~100 ms:
      // read at once, the resident memory after a collection was the one before it. (The heap is
      // read at once: the load goes on meanwhile.)
      if (message.collect) await sleep(RELEASE_MS);
      const { user, system } = process.cpuUsage();
      const cpuMs = (user + system) / 1000;
      process.send!({ id: message.id, type: 'memory', rss: process.memoryUsage.rss(), heapUsed, external, cpuMs, gcMs } satisfies ProbeReply);
    } else if (message.type === 'heap-snapshot') {
      process.send!({ id: message.id, type: 'heap-snapshot', file: writeHeapSnapshot(message.file) } satisfies ProbeReply);
    }
  });
}
