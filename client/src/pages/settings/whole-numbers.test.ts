import { describe, expect, it } from 'vitest';
import { readPercentage } from './whole-numbers.ts';

describe('readPercentage', () => {
  it('reads whole numbers, with or without a percent sign', () => {
    expect(readPercentage('40')).toBe(40);
    expect(readPercentage(' 40 % ')).toBe(40);
    expect(readPercentage('0')).toBe(0);
    // The range is the server's to check (it answers TOO_LARGE with the limit).
    expect(readPercentage('150')).toBe(150);
  });

  it('refuses blank text, decimals and words', () => {
    for (const text of ['', '  ', '12,5', '12.5', '-3', 'forty']) expect(readPercentage(text), text).toBeUndefined();
  });
});
