/**
 * Level of detail: which card and label form a zoom shows, and how much text grows in flow space so that it
 * stays readable on screen. Zooms are quantised into steps so the canvas re-renders only when a step changes.
 */
import type { IntlShape } from 'react-intl';
import { formatsFor } from '../i18n/format';

/** At and above this zoom cards show every figure (a 13 px title is then at least 9.75 px on screen). */
export const FULL_ZOOM = 0.75;
/** Below this zoom cards are plain tinted blocks (text would be too small to read whatever its size). */
export const DOT_ZOOM = 0.18;
/** Ratio between two zoom steps. */
const STEP = 0.85;
/** Text never grows more than this in flow space (it would no longer fit its card). */
export const MAX_TEXT_SCALE = 2.6;

/** What cards draw: everything, icon and short label, or a block. */
export type DetailLevel = 'full' | 'compact' | 'dot';

/** The zoom step: 0 at FULL_ZOOM and above, one more for each factor STEP below it. */
export function zoomStep(zoom: number): number {
  if (!(zoom > 0) || zoom >= FULL_ZOOM) return 0;
  return Math.ceil(Math.log(zoom / FULL_ZOOM) / Math.log(STEP) - 1e-9);
}

/** How much compact text grows at a step: the lowest zoom of the step times the scale is FULL_ZOOM (capped). */
export function textScale(step: number): number {
  return Math.min(MAX_TEXT_SCALE, STEP ** -step);
}

/** The detail level of a zoom. */
export function detailLevel(zoom: number): DetailLevel {
  if (zoom >= FULL_ZOOM) return 'full';
  return zoom < DOT_ZOOM ? 'dot' : 'compact';
}

/** The label with at most `max` characters, cut at a word where possible, with an ellipsis. */
export function shortLabel(label: string, max = 22): string {
  const text = label.trim().replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:-]+$/, '')}…`;
}

const SYMBOLS: Record<string, string> = {
  cobalt: 'Co', copper: 'Cu', gallium: 'Ga', germanium: 'Ge', lithium: 'Li', graphite: 'C', nickel: 'Ni', platinum: 'Pt',
  manganese: 'Mn', tungsten: 'W', antimony: 'Sb', magnesium: 'Mg', silicon: 'Si', vanadium: 'V', titanium: 'Ti',
  'rare-earths-heavy': 'HREE', 'rare-earths-light': 'LREE',
};

/** A mineral's chemical symbol (or its first four letters). */
export function mineralSymbol(mineral: string): string {
  const known = SYMBOLS[mineral];
  if (known) return known;
  const word = mineral.replace(/-/g, '');
  return word.charAt(0).toUpperCase() + word.slice(1, 4);
}

/** A flow label's short form: "Co 9k" (Italian "Co 9K"). */
export function shortFlowText(intl: IntlShape, mineral: string, volume: number): string {
  return `${mineralSymbol(mineral)} ${formatsFor(intl).compact(Number.isFinite(volume) ? volume : 0)}`;
}
