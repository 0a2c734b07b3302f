import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/board/types';
import { computeExposure, ExposureEngine } from '../../../shared/exposure/engine';
import { boardArbitrary } from '../../utils/board-arbitrary';
import { firstDifference } from '../../utils/close-to';
import { flowBoardArbitrary } from '../../utils/flow-board-arbitrary';

const EPS = 1e-9;
const RUNS = { numRuns: 300 };

function consumers(board: Board) {
  const report = computeExposure(board);
  return Object.entries(report.minerals).flatMap(([mineral, m]) => Object.entries(m.consumers).map(([id, c]) => ({ mineral, id, c })));
}

function withLevers(board: Board, disruptions: Board['scenario']['disruptions']): Board {
  return { ...board, scenario: { ...board.scenario, disruptions } };
}

describe('exposure engine properties (random boards)', () => {
  it('origin shares of every stage are non-negative and sum to 1', () => {
    fc.assert(fc.property(flowBoardArbitrary(), (board) => {
      for (const { c } of consumers(board)) {
        for (const stage of [c.stages.mining, c.stages.refining]) {
          const shares = Object.values(stage.shares);
          expect(shares.every((s) => s >= 0)).toBe(true);
          expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
        }
      }
    }), RUNS);
  });

  it('HHI stays within 0..10000', () => {
    fc.assert(fc.property(flowBoardArbitrary(), (board) => {
      for (const { c } of consumers(board)) {
        for (const stage of [c.stages.mining, c.stages.refining]) {
          expect(stage.hhi).toBeGreaterThanOrEqual(0);
          expect(stage.hhi).toBeLessThanOrEqual(10000);
        }
      }
    }), RUNS);
  });

  it('0 <= delivered <= supplied, and shortfall = supplied - delivered', () => {
    fc.assert(fc.property(flowBoardArbitrary(), (board) => {
      for (const { c } of consumers(board)) {
        expect(c.delivered).toBeGreaterThanOrEqual(-EPS);
        expect(c.delivered).toBeLessThanOrEqual(c.supplied * (1 + EPS) + EPS);
        expect(Math.abs(c.supplied - c.delivered - c.shortfall)).toBeLessThanOrEqual(1e-9 * Math.max(1, c.supplied));
      }
    }), RUNS);
  });

  it('enabling a disruption never raises any delivered amount', () => {
    fc.assert(fc.property(flowBoardArbitrary({ maxDisruptions: 5 }), fc.nat(), (board, pick) => {
      const levers = board.scenario.disruptions;
      fc.pre(levers.some((d) => !d.enabled));
      const off = levers.filter((d) => !d.enabled);
      const chosen = off[pick % off.length].id;
      const before = new Map(consumers(board).map((x) => [`${x.mineral}/${x.id}`, x.c.delivered]));
      const after = consumers(withLevers(board, levers.map((d) => (d.id === chosen ? { ...d, enabled: true } : d))));
      for (const x of after) {
        const was = before.get(`${x.mineral}/${x.id}`)!;
        expect(x.c.delivered).toBeLessThanOrEqual(was * (1 + EPS) + EPS);
      }
    }), RUNS);
  });

  it("a critical node's loss equals the total shortfall when only that node is stopped", () => {
    fc.assert(fc.property(flowBoardArbitrary({ enabled: false }), (board) => {
      const report = computeExposure(board);
      for (const [mineral, m] of Object.entries(report.minerals)) {
        for (const critical of m.criticalNodes) {
          const stopped = computeExposure(withLevers(board, [{ id: 'stop', label: 'stop', enabled: true, target: { node: critical.node }, minerals: [mineral], factor: 0, days: 1 }]));
          const shortfall = Object.values(stopped.minerals[mineral].consumers).reduce((sum, c) => sum + c.shortfall, 0);
          expect(Math.abs(shortfall - critical.loss)).toBeLessThanOrEqual(1e-7 * Math.max(1, critical.loss));
        }
      }
    }), RUNS);
  });

  it('critical nodes are sorted by loss, largest first, ties by id', () => {
    fc.assert(fc.property(flowBoardArbitrary({ enabled: false }), (board) => {
      for (const m of Object.values(computeExposure(board).minerals)) {
        for (let i = 1; i < m.criticalNodes.length; i++) {
          const [a, b] = [m.criticalNodes[i - 1], m.criticalNodes[i]];
          expect(a.loss > b.loss || (Math.abs(a.loss - b.loss) <= 1e-9 * Math.max(1, a.loss) && a.node < b.node)).toBe(true);
        }
      }
    }), RUNS);
  });

  it('garbage input never throws', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (input) => {
      expect(() => computeExposure(input)).not.toThrow();
    }), { numRuns: 500 });
  });

  it('a board with one item replaced by garbage never throws and still reports', () => {
    fc.assert(fc.property(boardArbitrary(), fc.anything(), fc.nat(), fc.constantFrom('nodes', 'edges'), (board, junk, pick, list) => {
      const items: unknown[] = [...board[list]];
      if (items.length > 0) items[pick % items.length] = junk;
      const report = computeExposure({ ...board, [list]: items });
      expect(report.minerals).toBeTypeOf('object');
    }), RUNS);
  });

  it('the incremental engine after edge-volume changes equals a fresh computation', () => {
    fc.assert(fc.property(flowBoardArbitrary(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 150 })), { minLength: 1, maxLength: 6 }), (board, changes) => {
      fc.pre(board.edges.length > 0);
      const engine = new ExposureEngine(board);
      engine.report();
      const edges = board.edges.map((e) => ({ ...e }));
      for (const [pick, volume] of changes) {
        const edge = edges[pick % edges.length];
        edge.volume = volume;
        expect(engine.setEdgeVolume(edge.id, volume)).toBe(true);
        expect(firstDifference(engine.report(), computeExposure({ ...board, edges }))).toBeNull();
      }
    }), RUNS);
  });

  it('the incremental engine after lever changes equals a fresh computation', () => {
    fc.assert(fc.property(flowBoardArbitrary(), flowBoardArbitrary(), (board, other) => {
      const engine = new ExposureEngine(board);
      engine.report();
      const levers = other.scenario.disruptions.map((d) => ('node' in d.target || 'edge' in d.target ? { ...d, target: { node: board.nodes[0].id } } : d));
      engine.setDisruptions(levers);
      expect(firstDifference(engine.report(), computeExposure(withLevers(board, levers)))).toBeNull();
    }), RUNS);
  });
});
