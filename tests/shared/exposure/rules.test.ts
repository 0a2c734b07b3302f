/**
 * One test per rule of "Exposure semantics" in board-format.md, each on a tiny board whose expected
 * numbers are worked by hand from the spec (the arithmetic is in the comments).
 */
import { describe, expect, it } from 'vitest';
import type { DisruptionTarget, NodeKind } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';
import type { ConsumerReport, CriticalNode, ExposureReport, ExposureWarning, StageReport } from '../../../shared/exposure/types';
import { board, disruption, edge, node, type NodeExtras } from '../../utils/board-builder';

const GA = 'gallium';
const GE = 'germanium';

/** |actual - expected| <= 1e-9 relative (plus 1e-12 absolute, for expected zeros). */
function expectClose(actual: number | null | undefined, expected: number, what = 'value'): void {
  expect(typeof actual, `${what} should be a number, got ${String(actual)}`).toBe('number');
  const tol = 1e-9 * Math.abs(expected) + 1e-12;
  expect(Math.abs((actual as number) - expected), `${what}: got ${String(actual)}, expected ${expected}`).toBeLessThanOrEqual(tol);
}

/** Same keys exactly (zero shares omitted) and each value within 1e-9 relative. */
function expectShares(actual: Record<string, number>, expected: Record<string, number>, what = 'shares'): void {
  expect(Object.keys(actual).sort(), `${what} keys`).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) expectClose(actual[key], value, `${what}.${key}`);
}

/** A stage's shares, hhi and top (null, or [country, share]). */
function expectStage(stage: StageReport, shares: Record<string, number>, hhi: number, top: [string, number] | null, what = 'stage'): void {
  expectShares(stage.shares, shares, `${what}.shares`);
  expectClose(stage.hhi, hhi, `${what}.hhi`);
  if (top === null) {
    expect(stage.top, `${what}.top`).toBeNull();
  } else {
    expect(stage.top?.country, `${what}.top.country`).toBe(top[0]);
    expectClose(stage.top?.share, top[1], `${what}.top.share`);
  }
}

/** The report of consumer `id` for `mineral` (fails when absent). */
function consumerReport(r: ExposureReport, id: string, mineral = GA): ConsumerReport {
  const m = r.minerals[mineral];
  expect(m, `mineral ${mineral} reported`).toBeDefined();
  const c = m.consumers[id];
  expect(c, `consumer ${id} reported under ${mineral}`).toBeDefined();
  return c;
}

/** Supply numbers of one consumer. */
function expectSupply(c: ConsumerReport, supplied: number, delivered: number, shortfall: number, shortfallPct: number): void {
  expectClose(c.supplied, supplied, 'supplied');
  expectClose(c.delivered, delivered, 'delivered');
  expectClose(c.shortfall, shortfall, 'shortfall');
  expectClose(c.shortfallPct, shortfallPct, 'shortfallPct');
}

/** Critical nodes in this exact order, each [node, loss, lossPct]. */
function expectCritical(actual: CriticalNode[], expected: [string, number, number][]): void {
  expect(actual.map((n) => n.node), 'criticalNodes order').toEqual(expected.map((e) => e[0]));
  expected.forEach(([id, loss, lossPct], i) => {
    expectClose(actual[i].loss, loss, `${id}.loss`);
    expectClose(actual[i].lossPct, lossPct, `${id}.lossPct`);
  });
}

const refsOf = (warnings: ExposureWarning[], code?: string) => warnings.filter((w) => code === undefined || w.code === code).map((w) => w.ref);

const mine = (id: string, country: string, extras: NodeExtras = {}) => node(id, 'mine', country, extras);
const consumer = (id: string, country = 'DE', extras: NodeExtras = {}) => node(id, 'consumer', country, extras);
const onNode = (id: string): DisruptionTarget => ({ node: id });
const onEdge = (id: string): DisruptionTarget => ({ edge: id });
const onCountry = (country: string, kinds?: NodeKind[], exportsOnly?: boolean): DisruptionTarget => ({
  country,
  ...(kinds === undefined ? {} : { kinds }),
  ...(exportsOnly === undefined ? {} : { exportsOnly }),
});

