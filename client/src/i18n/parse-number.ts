import type { AppLocale } from './locale.ts';

const SEPARATORS: Record<AppLocale, { decimal: string; group: string }> = {
  de: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

interface Options {
  /** Digits allowed after the decimal separator. */
  maxFractionDigits: number;
}

/**
 * A non-negative number typed by a person, as the API's decimal text ("1234.5"). The locale's
 * decimal separator is the decimal separator (`1.234,50` in German, `1,234.50` in English) and its
 * group separator may only group thousands. Because people paste numbers from elsewhere, text
 * with both separators is read by which comes last, and text whose only separator is the other
 * locale's decimal separator followed by one or two digits (`12.50` in German) is read as decimals.
 * Spaces and currency symbols or codes are ignored. Returns null for blank and undefined for text
 * that is not such a number.
 */
export function parseLocaleNumber(text: string, locale: AppLocale, { maxFractionDigits }: Options): string | null | undefined {
  const value = text.replace(/[\s\u00a0\u202f']/g, '').replace(/\p{Sc}/gu, '').replace(/^[A-Za-z]{3}(?=[\d.,])|(?<=[\d.,])[A-Za-z]{3}$/g, '').replace(/%$/, '');
  if (value === '') return null;
  if (!/^[\d.,]+$/.test(value)) return undefined;

  const { decimal, group } = SEPARATORS[locale];
  let decimalSeparator: string | null = null;
  let groupSeparator: string | null = null;
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) {
    decimalSeparator = lastDot > lastComma ? '.' : ',';
    groupSeparator = decimalSeparator === '.' ? ',' : '.';
  } else if (value.includes(decimal)) {
    decimalSeparator = decimal;
  } else if (value.includes(group)) {
    const grouped = new RegExp(`^\\d{1,3}(${escape(group)}\\d{3})+$`).test(value);
    const looksDecimal = new RegExp(`^\\d+${escape(group)}\\d{1,2}$`).test(value);
    if (grouped) groupSeparator = group;
    else if (looksDecimal) decimalSeparator = group;
    else return undefined;
  }

  let [whole, fraction = ''] = decimalSeparator ? splitOnce(value, decimalSeparator) : [value];
  if (fraction.includes('.') || fraction.includes(',')) return undefined;
  if (groupSeparator) {
    if (!new RegExp(`^\\d{1,3}(${escape(groupSeparator)}\\d{3})*$`).test(whole)) return undefined;
    whole = whole.split(groupSeparator).join('');
  }
  if (!/^\d{1,12}$/.test(whole) || !new RegExp(`^\\d{0,${maxFractionDigits}}$`).test(fraction)) return undefined;
  if (decimalSeparator && fraction === '') return undefined;
  const normalisedWhole = whole.replace(/^0+(?=\d)/, '');
  return fraction ? `${normalisedWhole}.${fraction}` : normalisedWhole;
}

/** A money amount: at most two decimals. Every money input goes through this. */
export const parseMoney = (text: string, locale: AppLocale) => parseLocaleNumber(text, locale, { maxFractionDigits: 2 });

/** Quantities and percentages: up to six decimals, like the API's Decimal. */
export const parseDecimal = (text: string, locale: AppLocale) => parseLocaleNumber(text, locale, { maxFractionDigits: 6 });

function splitOnce(value: string, separator: string): [string, string] {
  const index = value.indexOf(separator);
  return [value.slice(0, index), value.slice(index + 1)];
}

const escape = (character: string) => character.replace(/[.]/g, '\\.');
