import type { SelectOption } from '../../components/fields.tsx';

/**
 * The ISO 4217 currencies this browser knows (the server accepts the same list from Node's `Intl`),
 * named in the user's language: "EUR · Euro". The current one stays even if the browser lacks it.
 */
export function currencyOptions(intlLocale: string, current: string): SelectOption[] {
  const names = new Intl.DisplayNames([intlLocale], { type: 'currency' });
  return withCurrent(Intl.supportedValuesOf('currency'), current).map((code) => {
    const name = names.of(code);
    return { value: code, label: name && name !== code ? `${code} · ${name}` : code };
  });
}

/** The IANA time zones this browser knows, e.g. "Europe/Berlin"; the current one stays. */
export function timeZoneOptions(current: string): SelectOption[] {
  return withCurrent(Intl.supportedValuesOf('timeZone'), current).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

function withCurrent(values: readonly string[], current: string): string[] {
  return values.includes(current) ? [...values] : [current, ...values].sort();
}
