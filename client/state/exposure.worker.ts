/** Web Worker: computes exposure off the main thread with the shared engine. */
import { ExposureEngine } from '../../shared/exposure/engine';

const engine = new ExposureEngine();

self.onmessage = (event: MessageEvent<{ id: number; board: unknown }>) => {
  const started = performance.now();
  engine.load(event.data.board);
  const report = engine.report();
  (self as unknown as Worker).postMessage({ id: event.data.id, report, computeMs: performance.now() - started });
};
