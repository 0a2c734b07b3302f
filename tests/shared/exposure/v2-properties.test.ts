/** Properties of the v2 stress test and of bad input, on random boards. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../shared/exposure/engine';
import type { Json } from '../../utils/board-v2-builder';
import { firstDifference } from '../../utils/close-to';
import { flowBoardV2Arbitrary, V2_MINERAL as M } from '../../utils/flow-board-v2-arbitrary';

const levers = (b: Json) => (b.scenario as Json).disruptions as Json[];
const withLevers = (b: Json, list: Json[]) => ({ ...b, scenario: { ...(b.scenario as Json), disruptions: list } });

describe('v2 properties (random boards)', () => {
  it('each stress-test row equals a run with only that lever enabled', () => {
    fc.assert(fc.property(flowBoardV2Arbitrary({ plainExportLevers: false }), (b) => {
      const m = computeExposure(b).minerals[M];
      if (m === undefined) return;
      const list = levers(b);
      expect(m.stressTest!.levers.map((l) => l.lever)).toEqual(list.map((l) => l.id));
      list.forEach((l, i) => {
        const alone = computeExposure(withLevers(b, list.map((x, j) => ({ ...x, enabled: i === j })))).minerals[M];
        const consumers = Object.entries(alone.consumers);
        const row = m.stressTest!.levers[i];
        expect(firstDifference(row.shortfall, consumers.reduce((s, [, c]) => s + c.shortfall, 0), 1e-9)).toBeNull();
        expect(firstDifference(row.stockpileGap, alone.stockpileGap, 1e-9)).toBeNull();
        expect(row.failing).toEqual(consumers.filter(([, c]) => !c.survives).map(([id]) => id).sort());
      });
    }), { numRuns: 200 });
  });

  it('pooled stock never exceeds separate stocks', () => {
    fc.assert(fc.property(flowBoardV2Arbitrary({ plainExportLevers: false }), (b) => {
      for (const m of Object.values(computeExposure(b).minerals)) {
        const s = m.stressTest!;
        expect(s.pooledStock).toBeLessThanOrEqual(s.separateStock + 1e-9 * (1 + s.separateStock));
        expect(s.poolingGain).toBeGreaterThanOrEqual(-1e-9 * (1 + s.separateStock));
      }
    }), { numRuns: 200 });
  });

  it('garbage never throws: any JSON value, and v2 boards with any field replaced by anything', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      computeExposure(value);
      computeExposure({ format: 'lodestone.board', version: 2, nodes: [value], edges: [value], scenario: { disruptions: [value], expansions: value, priceFloors: [value] }, prices: value });
    }), { numRuns: 300 });
    const path = fc.array(fc.oneof(fc.constantFrom('nodes', 'edges', 'scenario', 'disruptions', 'expansions', 'priceFloors', 'prices', 'capacity', 'delayDays', 'recoveryDays', 'to', 'target', 'kinds'), fc.nat({ max: 4 })), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(flowBoardV2Arbitrary(), path, fc.anything(), (b, at, value) => {
      const copy = JSON.parse(JSON.stringify(b));
      let cursor: Record<string | number, unknown> = copy;
      for (const key of at.slice(0, -1)) {
        const next = cursor[key];
        if (typeof next !== 'object' || next === null) break;
        cursor = next as Record<string | number, unknown>;
      }
      cursor[at[at.length - 1]] = value;
      const r = computeExposure(copy);
      expect(Array.isArray(r.warnings)).toBe(true);
    }), { numRuns: 500 });
  });
});
