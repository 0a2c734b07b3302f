// The Africa corridors seed tells the stories a workshop expects, with the numbers the engine gives.
import { describe, expect, it } from 'vitest';
import { loadSeed, run } from '../utils/seed-scenarios';

const board = loadSeed('africa-corridors');
const ITALY = 'italy-industry-africa';
const CHINA = 'cn-industry';
const store = board.nodes.find((n) => n.id === 'italian-strategic-store')!.stock!;

describe('Africa corridors seed', () => {
  it('draws 2024 Lobito traffic and a 60-150 kt Italian copper slice, not the 2026-27 plan', () => {
    const lobitoCopper = board.edges.filter((e) => e.to === 'lobito-rail' && e.mineral === 'copper').reduce((s, e) => s + e.volume, 0);
    expect(lobitoCopper).toBeLessThanOrEqual(40_000);
    const italyCopper = board.nodes.find((n) => n.id === ITALY)!.demand!.copper;
    expect(italyCopper).toBeGreaterThanOrEqual(60_000);
    expect(italyCopper).toBeLessThanOrEqual(150_000);
    expect(board.edges.filter((e) => e.mineral === 'cobalt' && (e.from === 'lobito-rail' || e.to === 'lobito-rail'))).toEqual([]);
  });

  it('closing Suez is a delay the store bridges once rerouting runs, not a lasting loss', () => {
    const report = run(board, 'd-red-sea-closed');
    for (const mineral of ['copper', 'cobalt', 'graphite']) {
      const m = report.minerals[mineral];
      const italy = m.consumers[ITALY];
      expect(italy.shortfallPct, `${mineral}: the immediate cut is large`).toBeGreaterThan(0.4);
      expect(m.reroute.consumers[ITALY].shortfall, `${mineral}: rerouted via the Cape`).toBeLessThan(0.01 * italy.supplied);
      expect(m.reroute.delayGap, `${mineral}: the Cape holds material in transit`).toBeGreaterThan(0);
      expect(m.reroute.delayGap, `${mineral}: the store covers the transit gap`).toBeLessThan(store[mineral]);
    }
    // Traders swap Lobito's China-bound copper to Italy (no delay) and send only the rest of Italy's Suez copper round the Cape:
    // the copper gap lies between that rest and all of Italy's Suez copper at sea for the Cape's extra days.
    const edge = (id: string) => board.edges.find((e) => e.id === id)!;
    const suezCopper = edge('e-dar-es-salaam-port-suez-red-sea-cu').volume;
    const swappable = edge('e-lobito-port-cn-industry-cu').volume;
    const capeDays = edge('e-dar-es-salaam-port-cape-route-cu').delayDays!;
    const copper = report.minerals.copper.reroute;
    expect(copper.delayGap).toBeGreaterThanOrEqual(((suezCopper - swappable) * capeDays) / 365 - 1e-6);
    expect(copper.delayGap).toBeLessThan((suezCopper * capeDays) / 365);
    expect(copper.flows['e-lobito-port-italy-industry-africa-cu']).toBeGreaterThan(edge('e-lobito-port-italy-industry-africa-cu').volume);
  });

  it('closing Lobito reroutes its copper by road to Dar es Salaam: nobody stays short, a few weeks of copper are on the road', () => {
    const report = run(board, 'd-lobito-closed');
    const copper = report.minerals.copper;
    expect(copper.consumers[ITALY].shortfall).toBeGreaterThan(0);
    expect(copper.consumers[CHINA].shortfall).toBeGreaterThan(0);
    for (const id of [ITALY, CHINA]) expect(copper.reroute.consumers[id].shortfall, id).toBeLessThan(1e-6 * copper.consumers[id].supplied + 1e-6);
    expect(copper.reroute.flows['e-drc-copper-refining-dar-es-salaam-port-cu-alt']).toBeGreaterThan(0);
    expect(copper.reroute.delayGap).toBeGreaterThan(0);
    expect(copper.reroute.delayGap).toBeLessThan(store.copper);
  });

  it("with Lobito's 2026-27 capacity, Italy's Suez copper goes west with less delay than round the Cape", () => {
    const without = run(board, 'd-red-sea-closed').minerals.copper.reroute;
    const withLobito = run(board, 'd-red-sea-closed', 'x-lobito-2026').minerals.copper.reroute;
    expect(withLobito.consumers[ITALY].shortfall).toBeLessThan(1);
    expect(withLobito.delayGap).toBeLessThan(without.delayGap);
    expect(withLobito.flows['e-lobito-port-italy-industry-africa-cu']).toBeGreaterThan(board.edges.find((e) => e.id === 'e-lobito-port-italy-industry-africa-cu')!.volume);
  });

  it('the 2026-27 DRC cobalt quota is a lasting cut no route replaces, shallower but longer than the 2025 stop', () => {
    const quota = run(board, 'd-drc-cobalt-quota').minerals.cobalt;
    const stop = run(board, 'd-drc-cobalt-export-stop').minerals.cobalt;
    const italy = quota.consumers[ITALY];
    expect(italy.shortfallPct).toBeGreaterThan(0.5);
    expect(italy.shortfallPct).toBeLessThan(0.6);
    expect(stop.consumers[ITALY].shortfallPct).toBeCloseTo(1, 6);
    expect(quota.reroute.consumers[ITALY].shortfall).toBeGreaterThan(0.99 * italy.shortfall);
    expect(italy.survives).toBe(false);
    expect(italy.stockNeeded).toBeGreaterThan(store.cobalt);
    expect(quota.stockpileGapCost).toBeCloseTo(quota.stockpileGap * 1000 * board.prices!.cobalt, 3);
  });

  it("China's graphite licensing halves Italy's graphite, and rerouting cannot ship more round the Cape than the licences allow", () => {
    const graphite = run(board, 'd-cn-graphite-licensing').minerals.graphite;
    const italy = graphite.consumers[ITALY];
    expect(italy.shortfallPct).toBeCloseTo(0.5, 6);
    expect(graphite.reroute.consumers[ITALY].shortfall).toBeCloseTo(italy.shortfall, 6);
    expect(graphite.reroute.flows['e-malacca-strait-cape-route-gr'] ?? 0).toBe(0);
  });

  it("Italy's cobalt and graphite fail the 65 % test at the refining stage; its copper at mining and refining", () => {
    const base = run(board);
    expect(base.warnings).toEqual([]);
    expect(base.minerals.cobalt.consumers[ITALY].benchmark65.refining).toBe(true);
    expect(base.minerals.graphite.consumers[ITALY].benchmark65.refining).toBe(true);
    expect(base.minerals.copper.consumers[ITALY].benchmark65.refining).toBe(true);
    expect(base.minerals.copper.consumers[ITALY].stages.refining.top?.country).toBe('CD');
  });
});