describe('exposure semantics: origin tracing (baseline)', () => {
  it('mining mix: a transport passes on the volume-weighted average of its inflow edges', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), mine('mine-au', 'AU'), node('port', 'transport', 'XX'), consumer('c')],
        [
          edge('e1', 'mine-cn', 'port', GA, 60),
          edge('e2', 'mine-au', 'port', GA, 20),
          edge('e3', 'mine-au', 'port', GA, 20),
          edge('e4', 'port', 'c', GA, 50),
        ],
      ),
    );
    const c = consumerReport(r, 'c');
    // port: CN 60/(60+20+20)=0.6, AU (20+20)/100=0.4 (by volume, not by edge count: that would be CN 1/3);
    // c takes port's mix even though port ships only 50 of its 100.
    // hhi = 60^2 + 40^2 = 3600 + 1600 = 5200; top CN 0.6
    expectStage(c.stages.mining, { CN: 0.6, AU: 0.4 }, 5200, ['CN', 0.6], 'mining');
    expectClose(c.supplied, 50, 'supplied');
  });

  it('refining mix: a refinery resets it to its own country; material that passed no refinery is "unrefined"', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), node('ref-cn', 'refinery', 'CN'), node('ref-jp', 'refinery', 'JP'), mine('mine-au', 'AU'), consumer('c')],
        [
          edge('e1', 'mine-cn', 'ref-cn', GA, 60),
          edge('e2', 'ref-cn', 'ref-jp', GA, 60),
          edge('e3', 'ref-jp', 'c', GA, 60),
          edge('e4', 'mine-au', 'c', GA, 40),
        ],
      ),
    );
    const c = consumerReport(r, 'c');
    // refining: ref-jp resets ref-cn's {CN:1} to {JP:1}; mine-au's material passed no refinery -> unrefined.
    // c: JP 60/100 = 0.6, unrefined 40/100 = 0.4; hhi = 60^2 = 3600 (unrefined left out); top JP 0.6
    expectStage(c.stages.refining, { JP: 0.6, unrefined: 0.4 }, 3600, ['JP', 0.6], 'refining');
    // mining is not reset by refineries: CN 0.6, AU 0.4; hhi 3600 + 1600 = 5200
    expectStage(c.stages.mining, { CN: 0.6, AU: 0.4 }, 5200, ['CN', 0.6], 'mining');
  });

  it('"unknown": a non-source node without inflow has mix {unknown: 1}, reported but left out of HHI, top and benchmark65', () => {
    const r = computeExposure(
      board(
        [node('store', 'stockpile', 'US'), mine('mine-cn', 'CN'), consumer('c')],
        [edge('e1', 'store', 'c', GA, 80), edge('e2', 'mine-cn', 'c', GA, 20)],
      ),
    );
    const c = consumerReport(r, 'c');
    // store (stockpile, no inflow): mining {unknown:1}, refining {unknown:1}
    // mining: unknown 80/100 = 0.8, CN 20/100 = 0.2; hhi = 20^2 = 400; top CN 0.2 (not unknown 0.8)
    expectStage(c.stages.mining, { unknown: 0.8, CN: 0.2 }, 400, ['CN', 0.2], 'mining');
    // refining: unknown 0.8, unrefined 0.2 (mine); no real country -> hhi 0, top null
    expectStage(c.stages.refining, { unknown: 0.8, unrefined: 0.2 }, 0, null, 'refining');
    // unknown holds 0.8 > 0.65 but is a pseudo-origin, so neither stage breaches the benchmark
    expect(c.benchmark65).toEqual({ mining: false, refining: false });
  });

  it('hhi: sum over real countries of (100 * share)^2', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), mine('mine-au', 'AU'), mine('mine-us', 'US'), consumer('c'), consumer('c-single')],
        [
          edge('e1', 'mine-cn', 'c', GA, 50),
          edge('e2', 'mine-au', 'c', GA, 30),
          edge('e3', 'mine-us', 'c', GA, 20),
          edge('e4', 'mine-cn', 'c-single', GA, 10),
        ],
      ),
    );
    // c: CN 0.5, AU 0.3, US 0.2; hhi = 50^2 + 30^2 + 20^2 = 2500 + 900 + 400 = 3800
    expectStage(consumerReport(r, 'c').stages.mining, { CN: 0.5, AU: 0.3, US: 0.2 }, 3800, ['CN', 0.5], 'c.mining');
    // c-single: CN 1; hhi = 100^2 = 10000
    expectStage(consumerReport(r, 'c-single').stages.mining, { CN: 1 }, 10000, ['CN', 1], 'c-single.mining');
  });

  it('top: the largest real country, ties broken alphabetically', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), mine('mine-au', 'AU'), mine('mine-us', 'US'), mine('mine-br', 'BR'), consumer('c-tie'), consumer('c')],
        [
          edge('e1', 'mine-cn', 'c-tie', GA, 50),
          edge('e2', 'mine-au', 'c-tie', GA, 50),
          edge('e3', 'mine-us', 'c', GA, 30),
          edge('e4', 'mine-br', 'c', GA, 30),
          edge('e5', 'mine-cn', 'c', GA, 40),
        ],
      ),
    );
    // c-tie: CN 0.5, AU 0.5 -> tie, AU < CN alphabetically -> top AU 0.5; hhi 2500 + 2500 = 5000
    expectStage(consumerReport(r, 'c-tie').stages.mining, { CN: 0.5, AU: 0.5 }, 5000, ['AU', 0.5], 'c-tie.mining');
    // c: US 0.3, BR 0.3, CN 0.4 -> top CN 0.4 (largest, though not first alphabetically); hhi 900+900+1600 = 3400
    expectStage(consumerReport(r, 'c').stages.mining, { US: 0.3, BR: 0.3, CN: 0.4 }, 3400, ['CN', 0.4], 'c.mining');
  });

  describe('benchmark65: one country outside the EU-27 holds more than 0.65 of the stage', () => {
    /** mine(country) -> refinery(country) -> c with `main` t/yr, plus 100-main t/yr of unrefined AU material. */
    const benchmarkBoard = (country: string, main: number) =>
      board(
        [mine('mine-x', country), node('ref-x', 'refinery', country), mine('mine-au', 'AU'), consumer('c')],
        [
          edge('e1', 'mine-x', 'ref-x', GA, main),
          edge('e2', 'ref-x', 'c', GA, main),
          edge('e3', 'mine-au', 'c', GA, 100 - main),
        ],
      );

    it('is true for a non-EU country above 0.65', () => {
      const c = consumerReport(computeExposure(benchmarkBoard('CN', 70)), 'c');
      // mining CN 70/100 = 0.7 > 0.65, CN not EU -> true; refining CN 0.7, unrefined 0.3 -> true
      expectClose(c.stages.mining.shares.CN, 0.7, 'mining CN');
      expectClose(c.stages.refining.shares.CN, 0.7, 'refining CN');
      expect(c.benchmark65).toEqual({ mining: true, refining: true });
    });

    it('is false for an EU country above 0.65', () => {
      const c = consumerReport(computeExposure(benchmarkBoard('DE', 70)), 'c');
      // DE 0.7 in both stages, but DE is an EU-27 member -> false
      expectClose(c.stages.mining.shares.DE, 0.7, 'mining DE');
      expect(c.benchmark65).toEqual({ mining: false, refining: false });
    });

    it('is false at exactly 0.65 (more than 0.65 is required)', () => {
      const c = consumerReport(computeExposure(benchmarkBoard('CN', 65)), 'c');
      // CN 65/100 = 0.65, not > 0.65 -> false
      expectClose(c.stages.mining.shares.CN, 0.65, 'mining CN');
      expect(c.benchmark65).toEqual({ mining: false, refining: false });
    });
  });

  it('route shares: the share of the material that passed each transport, through two transports', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), mine('mine-au', 'AU'), mine('mine-jp', 'JP'), node('port-a', 'transport', 'XX'), node('port-b', 'transport', 'XX'), consumer('c')],
        [
          edge('e1', 'mine-cn', 'port-a', GA, 30),
          edge('e2', 'port-a', 'port-b', GA, 30),
          edge('e3', 'mine-au', 'port-b', GA, 30),
          edge('e4', 'port-b', 'c', GA, 60),
          edge('e5', 'mine-jp', 'c', GA, 60),
        ],
      ),
    );
    // port-b: port-a 30/60 = 0.5, port-b itself 1
    // c (inflow 120): port-b's material is 60/120 = 0.5 -> port-a 0.5*0.5 = 0.25, port-b 0.5*1 = 0.5; mine-jp's has no route
    expectShares(consumerReport(r, 'c').routes, { 'port-a': 0.25, 'port-b': 0.5 }, 'routes');
  });

  it('secondaryShare: the share of a consumer\'s supply that came out of a recycler', () => {
    const r = computeExposure(
      board(
        [node('rec', 'recycler', 'DE'), node('port', 'transport', 'NL'), mine('mine-cn', 'CN'), consumer('c')],
        [edge('e1', 'rec', 'port', GA, 30), edge('e2', 'port', 'c', GA, 30), edge('e3', 'mine-cn', 'c', GA, 90)],
      ),
    );
    const c = consumerReport(r, 'c');
    // secondary: 30/120 * 1 (via port) + 90/120 * 0 = 0.25
    expectClose(c.secondaryShare, 0.25, 'secondaryShare');
    // a recycler is its own mining and refining origin: mining DE 0.25, CN 0.75; refining DE 0.25, unrefined 0.75
    expectStage(c.stages.mining, { DE: 0.25, CN: 0.75 }, 625 + 5625, ['CN', 0.75], 'mining');
    expectStage(c.stages.refining, { DE: 0.25, unrefined: 0.75 }, 625, ['DE', 0.25], 'refining');
  });
});

