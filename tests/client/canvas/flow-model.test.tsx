import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { DENSE_EDGES, edgeWidth, nodeLooks, peerMarks, peerSelectionKey, syncEdges, syncNodes, type FlowA11y, type FlowNode } from '../../../client/canvas/flow-model';
import { DRAG_WRITE_MS, useFlowState } from '../../../client/canvas/use-flow-state';
import type { BoardActions, Peer } from '../../../client/state/types';
import type { Board, BoardEdge, BoardNode } from '../../../shared/board/types';
import type { ExposureReport } from '../../../shared/exposure/types';
import { wrapperIn } from '../../utils/intl';

const mine: BoardNode = { id: 'm', kind: 'mine', label: 'Mine', country: 'CD', position: { x: 0, y: 0 }, capacity: { cobalt: 100 } };
const refinery: BoardNode = { id: 'r', kind: 'refinery', label: 'Refinery', country: 'CN', position: { x: 300, y: 0 } };
const consumer: BoardNode = { id: 'c', kind: 'consumer', label: 'Consumer', country: 'DE', position: { x: 600, y: 0 }, demand: { cobalt: 80 } };
const e1: BoardEdge = { id: 'e1', from: 'm', to: 'r', mineral: 'cobalt', volume: 100 };
const e2: BoardEdge = { id: 'e2', from: 'r', to: 'c', mineral: 'cobalt', volume: 25 };
const none = { marks: new Map(), selected: new Set<string>() };
const edgeCtx = { nodeIds: new Set(['m', 'r', 'c']), cut: new Map(), marks: new Map(), selected: new Set<string>(), zoomedIn: true };

describe('syncNodes', () => {
  it('returns the same array when nothing changed', () => {
    const first = syncNodes([], [mine, refinery], none);
    expect(syncNodes(first, [mine, refinery], none)).toBe(first);
  });

  it('rebuilds only the node whose board object changed and keeps what React Flow measured', () => {
    const first = syncNodes([], [mine, refinery], none);
    const measured: FlowNode[] = first.map((n) => ({ ...n, measured: { width: 210, height: 96 }, width: 210, height: 96 }));
    const moved = { ...refinery, position: { x: 320, y: 10 } };
    const next = syncNodes(measured, [mine, moved], none);
    expect(next[0]).toBe(measured[0]);
    expect(next[1]).not.toBe(measured[1]);
    expect(next[1].position).toEqual({ x: 320, y: 10 });
    expect(next[1].measured).toEqual({ width: 210, height: 96 });
    expect(next[1].width).toBe(210);
  });

  it('keeps my local position while I drag (the doc echo lags behind)', () => {
    const [node] = syncNodes([], [mine], none);
    const dragging: FlowNode = { ...node, dragging: true, position: { x: 50, y: 50 } };
    const next = syncNodes([dragging], [{ ...mine, position: { x: 20, y: 20 } }], none);
    expect(next[0].position).toEqual({ x: 50, y: 50 });
  });

  it('follows the page selection and peer marks, touching only the affected nodes', () => {
    const first = syncNodes([], [mine, refinery], none);
    const next = syncNodes(first, [mine, refinery], { ...none, selected: new Set(['r']), marks: new Map([['r', { names: 'Ana', color: '#f00' }]]) });
    expect(next[0]).toBe(first[0]);
    expect(next[1].selected).toBe(true);
    expect(next[1].data.peer).toEqual({ names: 'Ana', color: '#f00' });
  });

  it('drops removed nodes and adds new ones with their kind as type', () => {
    const first = syncNodes([], [mine, refinery], none);
    const next = syncNodes(first, [mine, consumer], none);
    expect(next.map((n) => [n.id, n.type])).toEqual([['m', 'mine'], ['c', 'consumer']]);
    expect(next[0]).toBe(first[0]);
  });
});

