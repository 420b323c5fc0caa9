import { afterEach, vi } from 'vitest';

// An unexpected console.error (a masked resolver crash, a Prisma warning) fails the test that
// caused it instead of scrolling past unnoticed.
const spy = vi.spyOn(console, 'error');

afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockClear();
  if (calls.length) throw new Error(`console.error was called:\n${calls.map((args) => args.join(' ')).join('\n')}`);
});
