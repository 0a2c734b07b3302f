/**
 * Wheel zoom and the map's transform, written straight to the DOM: a pan or zoom changes one transform attribute
 * on the zoomed group and one CSS variable (the counter-scale of icons), and re-renders nothing.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { WORLD, zoomAt, type MapTransform } from './view-transform';
import type { MapXY } from './projection';

/** From this zoom on, every node's label shows (small boards always show them). */
export const LABEL_ZOOM = 3;

/** What usePanZoom gives the view. */
export interface PanZoom {
  /** The transform now (read it in handlers; it is not React state). */
  transform: RefObject<MapTransform>;
  /** Shows `next`; `mine` when I made the move (a gesture of mine), not following someone. */
  apply(next: MapTransform, mine: boolean): void;
  /** A screen (client) point in map frame units (before the transform). */
  toFrame(clientX: number, clientY: number): MapXY;
}

/** Pan and zoom of `svg`'s `group`; `onMove` hears every change. */
export function usePanZoom(svg: RefObject<SVGSVGElement | null>, group: RefObject<SVGGElement | null>, onMove: (t: MapTransform, mine: boolean) => void): PanZoom {
  const transform = useRef<MapTransform>(WORLD);
  const latest = useRef(onMove);
  latest.current = onMove;

  const apply = useCallback((next: MapTransform, mine: boolean) => {
    transform.current = next;
    group.current?.setAttribute('transform', `translate(${next.x} ${next.y}) scale(${next.k})`);
    const root = svg.current;
    if (root) {
      root.style.setProperty('--map-inv', String(1 / next.k));
      root.classList.toggle('ls-map--near', next.k >= LABEL_ZOOM);
    }
    latest.current(next, mine);
  }, [svg, group]);

  const toFrame = useCallback((clientX: number, clientY: number): MapXY => {
    const root = svg.current;
    const matrix = root?.getScreenCTM();
    if (!root || !matrix) return { x: clientX, y: clientY };
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  }, [svg]);

  useEffect(() => {
    const root = svg.current;
    if (!root) return;
    // Not passive: the wheel zooms the map instead of scrolling the page.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      apply(zoomAt(transform.current, toFrame(event.clientX, event.clientY), Math.exp(-delta * 0.002)), true);
    };
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => root.removeEventListener('wheel', onWheel);
  }, [svg, apply, toFrame]);

  return { transform, apply, toFrame };
}
