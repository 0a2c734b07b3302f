/** The session's edit actions and the plain board it reads, on the version 2 fields (a real Y.Doc and UndoManager). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardActions } from '../../../client/sync/board-actions';
import { BoardReader } from '../../../client/sync/board-reader';
import type { Board } from '../../../shared/board/types';
import { validateBoard } from '../../../shared/board/validate';
import { BOARD_MAP_NAMES, EDGES_MAP, EXPANSIONS_MAP, META_MAP, PRICES_KEY, readBoardFromDoc, writeBoardToDoc } from '../../../shared/board/yjs-doc';
import { board, edge, node } from '../../utils/board-builder';

function session(start: Board) {
  const doc = writeBoardToDoc(new Y.Doc(), start);
  const origin = { test: true };
  const undo = new Y.UndoManager(BOARD_MAP_NAMES.map((name) => doc.getMap(name)), { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  const actions = createBoardActions(doc, origin, undo, { setCursor: () => {}, setSelection: () => {} });
  return { doc, actions, undo, reader: new BoardReader(doc) };
}

const start = () => board([node('r', 'refinery', 'MY'), node('m', 'manufacturer', 'JP')], [edge('cape', 'r', 'm', 'rare-earths-light', 0)]);
const expansion = { id: 'x1', label: 'Heavy circuit', enabled: true, node: 'r', capacity: { 'rare-earths-heavy': 300 } };
const floor = { id: 'p1', label: 'NdPr floor', enabled: true, mineral: 'rare-earths-light', stage: 'refining' as const, floor: 110, excludeCountries: ['CN'] };

describe('board actions, version 2', () => {
  it('stores an edge capacity as a plain number and delayDays beside it', () => {
    const { doc, actions } = session(start());
    actions.updateEdge('cape', { capacity: 40, delayDays: 12 });
    const stored = doc.getMap<Y.Map<unknown>>(EDGES_MAP).get('cape')!;
    expect(stored.get('capacity')).toBe(40);
    expect(readBoardFromDoc(doc).edges[0]).toStrictEqual({ ...edge('cape', 'r', 'm', 'rare-earths-light', 0), capacity: 40, delayDays: 12 });
  });

  it('adds and edits expansions and price floors, mineral by mineral, and the result validates', () => {
    const { doc, actions } = session(start());
    actions.addExpansion(expansion);
    actions.addPriceFloor(floor);
    const nested = doc.getMap<Y.Map<unknown>>(EXPANSIONS_MAP).get('x1')!.get('capacity');
    actions.updateExpansion('x1', { capacity: { 'rare-earths-heavy': 300, 'rare-earths-light': 1000 }, enabled: false });
    actions.updatePriceFloor('p1', { floor: 120, countries: ['AU', 'US'] });
    actions.updateNode('r', { recoveryDays: 90 });
    // The nested capacity map is edited in place, so a peer's edit of another mineral would survive.
    expect(doc.getMap<Y.Map<unknown>>(EXPANSIONS_MAP).get('x1')!.get('capacity')).toBe(nested);
    const read = readBoardFromDoc(doc);
    expect(read.scenario.expansions).toStrictEqual([{ ...expansion, enabled: false, capacity: { 'rare-earths-heavy': 300, 'rare-earths-light': 1000 } }]);
    expect(read.scenario.priceFloors).toStrictEqual([{ ...floor, floor: 120, countries: ['AU', 'US'] }]);
    expect(read.nodes[0].recoveryDays).toBe(90);
    expect(validateBoard(read)).toStrictEqual({ ok: true, board: read });
  });

  it('sets and removes prices, each change one undoable step', () => {
    const { doc, actions, undo } = session(start());
    actions.setPrice('gallium', 1750);
    actions.setPrice('cobalt', 0);
    expect(readBoardFromDoc(doc).prices).toStrictEqual({ cobalt: 0, gallium: 1750 });
    expect(doc.getMap(META_MAP).get(PRICES_KEY)).toBeInstanceOf(Y.Map);
    actions.setPrice('gallium', undefined);
    expect(readBoardFromDoc(doc).prices).toStrictEqual({ cobalt: 0 });
    undo.undo();
    expect(readBoardFromDoc(doc).prices).toStrictEqual({ cobalt: 0, gallium: 1750 });
  });

  it('deletes expansions and price floors by id', () => {
    const { doc, actions } = session(start());
    actions.addExpansion(expansion);
    actions.addPriceFloor(floor);
    actions.deleteItems(['x1', 'p1']);
    expect(readBoardFromDoc(doc).scenario).toMatchObject({ expansions: [], priceFloors: [] });
  });
});

describe('BoardReader, version 2', () => {
  it('gives views the prices, expansions and price floors, keeping unchanged ones identical', () => {
    const { actions, reader } = session(start());
    actions.addExpansion(expansion);
    actions.addPriceFloor(floor);
    actions.setPrice('gallium', 1750);
    const before = reader.board();
    expect(before.version).toBe(2);
    expect(before.prices).toStrictEqual({ gallium: 1750 });
    expect(before.scenario.expansions).toStrictEqual([expansion]);
    expect(before.scenario.priceFloors).toStrictEqual([floor]);
    expect(reader.board()).toBe(before);
    actions.updateEdge('cape', { volume: 5 });
    const after = reader.board();
    expect(after).not.toBe(before);
    expect(after.prices).toBe(before.prices);
    expect(after.scenario.expansions).toBe(before.scenario.expansions);
    expect(after.scenario.priceFloors).toBe(before.scenario.priceFloors);
    actions.setPrice('gallium', 1800);
    expect(reader.board().prices).toStrictEqual({ gallium: 1800 });
    actions.updatePriceFloor('p1', { enabled: false });
    expect(reader.board().scenario.priceFloors[0].enabled).toBe(false);
    expect(reader.board().scenario.expansions).toBe(before.scenario.expansions);
  });
});
