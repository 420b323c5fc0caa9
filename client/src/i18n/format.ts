import type { AppLocale } from './locale.ts';
import { parseDecimal, parseMoney } from './parse-number.ts';

/** What the organisation decides for everyone: the currency of amounts, the calendar's time zone. */
export interface OrganisationFormats {
  currency: string;
  timeZone: string;
}

/** Until the server has answered: what the demo organisation uses. */
export const DEFAULT_ORGANISATION_FORMATS: OrganisationFormats = { currency: 'EUR', timeZone: 'Europe/Berlin' };

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * Every number, amount and date the interface shows, formatted with `Intl` for the user's
 * language. Instants are shown in the organisation's time zone, so "due on the 3rd" and "closed on
 * the 3rd" mean the same calendar day for everyone; a `Date` scalar (YYYY-MM-DD) is a calendar day
 * already and is shown as it is. Amounts come from the API as exact decimal text ("1234.5").
 */
export function createFormats(locale: AppLocale, intlLocale: string, organisation: OrganisationFormats) {
  const { currency, timeZone } = organisation;
  const money = new Intl.NumberFormat(intlLocale, { style: 'currency', currency });
  const moneyInput = new Intl.NumberFormat(intlLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const decimalInput = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 6 });
  const number = new Intl.NumberFormat(intlLocale);
  const percent = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone });
  const dayOfInstant = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const relative = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' });
  const toNumber = (value: string | number) => {
    const parsed = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(parsed) ? parsed : 0;
  };

  return {
    locale,
    intlLocale,
    currency,
    timeZone,
    /** "1.234,50 €" / "€1,234.50". */
    money: (value: string | number) => money.format(toNumber(value)),
    /** An amount as a money input shows it: "1.234,50" / "1,234.50" (parseMoney reads it back). */
    moneyInput: (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '' : moneyInput.format(toNumber(value))),
    /** A quantity or percentage for an input: "2,5" / "2.5" (parseDecimal reads it back). */
    decimalInput: (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '' : decimalInput.format(toNumber(value))),
    number: (value: number) => number.format(value),
    /** A whole percentage such as a probability (40 → "40 %" / "40%"). */
    percent: (value: number | string) => percent.format(toNumber(value) / 100),
    /** A calendar day (`Date` scalar, YYYY-MM-DD). */
    day: (value: string) => day.format(new Date(`${value}T00:00:00Z`)),
    /** The organisation's calendar day of an instant, long ("3. Dezember 2026"). */
    longDay: (value: string) => longDay.format(new Date(value)),
    dateTime: (value: string) => dateTime.format(new Date(value)),
    /** A due time; midnight in the organisation's time zone (a day without time) shows the day only. */
    due: (value: string) => {
      const instant = new Date(value);
      return clock.format(instant) === '00:00' ? dayOfInstant.format(instant) : dateTime.format(instant);
    },
    /** "5 minutes ago", "yesterday", "now". */
    relative: (value: string, now = Date.now()) => {
      const elapsed = new Date(value).getTime() - now;
      for (const [unit, ms] of RELATIVE_UNITS) if (Math.abs(elapsed) >= ms) return relative.format(Math.round(elapsed / ms), unit);
      return relative.format(0, 'second');
    },
    parseMoney: (text: string) => parseMoney(text, locale),
    parseDecimal: (text: string) => parseDecimal(text, locale),
  };
}

export type Formats = ReturnType<typeof createFormats>;
