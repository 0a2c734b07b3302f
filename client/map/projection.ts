/** The world map's projection (Natural Earth) on a fixed frame, and the trip from a node's lat/lon to the frame and back. Pure. */
import { geoNaturalEarth1, type GeoProjection } from 'd3-geo';
import type { BoardNode } from '../../shared/board/types';
import type { MapPoint } from '../../shared/presence/presence';

/** The map frame (SVG viewBox units). */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

/** A point on the map frame. */
export interface MapXY {
  x: number;
  y: number;
}

/** The projection of the whole globe fitted into the map frame with a small margin. */
export function worldProjection(width = MAP_WIDTH, height = MAP_HEIGHT): GeoProjection {
  return geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], { type: 'Sphere' });
}

/** True when a node has a latitude and longitude within the globe. */
export function hasCoordinates(node: Pick<BoardNode, 'lat' | 'lon'>): node is { lat: number; lon: number } {
  const { lat, lon } = node;
  return typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** Where a node sits on the map frame, or null when it has no (valid) coordinates. */
export function projectNode(projection: GeoProjection, node: Pick<BoardNode, 'lat' | 'lon'>): MapXY | null {
  if (!hasCoordinates(node)) return null;
  const p = projection([node.lon, node.lat]);
  return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? { x: p[0], y: p[1] } : null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));

/** The place under a point of the map frame, to 4 decimals (about 10 m), or null off the globe. */
export function placeAt(projection: GeoProjection, point: MapXY): MapPoint | null {
  const ll = projection.invert?.([point.x, point.y]);
  if (!ll || !Number.isFinite(ll[0]) || !Number.isFinite(ll[1])) return null;
  // Off the globe's outline the inverse still answers, with a place that does not project back to the point.
  const back = projection(ll);
  if (!back || Math.hypot(back[0] - point.x, back[1] - point.y) > 0.5) return null;
  return { lon: round(clamp(ll[0], 180), 4), lat: round(clamp(ll[1], 90), 4) };
}
