/**
 * The update gate on real Yjs updates: every edit the client's own actions make, the v2 and workshop
 * shapes, pass; every value the schema does not allow, in whatever way Yjs can carry it (a fresh entry,
 * an overwrite located through its origin, a nested type, a deletion), is refused before anything is applied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardActions } from '../../../client/sync/board-actions';
import { docProblems } from '../../../shared/board/doc-check';
import type { DocWriter } from '../../../shared/board/doc-schema';
import type { Board } from '../../../shared/board/types';
import { validateBoard } from '../../../shared/board/validate';
import { writeBoardToDoc } from '../../../shared/board/yjs-doc';
import { checkUpdate, type GateVerdict, type UpdateLimits } from '../../../server/rooms/update-gate';

const LIMITS: UpdateLimits = { maxItems: 200_000, maxClients: 64, maxBoardClients: 5000, maxBoardBytes: 64 * 1024 * 1024 };
/** A seed board as the server reads it (validated: a file of any version comes out as the current board). */
function seed(name: string): Board {
  const checked = validateBoard(JSON.parse(readFileSync(join(import.meta.dirname, `../../../seeds/${name}.json`), 'utf8')));
  if (!checked.ok) throw new Error(`seed ${name} is invalid`);
  return checked.board;
}

/** A server doc and a client doc in sync; `edit` runs on the client and returns the gate's verdict on the update it made. */
function pair(board: Board = seed('africa-corridors')) {
  const server = new Y.Doc();
  writeBoardToDoc(server, board);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const edit = (fn: (doc: Y.Doc) => void, writer: DocWriter = 'editor', limits = LIMITS): GateVerdict => {
    const before = Y.encodeStateVector(client);
    fn(client);
    const update = Y.encodeStateAsUpdate(client, before);
    const verdict = checkUpdate(server, update, writer, limits, 0);
    if (verdict.ok) Y.applyUpdate(server, update);
    return verdict;
  };
  return { server, client, edit };
}

const refused = (verdict: GateVerdict, reason?: string) => {
  expect(verdict.ok).toBe(false);
  if (!verdict.ok && reason) expect(verdict.reason).toBe(reason);
  if (!verdict.ok) expect(verdict.message).toMatch(/^[A-Z].*[.;]/);
};
const node = (doc: Y.Doc, id: string) => doc.getMap('nodes').get(id) as Y.Map<unknown>;

