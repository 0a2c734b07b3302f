/**
 * The live document's schema: every top-level map a board's Y.Doc may hold, the keys each may have, the
 * value type under each key, and who may write it. One declarative table (DOC_SCHEMA) covers the v1 layout
 * of board-format.md, the v2 additions of scenario-analysis.md section 1 and the workshop maps (comments,
 * facilitation, ballots, activity). Types, not business rules: a negative volume is the engine's business
 * (it warns), a BigInt, a nested Y.Doc or an unknown key is not part of the document at all.
 * Pure: the server checks updates against it, the client reads the document through it.
 */
import { DISRUPTIONS_MAP, EDGES_MAP, EXPANSIONS_MAP, META_MAP, NODES_MAP, NOTES_MAP, PRICE_FLOORS_MAP, PRICES_KEY, RANK_KEY } from './doc-layout';
import { MAX_COMMENTS } from '../workshop/comments';
import { MAX_BALLOTS } from '../workshop/vote';
import { ITEM_ID_PATTERN, MINERAL_KEY_PATTERN } from './types';
/** Name of the map of comment id -> comment Y.Map (workshop). */
export const COMMENTS_MAP = 'comments';
/** Name of the map holding the facilitator's timer and vote (workshop). */
export const FACILITATION_MAP = 'facilitation';
/** Name of the map of `<voteId>|<personId>` -> ballot (workshop; written by the server only). */
export const BALLOTS_MAP = 'ballots';
/** Name of the map of activity id -> activity entry (workshop). */
export const ACTIVITY_MAP = 'activity';

/** Who writes a document change: a connection's role, or the server itself (restore, import, ballots). */
export type DocWriter = 'facilitator' | 'editor' | 'server';

/** The type of one value. `ymap` and `ymap-record` are nested Y.Maps; everything else is a plain JSON value. */
export type ValueSpec =
  | { type: 'string'; max?: number; oneOf?: readonly string[]; pattern?: RegExp }
  | { type: 'number'; integer?: boolean; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'array'; of: ValueSpec; max?: number }
  /** A plain object with these fields only; `required` must be present, the others may be absent (or undefined). */
  | { type: 'object'; fields: Readonly<Record<string, ValueSpec>>; required?: readonly string[] }
  /** A nested Y.Map with these keys only. */
  | { type: 'ymap'; fields: Readonly<Record<string, ValueSpec>> }
  /** A nested Y.Map whose keys match `key`, each holding `value`. */
  | { type: 'ymap-record'; key: RegExp; value: ValueSpec };

/** One top-level map: its entries (item ids each holding `item`, or fixed `fields`) and who may write it. */
export interface RootSpec {
  entries: { key: RegExp; item: ValueSpec } | { fields: Readonly<Record<string, ValueSpec>> };
  writers: readonly DocWriter[];
  /** Most entries the map may hold (an update that would add more is refused). */
  maxEntries?: number;
}

const text: ValueSpec = { type: 'string' };
const shortText = (max: number): ValueSpec => ({ type: 'string', max });
const oneOf = (...values: string[]): ValueSpec => ({ type: 'string', oneOf: values });
const num: ValueSpec = { type: 'number' };
const flag: ValueSpec = { type: 'boolean' };
const texts: ValueSpec = { type: 'array', of: text };
const point: ValueSpec = { type: 'object', fields: { x: num, y: num }, required: ['x', 'y'] };
const amounts: ValueSpec = { type: 'ymap-record', key: MINERAL_KEY_PATTERN, value: num };
const ranked = (fields: Record<string, ValueSpec>): ValueSpec => ({ type: 'ymap', fields: { ...fields, [RANK_KEY]: num } });

const EDITORS: readonly DocWriter[] = ['editor', 'facilitator', 'server'];
const FACILITATORS: readonly DocWriter[] = ['facilitator', 'server'];
const SERVER: readonly DocWriter[] = ['server'];

/** `<voteId>|<personId>`, each part an item id. */
export const BALLOT_KEY_PATTERN = new RegExp(`^${ITEM_ID_PATTERN.source.slice(1, -1)}\\|${ITEM_ID_PATTERN.source.slice(1, -1)}$`);

