const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export const formatDateTime = (value: string) => dateTime.format(new Date(value));

/** A `Date` scalar (YYYY-MM-DD) is a calendar day, not an instant: format it in UTC. */
export const formatDate = (value: string) => date.format(new Date(`${value}T00:00:00Z`));

export const formatNumber = (value: number) => value.toLocaleString();

/** `https://www.example.de/` → `www.example.de` for display. */
export const displayUrl = (url: string) => url.replace(/^https?:\/\//i, '').replace(/\/$/, '');

export function formatAddress(address: {
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country: string;
}): string[] {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.street, cityLine, address.country].filter((line): line is string => Boolean(line));
}

/** "Aigner Lacke" + "GmbH" → "Aigner Lacke GmbH"; names that already end with the legal form stay. */
export function legalFormSuffix(name: string, legalForm: string | null | undefined): string | null {
  if (!legalForm) return null;
  return name.trim().toLowerCase().endsWith(legalForm.trim().toLowerCase()) ? null : legalForm;
}
