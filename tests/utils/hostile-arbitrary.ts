/**
 * fast-check arbitraries for a hostile client of a board: random frames, valid-but-hostile Yjs updates
 * (wrong value types, unknown maps and keys, nested Yjs types, huge item counts, foreign client ids,
 * updates that build on what the server never had) and random awareness. Updates are real Yjs updates,
 * made by applying the mutation to a copy of an honest client's doc.
 */
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeAwareness, encodeUpdate } from '../../server/protocol/messages';

/** What a value in a mutation is made of (built fresh for each use: Yjs types cannot be inserted twice). */
export type ValueKind =
  | 'string' | 'number' | 'nan' | 'infinity' | 'boolean' | 'null' | 'undefined' | 'bigint' | 'binary'
  | 'point' | 'bad-object' | 'strings' | 'mixed-list' | 'y-map' | 'y-array' | 'y-text' | 'y-xml-text' | 'y-xml-element' | 'y-doc';

const VALUE_KINDS: ValueKind[] = [
  'string', 'number', 'nan', 'infinity', 'boolean', 'null', 'undefined', 'bigint', 'binary',
  'point', 'bad-object', 'strings', 'mixed-list', 'y-map', 'y-array', 'y-text', 'y-xml-text', 'y-xml-element', 'y-doc',
];

/** A fresh value of a kind. */
export function makeValue(kind: ValueKind, seed: number): unknown {
  switch (kind) {
    case 'string': return `v${seed}`;
    case 'number': return seed / 7;
    case 'nan': return Number.NaN;
    case 'infinity': return Number.POSITIVE_INFINITY;
    case 'boolean': return seed % 2 === 0;
    case 'null': return null;
    case 'undefined': return undefined;
    case 'bigint': return BigInt(seed);
    case 'binary': return new Uint8Array([seed & 255, 1, 2]);
    case 'point': return { x: seed, y: -seed };
    case 'bad-object': return { x: seed, evil: true };
    case 'strings': return [`a${seed}`, 'b'];
    case 'mixed-list': return ['a', seed, { deep: [1] }];
    case 'y-map': return new Y.Map<unknown>([['text', `m${seed}`], ['x', seed]]);
    case 'y-array': return Y.Array.from([1, 2, seed]);
    case 'y-text': return new Y.Text(`t${seed}`);
    case 'y-xml-text': return new Y.XmlText(`x${seed}`);
    case 'y-xml-element': return new Y.XmlElement('p');
    case 'y-doc': return new Y.Doc();
  }
}

/** Maps, keys and fields to aim at: the schema's, and some it does not have. */
const MAPS = ['nodes', 'edges', 'disruptions', 'meta', 'notes', 'expansions', 'priceFloors', 'comments', 'facilitation', 'ballots', 'activity', 'evil', '__proto__', 'Nodes'];
const KEYS = ['n1', 'title', 'description', 'timer', 'vote', 'v1|p1', 'a1', 'bad id!', '', '__proto__', 'constructor', 'x'.repeat(70)];
const FIELDS = ['label', 'kind', 'country', 'position', 'lat', 'capacity', 'tags', 'rank', 'text', 'volume', 'target', 'colour', '__proto__'];
const MINERALS = ['cobalt', 'gallium', 'Not-A-Mineral', '__proto__', '1x'];

