/**
 * The client build: the production build (`npm start`) does not publish `window.__lodestone` while the test
 * build (e2e, browser bench) does, and the board page's first scripts leave the charts, the layout, the
 * schemas, the image export and the engine to chunks loaded on demand, and weigh at most 633 kB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/** The most script the board page may load before it draws (kB). */
const FIRST_SCRIPTS_KB = 633;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

type Chunk = Rolldown.OutputChunk;

async function buildChunks(mode: string): Promise<Chunk[]> {
  const outDir = mkdtempSync(join(tmpdir(), `lodestone-build-${mode}-`));
  dirs.push(outDir);
  // vitest sets NODE_ENV=test, which would bundle React's development build: build as the npm scripts do.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const output = await build({ configFile: join(import.meta.dirname, '../../vite.config.ts'), mode, logLevel: 'silent', build: { outDir, emptyOutDir: true } }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output.filter((c): c is Chunk => c.type === 'chunk'));
}

/** The entry chunk and every chunk it imports statically: what the page loads before it draws. */
function firstScripts(chunks: Chunk[]): Chunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (c: Chunk) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const name of c.imports) if (byName.has(name)) visit(byName.get(name)!);
  };
  chunks.filter((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html')).forEach(visit);
  return [...seen].map((n) => byName.get(n)!);
}

const text = (chunks: Chunk[]) => chunks.map((c) => c.code).join('\n');

describe('client build', () => {
  it('publishes the test hooks in the test build only, and loads the heavy parts on demand', async () => {
    const production = await buildChunks('production');
    expect(text(production)).not.toContain('__lodestone');
    const first = firstScripts(production);
    expect(first.length).toBeGreaterThan(0);
    const modules = first.flatMap((c) => Object.keys(c.modules));
    expect(modules.some((m) => m.includes('node_modules/react-dom'))).toBe(true);
    for (const lazy of ['node_modules/@formatjs/icu-messageformat-parser/index.js', 'client/canvas/SearchBox.tsx', 'client/canvas/StickyNote.tsx', 'client/canvas/FarLayer.tsx', 'client/state/exposure-client.ts', 'client/i18n/catalogs/', 'node_modules/recharts', 'node_modules/@dagrejs/dagre', 'node_modules/zod', 'node_modules/html-to-image', 'shared/exposure/engine.ts', 'client/panels/ExposurePanel.tsx', 'node_modules/d3-geo', 'node_modules/world-atlas', 'node_modules/topojson-client', 'client/map/']) {
      expect(modules.filter((m) => m.includes(lazy)), lazy).toEqual([]);
    }
    const kb = first.reduce((sum, c) => sum + Buffer.byteLength(c.code), 0) / 1000;
    console.info(`client build: the board page's first scripts are ${kb.toFixed(0)} kB in ${first.length} files (${first.map((c) => c.fileName).join(", ")})`);
    // Issue #15: at most half of the 1,266 kB the board page loaded when it was one script.
    expect(kb).toBeLessThanOrEqual(FIRST_SCRIPTS_KB);
    expect(text(await buildChunks('test'))).toContain('__lodestone');
  }, 240_000);
});
