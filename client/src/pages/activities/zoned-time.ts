import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, format, startOfWeek } from 'date-fns';

/**
 * Dates and times as the organisation's clock shows them (`organisationSettings.timeZone`), so a
 * task due "on the 3rd at 09:00" is the same moment for a colleague whose laptop runs on another
 * zone. Inputs hold a calendar day (`YYYY-MM-DD`) and a wall-clock time (`HH:mm`); the API takes
 * instants. A due time at midnight means "that day, no time" (as `formats.due` shows it).
 */
export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm; empty for midnight, a day without time. */
  time: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2})$/;

/** What the organisation's clock shows at `instant`. */
export function wallTimeOf(instant: string | Date, timeZone: string): WallTime {
  const zoned = new TZDate(new Date(instant).getTime(), timeZone);
  const time = format(zoned, 'HH:mm');
  return { date: format(zoned, 'yyyy-MM-dd'), time: time === '00:00' ? '' : time };
}

/**
 * The instant at which the organisation's clock shows `date` `time` (midnight for a blank time),
 * as ISO text; null when the day or time is not one. A time skipped by a summer-time change moves
 * forward by the gap, as clocks do.
 */
export function instantOf(date: string, time: string, timeZone: string): string | null {
  const day = DAY.exec(date);
  const clock = time === '' ? ['', '00', '00'] : CLOCK.exec(time);
  if (!day || !clock) return null;
  const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const [hours, minutes] = [Number(clock[1]), Number(clock[2])];
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31 || hours > 23 || minutes > 59) return null;
  const zoned = new TZDate(year, month - 1, dayOfMonth, hours, minutes, timeZone);
  // 31 February rolls over into March: that is a typo, not a day.
  if (zoned.getDate() !== dayOfMonth) return null;
  return new Date(zoned.getTime()).toISOString();
}

/** Today on the organisation's calendar. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return wallTimeOf(now, timeZone).date;
}

/** A calendar day `days` later (or earlier), across month ends and summer time. */
export function addDaysTo(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return format(addDays(new TZDate(year, month - 1, day, 'UTC'), days), 'yyyy-MM-dd');
}

/** The Monday of the week `date` lies in (weeks start on Monday, as ISO 8601 counts them). */
export function mondayOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return format(startOfWeek(new TZDate(year, month - 1, day, 'UTC'), { weekStartsOn: 1 }), 'yyyy-MM-dd');
}

/** The seven days of the week that starts on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDaysTo(monday, index));
}

/** [from, to) of the whole days `firstDay`..`lastDay` on the organisation's clock, for API filters. */
export function dayRange(firstDay: string, lastDay: string, timeZone: string): { from: string; to: string } | null {
  const from = instantOf(firstDay, '', timeZone);
  const to = DAY.test(lastDay) ? instantOf(addDaysTo(lastDay, 1), '', timeZone) : null;
  return from && to ? { from, to } : null;
}

/**
 * Quick reschedule targets: tomorrow, or Monday of next week, at the time of day the activity has
 * now (a day without time stays one).
 */
export function rescheduleTarget(target: 'tomorrow' | 'nextWeek', currentDue: string | null, timeZone: string, now: Date = new Date()): string {
  const today = todayIn(timeZone, now);
  const time = currentDue ? wallTimeOf(currentDue, timeZone).time : '';
  const [year, month, day] = today.split('-').map(Number);
  const todayUtc = new TZDate(year, month - 1, day, 'UTC');
  const date = format(target === 'tomorrow' ? addDays(todayUtc, 1) : startOfWeek(addWeeks(todayUtc, 1), { weekStartsOn: 1 }), 'yyyy-MM-dd');
  return instantOf(date, time, timeZone)!;
}