/** One change a hostile client makes to its copy of the board. */
export type Mutation =
  | { type: 'root-entry'; map: string; key: string; value: ValueKind; seed: number }
  | { type: 'item-field'; map: 'nodes' | 'edges' | 'notes' | 'disruptions'; index: number; field: string; value: ValueKind; seed: number }
  | { type: 'amount'; index: number; mineral: string; value: ValueKind; seed: number }
  | { type: 'delete'; map: string; index: number }
  | { type: 'list'; name: string; seed: number }
  | { type: 'text'; name: string; seed: number }
  | { type: 'valid-note'; key: string; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ type: fc.constant('root-entry' as const), map: fc.constantFrom(...MAPS), key: fc.constantFrom(...KEYS), value: fc.constantFrom(...VALUE_KINDS), seed: fc.nat(1000) }),
  fc.record({ type: fc.constant('item-field' as const), map: fc.constantFrom('nodes' as const, 'edges' as const, 'notes' as const, 'disruptions' as const), index: fc.nat(20), field: fc.constantFrom(...FIELDS), value: fc.constantFrom(...VALUE_KINDS), seed: fc.nat(1000) }),
  fc.record({ type: fc.constant('amount' as const), index: fc.nat(20), mineral: fc.constantFrom(...MINERALS), value: fc.constantFrom(...VALUE_KINDS), seed: fc.nat(1000) }),
  fc.record({ type: fc.constant('delete' as const), map: fc.constantFrom(...MAPS), index: fc.nat(20) }),
  fc.record({ type: fc.constant('list' as const), name: fc.constantFrom('nodes', 'list', 'meta'), seed: fc.nat(1000) }),
  fc.record({ type: fc.constant('text' as const), name: fc.constantFrom('notes', 'text'), seed: fc.nat(1000) }),
  fc.record({ type: fc.constant('valid-note' as const), key: fc.constantFrom('f1', 'f2', 'f3'), text: fc.string({ maxLength: 20 }) }),
);

/** Applies a mutation to a doc (Yjs may refuse some on the spot, e.g. a type name used as another type: then nothing happens). */
export function applyMutation(doc: Y.Doc, m: Mutation): void {
  const itemOf = (map: string, index: number) => {
    const keys = [...doc.getMap(map).keys()];
    const value = keys.length > 0 ? doc.getMap(map).get(keys[index % keys.length]) : undefined;
    return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
  };
  try {
    switch (m.type) {
      case 'root-entry':
        doc.getMap(m.map).set(m.key, makeValue(m.value, m.seed));
        return;
      case 'item-field':
        itemOf(m.map, m.index)?.set(m.field, makeValue(m.value, m.seed));
        return;
      case 'amount': {
        const node = itemOf('nodes', m.index);
        if (!node) return;
        let amounts = node.get('capacity');
        if (!(amounts instanceof Y.Map)) node.set('capacity', (amounts = new Y.Map()));
        (amounts as Y.Map<unknown>).set(m.mineral, makeValue(m.value, m.seed));
        return;
      }
      case 'delete': {
        const keys = [...doc.getMap(m.map).keys()];
        if (keys.length > 0) doc.getMap(m.map).delete(keys[m.index % keys.length]);
        return;
      }
      case 'list':
        doc.getArray(m.name).insert(0, [m.seed, 'x']);
        return;
      case 'text':
        doc.getText(m.name).insert(0, `t${m.seed}`);
        return;
      case 'valid-note':
        doc.getMap('notes').set(m.key, new Y.Map<unknown>([['text', m.text], ['position', { x: 1, y: 2 }], ['rank', 1]]));
    }
  } catch {
    // A root name already used with another type: Yjs throws before changing anything.
  }
}

/** How the hostile update of one action is put together. */
export type UpdateShape =
  /** The mutations as one client (a random client id). */
  | { shape: 'one-client'; client: number }
  /** The mutations spread over several client ids (foreign ids), merged into one update. */
  | { shape: 'many-clients'; clients: number[] }
  /** Hundreds of small valid items in one update. */
  | { shape: 'huge'; count: number; client: number }
  /** Only the second of two successive updates: it builds on one the server never gets. */
  | { shape: 'orphan'; client: number };

const clientId = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const shapeArb: fc.Arbitrary<UpdateShape> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ shape: fc.constant('one-client' as const), client: clientId }) },
  { weight: 2, arbitrary: fc.record({ shape: fc.constant('many-clients' as const), clients: fc.uniqueArray(clientId, { minLength: 2, maxLength: 14 }) }) },
  { weight: 1, arbitrary: fc.record({ shape: fc.constant('huge' as const), count: fc.integer({ min: 100, max: 900 }), client: clientId }) },
  { weight: 1, arbitrary: fc.record({ shape: fc.constant('orphan' as const), client: clientId }) },
);

