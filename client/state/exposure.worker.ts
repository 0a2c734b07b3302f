/**
 * Web Worker: computes exposure off the main thread (see ExposureCore). The adapted phase runs in a task
 * of its own after the immediate reply, and is skipped when a newer request arrived meanwhile.
 */
import { ExposureCore } from './exposure-core';
import type { ExposureRequest } from './exposure-protocol';

const core = new ExposureCore();
const post = (message: unknown) => (self as unknown as Worker).postMessage(message);
let pending: ReturnType<typeof setTimeout> | null = null;

self.onmessage = (event: MessageEvent<ExposureRequest>) => {
  if (pending !== null) clearTimeout(pending);
  post(core.handle(event.data));
  pending = setTimeout(() => {
    pending = null;
    const adapted = core.adapted();
    if (adapted !== null) post(adapted);
  }, 0);
};
