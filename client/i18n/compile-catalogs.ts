/**
 * Vite plugin: the catalogs' ICU messages are parsed at build time (FormatJS's "pre-compile to AST"), so the
 * page can do without the message parser (aliased to its no-parser build in `vite build`). A catalog with a
 * message that does not parse fails the build.
 */
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const CATALOG = /[\\/]client[\\/]i18n[\\/]catalogs[\\/][a-z]{2}[\\/][a-z0-9-]+\.json$/;

/** Turns each catalog file's messages into their AST (still JSON, which Vite's JSON plugin then loads). */
export function compileCatalogs(): Plugin {
  return {
    name: 'lodestone:compile-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOG.test(id.split('?')[0])) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const compiled = Object.fromEntries(Object.entries(messages).map(([key, message]) => {
        try {
          return [key, parse(message)];
        } catch (error) {
          throw new Error(`${id}: ${key} is not a valid ICU message: ${(error as Error).message}`);
        }
      }));
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}
