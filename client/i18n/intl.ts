/** An `IntlShape` for code outside React (exports, the printable report), one per language and catalog. */
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import type { Messages } from './catalogs';
import { INTL_TAG, type Locale } from './locales';

const cache = createIntlCache();

/** Formats messages, numbers and dates in `locale` with `messages`; a missing key falls back to its id and is reported. */
export function makeIntl(locale: Locale, messages: Messages): IntlShape {
  return createIntl({ locale: INTL_TAG[locale], defaultLocale: INTL_TAG.en, messages, onError: reportIntlError }, cache);
}

/** Missing translations are logged once per key, never thrown: a person sees the key rather than a blank page. */
export function reportIntlError(error: { code?: string; message: string }): void {
  if (error.code === 'MISSING_TRANSLATION' && seen.has(error.message)) return;
  seen.add(error.message);
  console.warn(`[i18n] ${error.message}`);
}
const seen = new Set<string>();
