/** The map's pure geometry: a node's place on the frame and back, great-circle arcs, shared sites spread in a ring. */
import { describe, expect, it } from 'vitest';
import { arcMiddle, arcPath } from '../../../client/map/arcs';
import { MAP_HEIGHT, MAP_WIDTH, placeAt, projectNode, worldProjection } from '../../../client/map/projection';
import { spreadSites } from '../../../client/map/spread';
import { WORLD, boxToFrame, centerOfView, frameAt, panBy, transformFor, zoomAt } from '../../../client/map/view-transform';

const projection = worldProjection();

describe('projection of a node', () => {
  it('puts a node with coordinates inside the frame, west left of east and north above south', () => {
    const rome = projectNode(projection, { lat: 41.9, lon: 12.5 })!;
    const beijing = projectNode(projection, { lat: 39.9, lon: 116.4 })!;
    const santiago = projectNode(projection, { lat: -33.4, lon: -70.6 })!;
    for (const p of [rome, beijing, santiago]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(MAP_WIDTH);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(MAP_HEIGHT);
    }
    expect(santiago.x).toBeLessThan(rome.x);
    expect(rome.x).toBeLessThan(beijing.x);
    expect(rome.y).toBeLessThan(santiago.y);
  });

  it('puts (0, 0) in the middle of the frame', () => {
    const p = projectNode(projection, { lat: 0, lon: 0 })!;
    expect(p.x).toBeCloseTo(MAP_WIDTH / 2, 6);
    expect(p.y).toBeCloseTo(MAP_HEIGHT / 2, 6);
  });

  it('places nothing without both coordinates or outside the globe', () => {
    expect(projectNode(projection, {})).toBeNull();
    expect(projectNode(projection, { lat: 10 })).toBeNull();
    expect(projectNode(projection, { lat: 95, lon: 0 })).toBeNull();
    expect(projectNode(projection, { lat: Number.NaN, lon: 0 })).toBeNull();
  });

  it('reads back the place under a projected point (to 4 decimals), and nothing off the globe', () => {
    for (const place of [{ lat: 41.9, lon: 12.5 }, { lat: -33.4, lon: -70.6 }, { lat: 64.1, lon: -21.9 }]) {
      const back = placeAt(projection, projectNode(projection, place)!)!;
      expect(back.lat).toBeCloseTo(place.lat, 3);
      expect(back.lon).toBeCloseTo(place.lon, 3);
    }
    expect(placeAt(projection, { x: 2, y: 2 })).toBeNull();
  });
});

describe('arcs', () => {
  it('draw a great circle that starts and ends at the two places', () => {
    const from = { lat: 39.9, lon: 116.4 };
    const to = { lat: 45.5, lon: 9.2 };
    const d = arcPath(projection, from, to)!;
    const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    const a = projectNode(projection, from)!;
    const b = projectNode(projection, to)!;
    expect(numbers[0]).toBeCloseTo(a.x, 0);
    expect(numbers[1]).toBeCloseTo(a.y, 0);
    expect(numbers.at(-2)).toBeCloseTo(b.x, 0);
    expect(numbers.at(-1)).toBeCloseTo(b.y, 0);
    // A great circle from Beijing to Milan bends north of the straight line between them on the map.
    const middle = arcMiddle(projection, from, to)!;
    expect(middle.y).toBeLessThan((a.y + b.y) / 2);
  });

  it('split where a flow crosses the map edge, and draw nothing between one place and itself', () => {
    const d = arcPath(projection, { lat: 35.7, lon: 139.7 }, { lat: 37.8, lon: -122.4 })!;
    expect(d.match(/M/g)!.length).toBe(2);
    expect(arcPath(projection, { lat: 1, lon: 2 }, { lat: 1, lon: 2 })).toBeNull();
  });
});

describe('shared sites', () => {
  it('spread nodes at the same or a very close place on a ring, each at its own offset', () => {
    const offsets = spreadSites([{ id: 'b', x: 100, y: 100 }, { id: 'a', x: 100, y: 100 }, { id: 'c', x: 100.5, y: 100.2 }, { id: 'far', x: 300, y: 100 }], 1.5, 16);
    expect([...offsets.keys()].sort()).toEqual(['a', 'b', 'c']);
    const spots = [...offsets.values()].map((o) => `${o.dx},${o.dy}`);
    expect(new Set(spots).size).toBe(3);
    for (const o of offsets.values()) expect(Math.hypot(o.dx, o.dy)).toBeCloseTo(16, 0);
    // In id order: the first on top of the ring.
    expect(offsets.get('a')).toEqual({ dx: 0, dy: -16 });
  });

  it('leaves nodes alone at their site where they are', () => {
    expect(spreadSites([{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 10, y: 0 }], 1.5).size).toBe(0);
  });
});

describe('pan and zoom', () => {
  it('zoom keeps the point under the pointer in place, within the zoom limits', () => {
    const t = zoomAt(WORLD, { x: 300, y: 200 }, 4);
    expect(t.k).toBe(4);
    const p = frameAt(t, { x: 300, y: 200 });
    expect(p.x).toBeCloseTo(300, 6);
    expect(p.y).toBeCloseTo(200, 6);
    expect(zoomAt(WORLD, { x: 0, y: 0 }, 0.5)).toBe(WORLD);
  });

  it('a shared centre shows the same place in the middle of everyone`s view', () => {
    const rome = { lat: 41.9, lon: 12.5, zoom: 5 };
    const back = centerOfView(projection, transformFor(projection, rome))!;
    expect(back.lat).toBeCloseTo(rome.lat, 2);
    expect(back.lon).toBeCloseTo(rome.lon, 2);
    expect(back.zoom).toBe(5);
  });

  it('a pan cannot push the whole world off screen', () => {
    const t = panBy(WORLD, 5000, -5000);
    expect(t.x).toBeLessThanOrEqual(MAP_WIDTH / 2);
    expect(t.y).toBeGreaterThanOrEqual(MAP_HEIGHT / 2 - MAP_HEIGHT);
  });

  it('reads a point of the map box in frame units, with the frame centred in a box of another shape', () => {
    // Twice as wide as the frame's shape: the frame is as tall as the box and centred across.
    const wide = { w: 2 * 2 * MAP_WIDTH, h: 2 * MAP_HEIGHT };
    expect(boxToFrame(wide.w, wide.h, wide.w / 2, wide.h / 2)).toEqual({ x: MAP_WIDTH / 2, y: MAP_HEIGHT / 2 });
    expect(boxToFrame(wide.w, wide.h, MAP_WIDTH, 0)).toEqual({ x: 0, y: 0 });
    expect(boxToFrame(MAP_WIDTH, MAP_HEIGHT * 3, MAP_WIDTH, MAP_HEIGHT * 2)).toEqual({ x: MAP_WIDTH, y: MAP_HEIGHT });
  });
});
