/** The country pickers in the page's language: names shown in it, and typed names found in it as well as in English or as codes. */
import type { IntlShape } from 'react-intl';
import { COUNTRY_CODES } from '../../../shared/board/countries';
import { foldName, resolveCountry, searchCountries, type CountryMatch } from '../../../shared/input/country-search';
import { countryName } from '../board-words';

interface LocalTable {
  all: CountryMatch[];
  folded: Map<string, string>;
  byName: Map<string, string>;
}

const tables = new Map<string, LocalTable>();
const english = (intl: IntlShape) => intl.locale.startsWith('en');

function table(intl: IntlShape): LocalTable {
  let t = tables.get(intl.locale);
  if (!t) {
    const all = [...COUNTRY_CODES].map((code) => ({ code, name: countryName(intl, code) })).sort((a, b) => a.name.localeCompare(b.name, intl.locale));
    t = { all, folded: new Map(all.map((c) => [c.code, foldName(c.name)])), byName: new Map(all.map((c) => [foldName(c.name), c.code])) };
    tables.set(intl.locale, t);
  }
  return t;
}

/** The name a picker shows for a stored code ('' for none). */
export function shownCountry(intl: IntlShape, code: string): string {
  return code === '' ? '' : countryName(intl, code);
}

/** Countries that fit `text`, best first: by their name in the page's language, then by English name or code. */
export function searchLocalCountries(intl: IntlShape, text: string, limit: number): CountryMatch[] {
  if (english(intl)) return searchCountries(text, limit);
  const t = table(intl);
  const query = foldName(text);
  const rank = (c: CountryMatch): number | null => {
    const name = t.folded.get(c.code) ?? '';
    if (query.length === 2 && c.code.toLowerCase() === query) return 0;
    if (name === query) return 0;
    if (name.startsWith(query)) return 1;
    if (name.split(' ').some((word) => word.startsWith(query))) return 2;
    if (query.length >= 3 && name.includes(query)) return 3;
    return null;
  };
  const found = query === '' ? t.all.map((c) => ({ c, r: 0 })) : t.all.flatMap((c) => { const r = rank(c); return r === null ? [] : [{ c, r }]; });
  found.sort((a, b) => a.r - b.r);
  const out = found.map((f) => f.c);
  // English names and aliases still work ("Germany", "UK"), shown by their local name.
  for (const m of searchCountries(text, limit)) if (!out.some((c) => c.code === m.code)) out.push({ code: m.code, name: countryName(intl, m.code) });
  return out.slice(0, limit);
}

/** The code `text` stands for, or null: a code, a name in the page's language or in English, or the start of one name. */
export function resolveLocalCountry(intl: IntlShape, text: string): string | null {
  if (english(intl)) return resolveCountry(text);
  const t = table(intl);
  const query = foldName(text);
  if (/^[A-Za-z]{2}$/.test(text.trim())) return resolveCountry(text);
  const named = t.byName.get(query);
  if (named !== undefined) return named;
  const known = resolveCountry(text);
  if (known !== null) return known;
  if (query === '') return null;
  const starts = t.all.filter((c) => (t.folded.get(c.code) ?? '').startsWith(query));
  return starts.length === 1 ? starts[0].code : null;
}
