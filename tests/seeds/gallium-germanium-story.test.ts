// The gallium and germanium seed tells the stories a workshop expects, with the numbers the engine gives.
import { describe, expect, it } from 'vitest';
import { loadSeed, plannedOut, run } from '../utils/seed-scenarios';

const board = loadSeed('gallium-germanium');
const JAPAN = 'japan-ga-ge-users';
const EU = 'eu-ga-ge-users';
const ITALY = 'italy-ga-ge-users';
const US = 'us-ga-ge-users';
const chinese = (n: { country: string; kind: string }) => n.country === 'CN' && n.kind === 'refinery';

describe('Gallium and germanium seed', () => {
  it("keeps Chinese exports inside China's 2024 totals and prices a 60-day EU gallium store at about $13 M", () => {
    expect(plannedOut(board, 'gallium', chinese)).toBeLessThanOrEqual(69.4);
    expect(plannedOut(board, 'germanium', chinese)).toBeLessThanOrEqual(29.4);
    const euStore = board.nodes.find((n) => n.id === 'italian-strategic-store')!.stock!.gallium;
    const cost = euStore * 1000 * board.prices!.gallium;
    expect(cost).toBeGreaterThan(10e6);
    expect(cost).toBeLessThan(16e6);
  });

  it('a Chinese licence freeze leaves the EU and Italy short of gallium; Japan, half recycled, barely notices', () => {
    const gallium = run(board, 'd-cn-licence-freeze').minerals.gallium;
    for (const id of [EU, ITALY]) {
      expect(gallium.consumers[id].shortfallPct, id).toBeGreaterThan(0.6);
      expect(gallium.consumers[id].survives, id).toBe(false);
      expect(gallium.reroute.consumers[id].shortfall, id).toBeGreaterThan(0.99 * gallium.consumers[id].shortfall);
    }
    expect(gallium.consumers[JAPAN].shortfallPct).toBeLessThan(0.1);
    expect(gallium.consumers[JAPAN].survives).toBe(true);
    expect(gallium.stockpileGapCost).toBeCloseTo(gallium.stockpileGap * 1000 * board.prices!.gallium, 3);
  });

  it('the US-only ban cuts the US alone', () => {
    const report = run(board, 'd-cn-us-ban');
    for (const mineral of ['gallium', 'germanium']) {
      const m = report.minerals[mineral];
      expect(m.consumers[US].shortfall, mineral).toBeGreaterThan(0);
      for (const id of [JAPAN, EU, ITALY]) expect(m.consumers[id].shortfall, `${mineral}/${id}`).toBe(0);
    }
  });

  it("Metlen at 50 t/yr covers the EU's and Italy's lost Chinese gallium once rerouting runs; Alcoa-Wagerup covers Japan and the US", () => {
    const metlen = run(board, 'd-cn-licence-freeze', 'x-metlen-2028').minerals.gallium.reroute;
    for (const id of [EU, ITALY]) expect(metlen.consumers[id].shortfall, id).toBeLessThan(1e-6);
    const alcoa = run(board, 'd-cn-licence-freeze', 'x-alcoa-wagerup').minerals.gallium.reroute;
    for (const id of [JAPAN, US]) expect(alcoa.consumers[id].shortfall, id).toBeLessThan(1e-6);
  });

  it("the gallium stress test pools: the US's worst case is the year-long US ban, the others' the freeze", () => {
    const stress = run(board).minerals.gallium.stressTest;
    const need = (lever: string, consumer: string) => run(board, lever).minerals.gallium.consumers[consumer].stockNeeded;
    expect(need('d-cn-us-ban', US)).toBeGreaterThan(need('d-cn-licence-freeze', US));
    expect(need('d-cn-licence-freeze', EU)).toBeGreaterThan(0);
    expect(stress.pooledStock).toBeLessThan(stress.separateStock);
    expect(stress.levers.map((l) => l.lever)).toEqual(board.scenario.disruptions.map((d) => d.id));
  });

  it('an STL outage costs Umicore its DRC feed; rerouting cannot replace it without new capacity', () => {
    const germanium = run(board, 'd-stl-outage').minerals.germanium;
    expect(germanium.consumers[ITALY].shortfall).toBeGreaterThan(0);
    expect(germanium.reroute.consumers[ITALY].shortfall).toBeGreaterThan(0);
    expect(germanium.consumers[ITALY].stages.mining.shares.CD, 'baseline mix: Umicore feeds Italy DRC germanium').toBeGreaterThan(0.2);
  });
});
