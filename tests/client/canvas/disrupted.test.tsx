import { describe, expect, it } from 'vitest';
import { disruptedEdges, leverCutsEdge } from '../../../client/canvas/disrupted';
import type { Board, BoardEdge, BoardNode, Disruption, NodeKind } from '../../../shared/board/types';

const node = (id: string, kind: NodeKind, country: string): BoardNode => ({ id, kind, label: id, country, position: { x: 0, y: 0 } });
const NODES = {
  cnRefinery: node('cn-ref', 'refinery', 'CN'),
  cnMine: node('cn-mine', 'mine', 'CN'),
  cnPort: node('cn-port', 'transport', 'CN'),
  jpConsumer: node('jp', 'consumer', 'JP'),
  auMine: node('au-mine', 'mine', 'AU'),
};
const edge = (id: string, from: BoardNode, to: BoardNode, mineral = 'gallium'): BoardEdge => ({ id, from: from.id, to: to.id, mineral, volume: 10 });
const lever = (target: Disruption['target'], over: Partial<Disruption> = {}): Disruption => ({ id: 'd', label: 'lever', enabled: true, target, factor: 0, days: 90, ...over });
const cuts = (l: Disruption, e: BoardEdge) => leverCutsEdge(l, e, Object.values(NODES).find((n) => n.id === e.from), Object.values(NODES).find((n) => n.id === e.to));

const exportEdge = edge('export', NODES.cnRefinery, NODES.jpConsumer);
const domesticEdge = edge('domestic', NODES.cnMine, NODES.cnRefinery);
const importEdge = edge('import', NODES.auMine, NODES.cnRefinery);

describe('leverCutsEdge', () => {
  it('cuts the edge an edge lever names, and no other', () => {
    expect(cuts(lever({ edge: 'export' }), exportEdge)).toBe(true);
    expect(cuts(lever({ edge: 'export' }), domesticEdge)).toBe(false);
  });

  it('cuts every edge into or out of a node lever', () => {
    const l = lever({ node: 'cn-ref' });
    expect(cuts(l, exportEdge)).toBe(true);
    expect(cuts(l, domesticEdge)).toBe(true);
    expect(cuts(l, edge('other', NODES.auMine, NODES.jpConsumer))).toBe(false);
  });

  it('cuts edges touching any node of a country lever', () => {
    const l = lever({ country: 'CN' });
    expect(cuts(l, exportEdge)).toBe(true);
    expect(cuts(l, importEdge)).toBe(true);
    expect(cuts(l, edge('au-jp', NODES.auMine, NODES.jpConsumer))).toBe(false);
  });

  it('limits a country lever to the listed kinds', () => {
    const l = lever({ country: 'CN', kinds: ['mine'] });
    expect(cuts(l, domesticEdge)).toBe(true);
    expect(cuts(l, exportEdge)).toBe(false);
    expect(cuts(lever({ country: 'CN', kinds: [] }), exportEdge)).toBe(false);
  });

  it('with exportsOnly cuts only edges leaving the country from a matching kind', () => {
    const l = lever({ country: 'CN', kinds: ['refinery'], exportsOnly: true });
    expect(cuts(l, exportEdge)).toBe(true);
    expect(cuts(l, domesticEdge)).toBe(false);
    expect(cuts(l, importEdge)).toBe(false);
    expect(cuts(l, edge('port-export', NODES.cnPort, NODES.jpConsumer))).toBe(false);
    expect(cuts(lever({ country: 'CN', exportsOnly: true }), edge('port-export', NODES.cnPort, NODES.jpConsumer))).toBe(true);
  });

  it('respects the lever minerals', () => {
    expect(cuts(lever({ node: 'cn-ref' }, { minerals: ['gallium'] }), exportEdge)).toBe(true);
    expect(cuts(lever({ node: 'cn-ref' }, { minerals: ['germanium'] }), exportEdge)).toBe(false);
    expect(cuts(lever({ node: 'cn-ref' }, { minerals: [] }), exportEdge)).toBe(false);
  });

  it('ignores disabled levers and levers that let everything pass', () => {
    expect(cuts(lever({ node: 'cn-ref' }, { enabled: false }), exportEdge)).toBe(false);
    expect(cuts(lever({ node: 'cn-ref' }, { factor: 1 }), exportEdge)).toBe(false);
    expect(cuts(lever({ node: 'cn-ref' }, { factor: 0.5 }), exportEdge)).toBe(true);
    expect(cuts(lever({ node: 'cn-ref' }, { factor: Number.NaN }), exportEdge)).toBe(false);
  });

  it('does not match a country lever on a dangling end', () => {
    const dangling: BoardEdge = { id: 'x', from: 'missing', to: 'jp', mineral: 'gallium', volume: 1 };
    expect(cuts(lever({ country: 'CN', exportsOnly: true }), dangling)).toBe(false);
    expect(cuts(lever({ country: 'JP' }), dangling)).toBe(true);
  });
});

describe('disruptedEdges', () => {
  const board = (disruptions: Disruption[]): Pick<Board, 'nodes' | 'edges' | 'scenario'> => ({
    nodes: Object.values(NODES), edges: [exportEdge, domesticEdge, importEdge], scenario: { name: 's', disruptions, expansions: [], priceFloors: [] },
  });

  it('maps each cut edge to the levers that cut it', () => {
    const ban = lever({ country: 'CN', kinds: ['refinery'], exportsOnly: true }, { id: 'ban', label: 'Export ban' });
    const strike = lever({ node: 'cn-ref' }, { id: 'strike', label: 'Strike' });
    const cut = disruptedEdges(board([ban, strike]));
    expect(cut.get('export')?.map((d) => d.id)).toEqual(['ban', 'strike']);
    expect(cut.get('domestic')?.map((d) => d.id)).toEqual(['strike']);
    expect(cut.get('import')?.map((d) => d.id)).toEqual(['strike']);
  });

  it('is empty without enabled levers', () => {
    expect(disruptedEdges(board([])).size).toBe(0);
    expect(disruptedEdges(board([lever({ node: 'cn-ref' }, { enabled: false })])).size).toBe(0);
  });
});
