/**
 * Message catalogs: one JSON file per area and language (`catalogs/<locale>/<area>.json`), flat keys that
 * start with the area's name, ICU message syntax (compiled at build time, see compile-catalogs.ts). Each
 * language is one chunk (language-en.ts, language-it.ts), loaded once before the page first renders in it.
 */
import type { Locale } from './locales';

/** A language's messages, key -> ICU message (or its compiled AST in a build). */
export type Messages = Record<string, string>;

const loaders: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import('./language-en'),
  it: () => import('./language-it'),
};
const loaded = new Map<Locale, Promise<Messages>>();

/** A language's whole catalog (one request per language and page). */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = loaders[locale]().then((module) => module.messages);
    loaded.set(locale, messages);
    messages.catch(() => loaded.delete(locale));
  }
  return messages;
}