describe('exposure semantics: scenario factors', () => {
  it('node factor: a node target scales that node only', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), mine('mine-au', 'AU'), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 100), edge('e2', 'mine-au', 'c', GA, 50)],
        [disruption('d1', onNode('mine-cn'), 0.25, 30)],
      ),
    );
    const c = consumerReport(r, 'c');
    // f(mine-cn) = 0.25, no inflow -> r = 0.25; a(e1) = 100*0.25 = 25; mine-au untouched: a(e2) = 50
    // delivered 75, supplied 150, shortfall 75, pct 75/150 = 0.5; days 30
    expectSupply(c, 150, 75, 75, 0.5);
    expectClose(c.disruptionDays, 30, 'disruptionDays');
  });

  /** CN mine -> c directly; AU mine -> CN refinery -> c. */
  const countryBoard = (target: DisruptionTarget, factor: number) =>
    board(
      [mine('mine-cn', 'CN'), mine('mine-au', 'AU'), node('ref-cn', 'refinery', 'CN'), consumer('c')],
      [edge('e1', 'mine-cn', 'c', GA, 50), edge('e2', 'mine-au', 'ref-cn', GA, 50), edge('e3', 'ref-cn', 'c', GA, 50)],
      [disruption('d1', target, factor, 60)],
    );

  it('country target with kinds: only nodes of that country and of a listed kind', () => {
    const c = consumerReport(computeExposure(countryBoard(onCountry('CN', ['mine']), 0)), 'c');
    // f(mine-cn) = 0 (CN, mine); f(ref-cn) = 1 (CN but refinery not in kinds); f(mine-au) = 1
    // A_c = 50*0 + 50*1 = 50; shortfall 100 - 50 = 50, pct 0.5
    expectSupply(c, 100, 50, 50, 0.5);
    expectClose(c.disruptionDays, 60, 'disruptionDays');
  });

  it('country target without kinds: every node of that country', () => {
    const c = consumerReport(computeExposure(countryBoard(onCountry('CN'), 0.5)), 'c');
    // f(mine-cn) = 0.5, f(ref-cn) = 0.5, f(mine-au) = 1 (AU)
    // r(ref-cn) = min(0.5, 50/50) = 0.5; A_c = 50*0.5 + 50*0.5 = 50; shortfall 50, pct 0.5
    expectSupply(c, 100, 50, 50, 0.5);
  });

  it('exportsOnly: an edge factor on edges leaving the country, not on a domestic edge', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), node('ref-cn', 'refinery', 'CN'), consumer('c-de', 'DE'), consumer('c-cn', 'CN')],
        [edge('e1', 'mine-cn', 'ref-cn', GA, 100), edge('e2', 'ref-cn', 'c-de', GA, 60), edge('e3', 'ref-cn', 'c-cn', GA, 40)],
        [disruption('ban', onCountry('CN', undefined, true), 0.25, 90)],
      ),
    );
    // g(e1) = 1 (CN -> CN), g(e2) = 0.25 (CN -> DE), g(e3) = 1 (CN -> CN); exportsOnly sets no node factor
    // r(mine-cn) = 1, r(ref-cn) = min(1, 100/100) = 1
    // c-de: a(e2) = 60*1*0.25 = 15; shortfall 45, pct 45/60 = 0.75, days 90
    const de = consumerReport(r, 'c-de');
    expectSupply(de, 60, 15, 45, 0.75);
    expectClose(de.disruptionDays, 90, 'c-de.disruptionDays');
    // c-cn: a(e3) = 40; nothing on its paths is cut -> shortfall 0, days 0, stockDays null, survives
    const cn = consumerReport(r, 'c-cn');
    expectSupply(cn, 40, 40, 0, 0);
    expect(cn.disruptionDays).toBe(0);
    expect(cn.stockDays).toBeNull();
    expect(cn.survives).toBe(true);
  });

  it('exportsOnly with kinds: only exports whose source node is of a listed kind', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), node('ref-cn', 'refinery', 'CN'), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 40), edge('e2', 'mine-cn', 'ref-cn', GA, 60), edge('e3', 'ref-cn', 'c', GA, 60)],
        [disruption('ban', onCountry('CN', ['refinery'], true), 0, 90)],
      ),
    );
    // g(e1) = 1 (source is a mine), g(e2) = 1 (domestic), g(e3) = 0 (CN refinery -> DE)
    // A_c = 40 + 60*0 = 40; supplied 100, shortfall 60, pct 0.6
    expectSupply(consumerReport(r, 'c'), 100, 40, 60, 0.6);
  });

  it('minerals: a disruption listing minerals applies to those only', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 100), edge('e2', 'mine-cn', 'c', GE, 50)],
        [disruption('d1', onNode('mine-cn'), 0, 60, { minerals: [GE] })],
      ),
    );
    // gallium: f(mine-cn) = 1 -> delivered 100, shortfall 0, days 0
    const ga = consumerReport(r, 'c', GA);
    expectSupply(ga, 100, 100, 0, 0);
    expect(ga.disruptionDays).toBe(0);
    // germanium: f(mine-cn) = 0 -> delivered 0, shortfall 50, pct 1, days 60
    const ge = consumerReport(r, 'c', GE);
    expectSupply(ge, 50, 0, 50, 1);
    expectClose(ge.disruptionDays, 60, 'germanium disruptionDays');
  });

  it('enabled: disabled disruptions are ignored', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 100)],
        [disruption('d1', onNode('mine-cn'), 0, 60, { enabled: false }), disruption('d2', onEdge('e1'), 0, 60, { enabled: false })],
      ),
    );
    const c = consumerReport(r, 'c');
    // no enabled disruption -> f = g = 1; delivered 100, shortfall 0, days 0
    expectSupply(c, 100, 100, 0, 0);
    expect(c.disruptionDays).toBe(0);
    expect(c.survives).toBe(true);
  });

  it('several matching disruptions: the factor is their minimum (node and edge)', () => {
    const nodes = [mine('mine-cn', 'CN'), consumer('c')];
    const edges = [edge('e1', 'mine-cn', 'c', GA, 100)];
    const nodeCuts = computeExposure(
      board(nodes, edges, [
        disruption('d1', onNode('mine-cn'), 0.6, 10),
        disruption('d2', onCountry('CN'), 0.3, 10),
        disruption('d3', onCountry('CN', ['mine']), 0.8, 10),
      ]),
    );
    // f(mine-cn) = min(0.6, 0.3, 0.8) = 0.3 (a product would be 0.144) -> delivered 30, shortfall 70
    expectSupply(consumerReport(nodeCuts, 'c'), 100, 30, 70, 0.7);
    const edgeCuts = computeExposure(
      board(nodes, edges, [disruption('d1', onEdge('e1'), 0.5, 10), disruption('d2', onCountry('CN', undefined, true), 0.2, 10)]),
    );
    // g(e1) = min(0.5, 0.2) = 0.2 (CN -> DE export) -> delivered 100*1*0.2 = 20, shortfall 80
    expectSupply(consumerReport(edgeCuts, 'c'), 100, 20, 80, 0.8);
  });
});

