import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './live-connection.ts';

describe('retryDelayMs', () => {
  it('doubles from one second up to thirty, drawn between half and all of that', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((retries) => retryDelayMs(retries, () => 1))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect([0, 3, 10].map((retries) => retryDelayMs(retries, () => 0))).toEqual([500, 4_000, 15_000]);
  });
});
