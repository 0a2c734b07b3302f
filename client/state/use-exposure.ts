/** Recomputes exposure whenever the board changes: in a Web Worker when the browser has one. */
import { useEffect, useRef, useState } from 'react';
import type { Board } from '../../shared/board/types';
import { computeExposure } from '../../shared/exposure/engine';
import type { ExposureReport } from '../../shared/exposure/types';
import type { ExposureState } from './types';

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./exposure.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** The exposure of `board`, updated after each change (only the latest result is kept). */
export function useExposure(board: Board | null): ExposureState {
  const [state, setState] = useState<ExposureState>({ report: null, computeMs: 0 });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const w = startWorker();
    worker.current = w;
    if (w) {
      w.onmessage = (event: MessageEvent<{ id: number; report: ExposureReport; computeMs: number }>) => {
        if (event.data.id === latest.current) setState({ report: event.data.report, computeMs: event.data.computeMs });
      };
    }
    return () => {
      w?.terminate();
      worker.current = null;
    };
  }, []);
  useEffect(() => {
    if (!board) return;
    const id = ++latest.current;
    if (worker.current) {
      worker.current.postMessage({ id, board });
      return;
    }
    const started = performance.now();
    const report = computeExposure(board);
    setState({ report, computeMs: performance.now() - started });
  }, [board]);
  return state;
}
