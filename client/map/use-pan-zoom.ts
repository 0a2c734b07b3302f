/**
 * Wheel zoom and the map's transform, written straight to the DOM. A zoom changes one transform attribute on the
 * zoomed group and one CSS variable (the counter-scale of icons). A pan first only slides the
 * drawing as one composited layer (a CSS translate of the <svg>, no repaint), and writes the transform attribute once
 * the map has been still for a moment: repainting thousands of flows on every frame of a pan is what made it stutter.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { WORLD, boxToFrame, frameFit, zoomAt, type MapTransform } from './view-transform';
import type { MapXY } from './projection';

/** A pan is drawn for real once the map has been still this long (ms). */
const SETTLE_MS = 120;

/** What usePanZoom gives the view. */
export interface PanZoom {
  /** The transform now (read it in handlers; it is not React state). */
  transform: RefObject<MapTransform>;
  /** Shows `next`; `mine` when I made the move (a gesture of mine), not following someone. */
  apply(next: MapTransform, mine: boolean): void;
  /** Draws a pending pan for real now (before an export, or when a gesture ends). */
  settle(): void;
  /** A screen (client) point in map frame units (before the transform). */
  toFrame(clientX: number, clientY: number): MapXY;
}

/** Pan and zoom of `svg`'s `group`; `onMove` hears every change, `onDrawn` each transform drawn for real. */
export function usePanZoom(
  svg: RefObject<SVGSVGElement | null>, group: RefObject<SVGGElement | null>, onMove: (t: MapTransform, mine: boolean) => void, onDrawn?: (t: MapTransform) => void,
): PanZoom {
  const transform = useRef<MapTransform>(WORLD);
  /** The transform written on the group; a pending pan is drawn as a CSS translate of the <svg> on top of it. */
  const drawn = useRef<MapTransform>(WORLD);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onMove);
  latest.current = onMove;
  const drawnLatest = useRef(onDrawn);
  drawnLatest.current = onDrawn;

  const settle = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const next = transform.current;
    drawn.current = next;
    group.current?.setAttribute('transform', `translate(${next.x} ${next.y}) scale(${next.k})`);
    const root = svg.current;
    if (root) {
      root.style.transform = '';
      root.style.setProperty('--map-inv', String(1 / next.k));
    }
    drawnLatest.current?.(next);
  }, [svg, group]);

  const apply = useCallback((next: MapTransform, mine: boolean) => {
    transform.current = next;
    const root = svg.current;
    const box = root?.parentElement;
    if (root && box && next.k === drawn.current.k) {
      const { scale } = frameFit(box.clientWidth, box.clientHeight);
      root.style.transform = `translate(${(next.x - drawn.current.x) * scale}px, ${(next.y - drawn.current.y) * scale}px)`;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(settle, SETTLE_MS);
    } else settle();
    latest.current(next, mine);
  }, [svg, settle]);

  // Measured on the <svg>'s box (its parent), which a pending pan's translate does not move.
  const toFrame = useCallback((clientX: number, clientY: number): MapXY => {
    const box = svg.current?.parentElement;
    if (!box) return { x: clientX, y: clientY };
    const rect = box.getBoundingClientRect();
    return boxToFrame(rect.width, rect.height, clientX - rect.left, clientY - rect.top);
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
    return () => {
      root.removeEventListener('wheel', onWheel);
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, [svg, apply, toFrame]);

  return { transform, apply, settle, toFrame };
}