/** Every top-level map of a board's live document. Anything not here is not part of the document. */
export const DOC_SCHEMA: Readonly<Record<string, RootSpec>> = {
  [NODES_MAP]: {
    entries: {
      key: ITEM_ID_PATTERN,
      item: ranked({
        kind: text, label: text, country: text, position: point, lat: num, lon: num,
        capacity: amounts, demand: amounts, stock: amounts, tags: texts, recoveryDays: num,
      }),
    },
    writers: EDITORS,
  },
  [EDGES_MAP]: {
    entries: { key: ITEM_ID_PATTERN, item: ranked({ from: text, to: text, mineral: text, volume: num, label: text, capacity: num, delayDays: num }) },
    writers: EDITORS,
  },
  [DISRUPTIONS_MAP]: {
    entries: {
      key: ITEM_ID_PATTERN,
      item: ranked({
        label: text, enabled: flag, factor: num, days: num, minerals: texts,
        // The three target forms share one object type: node, edge, or country with its options (v2: `to`).
        target: { type: 'object', fields: { node: text, edge: text, country: text, kinds: texts, exportsOnly: flag, to: texts } },
      }),
    },
    writers: EDITORS,
  },
  [META_MAP]: { entries: { fields: { title: text, description: text, scenarioName: text, [PRICES_KEY]: amounts } }, writers: EDITORS },
  [NOTES_MAP]: { entries: { key: ITEM_ID_PATTERN, item: ranked({ text, position: point }) }, writers: EDITORS },
  [EXPANSIONS_MAP]: {
    entries: { key: ITEM_ID_PATTERN, item: ranked({ label: text, enabled: flag, node: text, capacity: amounts }) },
    writers: EDITORS,
  },
  [PRICE_FLOORS_MAP]: {
    entries: {
      key: ITEM_ID_PATTERN,
      item: ranked({ label: text, enabled: flag, mineral: text, stage: text, floor: num, countries: texts, excludeCountries: texts }),
    },
    writers: EDITORS,
  },
  [COMMENTS_MAP]: {
    entries: {
      key: ITEM_ID_PATTERN,
      item: {
        type: 'ymap',
        fields: {
          target: { type: 'object', fields: { type: oneOf('node', 'edge', 'lever', 'note'), id: text }, required: ['type', 'id'] },
          author: shortText(80), color: { type: 'string', pattern: /^#[0-9a-fA-F]{6}$/ }, text: shortText(2000),
          createdAt: num, resolved: flag, parent: text, person: shortText(64),
        },
      },
    },
    writers: EDITORS,
    maxEntries: MAX_COMMENTS,
  },
  [FACILITATION_MAP]: {
    entries: {
      fields: {
        timer: {
          type: 'object',
          fields: { state: oneOf('idle', 'running', 'paused'), durationMs: { type: 'number', min: 0 }, endsAt: num, remainingMs: num, by: shortText(80) },
          required: ['state', 'durationMs'],
        },
        vote: {
          type: 'object',
          fields: {
            id: text, subject: oneOf('levers', 'snapshots'), options: { type: 'array', of: text, max: 100 }, labels: { type: 'array', of: shortText(200), max: 100 },
            perPerson: { type: 'number', integer: true, min: 1, max: 10 }, status: oneOf('open', 'closed', 'revealed'), by: shortText(80),
          },
          required: ['id', 'subject', 'options', 'perPerson', 'status'],
        },
      },
    },
    writers: FACILITATORS,
  },
  [BALLOTS_MAP]: { entries: { key: BALLOT_KEY_PATTERN, item: { type: 'array', of: text, max: 10 } }, writers: SERVER, maxEntries: MAX_BALLOTS },
  [ACTIVITY_MAP]: {
    entries: {
      key: ITEM_ID_PATTERN,
      item: {
        type: 'object',
        fields: {
          type: oneOf('arrange', 'restore', 'import', 'lever', 'csv-import', 'timer', 'vote'),
          by: shortText(80), at: num, detail: shortText(200),
        },
        required: ['type', 'by', 'at'],
      },
    },
    writers: EDITORS,
  },
};

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** The root map's spec, or null for a map that is not part of the document. */
export function rootSpec(name: string): RootSpec | null {
  return own(DOC_SCHEMA, name) ? DOC_SCHEMA[name] : null;
}

/** Whether `writer` may insert or delete entries anywhere in the root map `name`. */
export function mayWrite(name: string, writer: DocWriter): boolean {
  return rootSpec(name)?.writers.includes(writer) ?? false;
}

/** A place in the document: the root map's name, then the keys down to the entry. */
export type DocPath = readonly string[];

/** Where a path is in words, for messages: `nodes["n1"].capacity["cobalt"]`. */
export function describePath(path: DocPath): string {
  return path.map((key, i) => (i === 0 ? key : `[${JSON.stringify(key)}]`)).join('');
}

/** The spec of a key inside a map-valued spec, or null when the key is not allowed there. */
function childSpec(parent: ValueSpec, key: string): ValueSpec | null {
  if (parent.type === 'ymap') return own(parent.fields, key) ? parent.fields[key] : null;
  if (parent.type === 'ymap-record') return parent.key.test(key) ? parent.value : null;
  return null;
}

/**
 * The spec of the entry at `path` (root map, key, then keys inside nested Y.Maps), or a sentence saying
 * why nothing may be there.
 */
export function specAt(path: DocPath): { ok: true; spec: ValueSpec } | { ok: false; problem: string } {
  const root = path.length > 0 ? rootSpec(path[0]) : null;
  if (!root) return { ok: false, problem: `${JSON.stringify(path[0] ?? '')} is not a map of the board document` };
  if (path.length < 2) return { ok: false, problem: `${path[0]} holds keyed entries only` };
  const key = path[1];
  let spec: ValueSpec | null;
  if ('fields' in root.entries) spec = own(root.entries.fields, key) ? root.entries.fields[key] : null;
  else spec = root.entries.key.test(key) ? root.entries.item : null;
  for (let i = 2; spec !== null && i < path.length; i++) spec = childSpec(spec, path[i]);
  return spec === null ? { ok: false, problem: `${describePath(path)} is not a key the board document has` } : { ok: true, spec };
}

/** Whether a spec is held as a nested Y.Map (as opposed to a plain value). */
export function isMapSpec(spec: ValueSpec): spec is Extract<ValueSpec, { type: 'ymap' | 'ymap-record' }> {
  return spec.type === 'ymap' || spec.type === 'ymap-record';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Checks a plain (non-Yjs) value against a spec; null when it fits, else a sentence naming where it does
 * not. A map spec never fits a plain value (those are nested Y.Maps in the document).
 */
export function plainValueProblem(spec: ValueSpec, value: unknown, where: string): string | null {
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return `${where} must be text`;
      if (spec.max !== undefined && value.length > spec.max) return `${where} is longer than ${spec.max} characters`;
      if (spec.oneOf && !spec.oneOf.includes(value)) return `${where} must be one of ${spec.oneOf.join(', ')}`;
      if (spec.pattern && !spec.pattern.test(value)) return `${where} is not in the expected form`;
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${where} must be a finite number`;
      if (spec.integer && !Number.isInteger(value)) return `${where} must be a whole number`;
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) return `${where} is out of range`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${where} must be true or false`;
    case 'array': {
      if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return `${where} must be a list`;
      if (spec.max !== undefined && value.length > spec.max) return `${where} has more than ${spec.max} entries`;
      for (let i = 0; i < value.length; i++) {
        const problem = plainValueProblem(spec.of, value[i], `${where}[${i}]`);
        if (problem) return problem;
      }
      return null;
    }
    case 'object': {
      if (!isPlainObject(value)) return `${where} must be a plain object`;
      for (const key of Object.keys(value)) {
        if (!own(spec.fields, key)) return `${where} has an unknown field ${JSON.stringify(key)}`;
        if (value[key] === undefined) continue;
        const problem = plainValueProblem(spec.fields[key], value[key], `${where}.${key}`);
        if (problem) return problem;
      }
      for (const key of spec.required ?? []) if (value[key] === undefined) return `${where} lacks ${key}`;
      return null;
    }
    default:
      return `${where} must be a nested map, not a plain value`;
  }
}
