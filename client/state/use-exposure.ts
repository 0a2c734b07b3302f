/** Recomputes exposure whenever the board changes: in a Web Worker when the browser has one. */
import { startTransition, useLayoutEffect, useRef, useState } from 'react';
import type { Board } from '../../shared/board/types';
import type { ExposureClient } from './exposure-client';
import type { ExposureState } from './types';

/** The exposure of `board`, updated after each change (only the latest result is shown). */
export function useExposure(board: Board | null): ExposureState {
  const [state, setState] = useState<ExposureState>({ report: null, computeMs: 0, adaptedPending: false });
  // undefined while the worker's client is loading (its own chunk), null when the browser has no worker.
  const client = useRef<ExposureClient | null | undefined>(undefined);
  const latest = useRef(board);
  latest.current = board;
  const [noWorker, setNoWorker] = useState(false);
  useLayoutEffect(() => {
    let live = true;
    let worker: Worker | null = null;
    void import('./exposure-client').then(({ ExposureClient, startWorker }) => {
      if (!live) return;
      worker = startWorker();
      // A transition: the figures re-render the canvas and the panels in slices that yield to typing and frames.
      client.current = worker ? new ExposureClient(worker, (next) => startTransition(() => setState(next))) : null;
      if (client.current && latest.current) client.current.update(latest.current);
      if (!worker) setNoWorker(true);
    });
    return () => {
      live = false;
      worker?.terminate();
      client.current = undefined;
    };
  }, []);
  // A layout effect posts right after the commit, so the worker computes while the page paints.
  useLayoutEffect(() => {
    if (!board || client.current === undefined) return;
    if (client.current) {
      client.current.update(board);
      return;
    }
    // No worker (an old browser): the engine is loaded on demand and runs on the page.
    let current = true;
    void import('../../shared/exposure/engine').then(({ computeExposure }) => {
      if (!current) return;
      const started = performance.now();
      const report = computeExposure(board);
      setState({ report, computeMs: performance.now() - started, adaptedPending: false });
    });
    return () => {
      current = false;
    };
  }, [board, noWorker]);
  return state;
}
