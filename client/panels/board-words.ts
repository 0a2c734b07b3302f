/** Board items in words for the panels, in the page's language: labels by id, lever targets, the board's minerals. */
import type { IntlShape } from 'react-intl';
import type { Board, BoardEdge, DisruptionTarget, NodeKind } from '../../shared/board/types';
import { countryNameOf } from '../../shared/input/country-search';

/** Plural kind names ("refineries", "raffinerie"). */
export function kindsWords(intl: IntlShape, kinds: readonly NodeKind[]): string {
  return intl.formatList(kinds.map((k) => intl.formatMessage({ id: `panels.kinds.${k}` })), { type: 'conjunction' });
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/**
 * A country's name in the page's language ("China", "Cina"): English from the shared country table (the same in
 * every browser, and the names the country search knows), other languages from Intl.DisplayNames; the code itself
 * when it is not one.
 */
export function countryName(intl: IntlShape, code: string): string {
  if (code === 'XX') return intl.formatMessage({ id: 'panels.country.unknownWaters' });
  if (code === 'unknown') return intl.formatMessage({ id: 'panels.country.unknownOrigin' });
  if (code === 'unrefined') return intl.formatMessage({ id: 'panels.country.unrefined' });
  if (!/^[A-Z]{2}$/.test(code) || intl.locale.startsWith('en')) return countryNameOf(code);
  let names = regionNames.get(intl.locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([intl.locale], { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(intl.locale, names);
  }
  const name = names?.of(code);
  return name && name !== code ? name : countryNameOf(code);
}

/** A node's label by id, or the id itself when the node is missing. */
export function nodeLabel(board: Board, id: string): string {
  return board.nodes.find((n) => n.id === id)?.label ?? id;
}

/** An edge in words: its label, or "from → to (mineral)". */
export function edgeWords(board: Board, edge: BoardEdge): string {
  return edge.label ?? `${nodeLabel(board, edge.from)} → ${nodeLabel(board, edge.to)} (${edge.mineral})`;
}

/** Joins words as "a", "a and b", "a, b, and c" ("a, b e c"). */
export function joinWords(intl: IntlShape, words: string[]): string {
  return intl.formatList(words, { type: 'conjunction' });
}

/** What a lever hits, in words: "China refineries, exports only", "node Lobito rail", "edge Kolwezi → Lobito (cobalt)". */
export function targetWords(intl: IntlShape, board: Board, target: DisruptionTarget): string {
  const m = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `panels.target.${id}` }, values);
  if ('node' in target) return m('node', { name: nodeLabel(board, target.node) });
  if ('edge' in target) {
    const edge = board.edges.find((e) => e.id === target.edge);
    return m('edge', { name: edge ? edgeWords(board, edge) : target.edge });
  }
  const country = countryName(intl, target.country);
  const kinds = target.kinds && target.kinds.length > 0 ? m('countryKinds', { country, kinds: kindsWords(intl, target.kinds) }) : m('wholeCountry', { country });
  if (!target.exportsOnly) return kinds;
  if (target.to === undefined) return m('exportsOnly', { what: kinds });
  return target.to.length === 0 ? m('exportsToNone', { what: kinds }) : m('exportsTo', { what: kinds, to: joinWords(intl, target.to) });
}

/** The minerals of a lever in words. */
export function mineralWords(intl: IntlShape, minerals: string[] | undefined): string {
  if (minerals === undefined) return intl.formatMessage({ id: 'panels.minerals.all' });
  return minerals.length === 0 ? intl.formatMessage({ id: 'panels.minerals.none' }) : minerals.join(', ');
}

/** Every mineral the board mentions (edges, capacity, demand, stock, levers), sorted. */
export function boardMinerals(board: Board): string[] {
  const found = new Set<string>();
  for (const e of board.edges) found.add(e.mineral);
  for (const n of board.nodes) for (const m of [n.capacity, n.demand, n.stock]) for (const key of Object.keys(m ?? {})) found.add(key);
  for (const d of board.scenario.disruptions) for (const key of d.minerals ?? []) found.add(key);
  return [...found].sort();
}

/** "passes 30%": the share of planned flow a lever lets through. */
export function passesWords(intl: IntlShape, factor: number): string {
  return intl.formatMessage({ id: 'panels.lever.passes' }, { share: intl.formatNumber(factor, { style: 'percent', maximumFractionDigits: 0 }) });
}

/**
 * What a country lever cuts, in words, following the material's origin (scenario analysis v2 section 2):
 * "Cuts China-refined material leaving China, to United States only".
 */
export function exportWords(intl: IntlShape, target: { country: string; kinds?: NodeKind[]; exportsOnly?: boolean; to?: string[] }): string {
  const m = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.cuts.${id}` }, values);
  const country = countryName(intl, target.country);
  const kinds = target.kinds ?? [];
  if (!target.exportsOnly) return kinds.length === 0 ? m('everyNode', { country }) : m('wholeOutput', { country, kinds: kindsWords(intl, kinds) });
  const parts: string[] = [];
  if (kinds.length === 0) parts.push(m('allMaterial'));
  if (kinds.includes('refinery')) parts.push(m('refined', { country }));
  if (kinds.includes('mine')) parts.push(m('mined', { country }));
  if (kinds.includes('manufacturer')) parts.push(m('made', { country }));
  const others = kinds.filter((k) => k !== 'refinery' && k !== 'mine' && k !== 'manufacturer');
  if (others.length > 0) parts.push(m('shipped', { country, kinds: kindsWords(intl, others) }));
  const what = joinWords(intl, parts);
  if (target.to === undefined) return m('leaving', { what, country });
  if (target.to.length === 0) return m('leavingToNone', { what, country });
  return m('leavingTo', { what, country, to: joinWords(intl, target.to.map((c) => countryName(intl, c))) });
}
