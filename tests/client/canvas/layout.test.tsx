import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../client/canvas/layered';
import { DAGRE_MAX_NODES, arrangeByStage } from '../../../client/canvas/layout';
import type { Board, BoardEdge, BoardNode, NodeKind } from '../../../shared/board/types';
import { generateLargeBoard } from '../../../shared/generate/large-board';

const node = (id: string, kind: NodeKind, x = 0, y = 0): BoardNode => ({ id, kind, label: id, country: 'XX', position: { x, y } });
const edge = (from: string, to: string): BoardEdge => ({ id: `${from}>${to}`, from, to, mineral: 'cobalt', volume: 1 });
const finite = (p: { x: number; y: number }) => Number.isFinite(p.x) && Number.isFinite(p.y);

describe('arrangeByStage', () => {
  const chain: Pick<Board, 'nodes' | 'edges'> = {
    // Listed out of order and stacked on one spot, as a messy board would be.
    nodes: [node('c', 'consumer'), node('r', 'refinery'), node('m', 'mine'), node('t', 'transport'), node('s', 'stockpile'), node('m2', 'mine')],
    edges: [edge('m', 't'), edge('m2', 't'), edge('t', 'r'), edge('r', 'c'), edge('s', 'c')],
  };

  it('gives every node a finite position', () => {
    const positions = arrangeByStage(chain);
    expect(Object.keys(positions).sort()).toEqual(['c', 'm', 'm2', 'r', 's', 't']);
    expect(Object.values(positions).every(finite)).toBe(true);
  });

  it('puts mines left of transports, refineries and consumers', () => {
    const p = arrangeByStage(chain);
    expect(p.m.x).toBeLessThan(p.t.x);
    expect(p.t.x).toBeLessThan(p.r.x);
    expect(p.r.x).toBeLessThan(p.c.x);
    expect(p.m2.x).toBeLessThan(p.c.x);
  });

  it('does not stack nodes of the same stage on each other', () => {
    const p = arrangeByStage(chain);
    expect(Math.abs(p.m.y - p.m2.y)).toBeGreaterThanOrEqual(90);
  });

  it('places nodes without flows in stage columns, mines left of consumers', () => {
    const p = arrangeByStage({ nodes: [node('c', 'consumer'), node('m', 'mine'), node('r', 'refinery')], edges: [] });
    expect(Object.values(p).every(finite)).toBe(true);
    expect(p.m.x).toBeLessThan(p.r.x);
    expect(p.r.x).toBeLessThan(p.c.x);
  });

  it('survives cycles, self loops, dangling edges and duplicate flows', () => {
    const board: Pick<Board, 'nodes' | 'edges'> = {
      nodes: [node('m', 'mine'), node('r', 'refinery'), node('c', 'consumer'), node('y', 'recycler')],
      edges: [edge('m', 'r'), edge('r', 'c'), edge('c', 'y'), edge('y', 'r'), edge('r', 'r'), edge('ghost', 'c'), { ...edge('m', 'r'), id: 'dup', mineral: 'nickel' }],
    };
    const p = arrangeByStage(board);
    expect(Object.keys(p).sort()).toEqual(['c', 'm', 'r', 'y']);
    expect(Object.values(p).every(finite)).toBe(true);
    expect(p.m.x).toBeLessThan(p.c.x);
  });

  it('uses measured sizes when given', () => {
    const small = arrangeByStage(chain);
    const wide = arrangeByStage(chain, Object.fromEntries(chain.nodes.map((n) => [n.id, { width: 400, height: 90 }])));
    expect(wide.c.x - wide.m.x).toBeGreaterThan(small.c.x - small.m.x);
  });

  it('lays out a generated 2,000-node board (the fast layered path): every node placed, each mine left of every consumer', () => {
    const board = generateLargeBoard({ nodes: 2000, seed: 3 });
    expect(board.nodes.length).toBeGreaterThan(DAGRE_MAX_NODES);
    const p = arrangeByStage(board);
    expect(Object.keys(p)).toHaveLength(board.nodes.length);
    expect(Object.values(p).every(finite)).toBe(true);
    const xs = (kind: NodeKind) => board.nodes.filter((n) => n.kind === kind).map((n) => p[n.id].x);
    expect(Math.max(...xs('mine'))).toBeLessThan(Math.min(...xs('consumer')));
    expect(Math.max(...xs('mine'))).toBeLessThan(Math.min(...xs('refinery')));
  });
});

describe('layeredLayout', () => {
  const size = () => ({ width: 200, height: 90 });
  const stage = (id: string) => (id.startsWith('m') ? 0 : 1);

  it('ranks along the flows and keeps nodes of a column apart', () => {
    const p = layeredLayout({
      ids: ['m1', 'm2', 'r', 'c1', 'c2'], links: [['m1', 'r'], ['m2', 'r'], ['r', 'c1'], ['r', 'c2'], ['m1', 'c2']],
      size, stage, nodeSep: 30, rankSep: 100,
    });
    expect(p.m1.x).toBe(0);
    expect(p.m2.x).toBe(0);
    expect(p.r.x).toBeGreaterThan(p.m1.x);
    expect(p.c1.x).toBeGreaterThan(p.r.x);
    expect(p.c2.x).toBe(p.c1.x);
    expect(Math.abs(p.m1.y - p.m2.y)).toBeGreaterThanOrEqual(120);
    expect(Math.abs(p.c1.y - p.c2.y)).toBeGreaterThanOrEqual(120);
  });

  it('breaks recycling loops and moves a non-mine source next to what it feeds', () => {
    const p = layeredLayout({
      ids: ['m', 'r', 'c', 'y', 's'], links: [['m', 'r'], ['r', 'c'], ['c', 'y'], ['y', 'r'], ['s', 'c']],
      size, stage, nodeSep: 30, rankSep: 100,
    });
    expect(Object.values(p).every(finite)).toBe(true);
    expect(p.m.x).toBeLessThan(p.r.x);
    expect(p.r.x).toBeLessThan(p.c.x);
    // The stockpile feeds the consumer only: it sits one column before it, not with the mines.
    expect(p.s.x).toBe(p.r.x);
  });
});
