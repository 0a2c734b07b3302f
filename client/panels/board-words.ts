/** Board items in words for the panels: labels by id, lever targets, the board's minerals. */
import type { Board, BoardEdge, DisruptionTarget, NodeKind } from '../../shared/board/types';
import { countryNameOf } from '../../shared/input/country-search';

const KIND_PLURAL: Record<NodeKind, string> = {
  mine: 'mines', refinery: 'refineries', transport: 'corridors and ports', stockpile: 'stockpiles', recycler: 'recyclers', consumer: 'consumers', manufacturer: 'manufacturers',
};

/** A country's English name ("China" for CN, from the shared country table, the same in every browser); the code itself when it is not one. */
export function countryName(code: string): string {
  if (code === 'XX') return 'international waters / unknown';
  if (code === 'unknown') return 'unknown origin';
  if (code === 'unrefined') return 'not refined';
  return countryNameOf(code);
}

/** A node's label by id, or the id itself when the node is missing. */
export function nodeLabel(board: Board, id: string): string {
  return board.nodes.find((n) => n.id === id)?.label ?? id;
}

/** An edge in words: its label, or "from → to (mineral)". */
export function edgeWords(board: Board, edge: BoardEdge): string {
  return edge.label ?? `${nodeLabel(board, edge.from)} → ${nodeLabel(board, edge.to)} (${edge.mineral})`;
}

/** Joins words as "a", "a and b", "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What a lever hits, in words: "China refineries, exports only", "node Lobito rail", "edge Kolwezi → Lobito (cobalt)". */
export function targetWords(board: Board, target: DisruptionTarget): string {
  if ('node' in target) return `node ${nodeLabel(board, target.node)}`;
  if ('edge' in target) {
    const edge = board.edges.find((e) => e.id === target.edge);
    return `edge ${edge ? edgeWords(board, edge) : target.edge}`;
  }
  const name = countryName(target.country);
  const kinds = target.kinds && target.kinds.length > 0 ? `${name} ${joinWords(target.kinds.map((k) => KIND_PLURAL[k]))}` : `all of ${name}`;
  if (!target.exportsOnly) return kinds;
  return target.to === undefined ? `${kinds}, exports only` : `${kinds}, exports to ${target.to.length === 0 ? 'no destination' : joinWords(target.to)} only`;
}

/** The minerals of a lever in words. */
export function mineralWords(minerals: string[] | undefined): string {
  return minerals === undefined ? 'all minerals' : minerals.length === 0 ? 'no minerals' : minerals.join(', ');
}

/** Every mineral the board mentions (edges, capacity, demand, stock, levers), sorted. */
export function boardMinerals(board: Board): string[] {
  const found = new Set<string>();
  for (const e of board.edges) found.add(e.mineral);
  for (const n of board.nodes) for (const m of [n.capacity, n.demand, n.stock]) for (const key of Object.keys(m ?? {})) found.add(key);
  for (const d of board.scenario.disruptions) for (const key of d.minerals ?? []) found.add(key);
  return [...found].sort();
}

/** "passes 30 %": the share of planned flow a lever lets through. */
export function passesWords(factor: number): string {
  return `passes ${Math.round(factor * 100)} %`;
}

/**
 * What a country lever cuts, in words, following the material's origin (scenario analysis v2 section 2):
 * "Cuts China-refined material leaving China, to United States only".
 */
export function exportWords(target: { country: string; kinds?: NodeKind[]; exportsOnly?: boolean; to?: string[] }): string {
  const name = countryName(target.country);
  const kinds = target.kinds ?? [];
  if (!target.exportsOnly) {
    return kinds.length === 0 ? `Cuts every node in ${name}.` : `Cuts ${name}'s ${joinWords(kinds.map((k) => KIND_PLURAL[k]))} (their whole output).`;
  }
  const parts: string[] = [];
  if (kinds.length === 0) parts.push('all material');
  if (kinds.includes('refinery')) parts.push(`${name}-refined material`);
  if (kinds.includes('mine')) parts.push(`${name}-mined material`);
  if (kinds.includes('manufacturer')) parts.push(`components made in ${name}`);
  const others = kinds.filter((k) => k !== 'refinery' && k !== 'mine' && k !== 'manufacturer');
  if (others.length > 0) parts.push(`what ${name}'s ${joinWords(others.map((k) => KIND_PLURAL[k]))} ship`);
  const to = target.to === undefined ? '' : target.to.length === 0 ? ', to no destination (it cuts nothing)' : `, to ${joinWords(target.to.map(countryName))} only`;
  return `Cuts ${joinWords(parts)} leaving ${name}${to}, whichever node in ${name} ships it.`;
}
