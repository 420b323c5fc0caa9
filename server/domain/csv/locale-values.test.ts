import { describe, expect, it } from 'vitest';
import { formatDay, formatDecimal, formatTimestamp, parseDay, parseDecimal, parseWholeNumber } from './locale-values.ts';

const value = <T>(parsed: { value: T } | { reason: string }) => ('value' in parsed ? parsed.value : parsed.reason);
const day = (text: string) => {
  const parsed = parseDay(text);
  return 'value' in parsed ? parsed.value.toISOString().slice(0, 10) : parsed.reason;
};

describe('parseDecimal', () => {
  it.each([
    ['1.234,50', '1234.50'],
    ['1,234.50', '1234.50'],
    ['1234,5', '1234.5'],
    ['1234.50', '1234.50'],
    ['1.234.567,89', '1234567.89'],
    ['1,234,567.89', '1234567.89'],
    ['1.234', '1234'],
    ['1,234', '1234'],
    ['0,5', '0.5'],
    [',75', '0.75'],
    ['1 234,50 €', '1234.50'],
    ['€ 1.234,50', '1234.50'],
    ['EUR 99', '99'],
    ["1'234.50", '1234.50'],
    ['-5,5', '-5.5'],
    ['007', '7'],
  ])('reads %s as %s', (text, expected) => {
    expect(value(parseDecimal(text))).toBe(expected);
  });

  it.each(['1.2.3', '12,34,56', 'abc', '1,234,5', '1.23,4.5', ''])('refuses %j', (text) => {
    expect(value(parseDecimal(text))).toBe('INVALID_NUMBER');
  });
});

describe('parseWholeNumber', () => {
  it('reads whole numbers with separators and percent signs', () => {
    expect(value(parseWholeNumber('1.200'))).toBe(1200);
    expect(value(parseWholeNumber('40 %'))).toBe(40);
    expect(value(parseWholeNumber('40%'))).toBe(40);
    expect(value(parseWholeNumber('12,5'))).toBe('INVALID_NUMBER');
    expect(value(parseWholeNumber('viele'))).toBe('INVALID_NUMBER');
  });
});

describe('parseDay', () => {
  it.each([
    ['31.12.2026', '2026-12-31'],
    ['1.2.2027', '2027-02-01'],
    ['31.12.26', '2026-12-31'],
    ['01.02.65', '1965-02-01'],
    ['2026-12-31', '2026-12-31'],
    ['2026-12-31T00:00:00Z', '2026-12-31'],
    ['31.12.2026 14:30', '2026-12-31'],
    ['31/12/2026', '2026-12-31'],
    ['12/31/2026', '2026-12-31'],
    ['05/05/2026', '2026-05-05'],
  ])('reads %s as %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it('refuses what is no day, is ambiguous or out of range', () => {
    expect(day('31.02.2026')).toBe('INVALID_DATE');
    expect(day('03/04/2026')).toBe('AMBIGUOUS_DATE');
    expect(day('morgen')).toBe('INVALID_DATE');
    expect(day('2026-13-01')).toBe('INVALID_DATE');
    expect(day('01.01.1899')).toBe('OUT_OF_RANGE');
    expect(day('01.01.2201')).toBe('OUT_OF_RANGE');
  });
});

describe('formatting for spreadsheets', () => {
  it('writes decimals and days per language', () => {
    expect(formatDecimal('1234.5', 'de')).toBe('1234,50');
    expect(formatDecimal('1234.5', 'en')).toBe('1234.50');
    expect(formatDecimal('999999999999.99', 'de')).toBe('999999999999,99');
    expect(formatDecimal(null, 'de')).toBe('');
    expect(formatDay(new Date('2026-12-31T00:00:00Z'), 'de')).toBe('31.12.2026');
    expect(formatDay(new Date('2026-12-31T00:00:00Z'), 'en')).toBe('2026-12-31');
  });

  it('writes moments in the organisation time zone', () => {
    expect(formatTimestamp(new Date('2026-07-01T12:30:00Z'), 'de')).toBe('01.07.2026 14:30');
    expect(formatTimestamp(new Date('2026-12-31T23:30:00Z'), 'en')).toBe('2027-01-01 00:30');
  });

  it('reads back what it writes', () => {
    expect(value(parseDecimal(formatDecimal('1234567.8', 'de')))).toBe('1234567.80');
    expect(day(formatDay(new Date('2026-03-04T00:00:00Z'), 'de'))).toBe('2026-03-04');
  });
});
