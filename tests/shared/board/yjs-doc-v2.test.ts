/** The version 2 additions to the live document (scenario-analysis.md section 1): layout, round trip, concurrent edits. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Board } from '../../../shared/board/types';
import { validateBoard } from '../../../shared/board/validate';
import {
  BOARD_MAP_NAMES, EDGES_MAP, EXPANSIONS_MAP, META_MAP, NODES_MAP, PRICE_FLOORS_MAP, PRICES_KEY, RANK_KEY,
  expansionToYMap, nextRank, readBoardFromDoc, writeBoardToDoc,
} from '../../../shared/board/yjs-doc';
import { copyOf, exchange } from '../../utils/doc-peers';

/** A small v2 board with every new field. */
function v2Board(): Board {
  return {
    format: 'lodestone.board', version: 2, title: 'Magnets', prices: { gallium: 0, 'rare-earths-light': 51 },
    nodes: [
      { id: 'ref', kind: 'refinery', label: 'Kuantan', country: 'MY', position: { x: 0, y: 0 }, recoveryDays: 90 },
      { id: 'mag', kind: 'manufacturer', label: 'Magnets', country: 'JP', position: { x: 100, y: 0 } },
    ],
    edges: [
      { id: 'suez', from: 'ref', to: 'mag', mineral: 'rare-earths-light', volume: 90, capacity: 100 },
      { id: 'cape', from: 'ref', to: 'mag', mineral: 'rare-earths-light', volume: 0, capacity: 40, delayDays: 12 },
    ],
    scenario: {
      name: 'Base',
      disruptions: [{ id: 'd1', label: 'Ban to JP', enabled: true, target: { country: 'MY', exportsOnly: true, to: ['JP'] }, factor: 0, days: 60 }],
      expansions: [
        { id: 'x1', label: 'Heavy circuit', enabled: true, node: 'ref', capacity: { 'rare-earths-heavy': 300 } },
        { id: 'x0', label: 'Corridor', enabled: false, node: 'mag', capacity: {} },
      ],
      priceFloors: [{ id: 'p1', label: 'Floor', enabled: true, mineral: 'rare-earths-light', stage: 'refining', floor: 110, excludeCountries: ['CN'], countries: [] }],
    },
    notes: [],
  };
}

const item = (doc: Y.Doc, map: string, id: string) => doc.getMap<Y.Map<unknown>>(map).get(id)!;

