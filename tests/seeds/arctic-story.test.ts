// The Arctic and Nordic seed tells the stories a workshop expects, with the numbers the engine gives.
import { describe, expect, it } from 'vitest';
import { loadSeed, run } from '../utils/seed-scenarios';

const board = loadSeed('arctic');
const ITALY = 'italy-industry-nordic';
const JAPAN = 'japan-industry-nordic';
const EU_BATTERY = 'eu-battery-chain';

describe('Arctic and Nordic seed', () => {
  it('sends nothing through the Northern Sea Route at baseline', () => {
    const viaNsr = board.edges.filter((e) => e.from === 'northern-sea-route' || e.to === 'northern-sea-route');
    expect(viaNsr.length).toBeGreaterThan(0);
    expect(viaNsr.every((e) => e.volume === 0)).toBe(true);
    const base = run(board);
    for (const m of Object.values(base.minerals)) for (const c of Object.values(m.consumers)) expect(c.routes['northern-sea-route'] ?? 0).toBe(0);
  });

  it("Italy's rare earths come inside Chinese magnets: it breaches the 65 % test at the manufacturing stage, Japan makes its own magnets", () => {
    const base = run(board);
    for (const mineral of ['rare-earths-light', 'rare-earths-heavy']) {
      const m = base.minerals[mineral];
      expect(m.consumers[ITALY].stages.manufacturing?.top).toEqual({ country: 'CN', share: 1 });
      expect(m.consumers[ITALY].benchmark65.manufacturing).toBe(true);
      // The 65 % flag reads every consumer from the EU's side, so Japan's own plants (JP, outside the EU) raise it too.
      expect(m.consumers[JAPAN].stages.manufacturing?.top).toEqual({ country: 'JP', share: 1 });
      expect(m.consumers[JAPAN].stages.manufacturing?.shares.CN ?? 0).toBe(0);
    }
    // With Lynas drawn, Japan's NdPr is about 60 % Chinese, not 100 %.
    const japanNdPr = base.minerals['rare-earths-light'].consumers[JAPAN].stages.refining.shares.CN;
    expect(japanNdPr).toBeGreaterThan(0.5);
    expect(japanNdPr).toBeLessThan(0.7);
  });

  it('Terrafame sulphate feeds the EU battery chain, not Italian manufacturing', () => {
    const base = run(board);
    expect(base.minerals.nickel.consumers[ITALY]).toBeUndefined();
    expect(base.minerals.nickel.consumers[EU_BATTERY].stages.refining.top).toEqual({ country: 'FI', share: 1 });
  });

  it("closing Suez is a delay via the Cape; opening the Northern Sea Route (a what-if) shortens the Nordic cargo's, never Italy's Chinese magnets'", () => {
    const cape = run(board, 'd-suez-closed');
    const nsr = run(board, 'd-suez-closed', 'x-nsr-open');
    for (const [mineral, consumer] of [['nickel', JAPAN], ['cobalt', JAPAN], ['rare-earths-light', ITALY]] as const) {
      const m = cape.minerals[mineral];
      expect(m.consumers[consumer].shortfall, mineral).toBeGreaterThan(0);
      expect(m.reroute.consumers[consumer].shortfall, mineral).toBeLessThan(0.01 * m.consumers[consumer].supplied);
      expect(m.reroute.delayGap, mineral).toBeGreaterThan(0);
    }
    for (const mineral of ['nickel', 'cobalt']) expect(nsr.minerals[mineral].reroute.delayGap, mineral).toBeLessThan(cape.minerals[mineral].reroute.delayGap);
    // Europe-bound Chinese magnets are not drawn on the NSR (sanctions): the what-if leaves their Cape delay as it is.
    expect(nsr.minerals['rare-earths-light'].reroute.delayGap).toBeCloseTo(cape.minerals['rare-earths-light'].reroute.delayGap, 9);
  });

  it('a Chinese heavy rare-earth stop empties a 60-day Italian store; JOGMEC, sized at 180 days, outlasts it with margin', () => {
    const heavy = run(board, 'd-cn-hree-export-stop').minerals['rare-earths-heavy'];
    const italy = heavy.consumers[ITALY];
    const japan = heavy.consumers[JAPAN];
    expect(italy.shortfallPct).toBeCloseTo(1, 6);
    expect(italy.survives).toBe(false);
    expect(italy.stockNeeded).toBeGreaterThan(0);
    expect(japan.survives).toBe(true);
    expect(japan.stockDays! - japan.disruptionDays).toBeGreaterThan(0.1 * japan.disruptionDays);
  });

  it('a Kokkola outage is covered by the Italian store for its 45 days, not a knife edge', () => {
    const cobalt = run(board, 'd-kokkola-outage').minerals.cobalt.consumers[ITALY];
    expect(cobalt.shortfallPct).toBeCloseTo(1, 6);
    expect(cobalt.survives).toBe(true);
    expect(cobalt.stockDays! - cobalt.disruptionDays).toBeGreaterThan(0.2 * cobalt.disruptionDays);
  });
});
