import { wallTimeOf } from './zoned-time.ts';

/**
 * The week's activities by the organisation's calendar day they are due on, in the order the API
 * gives (by due time); every day of the week has its list, empty or not.
 */
export function byDay<Item extends { dueAt?: string | null }>(items: readonly Item[], days: readonly string[], timeZone: string): Map<string, Item[]> {
  const result = new Map(days.map((day) => [day, [] as Item[]]));
  for (const item of items) {
    if (!item.dueAt) continue;
    result.get(wallTimeOf(item.dueAt, timeZone).date)?.push(item);
  }
  return result;
}

/** When an entry ends, for "09:00–10:30"; null without a duration. */
export function endOf(dueAt: string, durationMinutes: number | null | undefined): string | null {
  return durationMinutes ? new Date(new Date(dueAt).getTime() + durationMinutes * 60_000).toISOString() : null;
}
