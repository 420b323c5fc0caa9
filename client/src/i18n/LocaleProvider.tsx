import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session/SessionProvider.tsx';
import { createFormats, DEFAULT_ORGANISATION_FORMATS, type Formats } from './format.ts';
import { i18n } from './i18n.ts';
import { browserLanguages, intlLocaleOf, pickLocale, rememberedLocale, rememberLocale, type ApiLocale, type AppLocale } from './locale.ts';

const LocaleSettingsQuery = graphql(`
  query LocaleSettings {
    me {
      id
      locale
    }
    organisationSettings {
      currency
      timeZone
    }
  }
`);

const UpdateMyLocaleMutation = graphql(`
  mutation UpdateMyLocale($locale: Locale) {
    updateMyPreferences(input: { locale: $locale }) {
      id
      locale
    }
  }
`);

interface LocaleState {
  locale: AppLocale;
  /** The user's saved choice; null follows the browser. Undefined while signed out or loading. */
  setting: ApiLocale | null | undefined;
  /** Saves the choice (null: the browser's language) and shows it at once. */
  changeSetting(setting: ApiLocale | null): Promise<boolean>;
  formats: Formats;
}

const LocaleContext = createContext<LocaleState | null>(null);

/**
 * The interface language and the formats of numbers, amounts and dates. Signed in, the language is
 * the user's setting (`me.locale`) or else the browser's; signed out, the one shown last. Amounts
 * are in the organisation's currency and instants in its time zone (`organisationSettings`).
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const [{ data }] = useQuery({ query: LocaleSettingsQuery, pause: !token });
  const [, updateLocale] = useMutation(UpdateMyLocaleMutation);
  // The choice just made, shown before the server has confirmed it; it belongs to one session.
  const [chosen, setChosen] = useState<{ token: string; setting: ApiLocale | null } | null>(null);

  const me = token ? data?.me : undefined;
  const setting = chosen && chosen.token === token ? chosen.setting : me ? (me.locale ?? null) : undefined;
  const locale = setting === undefined ? (rememberedLocale() ?? pickLocale(null, browserLanguages())) : pickLocale(setting, browserLanguages());

  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    rememberLocale(locale);
  }, [locale]);

  const changeSetting = useCallback(
    async (next: ApiLocale | null) => {
      if (!token) return false;
      setChosen({ token, setting: next });
      const result = await updateLocale({ locale: next });
      if (result.data?.updateMyPreferences) return true;
      setChosen(null);
      return false;
    },
    [token, updateLocale],
  );

  const organisation = data?.organisationSettings ?? DEFAULT_ORGANISATION_FORMATS;
  const formats = useMemo(
    () => createFormats(locale, intlLocaleOf(locale, browserLanguages()), { currency: organisation.currency, timeZone: organisation.timeZone }),
    [locale, organisation.currency, organisation.timeZone],
  );
  const state = useMemo(() => ({ locale, setting, changeSetting, formats }), [locale, setting, changeSetting, formats]);
  return <LocaleContext value={state}>{children}</LocaleContext>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale must be used inside <LocaleProvider>.');
  return state;
}

/** Formatting of numbers, amounts and dates in the user's language (see format.ts). */
export const useFormats = (): Formats => useLocale().formats;