describe('syncEdges', () => {
  it('leaves out edges with a missing end and reuses unchanged edges', () => {
    const dangling: BoardEdge = { id: 'x', from: 'ghost', to: 'c', mineral: 'cobalt', volume: 1 };
    const first = syncEdges([], [e1, e2, dangling], edgeCtx);
    expect(first.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(syncEdges(first, [e1, e2, dangling], edgeCtx)).toBe(first);
  });

  it('marks edges cut by a lever with the lever labels', () => {
    const lever = { id: 'd', label: 'Strike', enabled: true, target: { node: 'r' }, factor: 0, days: 5 };
    const [edge] = syncEdges([], [e1], { ...edgeCtx, cut: new Map([['e1', [lever]]]) });
    expect(edge.data?.disruptedBy).toBe('Strike');
  });

  it('on the live canvas (cut in the view) a lever toggle changes no edge object, and edges leave their arrowheads to the view', () => {
    const lever = { id: 'd', label: 'Strike', enabled: true, target: { node: 'r' }, factor: 0, days: 5 };
    const live = { ...edgeCtx, cutInView: true };
    const first = syncEdges([], [e1, e2], live);
    expect(first[0].markerEnd).toBeUndefined();
    expect(first[0].data?.disruptedBy).toBeNull();
    expect(syncEdges(first, [e1, e2], { ...live, cut: new Map([['e1', [lever]]]) })).toBe(first);
  });

  it('hides ordinary labels of a dense board when zoomed out, but never a disrupted one', () => {
    const many: BoardEdge[] = Array.from({ length: DENSE_EDGES + 1 }, (_, i) => ({ ...e1, id: `d${i}` }));
    const lever = { id: 'd', label: 'Strike', enabled: true, target: { edge: 'd1' }, factor: 0, days: 5 };
    const out = syncEdges([], many, { ...edgeCtx, zoomedIn: false, cut: new Map([['d1', [lever]]]) });
    expect(out[0].data?.showLabel).toBe(false);
    expect(out[1].data?.showLabel).toBe(true);
    expect(syncEdges([], [e1, e2], { ...edgeCtx, zoomedIn: false })[0].data?.showLabel).toBe(true);
    const zoomed = syncEdges(out, many, { ...edgeCtx, zoomedIn: true, cut: new Map([['d1', [lever]]]) });
    expect(zoomed[0].data?.showLabel).toBe(true);
    expect(zoomed[1]).toBe(out[1]);
  });

  it('scales width with the square root of volume over the largest flow', () => {
    expect(edgeWidth(100, 100)).toBeCloseTo(7.5);
    expect(edgeWidth(25, 100)).toBeCloseTo(4.5);
    expect(edgeWidth(0, 100)).toBe(1.5);
    expect(edgeWidth(5, 0)).toBe(1.5);
    expect(edgeWidth(Number.NaN, 100)).toBe(1.5);
  });
});

describe('nodeLooks and peerMarks', () => {
  it('takes each node’s largest loss share and each consumer’s worst shortfall, ignoring noise', () => {
    const stage = { shares: {}, hhi: 0, top: null };
    const consumerReport = (shortfall: number, shortfallPct: number) => ({
      demand: 1, supplied: 1, delivered: 1, shortfall, shortfallPct, secondaryShare: 0, stages: { mining: stage, refining: stage },
      benchmark65: { mining: false, refining: false }, routes: {}, disruptionDays: 0, stockDays: null, survives: true,
      demandGap: 0, coverage: 1, stockNeeded: 0, criticalNodes: [],
    });
    const report: ExposureReport = {
      minerals: {
        a: { converged: true, consumers: { c: consumerReport(5, 0.5) }, criticalNodes: [{ node: 'r', loss: 1, lossPct: 0.3, ttr: null, atRisk: false }], stockpileGap: 0, stockpileGapCost: null, crma: null },
        b: { converged: true, consumers: { c: consumerReport(1e-12, 0.2), d: consumerReport(1e-12, 1e-13) }, criticalNodes: [{ node: 'r', loss: 1, lossPct: 0.7, ttr: null, atRisk: false }], stockpileGap: 0, stockpileGapCost: null, crma: null },
      },
      priceFloors: [],
      warnings: [],
    };
    const looks = nodeLooks(report);
    expect(looks.get('r')?.criticality).toBe(0.7);
    expect(looks.get('c')?.shortfall).toBe(0.5);
    expect(looks.get('d')?.shortfall).toBe(0);
    expect(nodeLooks(null).size).toBe(0);
  });

  it('joins the names of peers who selected the same item and keys only on selections', () => {
    const peer = (clientId: number, name: string, selection: string[], cursor = { x: 0, y: 0 }): Peer => ({ clientId, name, color: `#${clientId}${clientId}${clientId}`, viewer: false, cursor, selection });
    const peers = [peer(1, 'Ana', ['r']), peer(2, 'Bo', ['r', 'c'])];
    const marks = peerMarks(peers);
    expect(marks.get('r')).toEqual({ names: 'Ana, Bo', color: '#111' });
    expect(marks.get('c')).toEqual({ names: 'Bo', color: '#222' });
    const moved = [peer(1, 'Ana', ['r'], { x: 9, y: 9 }), peer(2, 'Bo', ['r', 'c'])];
    expect(peerSelectionKey(moved)).toBe(peerSelectionKey(peers));
    expect(peerSelectionKey([peer(1, 'Ana', [])])).not.toBe(peerSelectionKey(peers));
  });
});

describe('useFlowState writes', () => {
  const board: Board = {
    format: 'lodestone.board', version: 2, title: 't', nodes: [mine, refinery, consumer], edges: [e1, e2],
    scenario: { name: 's', disruptions: [], expansions: [], priceFloors: [] }, notes: [],
  };
  type Spied = Record<'moveNodes' | 'deleteItems' | 'gesture' | 'setSelection' | 'setCursor', Mock>;
  let actions: Spied & BoardActions;
  beforeEach(() => {
    vi.useFakeTimers();
    actions = Object.fromEntries(['moveNodes', 'deleteItems', 'gesture', 'setSelection', 'setCursor'].map((k) => [k, vi.fn()])) as never;
  });
  afterEach(() => vi.useRealTimers());
  let wrapper: Awaited<ReturnType<typeof wrapperIn>>;
  beforeAll(async () => {
    wrapper = await wrapperIn();
  });
  const hook = (editable = true) => renderHook(() => useFlowState({ board, exposure: null, peers: [], selection: [], editable, actions, zoomedIn: true }), { wrapper });

  it('throttles positions while dragging and writes the final one on drop', () => {
    const { result } = hook();
    act(() => result.current.onNodesChange([{ type: 'position', id: 'm', position: { x: 1, y: 1 }, dragging: true }]));
    expect(actions.moveNodes).toHaveBeenCalledTimes(1);
    expect(actions.moveNodes).toHaveBeenLastCalledWith({ m: { x: 1, y: 1 } }, false);
    for (let i = 2; i <= 5; i++) act(() => result.current.onNodesChange([{ type: 'position', id: 'm', position: { x: i, y: i }, dragging: true }]));
    expect(actions.moveNodes).toHaveBeenCalledTimes(1);
    act(() => void vi.advanceTimersByTime(DRAG_WRITE_MS));
    expect(actions.moveNodes).toHaveBeenCalledTimes(2);
    expect(actions.moveNodes).toHaveBeenLastCalledWith({ m: { x: 5, y: 5 } }, false);
    act(() => result.current.onNodesChange([{ type: 'position', id: 'm', position: { x: 6, y: 6 }, dragging: true }]));
    act(() => result.current.onNodesChange([{ type: 'position', id: 'm', position: { x: 7, y: 7 }, dragging: false }]));
    expect(actions.moveNodes).toHaveBeenLastCalledWith({ m: { x: 7, y: 7 } }, true);
    const calls = actions.moveNodes.mock.calls.length;
    act(() => void vi.advanceTimersByTime(5 * DRAG_WRITE_MS));
    expect(actions.moveNodes).toHaveBeenCalledTimes(calls);
    expect(result.current.nodes.find((n) => n.id === 'm')?.position).toEqual({ x: 7, y: 7 });
  });

  it('applies selection and dimension changes locally without writing', () => {
    const { result } = hook();
    const before = result.current.nodes;
    act(() => result.current.onNodesChange([
      { type: 'select', id: 'r', selected: true },
      { type: 'dimensions', id: 'r', dimensions: { width: 200, height: 90 } },
      { type: 'position', id: 'r' },
    ]));
    expect(actions.moveNodes).not.toHaveBeenCalled();
    expect(actions.deleteItems).not.toHaveBeenCalled();
    const r = result.current.nodes.find((n) => n.id === 'r');
    expect(r?.selected).toBe(true);
    expect(r?.measured).toEqual({ width: 200, height: 90 });
    expect(result.current.nodes[0]).toBe(before[0]);
  });

  it('sends removals through deleteItems', () => {
    const { result } = hook();
    act(() => result.current.onNodesChange([{ type: 'remove', id: 'm' }]));
    act(() => result.current.onEdgesChange([{ type: 'remove', id: 'e2' }]));
    expect(actions.deleteItems).toHaveBeenNthCalledWith(1, ['m']);
    expect(actions.deleteItems).toHaveBeenNthCalledWith(2, ['e2']);
  });

  it('writes nothing for a viewer', () => {
    const { result } = hook(false);
    act(() => result.current.onNodesChange([{ type: 'position', id: 'm', position: { x: 1, y: 1 }, dragging: false }, { type: 'remove', id: 'r' }]));
    act(() => result.current.onEdgesChange([{ type: 'remove', id: 'e1' }]));
    expect(actions.moveNodes).not.toHaveBeenCalled();
    expect(actions.deleteItems).not.toHaveBeenCalled();
    expect(result.current.nodes).toHaveLength(3);
  });
});

describe('screen-reader words on flows and nodes', () => {
  const words = (lang: string): FlowA11y => ({ nodeRole: `${lang}-node`, flowRole: `${lang}-flow`, flowLabel: (from, to, mineral) => `${lang}: ${mineral} ${from} > ${to}` });
  const en = words('en');
  const nodes: BoardNode[] = [
    { id: 'a', kind: 'mine', label: 'Mine A', country: 'CD', position: { x: 0, y: 0 } },
    { id: 'b', kind: 'consumer', label: 'Fab B', country: 'IT', position: { x: 1, y: 0 } },
  ];
  const edges: BoardEdge[] = [{ id: 'e', from: 'a', to: 'b', mineral: 'cobalt', volume: 1 }, { id: 'f', from: 'b', to: 'a', mineral: 'cobalt', volume: 1 }];
  const ctx = (a11y: FlowA11y, labels: Map<string, string>) => ({ nodeIds: new Set(['a', 'b']), cut: new Map(), marks: new Map(), selected: new Set<string>(), zoomedIn: true, a11y, labels });
  const labels = new Map([['a', 'Mine A'], ['b', 'Fab B']]);

  it('name each flow by its nodes\' labels and replace React Flow\'s role words', () => {
    const [e] = syncEdges([], edges, ctx(en, labels));
    expect(e.ariaLabel).toBe('en: cobalt Mine A > Fab B');
    expect(e.domAttributes).toEqual({ 'aria-roledescription': 'en-flow' });
    const [n] = syncNodes([], nodes, { marks: new Map(), selected: new Set(), a11y: en });
    expect(n.domAttributes).toEqual({ 'aria-roledescription': 'en-node' });
  });

  it('rebuild a flow when a node is renamed or the language changes, and keep it otherwise', () => {
    const first = syncEdges([], edges, ctx(en, labels));
    expect(syncEdges(first, edges, ctx(en, new Map(labels)))).toBe(first);
    const renamed = syncEdges(first, edges, ctx(en, new Map([['a', 'Mine A2'], ['b', 'Fab B']])));
    expect(renamed[0].ariaLabel).toBe('en: cobalt Mine A2 > Fab B');
    expect(renamed[1].ariaLabel).toBe('en: cobalt Fab B > Mine A2');
    const italian = syncEdges(first, edges, ctx(words('it'), labels));
    expect(italian[0].domAttributes).toEqual({ 'aria-roledescription': 'it-flow' });
    const nodesEn = syncNodes([], nodes, { marks: new Map(), selected: new Set(), a11y: en });
    expect(syncNodes(nodesEn, nodes, { marks: new Map(), selected: new Set(), a11y: en })).toBe(nodesEn);
    expect(syncNodes(nodesEn, nodes, { marks: new Map(), selected: new Set(), a11y: words('it') })[0].domAttributes).toEqual({ 'aria-roledescription': 'it-node' });
  });
});
