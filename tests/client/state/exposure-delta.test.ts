import { describe, expect, it } from 'vitest';
import { CRITICAL_PER_CONSUMER, ExposureCore } from '../../../client/state/exposure-core';
import { exposureDelta } from '../../../client/state/exposure-delta';
import { mergeAdapted, mergeReport, type ExposureReply, type ExposureRequest } from '../../../client/state/exposure-protocol';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';
import type { ExposureReport } from '../../../shared/exposure/types';
import { generateLargeBoard } from '../../../shared/generate/large-board';
import { seededRandom } from '../../../shared/generate/random';
import { disruption } from '../../utils/board-builder';

const base = generateLargeBoard({ nodes: 120, seed: 7 });
const withEdge = (board: Board, i: number, changes: object): Board => ({ ...board, edges: board.edges.map((e, j) => (j === i ? { ...e, ...changes } : e)) });
const withNode = (board: Board, i: number, changes: object): Board => ({ ...board, nodes: board.nodes.map((n, j) => (j === i ? { ...n, ...changes } : n)) });

describe('exposureDelta', () => {
  it('loads the first board', () => {
    expect(exposureDelta(null, base)).toEqual({ type: 'load' });
  });

  it('sends nothing when only positions, labels or the title change', () => {
    const moved = withNode({ ...base, title: 'Renamed' }, 3, { position: { x: 5, y: 5 }, label: 'Elsewhere' });
    expect(exposureDelta(base, moved)).toEqual({ type: 'none' });
  });

  it('sends changed planned volumes and changed levers as a patch', () => {
    const levers = [disruption('d1', { country: 'CN' }, 0.5, 30)];
    const next = { ...withEdge(base, 4, { volume: 123 }), scenario: { ...base.scenario, name: 'x', disruptions: levers } };
    expect(exposureDelta(base, next)).toEqual({ type: 'patch', volumes: [[base.edges[4].id, 123]], disruptions: levers });
  });

  it('loads when an edge is added, re-routed or gets an invalid volume, or a node changes what the engine reads', () => {
    expect(exposureDelta(base, { ...base, edges: base.edges.slice(1) }).type).toBe('load');
    expect(exposureDelta(base, withEdge(base, 2, { to: base.nodes[0].id })).type).toBe('load');
    expect(exposureDelta(base, withEdge(base, 2, { volume: -1 })).type).toBe('load');
    expect(exposureDelta(base, withNode(base, 1, { country: 'XX' })).type).toBe('load');
    expect(exposureDelta(base, withNode(base, 1, { capacity: { cobalt: 1 } })).type).toBe('load');
  });

  it('loads when a v2 field the engine reads changes: recovery days, route capacity or delay, expansions, price floors, prices', () => {
    expect(exposureDelta(base, withNode(base, 1, { recoveryDays: 30 })).type).toBe('load');
    expect(exposureDelta(base, withEdge(base, 2, { capacity: 500 })).type).toBe('load');
    expect(exposureDelta(base, withEdge(base, 2, { delayDays: 12 })).type).toBe('load');
    const expansion = { id: 'x1', label: 'x', enabled: true, node: base.nodes[0].id, capacity: { cobalt: 10 } };
    expect(exposureDelta(base, { ...base, scenario: { ...base.scenario, expansions: [expansion] } }).type).toBe('load');
    const floor = { id: 'p1', label: 'p', enabled: true, mineral: 'cobalt', stage: 'refining' as const, floor: 50 };
    expect(exposureDelta(base, { ...base, scenario: { ...base.scenario, priceFloors: [floor] } }).type).toBe('load');
    expect(exposureDelta(base, { ...base, prices: { cobalt: 33 } }).type).toBe('load');
  });
});

/** The page side in miniature: deltas in, replies merged, as use-exposure does; `skipAdapted(i)` drops the adapted phase of board i (superseded). */
function run(boards: Board[], skipAdapted: (i: number) => boolean = () => false): ExposureReport {
  const core = new ExposureCore();
  let prev: Board | null = null;
  let report: ExposureReport | null = null;
  let id = 0;
  let index = 0;
  const send = (request: ExposureRequest) => {
    const reply: ExposureReply = core.handle(request);
    if (reply.type === 'stale') send({ id: ++id, type: 'load', board: boards[boards.length - 1] });
    else if (reply.type === 'report') report = mergeReport(report, reply);
    const last = index === boards.length - 1;
    if (!last && skipAdapted(index)) return;
    const adapted = core.adapted();
    if (adapted !== null && adapted.type === 'adapted' && report !== null) report = mergeAdapted(report, adapted);
  };
  for (const [i, board] of boards.entries()) {
    index = i;
    const delta = exposureDelta(prev, board);
    prev = board;
    if (delta.type === 'load') send({ id: ++id, type: 'load', board });
    else if (delta.type === 'patch') send({ id: ++id, type: 'patch', volumes: delta.volumes, disruptions: delta.disruptions });
  }
  return report!;
}

