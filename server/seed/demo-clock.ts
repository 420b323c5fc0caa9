/**
 * When the demo data happens. It was written around a design date (a Sunday morning, 1 November
 * 2026) and is loaded relative to the moment it is loaded: every date keeps its distance from the
 * reference moment, so a newcomer always sees current deals, a few overdue tasks and a few stale
 * deals, whenever the database is created. Every demo seed (pipeline, billing, ...) takes the one
 * reference that `seedDemoData` computes, so all of them agree.
 */
export const DEMO_DESIGN_DATE = new Date('2026-11-01T09:00:00Z');

export const DAY_MS = 86_400_000;

/**
 * The reference moment for demo data loaded at `loadedAt`: the design date moved by whole days to
 * the last 09:00 UTC at or before `loadedAt`. Whole days keep the content exactly the same apart
 * from the shift (calendar dates move by the same days as timestamps), and at 09:00 UTC every
 * demo timestamp (they lie up to eight hours before the reference's time of day) falls on the
 * same calendar day in UTC as in Europe/Berlin. Nothing is dated after `loadedAt`.
 */
export function demoReferenceDate(loadedAt: Date = new Date()): Date {
  const days = Math.floor((loadedAt.getTime() - DEMO_DESIGN_DATE.getTime()) / DAY_MS);
  return new Date(DEMO_DESIGN_DATE.getTime() + days * DAY_MS);
}

/** `days` whole days (and `hours`) before the reference. */
export function daysBeforeReference(reference: Date, days: number, hours = 0): Date {
  return new Date(reference.getTime() - days * DAY_MS - hours * 3_600_000);
}
