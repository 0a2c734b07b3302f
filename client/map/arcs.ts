/** Flows on the map: great-circle arcs between two places as SVG path data, and the point halfway along. Pure. */
import { geoInterpolate, geoPath, type GeoProjection } from 'd3-geo';
import type { MapPoint } from '../../shared/presence/presence';
import type { MapXY } from './projection';

/** The SVG path of the great circle from `from` to `to` (split where it crosses the map's edge), or null when nothing shows. */
export function arcPath(projection: GeoProjection, from: MapPoint, to: MapPoint): string | null {
  if (from.lon === to.lon && from.lat === to.lat) return null;
  const d = geoPath(projection)({ type: 'LineString', coordinates: [[from.lon, from.lat], [to.lon, to.lat]] });
  return d === null || d === '' ? null : d;
}

/** The point halfway along the great circle, on the map frame (for a flow's label or mark). */
export function arcMiddle(projection: GeoProjection, from: MapPoint, to: MapPoint): MapXY | null {
  const [lon, lat] = geoInterpolate([from.lon, from.lat], [to.lon, to.lat])(0.5);
  const p = projection([lon, lat]);
  return p ? { x: p[0], y: p[1] } : null;
}
