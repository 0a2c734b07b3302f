/**
 * scenario-analysis.md sections 4 (stock needed, stress test), 5 (critical nodes per consumer), 6 (CRMA)
 * and 7 (price floors), each on a tiny board worked by hand (arithmetic in the comments).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../shared/exposure/engine';
import { board, edge, lever, node, type Json } from '../../utils/board-v2-builder';
import { flowBoardV2Arbitrary, V2_MINERAL } from '../../utils/flow-board-v2-arbitrary';

const GA = 'gallium';

function close(actual: number | null | undefined, expected: number, what = 'value'): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-9);
}

// China refines 80 for Italy and 20 for Germany; a Japanese refiner sends 20 more to Germany. Italy's store
// holds 5 t and backs Italy; a joint store of 4 t backs both.
const nodes = [
  node('cn', 'refinery', 'CN', { recoveryDays: 120 }), node('jp', 'refinery', 'JP', { recoveryDays: 30 }),
  node('it', 'consumer', 'IT', { demand: { gallium: 100 } }), node('de', 'consumer', 'DE', { demand: { gallium: 30 } }),
  node('it-store', 'stockpile', 'IT', { stock: { gallium: 5 } }), node('eu-store', 'stockpile', 'BE', { stock: { gallium: 4 } }),
];
const edges = [
  edge('e1', 'cn', 'it', GA, 80), edge('e2', 'cn', 'de', GA, 20), edge('e3', 'jp', 'de', GA, 20),
  edge('s1', 'it-store', 'it', GA, 0), edge('s2', 'eu-store', 'it', GA, 0), edge('s3', 'eu-store', 'de', GA, 0),
];
const cnStop = lever('cn-stop', { node: 'cn' }, 0, 180);
const jpHalf = lever('jp-half', { node: 'jp' }, 0.5, 365, { enabled: false });

describe('[4] stock needed to survive', () => {
  it('[4.1] demand gap and coverage measure against demand, shortfall against plan', () => {
    // No lever: it receives 80 of 100 demanded: demandGap 20, coverage 0.8; de 40 of 30: gap 0, coverage 4/3.
    const m = computeExposure(board(nodes, edges)).minerals[GA];
    close(m.consumers.it.demandGap, 20);
    close(m.consumers.it.coverage, 0.8);
    close(m.consumers.it.shortfall, 0);
    close(m.consumers.de.demandGap, 0);
    close(m.consumers.de.coverage, 40 / 30);
    close(m.stockpileGap, 0);
  });

  it('[4.2] stockNeeded = shortfall * days / 365 - allocated stock; the gap and its cost sum them', () => {
    // China stops for 180 days: it short 80, de short 20. it-store (5) all to it; eu-store (4) by shortfall: it 3.2, de 0.8.
    // it: 80 * 180 / 365 = 39.452 - 8.2 = 31.252; de: 20 * 180 / 365 = 9.863 - 0.8 = 9.063. Price 1750 USD/kg.
    const m = computeExposure(board(nodes, edges, [cnStop], { prices: { gallium: 1750 } })).minerals[GA];
    const it = (80 * 180) / 365 - 8.2;
    const de = (20 * 180) / 365 - 0.8;
    close(m.consumers.it.stockNeeded, it);
    close(m.consumers.de.stockNeeded, de);
    close(m.stockpileGap, it + de);
    close(m.stockpileGapCost, (it + de) * 1000 * 1750);
  });

  it('[4.3] the cost is null without a price; a price of 0 costs 0', () => {
    expect(computeExposure(board(nodes, edges, [cnStop])).minerals[GA].stockpileGapCost).toBeNull();
    close(computeExposure(board(nodes, edges, [cnStop], { prices: { gallium: 0 } })).minerals[GA].stockpileGapCost, 0);
  });

  it('[4.4] the stress test runs each lever alone, enabled or not, and pools the worst cases', () => {
    // cn-stop alone: as 4.2 -> gap it + de, both fail. jp-half alone (disabled on the board, run anyway): de short 10 for
    // 365 days; eu-store (4) all to de: 10 * 365 / 365 - 4 = 6; fails (4 * 365 / 10 = 146 days < 365).
    // separate = max(it) + max(de) = 31.252 + max(9.063, 6); pooled = max(40.315, 6).
    const m = computeExposure(board(nodes, edges, [cnStop, jpHalf])).minerals[GA];
    const itCn = (80 * 180) / 365 - 8.2;
    const deCn = (20 * 180) / 365 - 0.8;
    const s = m.stressTest!;
    expect(s.levers.map((l) => l.lever)).toEqual(['cn-stop', 'jp-half']);
    close(s.levers[0].shortfall, 100);
    close(s.levers[0].stockpileGap, itCn + deCn);
    expect(s.levers[0].failing).toEqual(['de', 'it']);
    close(s.levers[1].shortfall, 10);
    close(s.levers[1].stockpileGap, 6);
    expect(s.levers[1].failing).toEqual(['de']);
    close(s.separateStock, itCn + deCn);
    close(s.pooledStock, itCn + deCn);
    close(s.poolingGain, 0);
  });

  it('[4.5] pooling gains when different levers hit different consumers', () => {
    // Only Germany buys from Japan here, only Italy from China: cn-stop needs it 31.252 (see 4.2, with de untouched it
    // gets all of eu-store: 80 * 180 / 365 - 9 = 30.452), jp-half needs de 10 - 4 = 6. Separate 36.452, pooled 30.452.
    const split = [edge('e1', 'cn', 'it', GA, 80), edge('e3', 'jp', 'de', GA, 40), ...edges.slice(3)];
    const s = computeExposure(board(nodes, split, [cnStop, jpHalf])).minerals[GA].stressTest!;
    const it = (80 * 180) / 365 - 9;
    const de = (20 * 365) / 365 - 4;
    close(s.separateStock, it + de);
    close(s.pooledStock, it);
    close(s.poolingGain, de);
  });

  it('[4.6] a lever for another mineral is a zero row; no lever gives zeros', () => {
    const other = lever('cu', { node: 'cn' }, 0, 10, { minerals: ['copper'] });
    const s = computeExposure(board(nodes, edges, [other])).minerals[GA].stressTest!;
    expect(s.levers).toEqual([{ lever: 'cu', shortfall: 0, stockpileGap: 0, failing: [] }]);
    expect(computeExposure(board(nodes, edges)).minerals[GA].stressTest).toEqual({ levers: [], separateStock: 0, pooledStock: 0, poolingGain: 0 });
  });
});

describe('[5] critical nodes per consumer: time to survive against time to recover', () => {
  it('[5.1] each consumer lists what it loses per stopped node, with tts from the stock allocated by loss', () => {
    // cn stops: it loses 80, de 20. it-store 5 -> it; eu-store 4 by loss: it 3.2, de 0.8.
    // it: tts = 8.2 / (80 / 365) = 37.41 days < ttr 120: at risk. de: tts = 0.8 / (20 / 365) = 14.6 < 120: at risk.
    // jp stops: de loses 20 (lossPct 0.5); eu-store all to de: tts = 4 / (20 / 365) = 73 > ttr 30: not at risk.
    const m = computeExposure(board(nodes, edges)).minerals[GA];
    const it = m.consumers.it.criticalNodes;
    expect(it.map((c) => c.node)).toEqual(['cn']);
    close(it[0].loss, 80);
    close(it[0].lossPct, 1);
    close(it[0].tts, (8.2 * 365) / 80);
    expect(it[0].ttr).toBe(120);
    expect(it[0].atRisk).toBe(true);
    const de = m.consumers.de.criticalNodes;
    expect(de.map((c) => c.node)).toEqual(['cn', 'jp']);
    close(de[0].tts, (0.8 * 365) / 20);
    close(de[1].lossPct, 0.5);
    close(de[1].tts, (4 * 365) / 20);
    expect(de[1].atRisk).toBe(false);
    // Per mineral: cn at risk (some consumer is), jp not; stores lose nothing and have no recovery days.
    const byNode = Object.fromEntries(m.criticalNodes.map((c) => [c.node, c]));
    expect(byNode.cn.atRisk).toBe(true);
    expect(byNode.cn.ttr).toBe(120);
    expect(byNode.jp.atRisk).toBe(false);
    expect(byNode['it-store'].ttr).toBeNull();
  });

  it('[5.2] a node without recovery days is never at risk; ties are ordered by id', () => {
    const plain = nodes.map((n) => ({ ...n, recoveryDays: undefined }));
    const twin = [...plain, node('ab', 'refinery', 'AU')];
    const m = computeExposure(board(twin, [...edges.slice(0, 2), edge('e4', 'ab', 'de', GA, 20), ...edges.slice(3)])).minerals[GA];
    const de = m.consumers.de.criticalNodes;
    expect(de.map((c) => c.node)).toEqual(['ab', 'cn']);
    expect(de.every((c) => c.ttr === null && !c.atRisk)).toBe(true);
  });

  it('[5.3] losses through a transport chain reach every consumer downstream', () => {
    // mine -> port -> (60 to it, 40 to de): stopping the port or the mine loses each consumer its whole supply.
    const chain = [node('mine', 'mine', 'CD'), node('port', 'transport', 'AO', { recoveryDays: 20 }), node('it', 'consumer', 'IT'), node('de', 'consumer', 'DE')];
    const m = computeExposure(board(chain, [edge('a', 'mine', 'port', GA, 100), edge('b', 'port', 'it', GA, 60), edge('c', 'port', 'de', GA, 40)])).minerals[GA];
    expect(m.consumers.it.criticalNodes.map((c) => [c.node, c.loss])).toEqual([['mine', 60], ['port', 60]]);
    expect(m.consumers.de.criticalNodes.map((c) => [c.node, c.loss])).toEqual([['mine', 40], ['port', 40]]);
    close(m.consumers.de.criticalNodes[1].tts, 0);
    expect(m.consumers.de.criticalNodes[1].atRisk).toBe(true);
  });

  it('[5.4] per-consumer losses add up to the per-mineral loss of each node (random boards)', () => {
    fc.assert(fc.property(flowBoardV2Arbitrary({ maxNodes: 8, maxEdges: 14 }), (b) => {
      const m = computeExposure(b).minerals[V2_MINERAL];
      if (m === undefined) return;
      for (const total of m.criticalNodes) {
        let sum = 0;
        for (const c of Object.values(m.consumers)) sum += c.criticalNodes.find((x) => x.node === total.node)?.loss ?? 0;
        expect(Math.abs(sum - total.loss)).toBeLessThanOrEqual(1e-7 * (1 + total.loss));
      }
    }), { numRuns: 200 });
  });
});

describe('[6] CRMA 2030 benchmarks', () => {
  it('[6.1] capacity shares of EU consumption and the largest third country per stage', () => {
    // EU consumers it (demand 100) and de (demand 30): consumption 130. EU capacity: a BE refinery with capacity 60
    // (outflow 0 -> usable 60) -> processing 60 / 130; an FI mine planning 10 -> extraction 10 / 130; no recycler.
    // Refining in the EU consumers' combined supply (it 80 CN, de 20 CN + 20 JP + 10 BE, 130 supplied): CN 100 / 130.
    const eu = [...nodes, node('be', 'refinery', 'BE', { capacity: { gallium: 60 } }), node('fi', 'mine', 'FI')];
    const euEdges = [...edges, edge('e5', 'fi', 'be', GA, 10), edge('e6', 'be', 'de', GA, 10)];
    const crma = computeExposure(board(eu, euEdges)).minerals[GA].crma!;
    close(crma.euConsumption, 130);
    close(crma.extraction, 10 / 130);
    close(crma.processing, 60 / 130);
    close(crma.recycling, 0);
    expect(crma.thirdCountry.refining?.country).toBe('CN');
    close(crma.thirdCountry.refining?.share, 100 / 130);
    // Mining: it and de's CN- and JP-refined material has no mine upstream (unknown); the FI mine is EU: no third country.
    expect(crma.thirdCountry.mining).toBeNull();
    expect(crma.thirdCountry.manufacturing).toBeUndefined();
    expect(crma.meets).toEqual({ extraction: false, processing: true, recycling: false, thirdCountry: false });
  });

  it('[6.2] no EU consumption gives null', () => {
    const jpOnly = [node('cn', 'refinery', 'CN'), node('jp', 'consumer', 'JP')];
    expect(computeExposure(board(jpOnly, [edge('e1', 'cn', 'jp', GA, 10)])).minerals[GA].crma).toBeNull();
  });
});

describe('[7] price floors', () => {
  const floorBoard = (floors: Json[], prices?: Record<string, number>) => board(
    [node('mp', 'mine', 'US'), node('lynas', 'mine', 'AU'), node('bayan', 'mine', 'CN'), node('c', 'consumer', 'US')],
    [edge('a', 'mp', 'c', 'ndpr', 10), edge('b', 'lynas', 'c', 'ndpr', 20), edge('d', 'bayan', 'c', 'ndpr', 70)],
    [], { priceFloors: floors, ...(prices ? { prices } : {}) },
  );
  const floor = (id: string, extras: Json = {}) => ({ id, label: id, enabled: true, mineral: 'ndpr', stage: 'mining', floor: 110, ...extras });

  it('[7.1] covered output times the gap to the market, per enabled floor in board order', () => {
    // Excluding CN: 10 + 20 = 30 t/yr; (110 - 51) * 30 * 1000 = 1,770,000 USD/yr. US only: 10 -> 590,000.
    const r = computeExposure(floorBoard([floor('allied', { excludeCountries: ['CN'] }), floor('off', { enabled: false }), floor('us', { countries: ['US'] })], { ndpr: 51 }));
    expect(r.priceFloors.map((p) => p.id)).toEqual(['allied', 'us']);
    expect(r.priceFloors[0]).toEqual({ id: 'allied', mineral: 'ndpr', stage: 'mining', floor: 110, market: 51, volume: 30, annualCost: 1_770_000 });
    close(r.priceFloors[1].annualCost, 590_000);
  });

  it('[7.2] a market above the floor costs 0; no price gives null; countries [] covers no one', () => {
    expect(computeExposure(floorBoard([floor('f')], { ndpr: 200 })).priceFloors[0].annualCost).toBe(0);
    expect(computeExposure(floorBoard([floor('f')])).priceFloors[0]).toMatchObject({ market: null, annualCost: null, volume: 100 });
    expect(computeExposure(floorBoard([floor('f', { countries: [] })], { ndpr: 51 })).priceFloors[0]).toMatchObject({ volume: 0, annualCost: 0 });
  });

  it('[7.3] a floor with a bad countries list is ignored with a warning', () => {
    const r = computeExposure(floorBoard([floor('bad', { countries: 'US' }), floor('ok')], { ndpr: 51 }));
    expect(r.priceFloors.map((p) => p.id)).toEqual(['ok']);
    expect(r.warnings.filter((w) => w.ref === 'bad').map((w) => w.code)).toEqual(['bad-price-floor']);
  });
});
