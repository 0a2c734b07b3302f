import { describe, expect, it } from 'vitest';
import { CurveCache, FAR_BLOCK, FAR_WIDTHS, farEdgePaths, farFlowLook, type NodeBox } from '../../../client/canvas/far-edge-paths';
import { FAR_SELECTED, farNodePaths } from '../../../client/canvas/far-node-paths';
import { farNodeAt } from '../../../client/canvas/node-boxes';
import { DISRUPTED_COLOR, syncEdges, syncNodes } from '../../../client/canvas/flow-model';
import type { RerouteView } from '../../../client/canvas/reroute-view';
import { ALTERNATIVE_COLOR } from '../../../client/canvas/route-look';
import { mineralColor } from '../../../client/state/look';
import type { BoardEdge, BoardNode } from '../../../shared/board/types';

const box = (x: number, y: number): NodeBox => ({ x, y, width: 200, height: 80 });
const boxes = new Map([['a', box(0, 0)], ['b', box(400, 100)], ['c', box(800, 0)]]);
const flow = (id: string, from: string, to: string, volume: number, mineral = 'cobalt'): BoardEdge => ({ id, from, to, mineral, volume });
const lever = { id: 'l', label: 'Strike', enabled: true, target: { node: 'b' }, factor: 0, days: 5 };

describe('farEdgePaths', () => {
  it('draws each flow once, from the right middle of its source to the left middle of its target', () => {
    const paths = farEdgePaths([flow('e1', 'a', 'b', 10)], boxes, new Map(), new Set());
    expect(paths).toHaveLength(1);
    expect(paths[0].d).toBe('M200 40C300 40 300 140 400 140');
  });

  it('batches flows by colour and width class, dashes disrupted ones in red last, and leaves out skipped and dangling flows', () => {
    const edges = [flow('e1', 'a', 'b', 100), flow('e2', 'b', 'c', 100), flow('e3', 'a', 'c', 1), flow('e4', 'a', 'ghost', 5), flow('e5', 'a', 'b', 50)];
    const paths = farEdgePaths(edges, boxes, new Map([['e2', [lever]]]), new Set(['e5']));
    const flows = paths.reduce((n, p) => n + (p.d.match(/M/g)?.length ?? 0), 0);
    expect(flows).toBe(3);
    const last = paths[paths.length - 1];
    expect(last).toMatchObject({ dashed: true, color: DISRUPTED_COLOR, width: FAR_WIDTHS[2] });
    expect(paths.find((p) => !p.dashed && p.width === FAR_WIDTHS[0])?.d.match(/M/g)).toHaveLength(1);
  });

  it('after rerouting, widths follow the rerouted volumes and an alternative route that carries flow lights up', () => {
    const planned = flow('e1', 'a', 'b', 100);
    const alternative: BoardEdge = { ...flow('e2', 'b', 'c', 0), capacity: 80 };
    const idle: BoardEdge = { ...flow('e3', 'a', 'c', 0), capacity: 10 };
    const view: RerouteView = { flows: new Map([['e1', 5], ['e2', 90]]), maxFlow: 90, bottleneckNodes: new Set(), bottleneckEdges: new Set(), minerals: [] };
    // The plan: the planned flow is the widest, alternative routes are grey.
    expect(farFlowLook(planned, false, 100)).toEqual({ color: mineralColor('cobalt'), widthClass: 2, dashed: false, alternative: false });
    expect(farFlowLook(alternative, false, 100)).toMatchObject({ color: ALTERNATIVE_COLOR, widthClass: 0, alternative: true });
    // After rerouting: the planned flow carries 5 of the largest 100, the alternative 90 and in its mineral's colour.
    expect(farFlowLook(planned, false, 100, view)).toMatchObject({ widthClass: 0, alternative: false });
    expect(farFlowLook(alternative, false, 100, view)).toEqual({ color: mineralColor('cobalt'), widthClass: 2, dashed: false, alternative: false });
    expect(farFlowLook(idle, false, 100, view)).toMatchObject({ color: ALTERNATIVE_COLOR, alternative: true });
    expect(farFlowLook(planned, true, 100, view)).toMatchObject({ color: DISRUPTED_COLOR, dashed: true });

    const edges = [planned, alternative, idle];
    const plan = farEdgePaths(edges, boxes, new Map(), new Set());
    const after = farEdgePaths(edges, boxes, new Map(), new Set(), new CurveCache(), view);
    const widthOf = (paths: typeof plan, d: string) => paths.find((p) => p.d.includes(d))!.width;
    const curveOf = (e: BoardEdge) => farEdgePaths([e], boxes, new Map(), new Set())[0].d;
    expect(widthOf(plan, curveOf(planned))).toBe(FAR_WIDTHS[2]);
    expect(widthOf(after, curveOf(planned))).toBe(FAR_WIDTHS[0]);
    expect(widthOf(after, curveOf(alternative))).toBe(FAR_WIDTHS[2]);
    expect(after.find((p) => p.d.includes(curveOf(idle)))).toMatchObject({ alternative: true, color: ALTERNATIVE_COLOR });
    expect(after.find((p) => p.d.includes(curveOf(alternative)))?.alternative).toBeUndefined();
  });

  it('redraws only the blocks of flows whose look changed (a lever toggle cuts a few flows)', () => {
    const edges = Array.from({ length: FAR_BLOCK * 2 }, (_, i) => flow(`e${i}`, 'a', i % 2 === 0 ? 'b' : 'c', 10 + (i % 7)));
    const curves = new CurveCache();
    const before = farEdgePaths(edges, boxes, new Map(), new Set(), curves);
    const late = edges[FAR_BLOCK + 3].id;
    const after = farEdgePaths(edges, boxes, new Map([[late, [lever]]]), new Set(), curves);
    const block = (paths: typeof before, b: number) => paths.filter((p) => p.key.startsWith(`${b}|`));
    expect(block(after, 0)).toHaveLength(block(before, 0).length);
    block(after, 0).forEach((p, i) => expect(p).toBe(block(before, 0)[i]));
    expect(block(after, 1).some((p) => p.dashed)).toBe(true);
    expect(farEdgePaths(edges, boxes, new Map(), new Set(), curves)).toEqual(before);
  });

  it('reuses a flow’s curve while its ends keep their boxes', () => {
    const curves = new CurveCache();
    const e = flow('e1', 'a', 'b', 10);
    const first = farEdgePaths([e], boxes, new Map(), new Set(), curves)[0].d;
    const moved = new Map(boxes).set('b', box(500, 100));
    expect(farEdgePaths([{ ...e, volume: 20 }], boxes, new Map(), new Set(), curves)[0].d).toBe(first);
    expect(farEdgePaths([e], moved, new Map(), new Set(), curves)[0].d).not.toBe(first);
  });
});