describe('live document layout, version 2', () => {
  it('holds the new fields where the contract says', () => {
    const doc = writeBoardToDoc(new Y.Doc(), v2Board());
    expect(BOARD_MAP_NAMES).toEqual(expect.arrayContaining([EXPANSIONS_MAP, PRICE_FLOORS_MAP]));
    expect([EXPANSIONS_MAP, PRICE_FLOORS_MAP]).toEqual(['expansions', 'priceFloors']);
    const prices = doc.getMap(META_MAP).get(PRICES_KEY);
    expect(prices).toBeInstanceOf(Y.Map);
    expect((prices as Y.Map<number>).toJSON()).toEqual({ gallium: 0, 'rare-earths-light': 51 });
    expect(item(doc, NODES_MAP, 'ref').get('recoveryDays')).toBe(90);
    expect(item(doc, NODES_MAP, 'mag').get('kind')).toBe('manufacturer');
    expect(item(doc, EDGES_MAP, 'cape').get('capacity')).toBe(40);
    expect(item(doc, EDGES_MAP, 'cape').get('delayDays')).toBe(12);
    const x1 = item(doc, EXPANSIONS_MAP, 'x1');
    expect(x1.get('node')).toBe('ref');
    expect(x1.get('capacity')).toBeInstanceOf(Y.Map);
    expect(x1.get(RANK_KEY)).toBe(0);
    expect(item(doc, EXPANSIONS_MAP, 'x0').get(RANK_KEY)).toBe(1);
    const p1 = item(doc, PRICE_FLOORS_MAP, 'p1');
    expect(p1.get('excludeCountries')).toEqual(['CN']);
    expect(p1.get('excludeCountries')).not.toBeInstanceOf(Y.AbstractType);
    expect(p1.get('stage')).toBe('refining');
  });

  it('reads back exactly the board, through an encoded update, and it validates unchanged', () => {
    const read = readBoardFromDoc(copyOf(writeBoardToDoc(new Y.Doc(), v2Board())));
    expect(read).toStrictEqual(v2Board());
    expect(validateBoard(read)).toStrictEqual({ ok: true, board: v2Board() });
  });

  it('keeps board order of expansions by rank, not by id', () => {
    const read = readBoardFromDoc(writeBoardToDoc(new Y.Doc(), v2Board()));
    expect(read.scenario.expansions.map((x) => x.id)).toEqual(['x1', 'x0']);
  });

  it('leaves prices absent when the board has none, and clears them on a rewrite', () => {
    const doc = writeBoardToDoc(new Y.Doc(), v2Board());
    const { prices: _prices, ...withoutPrices } = v2Board();
    writeBoardToDoc(doc, withoutPrices);
    expect(doc.getMap(META_MAP).has(PRICES_KEY)).toBe(false);
    expect('prices' in readBoardFromDoc(doc)).toBe(false);
  });

  it('reads a v1-era document (no new maps or fields) as a v2 board with empty lists', () => {
    const doc = new Y.Doc();
    doc.getMap(META_MAP).set('title', 'Old');
    doc.getMap(META_MAP).set('scenarioName', 'Baseline');
    const read = readBoardFromDoc(doc);
    expect(read.version).toBe(2);
    expect(read.scenario).toStrictEqual({ name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] });
  });

  it('reads an expansion and prices a foreign client wrote as plain objects', () => {
    const doc = writeBoardToDoc(new Y.Doc(), v2Board());
    doc.getMap(META_MAP).set(PRICES_KEY, { 'rare-earths-light': 60, cobalt: 30 });
    doc.getMap(EXPANSIONS_MAP).set('x9', { label: 'Plain', enabled: true, node: 'ref', capacity: { cobalt: 5 }, rank: 9 });
    const read = readBoardFromDoc(doc);
    expect(Object.keys(read.prices!)).toEqual(['cobalt', 'rare-earths-light']);
    expect(read.scenario.expansions.at(-1)).toStrictEqual({ id: 'x9', label: 'Plain', enabled: true, node: 'ref', capacity: { cobalt: 5 } });
  });
});

describe('concurrent edits, version 2', () => {
  it('keeps both peers prices for different minerals', () => {
    const a = writeBoardToDoc(new Y.Doc(), v2Board());
    const b = copyOf(a);
    const pricesIn = (doc: Y.Doc) => doc.getMap(META_MAP).get(PRICES_KEY) as Y.Map<number>;
    pricesIn(a).set('cobalt', 33);
    pricesIn(b).set('gallium', 1750);
    exchange(a, b);
    const expected = { cobalt: 33, gallium: 1750, 'rare-earths-light': 51 };
    expect(readBoardFromDoc(a).prices).toStrictEqual(expected);
    expect(readBoardFromDoc(b)).toStrictEqual(readBoardFromDoc(a));
  });

  it('keeps both peers changes to different minerals of one expansion, and both added expansions', () => {
    const a = writeBoardToDoc(new Y.Doc(), v2Board());
    const b = copyOf(a);
    (item(a, EXPANSIONS_MAP, 'x1').get('capacity') as Y.Map<number>).set('rare-earths-light', 1000);
    (item(b, EXPANSIONS_MAP, 'x1').get('capacity') as Y.Map<number>).set('rare-earths-heavy', 400);
    const mapA = a.getMap<unknown>(EXPANSIONS_MAP);
    const mapB = b.getMap<unknown>(EXPANSIONS_MAP);
    mapA.set('xa', expansionToYMap({ id: 'xa', label: 'A', enabled: true, node: 'ref', capacity: {} }, nextRank(mapA)));
    mapB.set('xb', expansionToYMap({ id: 'xb', label: 'B', enabled: true, node: 'mag', capacity: {} }, nextRank(mapB)));
    exchange(a, b);
    const read = readBoardFromDoc(a);
    expect(read.scenario.expansions[0].capacity).toStrictEqual({ 'rare-earths-heavy': 400, 'rare-earths-light': 1000 });
    expect(read.scenario.expansions.map((x) => x.id)).toEqual(['x1', 'x0', 'xa', 'xb']);
    expect(readBoardFromDoc(b)).toStrictEqual(read);
  });
});