describe('exposure semantics: scenario flows', () => {
  /** mine-cn -> port -> ref-jp <- mine-au; ref-jp -> c 200. */
  const chain = (refFactor: number | null) =>
    board(
      [mine('mine-cn', 'CN'), node('port', 'transport', 'XX'), node('ref-jp', 'refinery', 'JP'), mine('mine-au', 'AU'), consumer('c')],
      [
        edge('e1', 'mine-cn', 'port', GA, 100),
        edge('e2', 'port', 'ref-jp', GA, 100),
        edge('e3', 'mine-au', 'ref-jp', GA, 100),
        edge('e4', 'ref-jp', 'c', GA, 200),
      ],
      [
        disruption('d1', onNode('mine-cn'), 0.5, 30),
        disruption('d2', onNode('port'), 0.9, 30),
        ...(refFactor === null ? [] : [disruption('d3', onNode('ref-jp'), refFactor, 30)]),
      ],
    );

  it('throughput ratio r_n = min(f_n, A_n / I_n) through a chain', () => {
    // r(mine-cn) = 0.5 (no inflow); A(port) = 100*0.5 = 50 -> r(port) = min(0.9, 50/100) = 0.5
    // A(ref-jp) = 100*0.5 + 100*1 = 150, I = 200 -> r(ref-jp) = min(0.6, 0.75) = 0.6 (the factor binds)
    // A_c = 200*0.6 = 120; shortfall 80, pct 0.4
    expectSupply(consumerReport(computeExposure(chain(0.6)), 'c'), 200, 120, 80, 0.4);
    // without d3: r(ref-jp) = min(1, 0.75) = 0.75 (the inflow binds) -> A_c = 150; shortfall 50, pct 0.25
    expectSupply(consumerReport(computeExposure(chain(null)), 'c'), 200, 150, 50, 0.25);
  });

  it('a node with no planned inflow has r_n = f_n', () => {
    const r = computeExposure(
      board(
        [node('store', 'stockpile', 'DE'), mine('mine-cn', 'CN'), node('hub', 'transport', 'XX'), consumer('c')],
        [edge('e1', 'store', 'c', GA, 100), edge('e2', 'mine-cn', 'hub', GA, 0), edge('e3', 'hub', 'c', GA, 50)],
        [disruption('d1', onNode('store'), 0.4, 30), disruption('d2', onNode('mine-cn'), 0, 30)],
      ),
    );
    // store: no inflow -> r = f = 0.4 -> a(e1) = 40
    // hub: planned inflow 0 (its only in-edge has volume 0) -> r = f(hub) = 1 although mine-cn is stopped -> a(e3) = 50
    // A_c = 90, supplied 150, shortfall 60, pct 0.4
    expectSupply(consumerReport(r, 'c'), 150, 90, 60, 0.4);
  });

  it('delivered = A_c, shortfall = supplied - delivered, shortfallPct = shortfall / supplied', () => {
    const r = computeExposure(
      board([mine('mine-cn', 'CN'), consumer('c', 'DE', { demand: { [GA]: 100 } })], [edge('e1', 'mine-cn', 'c', GA, 80)], [
        disruption('d1', onNode('mine-cn'), 0.25, 30),
      ]),
    );
    const c = consumerReport(r, 'c');
    // demand 100 but supplied = I_c = 80; delivered 80*0.25 = 20; shortfall 80 - 20 = 60 (not 100 - 20); pct 60/80 = 0.75
    expectClose(c.demand, 100, 'demand');
    expectSupply(c, 80, 20, 60, 0.75);
  });

  it('shortfallPct is 0 when supplied is 0', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), consumer('c-idle', 'DE', { demand: { [GA]: 50 } }), consumer('c-zero')],
        [edge('e1', 'mine-cn', 'c-zero', GA, 0)],
        [disruption('d1', onNode('mine-cn'), 0, 30)],
      ),
    );
    // c-idle: demand 50, no edge -> supplied 0, delivered 0, shortfall 0, pct 0 (not 0/0)
    const idle = consumerReport(r, 'c-idle');
    expectClose(idle.demand, 50, 'demand');
    expectSupply(idle, 0, 0, 0, 0);
    expect(idle.stockDays).toBeNull();
    expect(idle.survives).toBe(true);
    // c-zero: one edge of volume 0 -> supplied 0, pct 0
    expectSupply(consumerReport(r, 'c-zero'), 0, 0, 0, 0);
  });

  it('disruptionDays: the largest days among cuts on paths of positive planned volume into c', () => {
    const r = computeExposure(
      board(
        [
          mine('mine-cn', 'CN'), node('port', 'transport', 'XX'), mine('mine-au', 'AU'), mine('mine-us', 'US'), mine('mine-br', 'BR'),
          consumer('c'), consumer('c2'), consumer('c3'),
        ],
        [
          edge('e1', 'mine-cn', 'port', GA, 100),
          edge('e2', 'port', 'c', GA, 100),
          edge('e3', 'mine-au', 'c', GA, 50),
          edge('e4', 'mine-us', 'c2', GA, 10),
          edge('e5', 'mine-br', 'c3', GA, 10),
        ],
        [
          disruption('d1', onNode('mine-cn'), 0.5, 30),
          disruption('d2', onEdge('e2'), 0.9, 200),
          disruption('d3', onNode('mine-au'), 0, 90),
          disruption('d4', onNode('mine-us'), 0, 999),
          disruption('d5', onNode('mine-cn'), 1, 5000),
          disruption('d6', onNode('c3'), 0.5, 45),
        ],
      ),
    );
    // c: cuts d1 (30, on mine-cn), d2 (200, on e2), d3 (90, on mine-au) -> max 200;
    //    d4 is not on c's paths; d5 has factor 1 so it cuts nothing
    expectClose(consumerReport(r, 'c').disruptionDays, 200, 'c.disruptionDays');
    // c2: d4 -> 999
    expectClose(consumerReport(r, 'c2').disruptionDays, 999, 'c2.disruptionDays');
    // c3: a cut on the consumer itself counts -> 45; delivered = A_c3 = 10 (f_c3 does not enter A_c3)
    const c3 = consumerReport(r, 'c3');
    expectClose(c3.disruptionDays, 45, 'c3.disruptionDays');
    expectSupply(c3, 10, 10, 0, 0);
  });

  it('disruptionDays is 0 when the only cut is on a path of zero planned volume', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), mine('mine-au', 'AU'), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 0), edge('e2', 'mine-au', 'c', GA, 40)],
        [disruption('d1', onNode('mine-cn'), 0, 120), disruption('d2', onEdge('e1'), 0, 150)],
      ),
    );
    const c = consumerReport(r, 'c');
    // the cuts on mine-cn and e1 lie only on the 0 t/yr path -> days 0; delivered 40 = supplied
    expect(c.disruptionDays).toBe(0);
    expectSupply(c, 40, 40, 0, 0);
    expect(c.survives).toBe(true);
  });
});