describe('farNodePaths', () => {
  const node = (id: string, kind: BoardNode['kind']): BoardNode => ({ id, kind, label: id, country: 'CD', position: { x: 0, y: 0 } });
  const looks = new Map([['b', { criticality: 0.8, shortfall: null }]]);
  const flowNodes = syncNodes([], [node('a', 'mine'), node('b', 'refinery'), node('c', 'consumer')], {
    marks: new Map([['c', { names: 'Ana', color: '#ff0000' }]]),
    selected: new Set(['a']),
  });

  it('draws every node as a block, tinted by criticality, and outlines my selection and peers’ selections', () => {
    const paths = farNodePaths(flowNodes, boxes, looks);
    const blocks = paths.filter((p) => !p.outline);
    expect(blocks.reduce((n, p) => n + (p.d.match(/M/g)?.length ?? 0), 0)).toBe(3);
    expect(new Set(blocks.map((p) => p.fill)).size).toBe(3);
    expect(paths.find((p) => p.outline && p.stroke === FAR_SELECTED)?.d).toBe('M0 0h200v80h-200z');
    expect(paths.find((p) => p.outline && p.stroke === '#ff0000')?.d).toBe('M800 0h200v80h-200z');
  });

  it('finds the node under a flow point', () => {
    expect(farNodeAt(flowNodes, boxes, 450, 120)).toBe('b');
    expect(farNodeAt(flowNodes, boxes, 300, 300)).toBeNull();
  });
});

describe('syncEdges in the far layer', () => {
  it('hands React Flow only the selected flows and the ones a peer selected', () => {
    const edges = [flow('e1', 'a', 'b', 1), flow('e2', 'b', 'c', 1), flow('e3', 'a', 'c', 1)];
    const ctx = { nodeIds: new Set(['a', 'b', 'c']), cut: new Map(), marks: new Map([['e3', { names: 'Bo', color: '#00f' }]]), selected: new Set(['e1']), zoomedIn: false, farLayer: true };
    expect(syncEdges([], edges, ctx).map((e) => e.id)).toEqual(['e1', 'e3']);
  });
});
