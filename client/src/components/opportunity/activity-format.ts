import type { ActivityStatus, ActivityType } from '../../gql/graphql.ts';

export const ACTIVITY_TYPES: readonly { value: ActivityType; label: string }[] = [
  { value: 'CALL', label: 'Call' },
  { value: 'EMAIL', label: 'E-mail' },
  { value: 'MEETING', label: 'Meeting' },
  { value: 'TASK', label: 'Task' },
  { value: 'NOTE', label: 'Note' },
];

const typeLabels = new Map(ACTIVITY_TYPES.map((type) => [type.value, type.label]));
export const activityTypeLabel = (type: ActivityType) => typeLabels.get(type) ?? type;

export const activityStatusLabel: Record<ActivityStatus, string> = {
  OPEN: 'Open',
  OVERDUE: 'Overdue',
  COMPLETED: 'Done',
};

const dueFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A due time: "12 Mar 2026, 09:00"; midnight (a day without time) shows the day only. */
export function formatDue(value: string): string {
  const date = new Date(value);
  return date.getHours() === 0 && date.getMinutes() === 0 ? dayFormat.format(date) : dueFormat.format(date);
}

/** `<input type="datetime-local">` text (local time) as an ISO instant, or null for blank. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
