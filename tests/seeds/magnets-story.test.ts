// The rare-earth magnets seed tells the stories a workshop expects, with the numbers the engine gives.
import { describe, expect, it } from 'vitest';
import { loadSeed, plannedOut, run } from '../utils/seed-scenarios';

const board = loadSeed('rare-earth-magnets');
const L = 'rare-earths-light';
const H = 'rare-earths-heavy';
const ITALY = 'italy-industry-magnets';
const GERMANY = 'de-magnet-users';
const JAPAN = 'japan-motor-makers';
const US = 'us-motor-makers';
const APRIL_2025 = ['d-cn-magnet-licensing', 'd-cn-hree-licensing'];
const totalShort = (r: { consumers: Record<string, { shortfall: number }> }) => Object.values(r.consumers).reduce((s, c) => s + c.shortfall, 0);

describe('Rare-earth magnets seed', () => {
  it('Italy breaches the 65 % benchmark at the manufacturing stage, with China making its magnets', () => {
    const base = run(board);
    expect(base.warnings).toEqual([]);
    for (const mineral of [L, H]) {
      const italy = base.minerals[mineral].consumers[ITALY];
      expect(italy.stages.manufacturing?.top?.country, mineral).toBe('CN');
      expect(italy.stages.manufacturing!.top!.share, mineral).toBeGreaterThan(0.65);
      expect(italy.benchmark65.manufacturing, mineral).toBe(true);
      // Japan makes its own magnets: no Chinese share at that stage (the flag, read from the EU's side, still counts JP).
      expect(base.minerals[mineral].consumers[JAPAN].stages.manufacturing?.shares.CN ?? 0, mineral).toBe(0);
    }
  });

  it('the EU misses every CRMA 2030 benchmark for NdPr, the single-country one at the magnet stage too', () => {
    const crma = run(board).minerals[L].crma!;
    expect(crma.euConsumption).toBeCloseTo(2400, 6);
    expect(crma.extraction).toBe(0);
    expect(crma.processing).toBeLessThan(0.4);
    expect(crma.thirdCountry.manufacturing?.country).toBe('CN');
    expect(crma.meets).toEqual({ extraction: false, processing: false, recycling: false, thirdCountry: false });
  });

  it("China's April 2025 licensing (26 % pass for 90 days) empties the EU pilot store before licences resume; allied plants lack feed to reroute", () => {
    const report = run(board, ...APRIL_2025);
    for (const mineral of [L, H]) {
      const m = report.minerals[mineral];
      for (const id of [GERMANY, ITALY]) {
        expect(m.consumers[id].shortfallPct, `${mineral}/${id}`).toBeGreaterThan(0.6);
        expect(m.consumers[id].survives, `${mineral}/${id}`).toBe(false);
        expect(m.reroute.consumers[id].shortfall, `${mineral}/${id}`).toBeGreaterThan(0.9 * m.consumers[id].shortfall);
      }
    }
    expect(report.minerals[L].consumers[US].survives).toBe(true);
  });

  it('Iluka online and Narva phase 2 let rerouting replace part of the lost Chinese magnets for Europe', () => {
    const alone = run(board, ...APRIL_2025).minerals[L].reroute;
    const iluka = run(board, ...APRIL_2025, 'x-iluka-online').minerals[L].reroute;
    const both = run(board, ...APRIL_2025, 'x-iluka-online', 'x-narva-phase2').minerals[L].reroute;
    const eu = (r: typeof alone) => r.consumers[GERMANY].shortfall + r.consumers[ITALY].shortfall;
    expect(eu(iluka)).toBeLessThan(eu(alone));
    expect(eu(both)).toBeLessThan(eu(iluka));
  });

  it("MP's 10X plant turns Mountain Pass's spare NdPr into magnets for US makers under the licensing", () => {
    const alone = run(board, ...APRIL_2025).minerals[L].reroute.consumers[US];
    const tenX = run(board, ...APRIL_2025, 'x-mp-10x').minerals[L].reroute.consumers[US];
    expect(alone.shortfall).toBeGreaterThan(0);
    expect(tenX.shortfall).toBeLessThan(0.01 * alone.shortfall + 1e-6);
  });

  it('the October 2025 regime hits everyone; Japan, with JOGMEC at 180 days, is the only one to hold its NdPr', () => {
    const light = run(board, 'd-cn-oct-2025-regime').minerals[L];
    expect(light.consumers[JAPAN].survives).toBe(true);
    for (const id of [GERMANY, ITALY, US]) expect(light.consumers[id].survives, id).toBe(false);
    expect(totalShort(light)).toBeGreaterThan(totalShort(run(board, ...APRIL_2025).minerals[L]));
  });

  it('closing Suez is a delay via the Cape that the EU store bridges', () => {
    const light = run(board, 'd-suez-closed').minerals[L];
    const stock = board.nodes.find((n) => n.id === 'italian-strategic-store')!.stock![L];
    for (const id of [GERMANY, ITALY]) expect(light.reroute.consumers[id].shortfall, id).toBeLessThan(0.01 * light.consumers[id].supplied);
    expect(light.reroute.delayGap).toBeGreaterThan(0);
    expect(light.reroute.delayGap).toBeLessThan(stock);
  });

  it('the DoD floor costs the gap to the market on MP alone; the allied floor covers every refiner outside China', () => {
    const floors = run(board, 'p-dod-ndpr-floor', 'p-allied-ndpr-floor').priceFloors!;
    const dod = floors.find((f) => f.id === 'p-dod-ndpr-floor')!;
    const allied = floors.find((f) => f.id === 'p-allied-ndpr-floor')!;
    expect(dod.volume).toBeCloseTo(plannedOut(board, L, (n) => n.kind === 'refinery' && n.country === 'US'), 6);
    expect(allied.volume).toBeCloseTo(plannedOut(board, L, (n) => n.kind === 'refinery' && n.country !== 'CN'), 6);
    expect(dod.annualCost).toBeCloseTo((110 - board.prices![L]) * dod.volume * 1000, 0);
    expect(allied.annualCost!).toBeGreaterThan(dod.annualCost!);
  });
});
