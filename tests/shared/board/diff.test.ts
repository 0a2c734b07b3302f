/** diffBoards / diffExposure / compareBoards: hand-made cases (exposure numbers worked in comments) and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBoards, diffBoards, diffExposure, type BoardDiff, type ExposureDelta, type ItemDiff } from '../../../shared/board/diff';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';
import { boardArbitrary } from '../../utils/board-arbitrary';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { firstDifference } from '../../utils/close-to';

const EMPTY: BoardDiff = {
  nodes: { added: [], removed: [], changed: [] },
  edges: { added: [], removed: [], changed: [] },
  levers: { added: [], removed: [], changed: [] },
  expansions: { added: [], removed: [], changed: [] },
  priceFloors: { added: [], removed: [], changed: [] },
  meta: [],
};

const ids = (items: Array<{ id: string }>): string[] => items.map((i) => i.id);

describe('diffBoards by hand', () => {
  it('reports added, removed and changed nodes, with nested amounts as dotted fields', () => {
    const from = board(
      [node('a', 'mine', 'CD', { capacity: { cobalt: 120, nickel: 5 } }), node('b', 'refinery', 'CN'), node('c', 'consumer', 'DE')],
      [],
    );
    const to = board(
      [node('a', 'mine', 'CD', { label: 'Mine A', capacity: { cobalt: 80, lithium: 10 } }), node('c', 'consumer', 'DE'), node('d', 'refinery', 'FI')],
      [],
    );
    const diff = diffBoards(from, to);
    expect(ids(diff.nodes.added)).toEqual(['d']);
    expect(ids(diff.nodes.removed)).toEqual(['b']);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'a',
        before: from.nodes[0],
        after: to.nodes[0],
        fields: [
          { field: 'label', before: 'a', after: 'Mine A' },
          { field: 'capacity.cobalt', before: 120, after: 80 },
          { field: 'capacity.lithium', before: undefined, after: 10 },
          { field: 'capacity.nickel', before: 5, after: undefined },
        ],
      },
    ]);
    expect(diff.edges).toEqual(EMPTY.edges);
    expect(diff.meta).toEqual([]);
  });

  it('orders added, removed and changed items by id, not by array order', () => {
    const from = board([node('q', 'mine', 'CD'), node('p', 'mine', 'CD'), node('y', 'mine', 'CD'), node('x', 'mine', 'CD')], []);
    const to = board([node('z', 'mine', 'CD'), node('m', 'mine', 'CD'), node('y', 'mine', 'AU'), node('x', 'mine', 'AU')], []);
    const diff = diffBoards(from, to);
    expect(ids(diff.nodes.added)).toEqual(['m', 'z']);
    expect(ids(diff.nodes.removed)).toEqual(['p', 'q']);
    expect(diff.nodes.changed.map((c) => c.id)).toEqual(['x', 'y']);
  });

  it('reports a node that gained an empty amounts object as the whole field', () => {
    const diff = diffBoards(board([node('a', 'mine', 'CD')], []), board([node('a', 'mine', 'CD', { stock: {} })], []));
    expect(diff.nodes.changed[0].fields).toEqual([{ field: 'stock', before: undefined, after: {} }]);
  });

  it('reports an edge volume change and a label that appeared', () => {
    const from = board([], [edge('e1', 'a', 'b', 'cobalt', 100)]);
    const to = board([], [{ ...edge('e1', 'a', 'b', 'cobalt', 50), label: 'via Durban' }]);
    expect(diffBoards(from, to).edges.changed[0].fields).toEqual([
      { field: 'volume', before: 100, after: 50 },
      { field: 'label', before: undefined, after: 'via Durban' },
    ]);
  });

  it('reports a lever factor change and a target change as dotted fields', () => {
    const before = disruption('d1', { country: 'CN', kinds: ['refinery'] }, 0, 180, { minerals: ['gallium'] });
    const after = disruption('d1', { country: 'RU', kinds: ['refinery'] }, 0.25, 180, { minerals: ['gallium', 'germanium'] });
    const diff = diffBoards(board([], [], [before]), board([], [], [after]));
    expect(diff.levers.changed).toEqual([
      {
        id: 'd1',
        before,
        after,
        fields: [
          { field: 'target.country', before: 'CN', after: 'RU' },
          { field: 'minerals', before: ['gallium'], after: ['gallium', 'germanium'] },
          { field: 'factor', before: 0, after: 0.25 },
        ],
      },
    ]);
  });

  it('reports title, description and scenario name changes as meta', () => {
    const from = board([], []);
    const to: Board = { ...board([], []), title: 'Africa corridors', description: 'Cobalt routes', scenario: { name: 'Ban', disruptions: [], expansions: [], priceFloors: [] } };
    expect(diffBoards(from, to).meta).toEqual([
      { field: 'title', before: 'test board', after: 'Africa corridors' },
      { field: 'description', before: undefined, after: 'Cobalt routes' },
      { field: 'scenario.name', before: 'test', after: 'Ban' },
    ]);
  });

  it('reports a moved node, unless positions are ignored', () => {
    const from = board([node('a', 'mine', 'CD')], []);
    const moved = board([{ ...node('a', 'mine', 'CD'), position: { x: 40, y: 0 } }], []);
    expect(diffBoards(from, moved).nodes.changed[0].fields).toEqual([{ field: 'position.x', before: 0, after: 40 }]);
    expect(diffBoards(from, moved, { ignorePositions: true })).toEqual(EMPTY);
  });

  it('still reports the other fields of a moved node when positions are ignored', () => {
    const from = board([node('a', 'mine', 'CD')], []);
    const to = board([{ ...node('a', 'mine', 'CD'), position: { x: 40, y: 9 }, country: 'ZM' }], []);
    expect(diffBoards(from, to, { ignorePositions: true }).nodes.changed[0].fields).toEqual([{ field: 'country', before: 'CD', after: 'ZM' }]);
  });
});

/**
 * Cobalt: mine (CD) ships 60 t/yr to a CN refinery and 40 to a JP refinery, both deliver to consumer `eu`;
 * a stockpile holding 5 t backs `eu` through a 0 t/yr edge. Lever: CN refineries at factor 0.5 for 90 days,
 * disabled in `from`, enabled in `to`.
 */
