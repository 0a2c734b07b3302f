/**
 * Reads a live Y.Doc through the document schema (doc-schema.ts): what in it does not fit, item by item.
 * The client skips such items instead of drawing them; the server leaves them out of what it exports, and
 * tests use it to prove that nothing the server accepted breaks the schema.
 */
import * as Y from 'yjs';
import { describePath, isMapSpec, plainValueProblem, rootSpec, specAt, type DocPath } from './doc-schema';

/** The first thing at `path` (and below it) that does not fit the schema, or null. */
export function entryProblem(path: DocPath, value: unknown): string | null {
  const where = describePath(path);
  const spec = specAt(path);
  if (!spec.ok) return spec.problem;
  if (value instanceof Y.Map) {
    if (!isMapSpec(spec.spec)) return `${where} must be a plain value, not a nested map`;
    for (const [key, inner] of value.entries()) {
      const problem = entryProblem([...path, key], inner);
      if (problem) return problem;
    }
    return null;
  }
  if (value instanceof Y.AbstractType || value instanceof Y.Doc) return `${where} holds a Yjs type the board document does not have`;
  if (isMapSpec(spec.spec)) return `${where} must be a nested map`;
  return plainValueProblem(spec.spec, value, where);
}

/** One entry that does not fit, with the top-level map and key it sits under. */
export interface DocProblem {
  map: string;
  key: string;
  problem: string;
}

/**
 * Every top-level entry of the doc that does not fit the schema (at most one problem per entry). Maps that
 * are not part of the document count when they hold anything; a root that is not a map counts as one problem.
 */
export function docProblems(doc: Y.Doc): DocProblem[] {
  const problems: DocProblem[] = [];
  for (const name of [...doc.share.keys()]) {
    let map: Y.Map<unknown>;
    try {
      // A root first created by an update is a placeholder; reading it as a map is what every peer does.
      map = doc.getMap(name);
    } catch {
      problems.push({ map: name, key: '', problem: `${JSON.stringify(name)} is not a map` });
      continue;
    }
    if (rootSpec(name) === null) {
      if (map.size > 0) problems.push({ map: name, key: '', problem: `${JSON.stringify(name)} is not a map of the board document` });
      continue;
    }
    for (const [key, value] of map.entries()) {
      const problem = entryProblem([name, key], value);
      if (problem) problems.push({ map: name, key, problem });
    }
  }
  return problems;
}

/** Where the items of each top-level item map sit in a board file (v2 fields are read only if present). */
const ITEM_LISTS: Readonly<Record<string, (board: Record<string, unknown>) => unknown>> = {
  nodes: (b) => b.nodes,
  edges: (b) => b.edges,
  notes: (b) => b.notes,
  disruptions: (b) => (b.scenario as Record<string, unknown> | undefined)?.disruptions,
  expansions: (b) => (b.scenario as Record<string, unknown> | undefined)?.expansions,
  priceFloors: (b) => (b.scenario as Record<string, unknown> | undefined)?.priceFloors,
};
/** Where each meta field sits in a board file, and what stands in for one that does not fit. */
const META_FIELDS: Readonly<Record<string, { get: (b: Record<string, unknown>) => Record<string, unknown>; key: string; fallback?: unknown }>> = {
  title: { get: (b) => b, key: 'title', fallback: 'Untitled board' },
  description: { get: (b) => b, key: 'description' },
  scenarioName: { get: (b) => (b.scenario ?? {}) as Record<string, unknown>, key: 'name', fallback: 'Baseline' },
  prices: { get: (b) => b, key: 'prices' },
};

/**
 * Reads the board a doc holds (with `read`, e.g. readBoardFromDoc) and leaves out every item and meta field
 * that does not fit the schema, so what comes out is plain JSON data (no BigInt, no Yjs type) whatever a
 * client managed to put into the doc. `skipped` names what was left out.
 */
export function readCheckedBoard<B extends object>(doc: Y.Doc, read: (doc: Y.Doc) => B): { board: B; skipped: DocProblem[] } {
  const skipped = docProblems(doc);
  const board = read(doc) as B & Record<string, unknown>;
  for (const { map, key } of skipped) {
    const list = ITEM_LISTS[map]?.(board);
    if (Array.isArray(list)) {
      const at = list.findIndex((item) => (item as { id?: unknown } | null)?.id === key);
      if (at >= 0) list.splice(at, 1);
    } else if (map === 'meta' && Object.prototype.hasOwnProperty.call(META_FIELDS, key)) {
      const field = META_FIELDS[key];
      const holder = field.get(board);
      if (field.fallback === undefined) delete holder[field.key];
      else holder[field.key] = field.fallback;
    }
  }
  return { board, skipped };
}
