/**
 * The board rules zod's per-field schemas cannot state: unique ids, references that name existing items, and
 * fields that only make sense together. Checked on the raw input, so they are reported even when the schema fails.
 */
import { entries, hasKey, isRecord, type BoardProblem } from './problem';
import { ITEM_ID_PATTERN } from './types';

/** Ids of the objects in `list` (first index of each), with a problem for every repeated id. */
function collectIds(list: unknown, base: string, what: string, problems: BoardProblem[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const [item, index] of entries(list)) {
    if (!isRecord(item) || typeof item.id !== 'string') continue;
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, index);
    else
      problems.push({
        path: `${base}[${index}].id`,
        message: `${what} id ${JSON.stringify(item.id)} is used more than once (first at ${base}[${seen}]).`,
      });
  }
  return first;
}

function label(what: string, item: Record<string, unknown>): string {
  return typeof item.id === 'string' ? `${what} ${JSON.stringify(item.id)}` : `This ${what.toLowerCase()}`;
}

/** A reference that is a well-formed id but names nothing; malformed ids are already reported by the schema. */
function dangling(ref: unknown, known: Map<string, number>): ref is string {
  return typeof ref === 'string' && ITEM_ID_PATTERN.test(ref) && !known.has(ref);
}

function edgeProblems(edges: unknown, nodeIds: Map<string, number>, problems: BoardProblem[]): void {
  for (const [edge, i] of entries(edges)) {
    if (!isRecord(edge)) continue;
    if (dangling(edge.from, nodeIds))
      problems.push({ path: `edges[${i}].from`, message: `${label('Edge', edge)} starts at node ${JSON.stringify(edge.from)}, which does not exist.` });
    if (dangling(edge.to, nodeIds))
      problems.push({ path: `edges[${i}].to`, message: `${label('Edge', edge)} ends at node ${JSON.stringify(edge.to)}, which does not exist.` });
  }
}

function leverProblems(disruptions: unknown, nodeIds: Map<string, number>, edgeIds: Map<string, number>, problems: BoardProblem[]): void {
  for (const [d, i] of entries(disruptions)) {
    if (!isRecord(d) || !isRecord(d.target)) continue;
    const path = `scenario.disruptions[${i}].target`;
    const target = d.target;
    if (dangling(target.node, nodeIds))
      problems.push({ path: `${path}.node`, message: `${label('Disruption', d)} targets node ${JSON.stringify(target.node)}, which does not exist.` });
    if (dangling(target.edge, edgeIds))
      problems.push({ path: `${path}.edge`, message: `${label('Disruption', d)} targets edge ${JSON.stringify(target.edge)}, which does not exist.` });
    // `to` narrows an export control to some destinations; on anything else it would silently mean nothing.
    if (hasKey(target, 'country') && target.to !== undefined && target.exportsOnly !== true)
      problems.push({
        path: `${path}.to`,
        message: `${label('Disruption', d)} lists destination countries in "to", which only applies to exports: add "exportsOnly": true to its target or remove "to".`,
      });
  }
}

function expansionProblems(expansions: unknown, nodeIds: Map<string, number>, problems: BoardProblem[]): void {
  for (const [x, i] of entries(expansions)) {
    if (isRecord(x) && dangling(x.node, nodeIds))
      problems.push({ path: `scenario.expansions[${i}].node`, message: `${label('Expansion', x)} adds capacity to node ${JSON.stringify(x.node)}, which does not exist.` });
  }
}

/** Unique ids and existing references of the raw input (an object or not), with the path of each problem. */
export function referenceProblems(input: unknown): BoardProblem[] {
  const problems: BoardProblem[] = [];
  if (!isRecord(input)) return problems;
  const scenario = isRecord(input.scenario) ? input.scenario : {};
  const nodeIds = collectIds(input.nodes, 'nodes', 'Node', problems);
  const edgeIds = collectIds(input.edges, 'edges', 'Edge', problems);
  collectIds(scenario.disruptions, 'scenario.disruptions', 'Disruption', problems);
  collectIds(scenario.expansions, 'scenario.expansions', 'Expansion', problems);
  collectIds(scenario.priceFloors, 'scenario.priceFloors', 'Price floor', problems);
  collectIds(input.notes, 'notes', 'Note', problems);
  edgeProblems(input.edges, nodeIds, problems);
  leverProblems(scenario.disruptions, nodeIds, edgeIds, problems);
  expansionProblems(scenario.expansions, nodeIds, problems);
  return problems;
}
