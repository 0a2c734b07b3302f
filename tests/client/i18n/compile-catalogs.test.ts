/** The build compiles every catalog file to message ASTs: the page has no parser, so a file left out shows ids. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalogs } from '../../../client/i18n/compile-catalogs';

const ROOT = join(import.meta.dirname, '../../../client/i18n/catalogs');
const files = readdirSync(ROOT).flatMap((lang) => readdirSync(join(ROOT, lang)).map((file) => join(ROOT, lang, file)));

describe('catalog compilation', () => {
  const plugin = compileCatalogs();
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;

  it.each(files)('compiles %s to message ASTs', (file) => {
    const out = transform.call({}, readFileSync(file, 'utf8'), file);
    expect(out, file).not.toBeNull();
    for (const [key, ast] of Object.entries(JSON.parse(out!.code) as Record<string, unknown>)) expect(Array.isArray(ast), key).toBe(true);
  });

  it('refuses a message that does not parse', () => {
    expect(() => transform.call({}, JSON.stringify({ 'x.bad': '{count, plural, one {a}' }), join(ROOT, 'en', 'bad.json'))).toThrow(/x.bad is not a valid ICU message/);
  });
});
