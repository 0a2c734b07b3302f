/** The production build (`npm start`) does not publish `window.__lodestone`; the test build (e2e, browser bench) does. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function bundleText(mode: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `lodestone-build-${mode}-`));
  dirs.push(outDir);
  await build({ configFile: join(import.meta.dirname, '../../vite.config.ts'), mode, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const assets = join(outDir, 'assets');
  return readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
}

describe('test hooks in the client build', () => {
  it('are absent from the production build and present in the test build', async () => {
    expect(await bundleText('production')).not.toContain('__lodestone');
    expect(await bundleText('test')).toContain('__lodestone');
  }, 240_000);
});