describe('update gate: what the product writes passes', () => {
  it('a whole seed board written into an empty doc, by an editor and by the server', () => {
    for (const name of ['africa-corridors', 'arctic', 'allied-refiners']) {
      const doc = new Y.Doc();
      writeBoardToDoc(doc, seed(name));
      const update = Y.encodeStateAsUpdate(doc);
      for (const writer of ['editor', 'server'] as const) expect(checkUpdate(new Y.Doc(), update, writer, LIMITS, 0), name).toEqual({ ok: true });
    }
  });

  it('every action of the board page (add, edit, move, paste, delete, import, undo) passes, and the doc stays schema-clean', () => {
    const { server, client, edit } = pair();
    const origin = { session: 't' };
    const undo = new Y.UndoManager(['nodes', 'edges', 'disruptions', 'meta', 'notes'].map((n) => client.getMap(n)), { trackedOrigins: new Set([origin]) });
    const actions = createBoardActions(client, origin, undo, { setCursor: () => undefined, setSelection: () => undefined });
    const board = seed('africa-corridors');
    const [first, second] = board.nodes;
    const steps: Array<() => void> = [
      () => actions.addNode({ id: 'n-new', kind: 'mine', label: 'New mine', country: 'CD', position: { x: 1, y: 2 }, capacity: { cobalt: 3 }, tags: ['estimate'] }),
      () => actions.updateNode('n-new', { label: 'Renamed', capacity: { cobalt: 4, copper: 1 }, lat: 1.5, lon: 2.5 }),
      () => actions.updateNode('n-new', { capacity: undefined, tags: undefined }),
      () => actions.moveNodes({ [first.id]: { x: 10, y: 20 }, [second.id]: { x: -5, y: 0.5 } }, true),
      () => actions.addEdge({ id: 'e-new', from: first.id, to: 'n-new', mineral: 'cobalt', volume: 5, label: 'by rail' }),
      () => actions.updateEdge('e-new', { volume: 7, label: undefined }),
      () => actions.addLever({ id: 'l-new', label: 'Ban', enabled: true, target: { country: 'CN', kinds: ['refinery'], exportsOnly: true }, minerals: ['cobalt'], factor: 0, days: 30 }),
      () => actions.updateLever('l-new', { target: { node: first.id }, minerals: undefined }),
      () => actions.addNote({ id: 'note-new', text: 'Hello', position: { x: 0, y: 0 } }),
      () => actions.updateNote('note-new', { text: 'Changed' }),
      () => actions.setTitle('New title'),
      () => actions.paste({ nodes: [first, second], edges: board.edges.slice(0, 2) }, { x: 40, y: 40 }),
      () => actions.arrange({ [first.id]: { x: 0, y: 0 } }),
      () => actions.deleteItems([second.id, 'l-new', 'note-new']),
      () => actions.replaceBoard(seed('arctic')),
      () => actions.undo(),
      () => actions.redo(),
    ];
    for (const [i, step] of steps.entries()) expect(edit(() => step()), `step ${i}`).toEqual({ ok: true });
    expect(docProblems(server)).toEqual([]);
    expect(server.getMap('meta').toJSON()).toEqual(client.getMap('meta').toJSON());
  });

  it('the v2 fields and the workshop maps in their agreed shapes pass', () => {
    const { edit, server } = pair();
    const firstId = [...server.getMap('nodes').keys()][0];
    const v2 = edit((doc) => {
      node(doc, firstId).set('recoveryDays', 90);
      node(doc, firstId).set('kind', 'manufacturer');
      (doc.getMap('edges').get([...doc.getMap('edges').keys()][0]) as Y.Map<unknown>).set('capacity', 50);
      doc.getMap('meta').set('prices', new Y.Map([['cobalt', 33.5]]));
      doc.getMap('expansions').set('x1', new Y.Map<unknown>([['label', 'Online'], ['enabled', true], ['node', firstId], ['capacity', new Y.Map([['cobalt', 300]])], ['rank', 0]]));
      doc.getMap('priceFloors').set('p1', new Y.Map<unknown>([['label', 'Floor'], ['enabled', true], ['mineral', 'cobalt'], ['stage', 'refining'], ['floor', 110], ['excludeCountries', ['CN']], ['rank', 0]]));
      doc.getMap('disruptions').set('d-to', new Y.Map<unknown>([['label', 'US only'], ['enabled', false], ['target', { country: 'CN', exportsOnly: true, to: ['US'] }], ['factor', 0], ['days', 10], ['rank', 9]]));
    });
    expect(v2).toEqual({ ok: true });
    const workshop = edit((doc) => {
      doc.getMap('comments').set('c1', new Y.Map<unknown>([['target', { type: 'node', id: firstId }], ['author', 'Ana'], ['color', '#aa00ff'], ['text', 'Check this'], ['createdAt', 1700000000000], ['resolved', false]]));
      doc.getMap('comments').set('c2', new Y.Map<unknown>([['target', { type: 'lever', id: 'd-to' }], ['author', 'Bo'], ['text', 'Agreed'], ['createdAt', 1700000000001], ['resolved', false], ['parent', 'c1']]));
      doc.getMap('activity').set('a1', { type: 'arrange', by: 'Ana', at: 1700000000000 });
      doc.getMap('activity').set('a2', { type: 'vote', by: 'Ana', at: 1700000000002, detail: 'opened a vote' });
    });
    expect(workshop).toEqual({ ok: true });
    const facilitation = edit((doc) => {
      doc.getMap('facilitation').set('timer', { state: 'running', durationMs: 300000, endsAt: 1700000300000, by: 'Ana' });
      doc.getMap('facilitation').set('vote', { id: 'v1', subject: 'levers', options: ['d-to'], perPerson: 3, status: 'open', by: 'Ana' });
    }, 'facilitator');
    expect(facilitation).toEqual({ ok: true });
    expect(edit((doc) => doc.getMap('ballots').set('v1|person-1', ['d-to']), 'server')).toEqual({ ok: true });
    expect(docProblems(server)).toEqual([]);
  });
});

