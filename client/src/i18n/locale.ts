/** The languages of the interface. English is the fallback for anything else. */
export const LOCALES = ['de', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** The API's `Locale` enum; null means "follow the browser". */
export type ApiLocale = 'DE' | 'EN';

const REMEMBERED = 'crm.locale';

/** The user's setting wins; else the first browser language the interface speaks; else English. */
export function pickLocale(setting: ApiLocale | null | undefined, browserLanguages: readonly string[]): AppLocale {
  if (setting) return setting === 'DE' ? 'de' : 'en';
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(base)) return base as AppLocale;
  }
  return 'en';
}

export const toApiLocale = (locale: AppLocale): ApiLocale => (locale === 'de' ? 'DE' : 'EN');

/**
 * The BCP 47 tag for `Intl`: the browser's own variant of the chosen language when it has one
 * (en-US or en-GB dates), else the usual one of this product's market.
 */
export function intlLocaleOf(locale: AppLocale, browserLanguages: readonly string[]): string {
  const variant = browserLanguages.find((language) => language.toLowerCase().split('-')[0] === locale && language.includes('-'));
  return variant ?? (locale === 'de' ? 'de-DE' : 'en-GB');
}

export function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/**
 * The language last shown, so that the sign-in page speaks it before the server can be asked.
 * Storage may be unavailable (private mode); the browser's language is then the answer.
 */
export function rememberedLocale(): AppLocale | null {
  try {
    const value = localStorage.getItem(REMEMBERED);
    return value === 'de' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function rememberLocale(locale: AppLocale) {
  try {
    localStorage.setItem(REMEMBERED, locale);
  } catch {
    // Not remembered: the next visit starts in the browser's language.
  }
}
