import { ORGANISATION_TIME_ZONE } from '../calendar.ts';
import { Decimal } from '../money.ts';

/**
 * Numbers and dates as people type them in German and English spreadsheets, and back.
 * Parsing needs no locale: money has at most two decimals, so `1.234` and `1,234` can only mean
 * one thousand two hundred thirty-four, and a date with slashes is read only when it is
 * unambiguous.
 */

export type ParsedValue<T> = { value: T } | { reason: string; message: string };

const CURRENCY = /€|\bEUR\b|\bUSD\b|\$|\bCHF\b|\bSEK\b|\bkr\b/gi;
const SPACES = /[\s\u00a0\u202f']/g;

/** `1.234,50`, `1,234.50`, `1234,5`, `1234.50`, `1 234,50 €` → "1234.50"-style decimal text. */
export function parseDecimal(text: string): ParsedValue<string> {
  const compact = text.replace(CURRENCY, '').replace(SPACES, '');
  const negative = compact.startsWith('-');
  const digits = negative ? compact.slice(1) : compact;
  let plain: string | null = null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits)) plain = digits.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) plain = digits.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(digits)) plain = digits.replace(',', '.');
  else if (/^\d+(\.\d+)?$/.test(digits)) plain = digits;
  else if (/^[.,]\d+$/.test(digits)) plain = `0.${digits.slice(1)}`;
  if (plain === null) {
    return { reason: 'INVALID_NUMBER', message: 'Enter a number like 1.234,50 or 1,234.50.' };
  }
  return { value: `${negative ? '-' : ''}${plain.replace(/^0+(?=\d)/, '')}` };
}

/** Whole numbers, also with thousands separators (`1.200`) or a percent sign (`40 %`). */
export function parseWholeNumber(text: string): ParsedValue<number> {
  const parsed = parseDecimal(text.replace(/%$/, '').trim());
  if ('reason' in parsed) return { reason: 'INVALID_NUMBER', message: 'Enter a whole number.' };
  const value = Number(parsed.value);
  if (!Number.isSafeInteger(value)) return { reason: 'INVALID_NUMBER', message: 'Enter a whole number.' };
  return { value };
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/**
 * `31.12.2026`, `31.12.26`, `2026-12-31`, `31/12/2026` (day first when the day is above 12),
 * `12/31/2026` (month first when the day is above 12), also followed by a time, which is ignored.
 * `03/04/2026` could be either and is refused rather than guessed.
 */
export function parseDay(text: string): ParsedValue<Date> {
  const value = text.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let parts: [number, number, number] | null = null;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value))) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(value))) {
    parts = [fullYear(match[3]), Number(match[2]), Number(match[1])];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value))) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (first > 12 && second <= 12) parts = [year, second, first];
    else if (second > 12 && first <= 12) parts = [year, first, second];
    else if (first === second) parts = [year, first, first];
    else {
      return { reason: 'AMBIGUOUS_DATE', message: `${value} could be day/month or month/day: write it as ${match[3]}-MM-DD or DD.MM.${match[3]}.` };
    }
  }
  if (!parts) return { reason: 'INVALID_DATE', message: 'Enter a date like 31.12.2026 or 2026-12-31.' };
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { reason: 'INVALID_DATE', message: `${value} is not a day of the calendar.` };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { reason: 'OUT_OF_RANGE', message: `Enter a date between ${MIN_YEAR} and ${MAX_YEAR}.` };
  }
  return { value: date };
}

/** Two-digit years as Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

export type CsvLocale = 'de' | 'en';

/**
 * Decimals for a spreadsheet of that language: `1234,50` or `1234.50`, without thousands
 * separators, so that every tool reads them as numbers.
 */
export function formatDecimal(value: { toString(): string } | null | undefined, locale: CsvLocale, fractionDigits = 2): string {
  if (value === null || value === undefined) return '';
  const fixed = new Decimal(value.toString()).toFixed(fractionDigits);
  return locale === 'de' ? fixed.replace('.', ',') : fixed;
}

/** A calendar day (stored as UTC midnight): `31.12.2026` or `2026-12-31`. */
export function formatDay(value: Date | null | undefined, locale: CsvLocale): string {
  if (!value) return '';
  const iso = value.toISOString().slice(0, 10);
  if (locale === 'en') return iso;
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

// Swedish writes ISO dates with the time after a space, which is what spreadsheets read as a moment.
const isoMinutes = new Intl.DateTimeFormat('sv-SE', { timeZone: ORGANISATION_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

/** A moment in the organisation's time zone: `31.12.2026 14:30` or `2026-12-31 14:30`. */
export function formatTimestamp(value: Date | null | undefined, locale: CsvLocale): string {
  if (!value) return '';
  const [day, time] = isoMinutes.format(value).split(' ');
  return `${locale === 'de' ? day.split('-').reverse().join('.') : day} ${time}`;
}