describe('update gate: what does not fit is refused before it is applied', () => {
  const firstNode = (server: Y.Doc) => [...server.getMap('nodes').keys()][0];

  it('values the schema does not allow in a node field: a Y.Doc, a nested Y.Map, a BigInt, a Y.XmlText, a Y.Array, a Y.Text, binary, NaN, undefined', () => {
    const bad: Array<[string, () => unknown]> = [
      ['subdoc', () => new Y.Doc()],
      ['nested map', () => new Y.Map([['x', 1]])],
      ['bigint', () => 10n],
      ['xml text', () => new Y.XmlText('x')],
      ['array', () => Y.Array.from([1])],
      ['text', () => new Y.Text('label')],
      ['binary', () => new Uint8Array([1, 2])],
      ['NaN', () => Number.NaN],
      ['object', () => ({ nested: true })],
    ];
    for (const [what, value] of bad) {
      const { server, edit } = pair();
      const id = firstNode(server);
      const before = Y.encodeStateAsUpdate(server);
      refused(edit((doc) => node(doc, id).set('label', value() as never)), 'schema');
      expect(Y.encodeStateAsUpdate(server), what).toEqual(before);
    }
  });

  it('unknown maps, unknown keys, bad item ids, plain items where a Y.Map belongs, list content', () => {
    const cases: Array<(doc: Y.Doc, id: string) => void> = [
      (doc) => doc.getMap('evil').set('x', 1),
      (doc, id) => node(doc, id).set('colour', 'red'),
      (doc) => doc.getMap('meta').set('version', 3),
      (doc) => doc.getMap('nodes').set('bad id!', new Y.Map()),
      (doc) => doc.getMap('nodes').set('n-plain', { kind: 'mine', label: 'x' }),
      (doc, id) => (node(doc, id).get('capacity') as Y.Map<unknown> | undefined ?? node(doc, id).set('capacity', new Y.Map())).set('Not A Mineral', 1),
      (doc) => doc.getArray('nodes-list').insert(0, [1]),
      (doc) => doc.getText('meta-text').insert(0, 'x'),
      (doc, id) => node(doc, id).set('position', { x: 1 }),
      (doc, id) => node(doc, id).set('tags', ['ok', 3]),
      (doc) => doc.getMap('activity').set('a1', { type: 'nope', by: 'x', at: 1 }),
      (doc) => doc.getMap('comments').set('c1', new Y.Map<unknown>([['text', 'x'.repeat(2001)]])),
    ];
    for (const [i, fn] of cases.entries()) {
      const { server, edit } = pair();
      const before = Y.encodeStateAsUpdate(server);
      const verdict = edit((doc) => fn(doc, firstNode(server)));
      expect(verdict.ok, `case ${i}`).toBe(false);
      expect(Y.encodeStateAsUpdate(server), `case ${i}`).toEqual(before);
    }
  });

  it('an overwrite (located through its origin, not a parent field) is checked at the place it lands', () => {
    const { server, edit } = pair();
    const id = firstNode(server);
    expect(edit((doc) => node(doc, id).set('label', 'fine'))).toEqual({ ok: true });
    // The second write of the key has the first as its origin: no parent is encoded.
    const sv = Y.encodeStateVector(server);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    node(client, id).set('label', 5n as never);
    const update = Y.encodeStateAsUpdate(client, sv);
    const [item] = Y.decodeUpdate(update).structs as Y.Item[];
    expect(item.parent).toBeNull();
    expect(item.origin).not.toBeNull();
    refused(checkUpdate(server, update, 'editor', LIMITS, 0), 'schema');
  });

  it('roles: an editor may not write or delete in facilitation or ballots; a facilitator may not write ballots', () => {
    const { edit } = pair();
    refused(edit((doc) => doc.getMap('facilitation').set('timer', { state: 'idle', durationMs: 0 }), 'editor'), 'role');
    refused(edit((doc) => doc.getMap('ballots').set('v1|p1', ['x']), 'facilitator'), 'role');
    const { edit: edit2, server } = pair();
    expect(edit2((doc) => doc.getMap('ballots').set('v1|p1', ['x']), 'server')).toEqual({ ok: true });
    expect(edit2((doc) => doc.getMap('facilitation').set('timer', { state: 'idle', durationMs: 0 }), 'facilitator')).toEqual({ ok: true });
    refused(edit2((doc) => doc.getMap('ballots').delete('v1|p1'), 'editor'), 'role');
    refused(edit2((doc) => doc.getMap('facilitation').delete('timer'), 'editor'), 'role');
    expect(server.getMap('ballots').get('v1|p1')).toEqual(['x']);
  });

  it('an update that builds on content the server never had is refused for connections (they resend it after a reconnect)', () => {
    const { server, client } = pair();
    const id = firstNode(server);
    const sv = Y.encodeStateVector(client);
    client.getMap('notes').set('hidden', new Y.Map([['text', 'first']]));
    const svHidden = Y.encodeStateVector(client);
    (client.getMap('notes').get('hidden') as Y.Map<unknown>).set('text', 'second');
    const later = Y.encodeStateAsUpdate(client, svHidden);
    refused(checkUpdate(server, later, 'editor', LIMITS, 0), 'unknown-parent');
    // With what it builds on, it passes.
    expect(checkUpdate(server, Y.encodeStateAsUpdate(client, sv), 'editor', LIMITS, 0)).toEqual({ ok: true });
    expect(id).toBeTruthy();
  });

  it('limits: items per update, client ids per update, client ids per board, bytes per board', () => {
    const { server } = pair();
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 80; i++) {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
      const sv = Y.encodeStateVector(d);
      d.getMap('notes').set(`n${i}`, new Y.Map([['text', 'x']]));
      parts.push(Y.encodeStateAsUpdate(d, sv));
    }
    const many = Y.mergeUpdates(parts);
    refused(checkUpdate(server, many, 'editor', LIMITS, 0), 'too-many-clients');
    refused(checkUpdate(server, many, 'editor', { ...LIMITS, maxItems: 100 }, 0), 'too-many-items');
    const few = Y.mergeUpdates(parts.slice(0, 10));
    expect(checkUpdate(server, few, 'editor', LIMITS, 0)).toEqual({ ok: true });
    refused(checkUpdate(server, few, 'editor', { ...LIMITS, maxBoardClients: server.store.clients.size + 9 }, 0), 'board-clients');
    refused(checkUpdate(server, few, 'editor', LIMITS, LIMITS.maxBoardBytes - 10), 'board-full');
  });
});