function leverBoard(enabled: boolean): Board {
  return board(
    [
      node('cd-mine', 'mine', 'CD'),
      node('cn-ref', 'refinery', 'CN'),
      node('jp-ref', 'refinery', 'JP'),
      node('eu', 'consumer', 'DE', { demand: { cobalt: 100 } }),
      node('eu-stock', 'stockpile', 'DE', { stock: { cobalt: 5 } }),
    ],
    [
      edge('e1', 'cd-mine', 'cn-ref', 'cobalt', 60),
      edge('e2', 'cd-mine', 'jp-ref', 'cobalt', 40),
      edge('e3', 'cn-ref', 'eu', 'cobalt', 60),
      edge('e4', 'jp-ref', 'eu', 'cobalt', 40),
      edge('e5', 'eu-stock', 'eu', 'cobalt', 0),
    ],
    [disruption('cn-cut', { country: 'CN', kinds: ['refinery'] }, 0.5, 90, { enabled })],
  );
}

function expectClose(actual: unknown, expected: unknown): void {
  expect(firstDifference(actual, expected)).toBeNull();
}

describe('diffExposure by hand', () => {
  it('shows the shortfall a lever enabled in `to` causes, with unchanged concentration', () => {
    const { diff, exposure } = compareBoards(leverBoard(false), leverBoard(true));
    expect(diff.levers.changed[0].fields).toEqual([{ field: 'enabled', before: false, after: true }]);
    expect(exposure).toHaveLength(1);
    const [d] = exposure;
    expect([d.mineral, d.consumer]).toEqual(['cobalt', 'eu']);
    // Before: all 100 t/yr delivered. Mining {CD: 1}: HHI 100^2 = 10000. Refining {CN: .6, JP: .4}:
    // HHI 60^2 + 40^2 = 3600 + 1600 = 5200, top CN 0.6. No shortfall: stockDays null, survives.
    expectClose(d.before, {
      delivered: 100, shortfall: 0, shortfallPct: 0, stockDays: null, survives: true,
      refiningHhi: 5200, miningHhi: 10000, refiningTop: { country: 'CN', share: 0.6 }, miningTop: { country: 'CD', share: 1 },
      demandGap: 0, stockNeeded: 0, reroutedDelivered: 100, reroutedShortfall: 0, reroutedSurvives: true,
    });
    // After: r(cn-ref) = min(0.5, 60/60) = 0.5, so cn-ref -> eu carries 30; jp-ref still 40. Delivered 70,
    // shortfall 30 (30%). Stock 5 t / (30/365 t/day) = 60.83 days < 90 days to recover: does not survive.
    // Concentration is a baseline (planned-flow) measure, so the HHIs do not move. Demand gap 100 - 70 = 30;
    // stock needed 30 * 90 / 365 - 5. No node has spare capacity, so rerouting cannot recover anything.
    expectClose(d.after, {
      delivered: 70, shortfall: 30, shortfallPct: 0.3, stockDays: (5 * 365) / 30, survives: false,
      refiningHhi: 5200, miningHhi: 10000, refiningTop: { country: 'CN', share: 0.6 }, miningTop: { country: 'CD', share: 1 },
      demandGap: 30, stockNeeded: (30 * 90) / 365 - 5, reroutedDelivered: 70, reroutedShortfall: 30, reroutedSurvives: false,
    });
    expectClose(d.delta, {
      delivered: -30, shortfall: 30, shortfallPct: 0.3, refiningHhi: 0, miningHhi: 0,
      demandGap: 30, stockNeeded: (30 * 90) / 365 - 5, reroutedDelivered: -30, reroutedShortfall: 30,
    });
  });

  it('lists every (mineral, consumer) of either side, sorted, a missing side counting as 0', () => {
    // from: cobalt mine (CD) -> zeta 100 and -> alpha 10. to: alpha removed, zeta gets 100 more via a
    // ZM mine, and a gallium flow CN mine -> us 50 appears.
    const from = board(
      [node('cd', 'mine', 'CD'), node('zeta', 'consumer', 'DE'), node('alpha', 'consumer', 'FR')],
      [edge('e1', 'cd', 'zeta', 'cobalt', 100), edge('e2', 'cd', 'alpha', 'cobalt', 10)],
    );
    const to = board(
      [node('cd', 'mine', 'CD'), node('zm', 'mine', 'ZM'), node('zeta', 'consumer', 'DE'), node('us', 'consumer', 'US'), node('cn', 'mine', 'CN')],
      [edge('e1', 'cd', 'zeta', 'cobalt', 100), edge('e3', 'zm', 'zeta', 'cobalt', 100), edge('e4', 'cn', 'us', 'gallium', 50)],
    );
    const deltas = diffExposure(computeExposure(from), computeExposure(to));
    expect(deltas.map((d) => [d.mineral, d.consumer])).toEqual([['cobalt', 'alpha'], ['cobalt', 'zeta'], ['gallium', 'us']]);
    const [alpha, zeta, us] = deltas;
    // alpha vanished: delta = 0 - before. Mining {CD: 1} -> HHI 10000; no refinery -> refining HHI 0.
    expect(alpha.after).toBeNull();
    expectClose(alpha.delta, { delivered: -10, shortfall: 0, shortfallPct: 0, refiningHhi: 0, miningHhi: -10000, demandGap: 0, stockNeeded: 0, reroutedDelivered: -10, reroutedShortfall: 0 });
    // zeta: 100 -> 200 delivered; mining {CD: .5, ZM: .5}: HHI 2500 + 2500 = 5000, so -5000.
    expectClose(zeta.delta, { delivered: 100, shortfall: 0, shortfallPct: 0, refiningHhi: 0, miningHhi: -5000, demandGap: 0, stockNeeded: 0, reroutedDelivered: 100, reroutedShortfall: 0 });
    expect(zeta.after?.miningTop?.share).toBeCloseTo(0.5, 12);
    // us appeared: delta = after - 0.
    expect(us.before).toBeNull();
    expectClose(us.delta, { delivered: 50, shortfall: 0, shortfallPct: 0, refiningHhi: 0, miningHhi: 10000, demandGap: 0, stockNeeded: 0, reroutedDelivered: 50, reroutedShortfall: 0 });
  });
});

