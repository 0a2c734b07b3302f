// The Allied refiners and stores seed tells the stories a workshop expects, with the numbers the engine gives.
import { describe, expect, it } from 'vitest';
import { loadSeed, plannedOut, run } from '../utils/seed-scenarios';

const board = loadSeed('allied-refiners');
const ITALY = 'italy-industry-allied';
const JAPAN = 'japan-industry-allied';
const MP = 'mp-independence';
const chinese = (n: { country: string; kind: string }) => n.country === 'CN' && n.kind === 'refinery';

describe('Allied refiners and stores seed', () => {
  it("draws Chinese gallium and germanium exports inside China's 2024 totals (69.4 t and 29.4 t)", () => {
    expect(plannedOut(board, 'gallium', chinese)).toBeLessThanOrEqual(69.4);
    expect(plannedOut(board, 'germanium', chinese)).toBeLessThanOrEqual(29.4);
    expect(plannedOut(board, 'rare-earths-heavy', (n) => n.id === 'lynas-kuantan')).toBeLessThanOrEqual(120);
  });

  it("the China gallium and germanium stop leaves Italy short; Japan's gallium, half recycled and JOGMEC-backed, holds", () => {
    const report = run(board, 'd-cn-ga-ge-export-stop');
    const gallium = report.minerals.gallium;
    expect(gallium.consumers[ITALY].shortfallPct).toBeCloseTo(1, 6);
    expect(gallium.consumers[ITALY].survives).toBe(false);
    expect(gallium.consumers[ITALY].stockNeeded).toBeGreaterThan(0);
    expect(gallium.reroute.consumers[ITALY].shortfall).toBeGreaterThan(0.99 * gallium.consumers[ITALY].shortfall);
    expect(gallium.consumers[JAPAN].shortfallPct).toBeLessThan(0.15);
    expect(gallium.consumers[JAPAN].survives).toBe(true);
    expect(report.minerals.germanium.consumers[ITALY].survives).toBe(false);
    expect(gallium.stockpileGapCost).toBeCloseTo(gallium.stockpileGap * 1000 * board.prices!.gallium, 3);
  });

  it("rerouting alone finds no spare germanium; STL's ramp-up lets Umicore make Italy whole, while Japan stays short of its direct Chinese metal", () => {
    const alone = run(board, 'd-cn-ga-ge-export-stop').minerals.germanium;
    expect(alone.reroute.recovered).toBeLessThan(1e-9);
    expect(alone.reroute.consumers[ITALY].shortfall).toBeCloseTo(alone.consumers[ITALY].shortfall, 6);
    const rampUp = run(board, 'd-cn-ga-ge-export-stop', 'x-stl-ramp-up').minerals.germanium;
    const added = board.scenario.expansions!.find((x) => x.id === 'x-stl-ramp-up')! as unknown as { capacity: Record<string, number> };
    expect(rampUp.reroute.recovered).toBeGreaterThan(0);
    expect(rampUp.reroute.recovered).toBeLessThanOrEqual(added.capacity.germanium + 1e-9);
    expect(rampUp.reroute.consumers[ITALY].shortfall).toBeLessThan(1e-9);
    const directFromChina = board.edges.filter((e) => e.mineral === 'germanium' && e.from === 'cn-gallium-germanium' && e.to === JAPAN).reduce((s, e) => s + e.volume, 0);
    expect(rampUp.reroute.consumers[JAPAN].shortfall).toBeCloseTo(directFromChina, 6);
  });

  it("the germanium stress test pools: Italy's worst case is a Umicore outage, Japan's the Chinese stop, so one joint stock is smaller than two national ones", () => {
    const stress = run(board).minerals.germanium.stressTest;
    const needs = (lever: string) => run(board, lever).minerals.germanium.consumers;
    const worst = (consumer: string) =>
      [...stress.levers].sort((a, b) => (needs(b.lever)[consumer]?.stockNeeded ?? 0) - (needs(a.lever)[consumer]?.stockNeeded ?? 0))[0].lever;
    expect(worst(ITALY)).toBe('d-umicore-olen-outage');
    expect(worst(JAPAN)).toBe('d-cn-ga-ge-export-stop');
    expect(stress.pooledStock).toBeGreaterThan(0);
    expect(stress.pooledStock).toBeLessThan(stress.separateStock);
    expect(stress.poolingGain).toBeCloseTo(stress.separateStock - stress.pooledStock, 9);
  });

  it('a Chinese heavy rare-earth stop fails MP Independence and Italy; JOGMEC carries Japan; the Lynas and Iluka expansions cut the rerouted shortfall', () => {
    const stop = run(board, 'd-cn-hree-export-stop').minerals['rare-earths-heavy'];
    expect(stop.consumers[MP].survives).toBe(false);
    expect(stop.consumers[ITALY].survives).toBe(false);
    expect(stop.consumers[JAPAN].survives).toBe(true);
    const lynas = run(board, 'd-cn-hree-export-stop', 'x-lynas-heavy').minerals['rare-earths-heavy'].reroute;
    const both = run(board, 'd-cn-hree-export-stop', 'x-lynas-heavy', 'x-iluka-online').minerals['rare-earths-heavy'].reroute;
    const short = (r: typeof lynas) => Object.values(r.consumers).reduce((s, c) => s + c.shortfall, 0);
    expect(short(lynas)).toBeLessThan(short(stop.reroute));
    expect(short(both)).toBeLessThan(short(lynas));
  });

  it("Italy's magnets breach the 65 % test at the manufacturing stage", () => {
    const light = run(board).minerals['rare-earths-light'].consumers[ITALY];
    expect(light.stages.manufacturing?.top?.country).toBe('CN');
    expect(light.benchmark65.manufacturing).toBe(true);
  });

  it('the allied NdPr floor costs the gap to the market price on every non-Chinese refiner', () => {
    const floors = run(board, 'p-allied-ndpr-floor').priceFloors!;
    expect(floors).toHaveLength(1);
    const [floor] = floors;
    expect(floor.volume).toBeCloseTo(plannedOut(board, 'rare-earths-light', (n) => n.kind === 'refinery' && n.country !== 'CN'), 6);
    expect(floor.market).toBe(board.prices!['rare-earths-light']);
    expect(floor.annualCost).toBeCloseTo((floor.floor - floor.market!) * floor.volume * 1000, 0);
    expect(floor.annualCost!).toBeGreaterThan(1e8);
  });
});
