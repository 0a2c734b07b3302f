/**
 * Finding a country from what a person types: a code ("it", "IT"), a name ("Italy", "italy", "Cote d'Ivoire"),
 * another common name ("UK", "Ivory Coast") or the start of a name ("Ital"). Pure; the inspector's country
 * field lists the matches and stores the code.
 */
import { COUNTRY_CODES, UNKNOWN_COUNTRY } from '../board/countries';
import { COUNTRY_ALIASES, COUNTRY_NAMES, UNKNOWN_COUNTRY_NAME } from './country-names';

/** One country a search found. */
export interface CountryMatch {
  code: string;
  name: string;
}

/** Lower case, without accents, apostrophes or dots, single spaces: how names are compared. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[\s\-_,()]+/g, ' ')
    .trim();
}

/** The English name of a code ("Italy" for IT), the code itself when it is not one. */
export function countryNameOf(code: string): string {
  if (code === UNKNOWN_COUNTRY) return UNKNOWN_COUNTRY_NAME;
  return Object.prototype.hasOwnProperty.call(COUNTRY_NAMES, code) ? COUNTRY_NAMES[code] : code;
}

const ALL: readonly CountryMatch[] = [...COUNTRY_CODES].map((code) => ({ code, name: countryNameOf(code) })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
const FOLDED = new Map(ALL.map((c) => [c.code, foldName(c.name)]));
const BY_NAME = new Map<string, string>([
  ...ALL.map((c) => [foldName(c.name), c.code] as [string, string]),
  ...Object.entries(COUNTRY_ALIASES).map(([alias, code]) => [foldName(alias), code] as [string, string]),
]);

/** Every country a board may use, by English name (XX included). */
export function allCountries(): readonly CountryMatch[] {
  return ALL;
}

/** How well a country fits a folded query: 0 exact, 1 name starts with it, 2 a word starts with it, 3 inside; null: no fit. */
function rank(country: CountryMatch, query: string): number | null {
  const name = FOLDED.get(country.code) ?? '';
  if (query.length === 2 && country.code.toLowerCase() === query) return 0;
  if (name === query || BY_NAME.get(query) === country.code) return 0;
  if (name.startsWith(query)) return 1;
  if (name.split(' ').some((word) => word.startsWith(query))) return 2;
  if (query.length >= 3 && name.includes(query)) return 3;
  return null;
}

/**
 * How well the country `code` fits `text` (0 its code or a name of it, 1 a name starts with it, 2 a word of a
 * name does, 3 inside the English name; null: no fit). `otherNames` are more names of it, such as the one in
 * the page's language ("Cina"); they are compared folded like the table's.
 */
export function countryFit(code: string, text: string, otherNames: readonly string[] = []): number | null {
  const query = foldName(text);
  if (query === '') return null;
  let best = rank({ code, name: countryNameOf(code) }, query);
  for (const other of otherNames) {
    const name = foldName(other);
    if (name === '') continue;
    const r = name === query ? 0 : name.startsWith(query) ? 1 : name.split(' ').some((word) => word.startsWith(query)) ? 2 : null;
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

/** The countries that fit `text`, best first (then by name); everything for an empty text; at most `limit`. */
export function searchCountries(text: string, limit = 12): CountryMatch[] {
  const query = foldName(text);
  if (query === '') return ALL.slice(0, limit);
  const found: { country: CountryMatch; rank: number }[] = [];
  for (const country of ALL) {
    const r = rank(country, query);
    if (r !== null) found.push({ country, rank: r });
  }
  found.sort((a, b) => a.rank - b.rank || a.country.name.localeCompare(b.country.name, 'en'));
  return found.slice(0, limit).map((f) => f.country);
}

/**
 * The code `text` stands for, or null: a code in any case, a name or other name, or the start of exactly
 * one country's name ("Ital" -> IT, while "Ni" stays open: Niger, Nigeria, Nicaragua...).
 */
export function resolveCountry(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && COUNTRY_CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const query = foldName(trimmed);
  if (query === '') return null;
  const named = BY_NAME.get(query);
  if (named !== undefined) return named;
  const starts = ALL.filter((c) => (FOLDED.get(c.code) ?? '').startsWith(query));
  return starts.length === 1 ? starts[0].code : null;
}
