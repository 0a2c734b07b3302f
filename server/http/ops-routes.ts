/** Health, readiness and Prometheus metrics. */
import { Router } from 'express';
import type { Metrics } from '../ops/metrics';
import type { Storage } from '../storage/storage';

const READY_TIMEOUT_MS = 2000;

/** `/healthz` (the process serves), `/readyz` (storage answers), `/metrics`. */
export function opsRoutes(storage: Storage, metrics: Metrics): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => void res.json({ ok: true }));
  r.get('/readyz', async (_req, res) => {
    try {
      await Promise.race([storage.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS).unref())]);
      res.json({ ready: true, storage: storage.kind });
    } catch (error) {
      res.status(503).json({ ready: false, error: `storage (${storage.kind}) is not answering: ${(error as Error).message}` });
    }
  });
  r.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return r;
}
