import type { ActivityType } from '../../gql/graphql.ts';

/** The activity types in the order forms offer them; each is named by `activities.type.<TYPE>`. */
export const ACTIVITY_TYPES: readonly ActivityType[] = ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE'];

/** `<input type="datetime-local">` text (local time) as an ISO instant, or null for blank. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
