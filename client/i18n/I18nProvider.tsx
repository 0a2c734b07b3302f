/** The page's language: loads its catalog, provides react-intl's context and lets the header switch it. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import { loadMessages, type Messages } from './catalogs';
import { makeIntl } from './intl';
import { initialLocale, saveLocale, type Locale } from './locales';

interface LocaleChoice {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleChoice>({ locale: 'en', setLocale: () => undefined });

/** The chosen language and the function that changes (and remembers) it. */
export function useLocale(): LocaleChoice {
  return useContext(LocaleContext);
}

/** Renders `children` in the person's language; `locale`/`messages` fix them (tests, static renders). */
export function I18nProvider({ children, locale: fixed, messages: given }: { children: ReactNode; locale?: Locale; messages?: Messages }) {
  const [locale, setChosen] = useState<Locale>(() => fixed ?? initialLocale());
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages } | null>(() => (given ? { locale, messages: given } : null));
  useEffect(() => {
    if (loaded?.locale === locale) return;
    let live = true;
    // A catalog that cannot load (server gone mid-switch) leaves the page in the language it had, or English.
    loadMessages(locale).catch(() => loadMessages('en')).then(
      (messages) => live && setLoaded({ locale, messages }),
      () => live && setLoaded({ locale, messages: {} }),
    );
    return () => {
      live = false;
    };
  }, [locale, loaded?.locale]);
  useEffect(() => {
    if (loaded) document.documentElement.lang = loaded.locale;
  }, [loaded]);
  const intl = useMemo(() => (loaded ? makeIntl(loaded.locale, loaded.messages) : null), [loaded]);
  const choice = useMemo<LocaleChoice>(() => ({
    locale,
    setLocale: (next) => {
      saveLocale(next);
      setChosen(next);
    },
  }), [locale]);
  // Until the chosen catalog is here the page keeps the previous one (on first load: one small request).
  if (!intl) return null;
  return (
    <LocaleContext.Provider value={choice}>
      <RawIntlProvider value={intl}>{children}</RawIntlProvider>
    </LocaleContext.Provider>
  );
}
