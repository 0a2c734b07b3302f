/** Health, readiness and Prometheus metrics. */
import { Router } from 'express';
import type { Metrics } from '../ops/metrics';
import type { BoardBus } from '../scale/board-bus';
import type { Storage } from '../storage/storage';

const READY_TIMEOUT_MS = 2000;

/** Resolves with null when check() answers in time, else with the reason it did not. */
async function problem(check: () => Promise<void>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)))]);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz` (the process serves), `/readyz` (storage and, with scale-out, Redis answer), `/metrics`. */
export function opsRoutes(storage: Storage, bus: BoardBus, metrics: Metrics): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => void res.json({ ok: true }));
  r.get('/readyz', async (_req, res) => {
    const [storageProblem, busProblem] = await Promise.all([problem(() => storage.ping()), bus.shared ? problem(() => bus.ping()) : null]);
    const shared = bus.shared ? { bus: bus.kind, instance: bus.instanceId } : {};
    if (storageProblem === null && busProblem === null) return void res.json({ ready: true, storage: storage.kind, ...shared });
    const errors = [
      ...(storageProblem !== null ? [`storage (${storage.kind}) is not answering: ${storageProblem}`] : []),
      ...(busProblem !== null ? [`bus (${bus.kind}) is not answering: ${busProblem}`] : []),
    ];
    res.status(503).json({ ready: false, error: errors.join('; '), code: 'not-ready', ...shared });
  });
  r.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return r;
}
