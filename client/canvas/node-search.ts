/** Finding nodes by label, country (code, the country table's name or the name in the page's language) or tag, best matches first. */
import { UNKNOWN_COUNTRY } from '../../shared/board/countries';
import { countryFit, countryNameOf } from '../../shared/input/country-search';
import type { BoardNode } from '../../shared/board/types';

/** One search result: the node and what matched, in words. */
export interface NodeMatch {
  node: BoardNode;
  /** "label", "country" or "tag: <tag>". */
  matched: string;
}

/** The language the page is shown in (the browser's), 'en' outside a browser. */
export function pageLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en';
}

const displayNames = new Map<string, Intl.DisplayNames | null>();
const localNames = new Map<string, string>();

/** The runtime's name of a country code in `locale` ("Cina" for CN in "it"), or '' when it has none. */
export function localCountryName(code: string, locale: string): string {
  if (!/^[A-Z]{2}$/.test(code) || code === UNKNOWN_COUNTRY) return '';
  const key = `${locale}|${code}`;
  const known = localNames.get(key);
  if (known !== undefined) return known;
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'region' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  let name = '';
  try {
    const found = displayNames.get(locale)?.of(code);
    name = found && found !== code ? found : '';
  } catch {
    name = '';
  }
  localNames.set(key, name);
  return name;
}

/** The name a result shows for a country: the table's in English, the runtime's in another language (the table's when it has none). */
export function countryLabel(code: string, locale: string = pageLocale()): string {
  const table = countryNameOf(code);
  if (/^en\b/i.test(locale)) return table;
  return localCountryName(code, locale) || table;
}

/**
 * How well the country `code` fits `query`: 0 for its code or a whole name of it, 1 when a name of it starts
 * with the query or a word of one does (from 3 letters), null otherwise. Names: the country table's with its
 * other names ("UK", "Ivory Coast"), and the runtime's in `locale` ("Cina" in Italian, "Congo - Kinshasa").
 */
export function countryMatch(code: string, query: string, locale: string = pageLocale()): 0 | 1 | null {
  const fit = countryFit(code, query, [localCountryName(code, locale)]);
  if (fit === 0) return 0;
  return fit !== null && fit <= 2 && query.trim().length >= 3 ? 1 : null;
}

/** Lower case without accents, so "Québec" matches "quebec". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** Options of searchNodes. */
export interface SearchOptions {
  /** At most this many results (8). */
  limit?: number;
  /** The page's language, for country names (navigator.language). */
  locale?: string;
}

/** Nodes matching the query, at most `limit`: label starts, then a word of the label or a country's code or name, label contains, start of a country's name, tag. */
export function searchNodes(nodes: readonly BoardNode[], query: string, { limit = 8, locale = pageLocale() }: SearchOptions = {}): NodeMatch[] {
  const q = fold(query);
  if (q === '') return [];
  const countries = new Map<string, 0 | 1 | null>();
  const scored: { match: NodeMatch; score: number; index: number }[] = [];
  nodes.forEach((node, index) => {
    const label = fold(node.label);
    const words = label.split(/[\s,.;:()/-]+/);
    let score = Infinity;
    let matched = '';
    const offer = (s: number, what: string) => {
      if (s < score) [score, matched] = [s, what];
    };
    if (label.startsWith(q)) offer(0, 'label');
    else if (words.some((w) => w.startsWith(q))) offer(1, 'label');
    else if (label.includes(q)) offer(2, 'label');
    if (!countries.has(node.country)) countries.set(node.country, countryMatch(node.country, query, locale));
    const country = countries.get(node.country);
    if (country === 0) offer(1, 'country');
    else if (country === 1) offer(3, 'country');
    for (const tag of node.tags ?? []) if (fold(tag).includes(q)) offer(4, `tag: ${tag}`);
    if (score < Infinity) scored.push({ match: { node, matched }, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.match);
}
