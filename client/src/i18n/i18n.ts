import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { browserLanguages, pickLocale, rememberedLocale } from './locale.ts';
import { de, en } from './resources.ts';

/**
 * The interface's translations. The catalogs are bundled, so it is ready at once; the language
 * starts as the one last shown (or the browser's) and follows the user's setting once signed in
 * (see LocaleProvider).
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: rememberedLocale() ?? pickLocale(null, browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: ['de', 'en'],
  initAsync: false,
  returnNull: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});
