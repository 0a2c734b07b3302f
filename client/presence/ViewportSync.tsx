/**
 * Inside a React Flow: publishes where I look after I pan or zoom, and moves the view to follow someone.
 * Only moves I make are published (a fitted view stays "null" for others) and only those end following.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import type { ViewCenter } from '../../shared/presence/presence';
import { throttle } from '../canvas/throttle';
import { centerOf, sameCenter } from './view-center';

/** Milliseconds between two viewport broadcasts while I pan. */
export const VIEWPORT_MS = 80;
/** A viewport change this soon after my own wheel, pointer or key press is mine. */
const GESTURE_MS = 400;
const FIT = { padding: 0.12, maxZoom: 1.2 };

/** Props of ViewportSync. */
export interface ViewportSyncProps {
  /** Publishes my view centre after my own moves. */
  publish?(center: ViewCenter): void;
  /** Following: the view to show (null: the whole board fitted). Undefined: not following. */
  follow?: ViewCenter | null;
  /** I moved the view myself (e.g. to stop following). */
  onUserMove?(): void;
}

/** Renders nothing; keeps the viewport and presence in step. */
export function ViewportSync({ publish, follow, onUserMove }: ViewportSyncProps) {
  const rf = useReactFlow();
  const store = useStoreApi();
  const domNode = useStore((s) => s.domNode);
  const latest = useRef({ publish, onUserMove });
  latest.current = { publish, onUserMove };
  const gesture = useRef({ at: -Infinity, down: false, applying: false, sent: null as ViewCenter | null });

  useEffect(() => {
    if (!domNode) return;
    const g = gesture.current;
    const mark = () => {
      g.at = performance.now();
    };
    const down = () => {
      g.down = true;
      mark();
    };
    const up = () => {
      g.down = false;
      mark();
    };
    domNode.addEventListener('wheel', mark, { capture: true, passive: true });
    domNode.addEventListener('pointerdown', down, true);
    domNode.addEventListener('keydown', mark, true);
    window.addEventListener('pointerup', up, true);
    return () => {
      domNode.removeEventListener('wheel', mark, { capture: true });
      domNode.removeEventListener('pointerdown', down, true);
      domNode.removeEventListener('keydown', mark, true);
      window.removeEventListener('pointerup', up, true);
    };
  }, [domNode]);

  useEffect(() => {
    const g = gesture.current;
    const send = throttle<ViewCenter>((center) => {
      if (sameCenter(center, g.sent)) return;
      g.sent = center;
      latest.current.publish?.(center);
    }, VIEWPORT_MS);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.transform === previous.transform || g.applying) return;
      const mine = g.down || performance.now() - g.at < GESTURE_MS;
      if (!mine) return;
      latest.current.onUserMove?.();
      send(centerOf(state.transform, state.width, state.height));
    });
    return () => {
      unsubscribe();
      send.cancel();
    };
  }, [store]);

  const target = follow === undefined ? undefined : follow === null ? 'fit' : `${follow.x},${follow.y},${follow.zoom}`;
  useEffect(() => {
    if (target === undefined) return;
    const g = gesture.current;
    g.applying = true;
    const moved = follow ? rf.setCenter(follow.x, follow.y, { zoom: follow.zoom }) : rf.fitView(FIT);
    void Promise.resolve(moved).finally(() => {
      g.applying = false;
    });
    // `target` names the wanted view; `follow` changes identity on every awareness update.
  }, [target, rf]);

  return null;
}