describe('exposure semantics: stockpiles and survival', () => {
  it('a stockpile backs consumers through 0-volume edges; its stock is shared in proportion to shortfall', () => {
    const r = computeExposure(
      board(
        [
          mine('mine-cn', 'CN'), mine('mine-au', 'AU'), node('store', 'stockpile', 'DE', { stock: { [GA]: 30 } }),
          consumer('c1'), consumer('c2'), consumer('c3'), consumer('c4'),
        ],
        [
          edge('e1', 'mine-cn', 'c1', GA, 100),
          edge('e2', 'mine-cn', 'c2', GA, 50),
          edge('e3', 'mine-au', 'c3', GA, 10),
          edge('e4', 'mine-cn', 'c4', GA, 10),
          edge('s1', 'store', 'c1', GA, 0),
          edge('s2', 'store', 'c2', GA, 0),
          edge('s3', 'store', 'c3', GA, 0),
        ],
        [disruption('d1', onNode('mine-cn'), 0.4, 100)],
      ),
    );
    // c1: delivered 40, shortfall 60; c2: delivered 20, shortfall 30; c3: shortfall 0; c4 (not backed): shortfall 6
    // backed shortfall 60 + 30 + 0 = 90: c1 gets 30*60/90 = 20 t, c2 30*30/90 = 10 t, c3 0 t
    // stockDays c1 = 20/(60/365) = 121.6667; c2 = 10/(30/365) = 121.6667 (an equal split would give c1 91.25)
    const c1 = consumerReport(r, 'c1');
    const c2 = consumerReport(r, 'c2');
    expectSupply(c1, 100, 40, 60, 0.6);
    expectSupply(c2, 50, 20, 30, 0.6);
    expectClose(c1.stockDays, (20 * 365) / 60, 'c1.stockDays');
    expectClose(c2.stockDays, (10 * 365) / 30, 'c2.stockDays');
    // 121.67 >= 100 -> both survive
    expect(c1.survives).toBe(true);
    expect(c2.survives).toBe(true);
    const c3 = consumerReport(r, 'c3');
    expect(c3.stockDays).toBeNull();
    expect(c3.survives).toBe(true);
    // c4: shortfall 6, no stockpile -> stockDays 0/(6/365) = 0 < 100 -> does not survive
    const c4 = consumerReport(r, 'c4');
    expectClose(c4.stockDays, 0, 'c4.stockDays');
    expect(c4.survives).toBe(false);
  });

  it('stockDays is null when shortfall is 0', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), node('store', 'stockpile', 'DE', { stock: { [GA]: 50 } }), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 100), edge('e2', 'store', 'c', GA, 0)],
      ),
    );
    const c = consumerReport(r, 'c');
    // no disruption -> shortfall 0 -> stockDays null, survives
    expectSupply(c, 100, 100, 0, 0);
    expect(c.stockDays).toBeNull();
    expect(c.survives).toBe(true);
  });

  it('survives: stockDays >= disruptionDays (equality survives)', () => {
    const survivalBoard = (days: number) =>
      board(
        [mine('mine-cn', 'CN'), node('store', 'stockpile', 'DE', { stock: { [GA]: 73 } }), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 730), edge('e2', 'store', 'c', GA, 0)],
        [disruption('d1', onNode('mine-cn'), 0.5, days)],
      );
    // delivered 730*0.5 = 365, shortfall 365 -> stockDays = 73/(365/365) = 73
    const at = consumerReport(computeExposure(survivalBoard(73)), 'c');
    expectClose(at.stockDays, 73, 'stockDays');
    expectClose(at.disruptionDays, 73, 'disruptionDays');
    expect(at.survives).toBe(true); // 73 >= 73
    const below = consumerReport(computeExposure(survivalBoard(72)), 'c');
    expect(below.survives).toBe(true); // 73 >= 72
    const above = consumerReport(computeExposure(survivalBoard(74)), 'c');
    expect(above.survives).toBe(false); // 73 < 74
  });

  it('a shortfall within 1e-9 t/yr of zero counts as zero', () => {
    const noisy = (factor: number) =>
      board([mine('mine-cn', 'CN'), consumer('c')], [edge('e1', 'mine-cn', 'c', GA, 100)], [disruption('d1', onNode('mine-cn'), factor, 30)]);
    // factor 1 - 1e-12: shortfall = 100 * 1e-12 = 1e-10 <= 1e-9 -> counts as 0: pct 0, stockDays null, survives
    const covered = consumerReport(computeExposure(noisy(1 - 1e-12)), 'c');
    expect(covered.shortfall).toBe(0);
    expect(covered.shortfallPct).toBe(0);
    expect(covered.stockDays).toBeNull();
    expect(covered.survives).toBe(true);
    expectClose(covered.delivered, 100, 'delivered');
    // factor 1 - 1e-10: shortfall = 100 * 1e-10 = 1e-8 > 1e-9 -> reported; no stock -> stockDays 0 < 30 -> does not survive
    const short = consumerReport(computeExposure(noisy(1 - 1e-10)), 'c');
    expect(short.shortfall).toBeGreaterThan(0.9e-8);
    expect(short.shortfall).toBeLessThan(1.1e-8);
    expect(short.survives).toBe(false);
  });
});

describe('exposure semantics: critical nodes (baseline)', () => {
  it('loss and lossPct of each non-consumer node, largest first, ties by id', () => {
    const r = computeExposure(
      board(
        [
          node('port', 'transport', 'XX'), node('stock', 'stockpile', 'DE', { stock: { [GA]: 5 } }), mine('mine-jp', 'JP'),
          node('dump', 'transport', 'XX'), mine('mine-cn', 'CN'), mine('mine-au', 'AU'), consumer('c1'), consumer('c2'),
        ],
        [
          edge('e1', 'mine-cn', 'port', GA, 60),
          edge('e2', 'port', 'c1', GA, 60),
          edge('e3', 'mine-cn', 'dump', GA, 20),
          edge('e4', 'mine-au', 'c1', GA, 30),
          edge('e5', 'mine-jp', 'c2', GA, 30),
          edge('e6', 'stock', 'c1', GA, 0),
        ],
        // a scenario lever must not change the baseline losses
        [disruption('d1', onNode('mine-cn'), 0, 30)],
      ),
    );
    // total supplied to consumers = c1 (60 + 30) + c2 30 = 120
    // mine-cn: 60 via port (its 20 to dump reach no consumer) -> 60, 0.5; port 60, 0.5; mine-au 30, 0.25;
    // mine-jp 30, 0.25; dump 0; stock 0 (0-volume edge). Ties: mine-cn < port, mine-au < mine-jp, dump < stock
    expectCritical(r.minerals[GA].criticalNodes, [
      ['mine-cn', 60, 0.5],
      ['port', 60, 0.5],
      ['mine-au', 30, 0.25],
      ['mine-jp', 30, 0.25],
      ['dump', 0, 0],
      ['stock', 0, 0],
    ]);
  });

  it('loss follows the throughput ratio through a node with several inflows', () => {
    const r = computeExposure(
      board(
        [mine('m1', 'CN'), mine('m2', 'AU'), node('hub', 'transport', 'XX'), node('dump', 'transport', 'XX'), consumer('c')],
        [edge('e1', 'm1', 'hub', GA, 60), edge('e2', 'm2', 'hub', GA, 40), edge('e3', 'hub', 'c', GA, 50), edge('e4', 'hub', 'dump', GA, 50)],
      ),
    );
    // total supplied 50. m1 stopped: r(hub) = 40/100 = 0.4 -> c gets 20 -> loss 30, 0.6
    // m2 stopped: r(hub) = 0.6 -> c gets 30 -> loss 20, 0.4; hub stopped: loss 50, 1; dump: 0
    expectCritical(r.minerals[GA].criticalNodes, [
      ['hub', 50, 1],
      ['m1', 30, 0.6],
      ['m2', 20, 0.4],
      ['dump', 0, 0],
    ]);
  });
});

