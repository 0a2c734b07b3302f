import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/app';
import { readConfig } from '../../../server/config';

describe('the built client as served', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lodestone-static-'));
    const client = join(dir, 'client');
    mkdirSync(join(client, 'assets'), { recursive: true });
    writeFileSync(join(client, 'index.html'), '<!doctype html><title>Lodestone</title>');
    writeFileSync(join(client, 'sw.js'), "self.addEventListener('fetch', () => {});");
    writeFileSync(join(client, 'assets', 'index-abc123.js'), 'console.log(1);');
    server = await startServer(readConfig({ LOG_LEVEL: 'silent', PORT: '0', LODESTONE_DB: join(dir, 'lodestone.db') }, client));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the service worker as JavaScript that is always revalidated', async () => {
    const res = await fetch(`${server.url}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('addEventListener');
  });

  it('sends the page (also for a board address) with no long cache', async () => {
    for (const path of ['/', '/b/some-board']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const res = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
