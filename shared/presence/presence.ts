/**
 * The presence fields a person publishes in awareness besides name, colour, cursor and selection: where
 * they look, the slide they present, and their "bring everyone to me" counter. Readers for untrusted
 * states, shared by the server (which enforces who may publish what) and the client.
 */

/** Where someone looks: the centre of their screen in flow coordinates, and the zoom. */
export interface ViewCenter {
  x: number;
  y: number;
  zoom: number;
}

/** The slide a presenter shows: a snapshot id, its place in the deck and the deck's length. */
export interface Presenting {
  snapshotId: string;
  index: number;
  count: number;
  /** The view the slide is shown in (absent: the canvas, as older presenters sent). */
  view?: BoardView;
}

/** Snapshot ids as the server makes them. */
export const SNAPSHOT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const count = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** A valid view centre (positive zoom, finite numbers), or null. */
export function readViewCenter(value: unknown): ViewCenter | null {
  if (!isRecord(value)) return null;
  const { x, y, zoom } = value;
  return finite(x) && finite(y) && finite(zoom) && zoom > 0 ? { x, y, zoom } : null;
}

/** A valid presenting field (snapshot id, index within count), or null. */
export function readPresenting(value: unknown): Presenting | null {
  if (!isRecord(value)) return null;
  const { snapshotId, index, count: total } = value;
  if (typeof snapshotId !== 'string' || !SNAPSHOT_ID_PATTERN.test(snapshotId) || !count(index) || !count(total) || index >= total) return null;
  return value.view === 'map' ? { snapshotId, index, count: total, view: 'map' } : { snapshotId, index, count: total };
}

/** The summon counter (0 when absent or invalid). */
export function readSummon(value: unknown): number {
  return count(value) ? value : 0;
}

/** The views of a board a person can be in. */
export const BOARD_VIEWS = ['canvas', 'map'] as const;
/** One of BOARD_VIEWS. */
export type BoardView = (typeof BOARD_VIEWS)[number];

/** A place on the map: longitude and latitude in degrees. */
export interface MapPoint {
  lon: number;
  lat: number;
}

/** Where someone looks on the map: the centre of their screen (degrees) and the zoom (1 = the whole world). */
export interface MapCenter extends MapPoint {
  zoom: number;
}

/** The view a person is in; the canvas when absent or invalid (older clients). */
export function readBoardView(value: unknown): BoardView {
  return value === 'map' ? 'map' : 'canvas';
}

/** A valid place on the map (finite degrees within the globe), or null. */
export function readMapPoint(value: unknown): MapPoint | null {
  if (!isRecord(value)) return null;
  const { lon, lat } = value;
  return finite(lon) && finite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? { lon, lat } : null;
}

/** A valid map view centre (a place and a positive zoom), or null. */
export function readMapCenter(value: unknown): MapCenter | null {
  const point = readMapPoint(value);
  if (!point || !isRecord(value)) return null;
  const { zoom } = value;
  return finite(zoom) && zoom > 0 ? { ...point, zoom } : null;
}
