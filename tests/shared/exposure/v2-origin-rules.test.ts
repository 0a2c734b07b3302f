/**
 * scenario-analysis.md sections 2 (export controls follow the material's origin) and 2b (the
 * manufacturing stage), each on a tiny board worked by hand (the arithmetic is in the comments).
 */
import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../../shared/exposure/engine';
import type { ExposureReport } from '../../../shared/exposure/types';
import { board, edge, lever, node } from '../../utils/board-v2-builder';

const GA = 'gallium';

function close(actual: number | null | undefined, expected: number, what = 'value'): void {
  expect(typeof actual, what).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-12);
}

const consumer = (r: ExposureReport, id: string, mineral = GA) => r.minerals[mineral].consumers[id];

describe('[2] export controls follow the origin', () => {
  // CN refinery -> CN port -> JP consumer, 100 t/yr.
  const chain = [node('ref', 'refinery', 'CN'), node('port', 'transport', 'CN'), node('jp', 'consumer', 'JP', { demand: { gallium: 100 } })];
  const flows = [edge('e1', 'ref', 'port', GA, 100), edge('e2', 'port', 'jp', GA, 100)];

  it('[2.1] a ban on C refiners covers refined material leaving C through a port of C', () => {
    // v1 left port -> jp open (the port is a transport node); v2: refining share of CN at the port is 1, s = 1, g = 0.
    const r = computeExposure(board(chain, flows, [lever('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0, 180)]));
    close(consumer(r, 'jp').delivered, 0);
    close(consumer(r, 'jp').disruptionDays, 180);
  });

  it('[2.2] covers only the share of the material C refined, at factor 1 - (1 - factor) * s', () => {
    // The port also takes 40 from a Malaysian refiner: refining mix at port = {CN 0.6, MY 0.4}, s = 0.6.
    // Factor 0.5: g = 1 - 0.5 * 0.6 = 0.7, so jp gets 100 * 0.7 = 70.
    const nodes = [...chain, node('my', 'refinery', 'MY')];
    const edges = [edge('e1', 'ref', 'port', GA, 60), edge('e3', 'my', 'port', GA, 40), edge('e2', 'port', 'jp', GA, 100)];
    const r = computeExposure(board(nodes, edges, [lever('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0.5, 90)]));
    close(consumer(r, 'jp').delivered, 70);
    close(consumer(r, 'jp').shortfall, 30);
  });

  it('[2.3] a ban on C miners covers C-mined material refined in C', () => {
    // CN mine -> CN refinery -> JP: mining share of CN at the refinery is 1.
    const nodes = [node('mine', 'mine', 'CN'), node('ref', 'refinery', 'CN'), node('jp', 'consumer', 'JP')];
    const edges = [edge('e1', 'mine', 'ref', GA, 50), edge('e2', 'ref', 'jp', GA, 50)];
    const r = computeExposure(board(nodes, edges, [lever('ban', { country: 'CN', kinds: ['mine'], exportsOnly: true }, 0, 30)]));
    close(consumer(r, 'jp').delivered, 0);
  });

  it('[2.4] a ban on C refiners covers a recycler of C (its refining mix is its own country)', () => {
    const nodes = [node('rec', 'recycler', 'CN'), node('jp', 'consumer', 'JP')];
    const r = computeExposure(board(nodes, [edge('e1', 'rec', 'jp', GA, 20)], [lever('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0, 30)]));
    close(consumer(r, 'jp').delivered, 0);
  });

  it('[2.5] a source whose own kind is named and is no mine, refinery or manufacturer is covered whole', () => {
    // Transport in CN carrying Australian-refined material: kinds [transport] covers it (s = 1).
    const nodes = [node('au', 'refinery', 'AU'), node('port', 'transport', 'CN'), node('jp', 'consumer', 'JP')];
    const edges = [edge('e1', 'au', 'port', GA, 10), edge('e2', 'port', 'jp', GA, 10)];
    const byTransport = computeExposure(board(nodes, edges, [lever('ban', { country: 'CN', kinds: ['transport'], exportsOnly: true }, 0, 30)]));
    close(consumer(byTransport, 'jp').delivered, 0);
    // kinds [refinery]: refining share of CN at the port is 0, nothing is covered and nothing is cut.
    const byRefinery = computeExposure(board(nodes, edges, [lever('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0, 30)]));
    close(consumer(byRefinery, 'jp').delivered, 10);
    close(consumer(byRefinery, 'jp').disruptionDays, 0);
  });

  it('[2.6] "to" limits the ban to exports to those countries; [] covers no one', () => {
    const nodes = [node('ref', 'refinery', 'CN'), node('us', 'consumer', 'US'), node('jp', 'consumer', 'JP')];
    const edges = [edge('e1', 'ref', 'us', GA, 50), edge('e2', 'ref', 'jp', GA, 50)];
    const usOnly = computeExposure(board(nodes, edges, [lever('ban', { country: 'CN', exportsOnly: true, to: ['US'] }, 0, 90)]));
    close(consumer(usOnly, 'us').delivered, 0);
    close(consumer(usOnly, 'jp').delivered, 50);
    close(consumer(usOnly, 'jp').disruptionDays, 0);
    const nobody = computeExposure(board(nodes, edges, [lever('ban', { country: 'CN', exportsOnly: true, to: [] }, 0, 90)]));
    close(consumer(nobody, 'us').delivered, 50);
    expect(nobody.warnings.filter((w) => w.ref === 'ban')).toEqual([]);
  });

  it('[2.7] a bad "to" makes the lever bad: ignored with a warning, never widened', () => {
    const nodes = [node('ref', 'refinery', 'CN'), node('us', 'consumer', 'US')];
    const edges = [edge('e1', 'ref', 'us', GA, 50)];
    for (const target of [{ country: 'CN', to: ['US'] }, { country: 'CN', exportsOnly: true, to: ['usa'] }, { country: 'CN', exportsOnly: true, to: 'US' }]) {
      const r = computeExposure(board(nodes, edges, [lever('ban', target, 0, 90)]));
      close(consumer(r, 'us').delivered, 50, JSON.stringify(target));
      expect(r.warnings.filter((w) => w.ref === 'ban').map((w) => w.code)).toEqual(['bad-disruption']);
      expect(r.minerals[GA].stressTest?.levers).toEqual([]);
    }
  });

  it('[2.8] a manufacturer of C is covered when kinds names manufacturer (manufacturing share)', () => {
    const nodes = [node('au', 'refinery', 'AU'), node('mag', 'manufacturer', 'CN'), node('de', 'consumer', 'DE')];
    const edges = [edge('e1', 'au', 'mag', GA, 10), edge('e2', 'mag', 'de', GA, 10)];
    const r = computeExposure(board(nodes, edges, [lever('ban', { country: 'CN', kinds: ['manufacturer'], exportsOnly: true }, 0, 30)]));
    close(consumer(r, 'de').delivered, 0);
    const refinersOnly = computeExposure(board(nodes, edges, [lever('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0, 30)]));
    close(consumer(refinersOnly, 'de').delivered, 10);
  });
});

describe('[2b] the manufacturing stage', () => {
  const RE = 'rare-earths-light';

  it('[2b.1] a manufacturer sets the manufacturing mix and passes mining and refining through', () => {
    // CN mine -> CN refinery (60) -> EE magnet plant -> IT; CN magnet plant -> IT (40) fed by the same refinery.
    // IT: mining {CN 1}, refining {CN 1}, manufacturing {EE 0.6, CN 0.4}: HHI 3600 + 1600 = 5200, top EE 0.6.
    const nodes = [
      node('mine', 'mine', 'CN'), node('ref', 'refinery', 'CN'), node('narva', 'manufacturer', 'EE'), node('ningbo', 'manufacturer', 'CN'),
      node('it', 'consumer', 'IT', { demand: { [RE]: 100 } }),
    ];
    const edges = [
      edge('e1', 'mine', 'ref', RE, 100), edge('e2', 'ref', 'narva', RE, 60), edge('e3', 'ref', 'ningbo', RE, 40),
      edge('e4', 'narva', 'it', RE, 60), edge('e5', 'ningbo', 'it', RE, 40),
    ];
    const it = consumer(computeExposure(board(nodes, edges)), 'it', RE);
    expect(it.stages.refining.shares).toEqual({ CN: 1 });
    expect(it.stages.mining.shares).toEqual({ CN: 1 });
    close(it.stages.manufacturing?.shares.EE, 0.6);
    close(it.stages.manufacturing?.shares.CN, 0.4);
    close(it.stages.manufacturing?.hhi, 5200);
    expect(it.stages.manufacturing?.top?.country).toBe('EE');
    expect(it.benchmark65).toEqual({ mining: true, refining: true, manufacturing: false });
  });

  it('[2b.2] material that passed no manufacturer is unmanufactured; a non-source without inflow is unknown', () => {
    // IT gets 30 straight from a refinery (unmanufactured) and 70 from a magnet plant in CN: {unmanufactured 0.3, CN 0.7}.
    // A transport with no inflow sends 10 more to DE: DE's manufacturing mix is {unknown 1}.
    const nodes = [
      node('mine', 'mine', 'AU'), node('ref', 'refinery', 'MY'), node('mag', 'manufacturer', 'CN'), node('ghost', 'transport', 'XX'),
      node('it', 'consumer', 'IT'), node('de', 'consumer', 'DE'),
    ];
    const edges = [
      edge('e1', 'mine', 'ref', RE, 100), edge('e2', 'ref', 'it', RE, 30), edge('e3', 'ref', 'mag', RE, 70), edge('e4', 'mag', 'it', RE, 70),
      edge('e5', 'ghost', 'de', RE, 10),
    ];
    const r = computeExposure(board(nodes, edges));
    const it = consumer(r, 'it', RE);
    close(it.stages.manufacturing?.shares.unmanufactured, 0.3);
    close(it.stages.manufacturing?.shares.CN, 0.7);
    close(it.stages.manufacturing?.hhi, 4900);
    expect(it.benchmark65.manufacturing).toBe(true);
    expect(consumer(r, 'de', RE).stages.manufacturing?.shares).toEqual({ unknown: 1 });
  });

  it('[2b.3] a mineral no manufacturer carries reports only the two v1 stages', () => {
    const nodes = [node('mine', 'mine', 'AU'), node('mag', 'manufacturer', 'CN'), node('it', 'consumer', 'IT')];
    const edges = [edge('e1', 'mine', 'it', 'cobalt', 5), edge('e2', 'mine', 'mag', RE, 5), edge('e3', 'mag', 'it', RE, 5)];
    const r = computeExposure(board(nodes, edges));
    expect(Object.keys(consumer(r, 'it', 'cobalt').stages)).toEqual(['mining', 'refining']);
    expect(Object.keys(consumer(r, 'it', 'cobalt').benchmark65)).toEqual(['mining', 'refining']);
    expect(Object.keys(consumer(r, 'it', RE).stages)).toEqual(['mining', 'refining', 'manufacturing']);
  });
});
