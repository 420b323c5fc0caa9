import { describe, expect, it } from 'vitest';
import { currencyOptions, timeZoneOptions } from './intl-options.ts';

describe('the organisation settings choices', () => {
  it('name every ISO currency in the user language', () => {
    const german = currencyOptions('de-DE', 'EUR');
    expect(german.find((option) => option.value === 'EUR')?.label).toBe('EUR · Euro');
    expect(german.find((option) => option.value === 'SEK')?.label).toBe('SEK · Schwedische Krone');
    expect(currencyOptions('en-GB', 'EUR').find((option) => option.value === 'SEK')?.label).toBe('SEK · Swedish Krona');
    expect(german.length).toBeGreaterThan(100);
  });

  it('list the time zones and keep a current value the runtime does not list', () => {
    expect(timeZoneOptions('Europe/Berlin').find((option) => option.value === 'America/New_York')?.label).toBe('America/New York');
    const withUnknown = timeZoneOptions('Etc/Unknown');
    expect(withUnknown.some((option) => option.value === 'Etc/Unknown')).toBe(true);
    expect(withUnknown.map((option) => option.value)).toEqual([...withUnknown.map((option) => option.value)].sort());
  });
});
