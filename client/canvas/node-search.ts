/** Finding nodes by label, country (code or English name) or tag, best matches first. */
import type { BoardNode } from '../../shared/board/types';

/** One search result: the node and what matched, in words. */
export interface NodeMatch {
  node: BoardNode;
  /** "label", "country" or "tag: <tag>". */
  matched: string;
}

let names: Intl.DisplayNames | null | undefined;

/** The English name of a country code ("CD" -> "Congo - Kinshasa"), or '' when unknown. */
export function countryName(code: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      names = null;
    }
  }
  if (!names || !/^[A-Z]{2}$/.test(code) || code === 'XX') return '';
  try {
    const name = names.of(code);
    return name && name !== code ? name : '';
  } catch {
    return '';
  }
}

/** Lower case without accents, so "Québec" matches "quebec". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** Nodes matching the query, at most `limit`: label starts, then label contains, country code, country name, tag. */
export function searchNodes(nodes: readonly BoardNode[], query: string, limit = 8): NodeMatch[] {
  const q = fold(query);
  if (q === '') return [];
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
    if (fold(node.country) === q) offer(1, 'country');
    const country = fold(countryName(node.country));
    if (q.length >= 3 && country !== '' && (country.startsWith(q) || country.split(/[\s-]+/).some((w) => w.startsWith(q)))) offer(3, 'country');
    for (const tag of node.tags ?? []) if (fold(tag).includes(q)) offer(4, `tag: ${tag}`);
    if (score < Infinity) scored.push({ match: { node, matched }, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.match);
}
