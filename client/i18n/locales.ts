/** The interface languages, how a person's language is chosen and where it is remembered (this device only). */

/** Interface languages, in the order the switch lists them. */
export const LOCALES = ['en', 'it'] as const;
/** An interface language. */
export type Locale = (typeof LOCALES)[number];

/** The `Intl` locale each interface language formats numbers and dates with. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-GB', it: 'it-IT' };

const KEY = 'lodestone.locale';

/** Whether a string names one of the interface languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages that the interface speaks ("it-CH" -> it), else English. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** The language this person chose on this device, else the browser's. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be switched off; the browser's language still applies.
  }
  return pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

/** Remembers the chosen language on this device. */
export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Not remembered; the choice still holds until the page closes.
  }
}
