// Text helpers for display. Numbers, amounts and dates depend on the user's language and the
// organisation's settings: they are formatted by `useFormats()` (i18n/format.ts).

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
