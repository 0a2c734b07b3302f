/** The map's pan and zoom as a plain transform of the frame (screen = k * frame + (x, y)), and the centre people share. Pure. */
import type { GeoProjection } from 'd3-geo';
import type { MapCenter } from '../../shared/presence/presence';
import { MAP_HEIGHT, MAP_WIDTH, placeAt, type MapXY } from './projection';

/** A pan and zoom of the map frame. */
export interface MapTransform {
  x: number;
  y: number;
  k: number;
}

/** The whole world in the frame. */
export const WORLD: MapTransform = { x: 0, y: 0, k: 1 };
/** Zoom limits (1: the whole world). */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 60;

const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** The frame point shown at a screen point (frame units) under `t`. */
export function frameAt(t: MapTransform, screen: MapXY): MapXY {
  return { x: (screen.x - t.x) / t.k, y: (screen.y - t.y) / t.k };
}

/** Zooms by `factor` keeping the point under `at` (frame units on screen) where it is. */
export function zoomAt(t: MapTransform, at: MapXY, factor: number): MapTransform {
  const k = clampZoom(t.k * factor);
  if (k === t.k) return t;
  const p = frameAt(t, at);
  return keepInView({ x: at.x - p.x * k, y: at.y - p.y * k, k });
}

/** Moves by (dx, dy) screen frame units. */
export function panBy(t: MapTransform, dx: number, dy: number): MapTransform {
  return keepInView({ ...t, x: t.x + dx, y: t.y + dy });
}

/** Keeps at least part of the world on screen: the frame cannot leave the view by more than half of it. */
export function keepInView(t: MapTransform): MapTransform {
  const limit = (offset: number, size: number) => Math.min(size / 2, Math.max(size / 2 - size * t.k, offset));
  return { k: t.k, x: limit(t.x, MAP_WIDTH), y: limit(t.y, MAP_HEIGHT) };
}

/** The transform that shows `center` in the middle of the frame at its zoom. */
export function transformFor(projection: GeoProjection, center: MapCenter): MapTransform {
  const p = projection([center.lon, center.lat]);
  if (!p) return WORLD;
  const k = clampZoom(center.zoom);
  return keepInView({ x: MAP_WIDTH / 2 - p[0] * k, y: MAP_HEIGHT / 2 - p[1] * k, k });
}

/** The place in the middle of the view and the zoom, or null when the middle is off the globe. */
export function centerOfView(projection: GeoProjection, t: MapTransform): MapCenter | null {
  const place = placeAt(projection, frameAt(t, { x: MAP_WIDTH / 2, y: MAP_HEIGHT / 2 }));
  return place ? { ...place, zoom: Math.round(t.k * 1000) / 1000 } : null;
}

/** How the frame sits in a box of `width` x `height` screen pixels (the SVG's xMidYMid meet): pixels per frame unit and the margins. */
export function frameFit(width: number, height: number): { scale: number; left: number; top: number } {
  const scale = Math.min(width / MAP_WIDTH, height / MAP_HEIGHT) || 1;
  return { scale, left: (width - MAP_WIDTH * scale) / 2, top: (height - MAP_HEIGHT * scale) / 2 };
}

/** A point `x`, `y` screen pixels from the box's top left corner, in frame units (before the pan and zoom). */
export function boxToFrame(width: number, height: number, x: number, y: number): MapXY {
  const fit = frameFit(width, height);
  return { x: (x - fit.left) / fit.scale, y: (y - fit.top) / fit.scale };
}

/** The part of the map a box of `width` x `height` screen pixels shows, in frame units (wider or taller than the frame when the box's shape differs). */
export function visibleFrame(width: number, height: number): { left: number; top: number; right: number; bottom: number } {
  const fit = frameFit(width, height);
  return { left: -fit.left / fit.scale, top: -fit.top / fit.scale, right: (width - fit.left) / fit.scale, bottom: (height - fit.top) / fit.scale };
}
