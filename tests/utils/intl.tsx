/** Component and function tests in a chosen language: the real catalogs, loaded as the page loads them. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { IntlShape } from 'react-intl';
import { loadMessages } from '../../client/i18n/catalogs';
import { I18nProvider } from '../../client/i18n/I18nProvider';
import { makeIntl } from '../../client/i18n/intl';
import type { Locale } from '../../client/i18n/locales';

/** A testing-library wrapper: the i18n provider in `locale` (English by default), for render and renderHook. */
export async function wrapperIn(locale: Locale = 'en') {
  const messages = await loadMessages(locale);
  return ({ children }: { children: React.ReactNode }) => <I18nProvider locale={locale} messages={messages}>{children}</I18nProvider>;
}

/** Renders `ui` inside the i18n provider in `locale` (English by default). */
export async function renderIn(ui: ReactElement, locale: Locale = 'en') {
  return render(ui, { wrapper: await wrapperIn(locale) });
}

/** An IntlShape in `locale` for functions that take one (exports, words). */
export async function intlIn(locale: Locale = 'en'): Promise<IntlShape> {
  return makeIntl(locale, await loadMessages(locale));
}