/** A board `b` related to `a`: each item kept, dropped, or replaced by another item under the same id; plus new items. */
function relatedPair(): fc.Arbitrary<[Board, Board]> {
  return fc.tuple(boardArbitrary(), boardArbitrary(), fc.infiniteStream(fc.constantFrom(0, 1, 2))).map(([a, other, choices]) => {
    const it = choices[Symbol.iterator]();
    function mix<T extends { id: string }>(xs: T[], ys: T[]): T[] {
      const out: T[] = [];
      xs.forEach((x, i) => {
        const choice = it.next().value as number;
        if (choice === 0) out.push(x);
        else if (choice === 1) out.push({ ...(ys[i] ?? x), id: x.id });
      });
      const kept = new Set(xs.map((x) => x.id));
      return [...out, ...ys.filter((y) => !kept.has(y.id))];
    }
    const b: Board = {
      ...other,
      nodes: mix(a.nodes, other.nodes),
      edges: mix(a.edges, other.edges),
      scenario: { ...other.scenario, disruptions: mix(a.scenario.disruptions, other.scenario.disruptions) },
    };
    return [a, b];
  });
}

function expectMirrored<T extends { id: string }>(ab: ItemDiff<T>, ba: ItemDiff<T>): void {
  expect(ids(ba.added)).toEqual(ids(ab.removed));
  expect(ids(ba.removed)).toEqual(ids(ab.added));
  expect(ba.changed.map((c) => c.id)).toEqual(ab.changed.map((c) => c.id));
  const swapped = ab.changed.map((c) => c.fields.map((f) => ({ field: f.field, before: f.after, after: f.before })));
  expect(ba.changed.map((c) => c.fields)).toEqual(swapped);
}