/** Builds the update of one action from (the state update of) the honest doc the attacker copied. */
export function buildUpdate(base: Uint8Array, mutations: readonly Mutation[], shape: UpdateShape): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  const as = (client: number) => {
    // Later transactions are made under this id: what a client writing with several (foreign) ids sends.
    doc.clientID = client;
  };
  switch (shape.shape) {
    case 'one-client':
      as(shape.client);
      mutations.forEach((m) => applyMutation(doc, m));
      break;
    case 'many-clients':
      shape.clients.forEach((client, i) => {
        as(client);
        applyMutation(doc, mutations[i % mutations.length]);
      });
      break;
    case 'huge':
      as(shape.client);
      doc.transact(() => {
        for (let i = 0; i < shape.count; i++) doc.getMap('activity').set(`h${i}`, { type: 'arrange', by: 'bot', at: i });
      });
      break;
    case 'orphan': {
      as(shape.client);
      doc.getMap('notes').set('orphan', new Y.Map<unknown>([['text', 'base']]));
      const afterBase = Y.encodeStateVector(doc);
      mutations.forEach((m) => applyMutation(doc, m));
      return Y.encodeStateAsUpdate(doc, afterBase);
    }
  }
  return Y.encodeStateAsUpdate(doc, before);
}

/** An awareness frame of random states, some for the honest clients' ids. */
export type AwarenessAction = { ids: number[]; spoofHonest: boolean; clock: number; state: unknown };

const awarenessArb: fc.Arbitrary<AwarenessAction> = fc.record({
  ids: fc.uniqueArray(clientId, { minLength: 1, maxLength: 12 }),
  spoofHonest: fc.boolean(),
  clock: fc.nat(10_000),
  state: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 3 }), fc.record({ user: fc.record({ name: fc.string({ maxLength: 20 }), color: fc.string({ maxLength: 8 }) }), cursor: fc.record({ x: fc.double(), y: fc.double() }), presenting: fc.anything() }), fc.constant({ selection: ['x'.repeat(70 * 1024)] })),
});

/** Encodes an awareness action (honest ids are added when it spoofs them). */
export function awarenessFrame(action: AwarenessAction, honestIds: readonly number[]): Uint8Array {
  const ids = action.spoofHonest ? [...honestIds, ...action.ids] : action.ids;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, ids.length);
  for (const id of ids) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, action.clock + 1000);
    encoding.writeVarString(e, JSON.stringify(action.state) ?? 'null');
  }
  return encodeAwareness(encoding.toUint8Array(e));
}

/** One thing the hostile client does. */
export type HostileAction =
  | { kind: 'update'; mutations: Mutation[]; shape: UpdateShape; asSyncStep2: boolean }
  | { kind: 'awareness'; action: AwarenessAction }
  | { kind: 'frame'; bytes: Uint8Array };

const frameArb = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.tuple(fc.constantFrom([0, 0], [0, 1], [0, 2], [1], [3], [0, 9]), fc.uint8Array({ maxLength: 100 })).map(([prefix, rest]) => Uint8Array.from([...prefix, ...rest])),
);

/** One case: a role to connect with and a few actions. */
export interface HostileCase {
  role: 'editor' | 'viewer' | 'facilitator';
  actions: HostileAction[];
}

/** The arbitrary of a case. */
export const hostileCaseArb: fc.Arbitrary<HostileCase> = fc.record({
  role: fc.constantFrom('editor' as const, 'editor' as const, 'facilitator' as const, 'viewer' as const),
  actions: fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('update' as const), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }), shape: shapeArb, asSyncStep2: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('awareness' as const), action: awarenessArb }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('frame' as const), bytes: frameArb }) },
    ),
    { minLength: 1, maxLength: 3 },
  ),
});

/** The frame of an update action (as an update, or as a sync step 2, which the server handles alike). */
export function updateFrame(update: Uint8Array, asSyncStep2: boolean): Uint8Array {
  if (!asSyncStep2) return encodeUpdate(update);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}
