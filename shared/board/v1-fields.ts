/**
 * A file that says `"version": 1` is read as a version 2 board with none of the new fields. A version 1 file
 * that uses one anyway was most likely edited by hand without raising its version: it is refused with the
 * path of each such field, rather than read as something its version does not describe.
 */
import { entries, hasKey, isRecord, type BoardProblem } from './problem';

const NEWER = 'is part of board format version 2, but this file says "version": 1; set "version" to 2 to use it.';

function fieldsOf(list: unknown, base: string, fields: readonly string[], out: BoardProblem[]): void {
  for (const [item, i] of entries(list)) {
    for (const field of fields) if (hasKey(item, field)) out.push({ path: `${base}[${i}].${field}`, message: `"${field}" ${NEWER}` });
  }
}

/** The version 2 fields and the `manufacturer` kind in a raw input whose version is 1 (none for any other input). */
export function v2FieldsInV1(input: unknown): BoardProblem[] {
  if (!isRecord(input) || input.version !== 1) return [];
  const out: BoardProblem[] = [];
  const manufacturer = (path: string) => out.push({ path, message: `The kind "manufacturer" ${NEWER}` });
  if (hasKey(input, 'prices')) out.push({ path: 'prices', message: `"prices" ${NEWER}` });
  for (const [node, i] of entries(input.nodes)) if (isRecord(node) && node.kind === 'manufacturer') manufacturer(`nodes[${i}].kind`);
  fieldsOf(input.nodes, 'nodes', ['recoveryDays'], out);
  fieldsOf(input.edges, 'edges', ['capacity', 'delayDays'], out);
  const scenario = isRecord(input.scenario) ? input.scenario : {};
  for (const [d, i] of entries(scenario.disruptions)) {
    const target = isRecord(d) && isRecord(d.target) ? d.target : {};
    const base = `scenario.disruptions[${i}].target`;
    if (hasKey(target, 'to')) out.push({ path: `${base}.to`, message: `"to" ${NEWER}` });
    for (const [kind, k] of entries(target.kinds)) if (kind === 'manufacturer') manufacturer(`${base}.kinds[${k}]`);
  }
  for (const field of ['expansions', 'priceFloors']) {
    if (hasKey(scenario, field)) out.push({ path: `scenario.${field}`, message: `"${field}" ${NEWER}` });
  }
  return out;
}