describe('exposure worker protocol', () => {
  it('reports exactly what a full recompute reports after a run of volume, lever and structural edits', () => {
    const random = seededRandom(11);
    const boards: Board[] = [base];
    let board = base;
    for (let step = 0; step < 40; step++) {
      const r = random();
      const i = Math.floor(random() * board.edges.length);
      if (r < 0.6) board = withEdge(board, i, { volume: Math.round(random() * 500) });
      else if (r < 0.8) board = { ...board, scenario: { ...board.scenario, disruptions: [disruption(`d${step}`, { node: board.nodes[i % board.nodes.length].id }, random(), 20)] } };
      else if (r < 0.9) board = withNode(board, i % board.nodes.length, { position: { x: step, y: step } });
      else board = { ...board, edges: board.edges.filter((_, j) => j !== i) };
      boards.push(board);
      const merged = run(boards);
      const expected = computeExposure(board, { consumerCriticalLimit: CRITICAL_PER_CONSUMER });
      expect(merged).toEqual(expected);
      for (const [name, mineral] of Object.entries(expected.minerals)) expect(Object.keys(merged.minerals[name].consumers)).toEqual(Object.keys(mineral.consumers));
    }
  });

  it('after skipped adapted phases (a newer request came first) the last one still brings every reroute block up to date', () => {
    const random = seededRandom(5);
    const boards: Board[] = [base];
    let board = base;
    for (let step = 0; step < 12; step++) {
      const i = Math.floor(random() * board.edges.length);
      board = step % 2 === 0
        ? withEdge(board, i, { volume: Math.round(random() * 500) })
        : { ...board, scenario: { ...board.scenario, disruptions: [disruption(`d${step}`, { node: board.nodes[i % board.nodes.length].id }, 0, 20)] } };
      boards.push(board);
    }
    expect(run(boards, (i) => i % 3 !== 0)).toEqual(computeExposure(board, { consumerCriticalLimit: CRITICAL_PER_CONSUMER }));
  });

  it('answers first without rerouting, then with the reroute blocks that changed', () => {
    const core = new ExposureCore();
    const first = core.handle({ id: 1, type: 'load', board: base });
    if (first.type !== 'report') throw new Error('expected a report');
    expect(Object.values(first.changed).every((m) => 'whole' in m && m.whole.reroute === undefined)).toBe(true);
    const adapted = core.adapted();
    if (adapted?.type !== 'adapted') throw new Error('expected the adapted phase');
    expect(Object.keys(adapted.reroutes).sort()).toEqual([...first.minerals].sort());
    expect(core.adapted()).toBeNull();
    const edge = base.edges[0];
    core.handle({ id: 2, type: 'patch', volumes: [[edge.id, edge.volume + 7]], disruptions: null });
    const second = core.adapted();
    if (second?.type !== 'adapted') throw new Error('expected the adapted phase');
    expect(Object.keys(second.reroutes)).toEqual([edge.mineral]);
  });

  it('keeps the report object of every mineral a volume edit did not touch', () => {
    const core = new ExposureCore();
    const first = core.handle({ id: 1, type: 'load', board: base });
    if (first.type !== 'report') throw new Error('expected a report');
    const edge = base.edges[0];
    const second = core.handle({ id: 2, type: 'patch', volumes: [[edge.id, edge.volume + 7]], disruptions: null });
    if (second.type !== 'report') throw new Error('expected a report');
    expect(Object.keys(second.changed)).toEqual([edge.mineral]);
    const start = mergeReport(null, first);
    const merged = mergeReport(start, second);
    for (const name of first.minerals) if (name !== edge.mineral) expect(merged.minerals[name]).toBe(start.minerals[name]);
  });

  it('sends a changed mineral as the consumers (or their fields) that changed; the others keep their object and the engine\'s order', () => {
    const core = new ExposureCore();
    const first = core.handle({ id: 1, type: 'load', board: base });
    if (first.type !== 'report') throw new Error('expected a report');
    const start = mergeReport(null, first);
    const lever = disruption('cut', { node: base.edges[0].from }, 0, 30);
    const second = core.handle({ id: 2, type: 'patch', volumes: [], disruptions: [lever] });
    if (second.type !== 'report') throw new Error('expected a report');
    const merged = mergeReport(start, second);
    const expected = computeExposure({ ...base, scenario: { ...base.scenario, disruptions: [lever] } }, { consumerCriticalLimit: CRITICAL_PER_CONSUMER, reroute: false });
    expect(merged).toEqual(expected);
    const update = second.changed[base.edges[0].mineral];
    if (update === undefined || 'whole' in update) throw new Error('expected the changed parts of a mineral the page holds');
    const sent = [...Object.keys(update.consumers.changed), ...Object.keys(update.consumers.fields ?? {})];
    expect(sent.length).toBeGreaterThan(0);
    for (const [name, mineral] of Object.entries(merged.minerals)) {
      expect(Object.keys(mineral.consumers)).toEqual(Object.keys(expected.minerals[name].consumers));
      for (const [id, consumer] of Object.entries(mineral.consumers)) {
        if (name !== base.edges[0].mineral || !sent.includes(id)) expect(consumer).toBe(start.minerals[name].consumers[id]);
      }
    }
    expect(sent.length).toBeLessThan(Object.keys(merged.minerals[base.edges[0].mineral].consumers).length);
  });

  it('answers stale to a patch for an edge it does not know, and to every patch until the next load', () => {
    const core = new ExposureCore();
    expect(core.handle({ id: 1, type: 'patch', volumes: [], disruptions: null }).type).toBe('stale');
    core.handle({ id: 2, type: 'load', board: base });
    expect(core.handle({ id: 3, type: 'patch', volumes: [['no-such-edge', 1]], disruptions: null }).type).toBe('stale');
    expect(core.handle({ id: 4, type: 'patch', volumes: [], disruptions: null }).type).toBe('stale');
    expect(core.handle({ id: 5, type: 'load', board: base }).type).toBe('report');
  });
});