describe('exposure semantics: cycles', () => {
  it('a recycling loop (consumer -> recycler -> refinery -> consumer) is solved at its fixed point', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), node('refiner', 'refinery', 'JP'), consumer('c', 'DE', { demand: { [GA]: 100 } }), node('recycler', 'recycler', 'DE')],
        [
          edge('e1', 'mine-cn', 'refiner', GA, 80),
          edge('e2', 'refiner', 'c', GA, 100),
          edge('e3', 'c', 'recycler', GA, 20),
          edge('e4', 'recycler', 'refiner', GA, 20),
        ],
        [disruption('d1', onNode('mine-cn'), 0.5, 60)],
      ),
    );
    const m = r.minerals[GA];
    expect(m.converged).toBe(true);
    const c = consumerReport(r, 'c');
    // baseline: recycler = {DE:1} (both stages), secondary 1
    // refiner: mining CN 80/100 = 0.8, DE 20/100 = 0.2; refining {JP:1}; secondary 0.2
    // c takes refiner's: hhi mining 6400 + 400 = 6800; refining 10000; secondaryShare 0.2
    expectStage(c.stages.mining, { CN: 0.8, DE: 0.2 }, 6800, ['CN', 0.8], 'mining');
    expectStage(c.stages.refining, { JP: 1 }, 10000, ['JP', 1], 'refining');
    expectClose(c.secondaryShare, 0.2, 'secondaryShare');
    // scenario: r(mine-cn) = 0.5. Let x = r(refiner) = r(c) = r(recycler) (each min(1, A/I)):
    // A(refiner) = 80*0.5 + 20*x = 100x -> 40 = 80x -> x = 0.5; A_c = 100*0.5 = 50; shortfall 50, pct 0.5
    expectSupply(c, 100, 50, 50, 0.5);
    expectClose(c.disruptionDays, 60, 'disruptionDays');
    // losses (total supplied 100): mine-cn stopped: 100x = 20x -> x = 0 -> 100, 1; refiner: 100, 1;
    // recycler stopped: x = 80/100 = 0.8 -> c gets 80 -> 20, 0.2. Tie mine-cn < refiner
    expectCritical(m.criticalNodes, [
      ['mine-cn', 100, 1],
      ['refiner', 100, 1],
      ['recycler', 20, 0.2],
    ]);
  });

  it('subnormal volumes in a loop keep their ratio: stopping the only outside feed drains the loop to 0', () => {
    // found by fast-check: mine-b -> mine-a 5e-324, mine-a -> mine-a 1e-323, mine-a -> c 1. I(mine-a) = 1.5e-323.
    // mine-b stopped: r(mine-a) = (2/3) r(mine-a) -> 0, so c loses all of its 1 t/yr (as mine-b's critical loss says).
    // Multiplying the subnormal volumes by r first rounds 1e-323 * r up to 5e-324 and stalls r at 1/3.
    const tiny = (cut: boolean) =>
      board(
        [mine('mine-a', 'CN'), mine('mine-b', 'CN'), consumer('c')],
        [edge('e1', 'mine-b', 'mine-a', GA, 5e-324), edge('e2', 'mine-a', 'c', GA, 1), edge('e3', 'mine-a', 'mine-a', GA, 1e-323)],
        cut ? [disruption('d1', onNode('mine-b'), 0, 30)] : [],
      );
    const lossOfB = computeExposure(tiny(false)).minerals[GA].criticalNodes.find((n) => n.node === 'mine-b');
    expectClose(lossOfB?.loss, 1, 'loss of mine-b');
    const cut = computeExposure(tiny(true));
    expect(cut.minerals[GA].converged).toBe(true);
    expectSupply(consumerReport(cut, 'c'), 1, 0, 1, 1);
  });

  /** mine-cn -> ref (JP) <-> ship (transport) <- mine-au; ship -> c 50. A loop with no recycler to reset the mix. */
  const loop = (cut: boolean) =>
    board(
      [mine('mine-cn', 'CN'), mine('mine-au', 'AU'), node('ref', 'refinery', 'JP'), node('ship', 'transport', 'XX'), consumer('c')],
      [
        edge('e1', 'mine-cn', 'ref', GA, 50),
        edge('e2', 'mine-au', 'ship', GA, 50),
        edge('e3', 'ref', 'ship', GA, 50),
        edge('e4', 'ship', 'ref', GA, 50),
        edge('e5', 'ship', 'c', GA, 50),
      ],
      cut ? [disruption('d1', onNode('mine-au'), 0, 30)] : [],
    );

  it('a loop without a recycler (refinery <-> transport): flows and losses at the fixed point', () => {
    const base = computeExposure(loop(false));
    const m = base.minerals[GA];
    expect(m.converged).toBe(true);
    // losses (total 50): ship 50 (1); mine-au stopped: r(ship) = 0.5 r(ref), r(ref) = 0.5 + 0.5 r(ship)
    //   -> r(ref) = 2/3, r(ship) = 1/3 -> c gets 50/3 -> loss 100/3 (2/3);
    // mine-cn stopped: r(ref) = 0.5 r(ship), r(ship) = 0.5 + 0.5 r(ref) -> r(ship) = 2/3 -> loss 50/3 (1/3);
    // ref stopped: r(ship) = 50/100 = 0.5 -> loss 25 (0.5)
    expectCritical(m.criticalNodes, [
      ['ship', 50, 1],
      ['mine-au', 100 / 3, 2 / 3],
      ['ref', 25, 0.5],
      ['mine-cn', 50 / 3, 1 / 3],
    ]);
    // scenario mine-au stopped: the same fixed point as its loss -> delivered 50/3, shortfall 100/3, pct 2/3
    const cut = computeExposure(loop(true));
    expect(cut.minerals[GA].converged).toBe(true);
    expectSupply(consumerReport(cut, 'c'), 50, 50 / 3, 100 / 3, 2 / 3);
  });

  it('a loop without a recycler (refinery <-> transport): origin shares at the fixed point', () => {
    const c = consumerReport(computeExposure(loop(false)), 'c');
    // CN share x of ref and y of ship: x = 0.5*1 + 0.5*y, y = 0.5*0 + 0.5*x -> x = 0.5 + 0.25x -> x = 2/3, y = 1/3.
    // An "unknown" share u would satisfy u(ref) = 0.5 u(ship), u(ship) = 0.5 u(ref) -> u = 0: every tonne has a
    // known origin, so the fixed point has no "unknown" key (zero shares are omitted).
    // c takes ship's mix: CN 1/3, AU 2/3; hhi = (100/3)^2 + (200/3)^2 = 50000/9; top AU 2/3
    expectStage(c.stages.mining, { CN: 1 / 3, AU: 2 / 3 }, 50000 / 9, ['AU', 2 / 3], 'mining');
    // refining: ref resets to JP -> ship = 0.5 {JP} (from ref) + 0.5 {unrefined} (from mine-au)
    expectStage(c.stages.refining, { JP: 0.5, unrefined: 0.5 }, 2500, ['JP', 0.5], 'refining');
    expectShares(c.routes, { ship: 1 }, 'routes');
  });
});

