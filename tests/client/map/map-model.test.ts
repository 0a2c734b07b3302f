/** What the map draws from a board: the "not on the map" list, placed nodes with their looks, flows with the canvas's vocabulary. */
import { describe, expect, it } from 'vitest';
import type { BoardEdge, BoardNode } from '../../../shared/board/types';
import { DISRUPTED_COLOR, type NodeLook } from '../../../client/canvas/flow-model';
import { ALTERNATIVE_COLOR } from '../../../client/canvas/route-look';
import type { RerouteView } from '../../../client/canvas/reroute-view';
import { mineralColor } from '../../../client/state/look';
import { ArcPaths, mapArcs, mapNodes, pathWithMovedNode } from '../../../client/map/map-model';
import { nodesOffMap } from '../../../client/map/off-map';
import { worldProjection } from '../../../client/map/projection';

const at = { x: 0, y: 0 };
const node = (id: string, label: string, extra: Partial<BoardNode> = {}): BoardNode => ({ id, kind: 'mine', label, country: 'CN', position: at, ...extra });
const projection = worldProjection();

describe('nodes not on the map', () => {
  it('are those without valid latitude and longitude, by label', () => {
    const nodes = [
      node('a', 'Zeta', { lat: 10, lon: 20 }), node('b', 'Mine B', { lat: 10 }), node('c', 'Alpha'), node('d', 'Beta', { lat: 120, lon: 0 }), node('e', 'Gamma', { lat: 0, lon: 0 }),
    ];
    expect(nodesOffMap(nodes).map((n) => n.id)).toEqual(['c', 'd', 'b']);
  });
  it('is empty when every node is placed', () => {
    expect(nodesOffMap([node('a', 'A', { lat: 1, lon: 1 })])).toEqual([]);
  });
});

describe('placed nodes', () => {
  it('carry their point, criticality, and for consumers only the shortfall; co-located ones get ring offsets', () => {
    const looks = new Map<string, NodeLook>([['m', { criticality: 0.5, shortfall: 0.2 }], ['c', { criticality: 0, shortfall: 0.3 }]]);
    const items = mapNodes([node('m', 'Mine', { lat: 10, lon: 10 }), node('c', 'Fab', { kind: 'consumer', lat: 10, lon: 10 }), node('x', 'Off')], projection, looks);
    expect(items.map((i) => i.node.id)).toEqual(['m', 'c']);
    expect(items[0]).toMatchObject({ criticality: 0.5, shortfall: null });
    expect(items[1]).toMatchObject({ criticality: 0, shortfall: 0.3 });
    expect(items[0].x).toBeCloseTo(items[1].x, 6);
    expect(`${items[0].dx},${items[0].dy}`).not.toBe(`${items[1].dx},${items[1].dy}`);
  });
});

describe('flows on the map', () => {
  const nodes = [node('a', 'A', { lat: 40, lon: 116 }), node('b', 'B', { lat: 45, lon: 9 }), node('c', 'C', { lat: -30, lon: -70 }), node('off', 'Off')];
  const edges: BoardEdge[] = [
    { id: 'big', from: 'a', to: 'b', mineral: 'gallium', volume: 100 },
    { id: 'small', from: 'c', to: 'b', mineral: 'cobalt', volume: 1 },
    { id: 'alt', from: 'c', to: 'a', mineral: 'cobalt', volume: 0, capacity: 50 },
    { id: 'hidden', from: 'off', to: 'b', mineral: 'cobalt', volume: 5 },
  ];
  const lever = { id: 'l', label: 'Ban', enabled: true, target: { node: 'a' }, factor: 0, days: 30 };

  it('are coloured by mineral, wider for more volume, alternative routes dashed grey; flows to unplaced nodes are left out', () => {
    const arcs = mapArcs(edges, nodes, new ArcPaths(projection), new Map(), null);
    expect(arcs.map((a) => a.edge.id)).toEqual(['big', 'small', 'alt']);
    const [big, small, alt] = arcs;
    expect(big).toMatchObject({ kind: 'flow', stroke: mineralColor('gallium'), dash: undefined, cutBy: null, rerouted: null });
    expect(big.width).toBeGreaterThan(small.width);
    expect(alt).toMatchObject({ kind: 'alternative', stroke: ALTERNATIVE_COLOR });
    expect(alt.dash).toBeDefined();
    expect(big.d.startsWith('M')).toBe(true);
  });

  it('cut by an enabled lever are dashed red and name the lever', () => {
    const cut = new Map([['big', [lever]]]);
    const [big, small] = mapArcs(edges, nodes, new ArcPaths(projection), cut, null);
    expect(big).toMatchObject({ kind: 'cut', stroke: DISRUPTED_COLOR, cutBy: 'Ban' });
    expect(big.dash).toBeDefined();
    expect(small.kind).toBe('flow');
  });

  it('after rerouting are as wide as their rerouted volume, and an alternative route that now carries flow is drawn as rerouted', () => {
    const rerouted: RerouteView = { flows: new Map([['big', 0], ['small', 1], ['alt', 40]]), maxFlow: 40, bottleneckNodes: new Set(), bottleneckEdges: new Set(), minerals: [] };
    const arcs = mapArcs(edges, nodes, new ArcPaths(projection), new Map(), rerouted);
    const byId = new Map(arcs.map((a) => [a.edge.id, a]));
    expect(byId.get('alt')).toMatchObject({ kind: 'rerouted', stroke: mineralColor('cobalt'), rerouted: 40 });
    expect(byId.get('alt')!.width).toBeGreaterThan(byId.get('big')!.width);
    expect(byId.get('big')!.rerouted).toBe(0);
  });

  it('follow a node while it is dragged: its own flows end at the pointer, the others stay', () => {
    const paths = new ArcPaths(projection);
    const [big, small, alt] = mapArcs(edges, nodes, paths, new Map(), null);
    const placeOf = new Map(nodes.filter((n) => n.lat !== undefined).map((n) => [n.id, { lat: n.lat!, lon: n.lon! }]));
    const moved = { id: 'c', place: { lat: 0, lon: 20 } };
    expect(pathWithMovedNode(big, moved, placeOf, paths)).toBe(big.d);
    expect(pathWithMovedNode(small, null, placeOf, paths)).toBe(small.d);
    const dragged = pathWithMovedNode(small, moved, placeOf, paths);
    expect(dragged).not.toBe(small.d);
    expect(dragged).toBe(paths.get({ lat: 0, lon: 20 }, { lat: 45, lon: 9 }));
    expect(pathWithMovedNode(alt, moved, placeOf, paths)).toBe(paths.get({ lat: 0, lon: 20 }, { lat: 40, lon: 116 }));
  });
});