describe('diff properties', () => {
  it('finds nothing between a board and itself or a deep copy of it', () => {
    fc.assert(
      fc.property(boardArbitrary(), (b) => {
        expect(diffBoards(b, b)).toEqual(EMPTY);
        expect(diffBoards(b, structuredClone(b))).toEqual(EMPTY);
      }),
    );
  });

  it('is symmetric: swapping the boards swaps added and removed and mirrors each field change', () => {
    fc.assert(
      fc.property(relatedPair(), ([a, b]) => {
        const ab = diffBoards(a, b);
        const ba = diffBoards(b, a);
        const count = (d: BoardDiff) =>
          [d.nodes, d.edges, d.levers].reduce((n, x) => n + x.added.length + x.removed.length + x.changed.length, 0);
        expect(count(ba)).toBe(count(ab));
        expectMirrored(ab.nodes, ba.nodes);
        expectMirrored(ab.edges, ba.edges);
        expectMirrored(ab.levers, ba.levers);
        expect(ba.meta).toEqual(ab.meta.map((f) => ({ field: f.field, before: f.after, after: f.before })));
      }),
    );
  });

  it('shows zero exposure deltas between a board and itself', () => {
    fc.assert(
      fc.property(boardArbitrary(8), (b) => {
        const zero = { delivered: 0, shortfall: 0, shortfallPct: 0, refiningHhi: 0, miningHhi: 0, demandGap: 0, stockNeeded: 0, reroutedDelivered: 0, reroutedShortfall: 0 };
        const deltas: ExposureDelta[] = compareBoards(b, b).exposure;
        for (const d of deltas) {
          expect(d.before).toEqual(d.after);
          expect(d.delta).toEqual(zero);
        }
      }),
      { numRuns: 50 },
    );
  });
});