describe('exposure semantics: bad data never throws', () => {
  it('bad disruptions (factor outside [0,1], days <= 0, malformed target) are ignored with a warning', () => {
    const bad = (id: string, target: unknown, factor: number, days: number) => ({ id, label: id, enabled: true, target, factor, days });
    const input = board([mine('mine-cn', 'CN'), consumer('c')], [edge('e1', 'mine-cn', 'c', GA, 100)]);
    input.scenario.disruptions = [
      bad('bad-factor-high', { node: 'mine-cn' }, 1.5, 10),
      bad('bad-factor-neg', { node: 'mine-cn' }, -0.5, 10),
      bad('bad-factor-nan', { node: 'mine-cn' }, Number.NaN, 10),
      bad('bad-days-zero', { node: 'mine-cn' }, 0, 0),
      bad('bad-days-neg', { node: 'mine-cn' }, 0, -5),
      bad('bad-target-two', { node: 'mine-cn', edge: 'e1' }, 0, 10),
      bad('bad-target-country', { country: 'cn' }, 0, 10),
      bad('bad-target-empty', {}, 0, 10),
      bad('ok', { edge: 'e1' }, 0.5, 20),
    ] as never;
    let r: ExposureReport | undefined;
    expect(() => (r = computeExposure(input))).not.toThrow();
    const c = consumerReport(r!, 'c');
    // only 'ok' counts: g(e1) = 0.5 -> delivered 50, shortfall 50, days 20
    expectSupply(c, 100, 50, 50, 0.5);
    expectClose(c.disruptionDays, 20, 'disruptionDays');
    const refs = refsOf(r!.warnings);
    for (const id of ['bad-factor-high', 'bad-factor-neg', 'bad-factor-nan', 'bad-days-zero', 'bad-days-neg', 'bad-target-two', 'bad-target-country', 'bad-target-empty']) {
      expect(refs, `warning for ${id}`).toContain(id);
    }
    expect(refs).not.toContain('ok');
  });

  it('bad node and edge numbers count as 0 with a warning', () => {
    const r = computeExposure(
      board(
        [
          mine('mine-cn', 'CN'), mine('mine-au', 'AU'), mine('mine-jp', 'JP'),
          consumer('c', 'DE', { demand: { [GA]: -3 } }), node('store', 'stockpile', 'DE', { stock: { [GA]: Number.NaN } }),
        ],
        [
          edge('e1', 'mine-cn', 'c', GA, 100),
          edge('e2', 'mine-au', 'c', GA, -5),
          edge('e3', 'mine-jp', 'c', GA, Number.POSITIVE_INFINITY),
          edge('e5', 'mine-au', 'c', GA, Number.NaN),
          edge('e4', 'store', 'c', GA, 0),
        ],
        [disruption('d1', onNode('mine-cn'), 0.5, 10)],
      ),
    );
    const c = consumerReport(r, 'c');
    // e2, e3, e5 count as 0 -> supplied 100; demand -3 -> 0
    expectClose(c.demand, 0, 'demand');
    expectSupply(c, 100, 50, 50, 0.5);
    // AU and JP edges carry 0 -> share 0, omitted: mining {CN: 1}
    expectShares(c.stages.mining.shares, { CN: 1 }, 'mining');
    // stock NaN -> 0: stockDays = 0/(50/365) = 0 < 10 -> does not survive
    expectClose(c.stockDays, 0, 'stockDays');
    expect(c.survives).toBe(false);
    const refs = refsOf(r.warnings);
    for (const ref of ['e2', 'e3', 'e5', 'c', 'store']) expect(refs, `warning for ${ref}`).toContain(ref);
  });

  it('dangling edges are ignored with a dangling-edge warning', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN', { capacity: { [GA]: 100 } }), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 100), edge('e2', 'mine-cn', 'ghost', GA, 50), edge('e3', 'ghost2', 'c', GA, 30)],
      ),
    );
    expect(refsOf(r.warnings, 'dangling-edge').sort()).toEqual(['e2', 'e3']);
    // e3 ignored -> supplied 100; e2 ignored -> mine-cn ships 100 = its capacity, so no over-capacity
    const c = consumerReport(r, 'c');
    expectSupply(c, 100, 100, 0, 0);
    expectShares(c.stages.mining.shares, { CN: 1 }, 'mining');
    expect(refsOf(r.warnings, 'over-capacity')).toEqual([]);
  });

  it('planned outflow above capacity gives an over-capacity warning', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN', { capacity: { [GA]: 50 } }), mine('mine-au', 'AU', { capacity: { [GA]: 30 } }), consumer('c')],
        [edge('e1', 'mine-cn', 'c', GA, 80), edge('e2', 'mine-au', 'c', GA, 30)],
      ),
    );
    // mine-cn ships 80 > 50 -> warning; mine-au ships 30 = 30 -> none
    expect(refsOf(r.warnings, 'over-capacity')).toEqual(['mine-cn']);
    // the plan is still computed as given: supplied 110; mining CN 80/110, AU 30/110
    // hhi = (8000/110)^2 + (3000/110)^2 = 730000/121 = 6033.0579
    const c = consumerReport(r, 'c');
    expectSupply(c, 110, 110, 0, 0);
    expectStage(c.stages.mining, { CN: 80 / 110, AU: 30 / 110 }, 730000 / 121, ['CN', 80 / 110], 'mining');
  });

  it('planned outflow above inflow of a node that is not a mine or recycler gives outflow-exceeds-inflow', () => {
    const r = computeExposure(
      board(
        [mine('mine-cn', 'CN'), node('port', 'transport', 'XX'), node('rec', 'recycler', 'DE'), consumer('c')],
        [edge('e1', 'mine-cn', 'port', GA, 40), edge('e2', 'port', 'c', GA, 60), edge('e3', 'rec', 'c', GA, 10)],
      ),
    );
    // port: out 60 > in 40 -> warning; mine-cn and rec ship without inflow, as sources do -> none
    expect(refsOf(r.warnings, 'outflow-exceeds-inflow')).toEqual(['port']);
    // still computed: supplied 70; mining CN 60/70, DE 10/70; secondaryShare 10/70
    const c = consumerReport(r, 'c');
    expectSupply(c, 70, 70, 0, 0);
    expectShares(c.stages.mining.shares, { CN: 6 / 7, DE: 1 / 7 }, 'mining');
    expectClose(c.secondaryShare, 1 / 7, 'secondaryShare');
  });

  it('duplicate ids, unknown kinds and non-board input do not throw', () => {
    const input = board(
      [mine('mine-cn', 'CN'), node('mine-cn', 'refinery', 'JP'), node('sm', 'smelter' as NodeKind, 'CN'), consumer('c')],
      [edge('e1', 'mine-cn', 'c', GA, 100), edge('e1', 'mine-cn', 'c', GA, 999), edge('e2', 'sm', 'c', GA, 50)],
    );
    let r: ExposureReport | undefined;
    expect(() => (r = computeExposure(input))).not.toThrow();
    // the later mine-cn and e1 are ignored; sm (unknown kind) is ignored, so e2 dangles -> supplied 100, {CN: 1}
    const c = consumerReport(r!, 'c');
    expectSupply(c, 100, 100, 0, 0);
    expectShares(c.stages.mining.shares, { CN: 1 }, 'mining');
    const refs = refsOf(r!.warnings);
    for (const ref of ['mine-cn', 'e1', 'sm', 'e2']) expect(refs, `warning for ${ref}`).toContain(ref);
    for (const garbage of [null, 'board', 42, [], {}, { format: 'lodestone.board', version: 1, nodes: 'x', edges: 7 }]) {
      expect(() => computeExposure(garbage)).not.toThrow();
      expect(computeExposure(garbage).minerals).toEqual({});
    }
  });
});

