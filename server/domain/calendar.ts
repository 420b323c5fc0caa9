/** The organisation's calendar: dates such as "today" are taken in its time zone. */
export const ORGANISATION_TIME_ZONE = 'Europe/Berlin';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ORGANISATION_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of `at` in the organisation's time zone, as a UTC-midnight Date (how Prisma maps DATE). */
export function organisationDay(at: Date): Date {
  return new Date(`${dayFormat.format(at)}T00:00:00.000Z`);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 86_400_000);
}

export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}
