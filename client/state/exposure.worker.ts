/** Web Worker: computes exposure off the main thread (see ExposureCore). */
import { ExposureCore } from './exposure-core';
import type { ExposureRequest } from './exposure-protocol';

const core = new ExposureCore();

self.onmessage = (event: MessageEvent<ExposureRequest>) => {
  (self as unknown as Worker).postMessage(core.handle(event.data));
};
