/** The catalogs: every language has every key, with the same placeholders, and each file holds only its area's keys. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../client/i18n/locales';

const DIR = join(import.meta.dirname, '../../../client/i18n/catalogs');

function catalog(locale: string): Map<string, { area: string; message: string }> {
  const out = new Map<string, { area: string; message: string }>();
  for (const file of readdirSync(join(DIR, locale)).filter((f) => f.endsWith('.json'))) {
    const area = file.replace(/\.json$/, '');
    for (const [key, message] of Object.entries(JSON.parse(readFileSync(join(DIR, locale, file), 'utf8')) as Record<string, unknown>)) {
      if (typeof message !== 'string') throw new Error(`${locale}/${file}: ${key} is not a string`);
      out.set(key, { area, message });
    }
  }
  return out;
}

/** The argument names a message uses, with their kind (plural, number, plain, ...). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if ('value' in el && typeof el.value === 'string' && el.type !== TYPE.literal) into.add(`${el.value}:${el.type}`);
    if ('options' in el) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

const catalogs = Object.fromEntries(LOCALES.map((l) => [l, catalog(l)]));

describe('message catalogs', () => {
  it('exist for every language and are not empty', () => {
    for (const locale of LOCALES) expect(catalogs[locale].size, locale).toBeGreaterThan(0);
  });

  it('have the same keys in every language', () => {
    const all = new Set(LOCALES.flatMap((l) => [...catalogs[l].keys()]));
    const missing = LOCALES.flatMap((l) => [...all].filter((k) => !catalogs[l].has(k)).map((k) => `${l}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('keep each key in the file of its area, in the same file in every language', () => {
    const misplaced = LOCALES.flatMap((l) =>
      [...catalogs[l]].filter(([key, { area }]) => !key.startsWith(`${area}.`) || catalogs.en.get(key)?.area !== area).map(([key, { area }]) => `${l}/${area}.json: ${key}`),
    );
    expect(misplaced).toEqual([]);
  });

  it('parse as ICU messages, are never blank, and use the same placeholders in every language', () => {
    const problems: string[] = [];
    for (const [key, { message }] of catalogs.en) {
      const english = [...argumentsOf(parse(message))].sort();
      for (const locale of LOCALES) {
        const text = catalogs[locale].get(key)?.message;
        if (text === undefined) continue;
        if (text.trim() === '') problems.push(`${locale}: ${key} is blank`);
        let args: string[];
        try {
          args = [...argumentsOf(parse(text))].sort();
        } catch (error) {
          problems.push(`${locale}: ${key} does not parse: ${(error as Error).message}`);
          continue;
        }
        if (args.join() !== english.join()) problems.push(`${locale}: ${key} uses {${args.join(', ')}}, English {${english.join(', ')}}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