describe('exposure semantics: the `exposure` command output example', () => {
  it('reproduces the example (CN refinery exports cut to 1/3 for 180 days, 20 t stockpile)', () => {
    const r = computeExposure(
      board(
        [
          mine('mine-cn', 'CN'), mine('mine-jp', 'JP'), node('cn-refiner', 'refinery', 'CN'), node('suez', 'transport', 'EG'),
          consumer('eu-industry', 'DE', { demand: { [GA]: 100 } }), node('eu-stock', 'stockpile', 'DE', { stock: { [GA]: 20 } }),
        ],
        [
          edge('e1', 'mine-cn', 'cn-refiner', GA, 72),
          edge('e2', 'mine-jp', 'cn-refiner', GA, 18),
          edge('e3', 'cn-refiner', 'suez', GA, 45),
          edge('e4', 'suez', 'eu-industry', GA, 45),
          edge('e5', 'cn-refiner', 'eu-industry', GA, 45),
          edge('e6', 'eu-stock', 'eu-industry', GA, 0),
        ],
        [disruption('ban', onCountry('CN', ['refinery'], true), 1 / 3, 180, { minerals: [GA] })],
      ),
    );
    expect(r.warnings).toEqual([]);
    const m = r.minerals[GA];
    expect(m.converged).toBe(true);
    const c = consumerReport(r, 'eu-industry');
    expectClose(c.demand, 100, 'demand');
    // g(e3) = g(e5) = 1/3 (CN refinery -> EG / DE); e1 is domestic, e2 leaves JP
    // a(e3) = 45/3 = 15 -> r(suez) = min(1, 15/45) = 1/3 -> a(e4) = 15; a(e5) = 15
    // delivered 30, supplied 90, shortfall 60, pct 60/90 = 0.6667
    expectSupply(c, 90, 30, 60, 2 / 3);
    expectClose(c.secondaryShare, 0, 'secondaryShare');
    // mining: CN 72/90 = 0.8, JP 18/90 = 0.2; hhi 6400 + 400 = 6800
    expectStage(c.stages.mining, { CN: 0.8, JP: 0.2 }, 6800, ['CN', 0.8], 'mining');
    // refining: all passed cn-refiner -> CN 1; hhi 10000
    expectStage(c.stages.refining, { CN: 1 }, 10000, ['CN', 1], 'refining');
    expect(c.benchmark65).toEqual({ mining: true, refining: true });
    // routes: suez carries 45 of 90 -> 0.5
    expectShares(c.routes, { suez: 0.5 }, 'routes');
    // days 180; stockDays = 20/(60/365) = 121.6667 < 180 -> does not survive
    expectClose(c.disruptionDays, 180, 'disruptionDays');
    expectClose(c.stockDays, (20 * 365) / 60, 'stockDays');
    expect(c.survives).toBe(false);
    // baseline losses (total 90): cn-refiner 90 (1), mine-cn 72 (0.8), suez 45 (0.5), mine-jp 18 (0.2), eu-stock 0
    expectCritical(m.criticalNodes, [
      ['cn-refiner', 90, 1],
      ['mine-cn', 72, 0.8],
      ['suez', 45, 0.5],
      ['mine-jp', 18, 0.2],
      ['eu-stock', 0, 0],
    ]);
  });

  it('reproduces the example including its criticalNodes entry (cn-refiner loss 60, lossPct 0.6667)', () => {
    // The example's cn-refiner loss 60 of 90 needs 30 t/yr that bypass cn-refiner (here via a JP refiner);
    // its delivered 30 then needs cn-refiner's exports fully stopped (factor 0).
    const r = computeExposure(
      board(
        [
          mine('mine-cn-a', 'CN'), mine('mine-cn-b', 'CN'), mine('mine-jp', 'JP'), node('cn-refiner', 'refinery', 'CN'),
          node('jp-refiner', 'refinery', 'JP'), node('suez', 'transport', 'EG'),
          consumer('eu-industry', 'DE', { demand: { [GA]: 100 } }), node('eu-stock', 'stockpile', 'DE', { stock: { [GA]: 20 } }),
        ],
        [
          edge('e1', 'mine-cn-a', 'cn-refiner', GA, 36),
          edge('e2', 'mine-cn-b', 'cn-refiner', GA, 24),
          edge('e3', 'mine-cn-b', 'jp-refiner', GA, 12),
          edge('e4', 'mine-jp', 'jp-refiner', GA, 18),
          edge('e5', 'cn-refiner', 'suez', GA, 45),
          edge('e6', 'suez', 'eu-industry', GA, 45),
          edge('e7', 'cn-refiner', 'eu-industry', GA, 15),
          edge('e8', 'jp-refiner', 'eu-industry', GA, 30),
          edge('e9', 'eu-stock', 'eu-industry', GA, 0),
        ],
        [disruption('ban', onCountry('CN', ['refinery'], true), 0, 180)],
      ),
    );
    expect(r.warnings).toEqual([]);
    const m = r.minerals[GA];
    expect(m.converged).toBe(true);
    const c = consumerReport(r, 'eu-industry');
    // g(e5) = g(e7) = 0; e3 leaves CN from a mine (kind not listed) -> 1. A = 0 + 0 + 30 (jp-refiner) = 30
    expectSupply(c, 90, 30, 60, 2 / 3);
    // mining: CN (36+24) + 12 = 72 -> 0.8, JP 18 -> 0.2; hhi 6800
    expectStage(c.stages.mining, { CN: 0.8, JP: 0.2 }, 6800, ['CN', 0.8], 'mining');
    // refining: CN 60/90 = 2/3, JP 30/90 = 1/3; hhi = (200/3)^2 + (100/3)^2 = 50000/9 = 5555.56; CN 0.667 > 0.65
    expectStage(c.stages.refining, { CN: 2 / 3, JP: 1 / 3 }, 50000 / 9, ['CN', 2 / 3], 'refining');
    expect(c.benchmark65).toEqual({ mining: true, refining: true });
    expectShares(c.routes, { suez: 0.5 }, 'routes');
    expectClose(c.secondaryShare, 0, 'secondaryShare');
    expectClose(c.disruptionDays, 180, 'disruptionDays');
    expectClose(c.stockDays, (20 * 365) / 60, 'stockDays');
    expect(c.survives).toBe(false);
    // losses (total 90): cn-refiner 60 (0.6667), suez 45 (0.5), mine-cn-a 36 (0.4), mine-cn-b 24 + 12 = 36 (0.4),
    // jp-refiner 30 (1/3), mine-jp 18 (0.2), eu-stock 0
    expectCritical(m.criticalNodes, [
      ['cn-refiner', 60, 2 / 3],
      ['suez', 45, 0.5],
      ['mine-cn-a', 36, 0.4],
      ['mine-cn-b', 36, 0.4],
      ['jp-refiner', 30, 1 / 3],
      ['mine-jp', 18, 0.2],
      ['eu-stock', 0, 0],
    ]);
  });
});
