import { describe, expect, it } from 'vitest';
import { assertCompleteOrder, plural } from './admin-edit.ts';
import { ValidationError } from './errors.ts';

function orderError(given: string[], existing: string[]) {
  try {
    assertCompleteOrder(given, existing, 'ids');
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors;
  }
}

describe('assertCompleteOrder', () => {
  it('accepts any permutation of the existing entries', () => {
    expect(orderError(['c', 'a', 'b'], ['a', 'b', 'c'])).toBeNull();
    expect(orderError([], [])).toBeNull();
  });

  it.each([
    ['a missing entry', ['a', 'b'], ['a', 'b', 'c']],
    ['an unknown entry', ['a', 'b', 'x'], ['a', 'b', 'c']],
    ['a repeated entry', ['a', 'a', 'b'], ['a', 'b', 'c']],
    ['an extra entry', ['a', 'b', 'c', 'd'], ['a', 'b', 'c']],
  ])('refuses %s', (_case, given, existing) => {
    expect(orderError(given, existing)).toEqual([
      { field: 'ids', reason: 'MISMATCH', message: 'List each of the 3 entries exactly once.' },
    ]);
  });
});

describe('plural', () => {
  it('counts in words', () => {
    expect(plural(1, 'opportunity', 'opportunities')).toBe('1 opportunity');
    expect(plural(0, 'record', 'records')).toBe('0 records');
  });
});
