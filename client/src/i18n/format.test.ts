import { describe, expect, it } from 'vitest';
import { createFormats } from './format.ts';

const organisation = { currency: 'EUR', timeZone: 'Europe/Berlin' };
const de = createFormats('de', 'de-DE', organisation);
const en = createFormats('en', 'en-US', organisation);
/** Intl separates with (narrow) no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('createFormats', () => {
  it('formats money by the language and in the organisation’s currency', () => {
    expect(plain(de.money('1234.5'))).toBe('1.234,50 €');
    expect(en.money('1234.5')).toBe('€1,234.50');
    expect(plain(createFormats('de', 'de-DE', { ...organisation, currency: 'CHF' }).money(1234.5))).toBe('1.234,50 CHF');
  });

  it('writes amounts into inputs the way the money parser reads them back', () => {
    expect(de.moneyInput('1234.5')).toBe('1.234,50');
    expect(de.parseMoney(de.moneyInput('1234.5'))).toBe('1234.50');
    expect(en.moneyInput('1234.5')).toBe('1,234.50');
    expect(en.parseMoney(en.moneyInput('1234.5'))).toBe('1234.50');
    expect(de.decimalInput('2.5')).toBe('2,5');
    expect(de.moneyInput(null)).toBe('');
  });

  it('shows probabilities as percentages of the language', () => {
    expect(plain(de.percent(40))).toBe('40 %');
    expect(en.percent(40)).toBe('40%');
  });

  it('shows a calendar day as it is and an instant on the organisation’s calendar', () => {
    expect(de.day('2026-12-03')).toBe('03.12.2026');
    expect(en.day('2026-12-03')).toBe('Dec 3, 2026');
    // 23:30 UTC on the 2nd is already the 3rd in Berlin.
    expect(de.longDay('2026-12-02T23:30:00Z')).toBe('3. Dezember 2026');
    expect(de.due('2026-12-02T23:00:00Z')).toBe('03.12.2026');
    expect(plain(de.due('2026-12-03T08:00:00Z'))).toBe('03.12.2026, 09:00');
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(de.relative('2026-12-03T11:55:00Z', now)).toBe('vor 5 Minuten');
    expect(en.relative('2026-12-03T11:59:50Z', now)).toBe('now');
    expect(en.relative('2026-12-02T12:00:00Z', now)).toBe('yesterday');
  });
});
