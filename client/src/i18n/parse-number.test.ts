import { describe, expect, it } from 'vitest';
import { parseDecimal, parseMoney } from './parse-number.ts';

describe('parseMoney', () => {
  it.each([
    ['1.234,50', '1234.50'],
    ['1234,5', '1234.5'],
    ['1234', '1234'],
    ['12.500', '12500'],
    ['1.234.567,89', '1234567.89'],
    ['12 500 €', '12500'],
    ['€ 1.234,50', '1234.50'],
    ['1.234,50 EUR', '1234.50'],
    ['12.50', '12.50'],
    ['1,234.50', '1234.50'],
    ['0,99', '0.99'],
  ])('German: %s is %s', (text, expected) => {
    expect(parseMoney(text, 'de')).toBe(expected);
  });

  it.each([
    ['1,234.50', '1234.50'],
    ['1234.5', '1234.5'],
    ['12,500', '12500'],
    ['$1,234,567.89', '1234567.89'],
    ['€12,500.00', '12500.00'],
    ['12,50', '12.50'],
    ['1.234,50', '1234.50'],
  ])('English: %s is %s', (text, expected) => {
    expect(parseMoney(text, 'en')).toBe(expected);
  });

  it.each(['', '   ', '€'])('blank %j is null', (text) => {
    expect(parseMoney(text, 'de')).toBeNull();
  });

  it.each([
    ['de', '12,345'],
    ['de', '1.23,45'],
    ['de', '12.34.56'],
    ['de', 'twelve'],
    ['de', '-5'],
    ['de', '1,'],
    ['en', '1.234'],
    ['en', '12,34,567'],
    ['en', '1,2345'],
    ['en', '1234567890123'],
  ] as const)('%s: %s is no amount', (locale, text) => {
    expect(parseMoney(text, locale)).toBeUndefined();
  });
});

describe('parseDecimal', () => {
  it('takes up to six decimals in the locale', () => {
    expect(parseDecimal('2,5', 'de')).toBe('2.5');
    expect(parseDecimal('0.125', 'en')).toBe('0.125');
    expect(parseDecimal('12,5 %', 'de')).toBe('12.5');
    expect(parseDecimal('1,1234567', 'de')).toBeUndefined();
  });
});
