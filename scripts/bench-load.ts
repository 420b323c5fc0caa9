// Load helpers shared by the benchmarks: a closed loop of concurrent requests, percentiles,
// formatting, resident memory of a process.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Keeps `concurrency` requests in flight for `durationMs` and records each latency. */
export async function load(request: () => Promise<unknown>, durationMs: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        await request();
        latencies.push(performance.now() - begin);
      }
    }),
  );
  return summarise(latencies, (performance.now() - started) / 1000);
}

/**
 * Runs the two loads in alternating slices (a, b, a, b, …) and merges each one's slices, so that
 * both see the same share of whatever else the machine is doing.
 */
export async function alternate(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  durationMs: number,
  concurrency: number,
  slices = 4,
): Promise<[LoadResult, LoadResult]> {
  const parts: [LoadResult[], LoadResult[]] = [[], []];
  for (let slice = 0; slice < slices; slice += 1) {
    parts[0].push(await load(a, durationMs / slices, concurrency));
    parts[1].push(await load(b, durationMs / slices, concurrency));
  }
  return [merge(parts[0]), merge(parts[1])];
}

/** Slices merged: throughput over their summed time, percentiles weighted by requests (approximate). */
function merge(results: LoadResult[]): LoadResult {
  const requests = results.reduce((sum, result) => sum + result.requests, 0);
  const seconds = results.reduce((sum, result) => sum + result.requests / result.rps, 0);
  const weighted = (key: 'p50' | 'p95' | 'p99') => results.reduce((sum, result) => sum + result[key] * result.requests, 0) / requests;
  return { requests, rps: requests / seconds, p50: weighted('p50'), p95: weighted('p95'), p99: weighted('p99'), max: Math.max(...results.map((result) => result.max)) };
}

export function summarise(latencies: number[], seconds: number): LoadResult {
  const at = percentiles(latencies);
  return { requests: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN;
}

export function formatLoad(result: LoadResult) {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `${result.rps.toFixed(0).padStart(5)} req/s  p50 ${ms(result.p50)}  p95 ${ms(result.p95)}  p99 ${ms(result.p99)}  max ${ms(result.max)}  (${result.requests} requests)`;
}

/** Resident set size of a process in bytes (Linux). */
export function residentMemory(pid: number = process.pid): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
