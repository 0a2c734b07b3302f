import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'lodestone-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run --silent exposure -- [options] FILE` as a person would. */
async function exposure(file: string, ...options: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'exposure', '--', ...options, file], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const stderrLines = (stderr: string) => stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));

describe('npm run exposure', () => {
  it('prints the exposure report of a seed board as JSON', async () => {
    const run = await exposure(join(ROOT, 'seeds/africa-corridors.json'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report.minerals)).toContain('cobalt');
    expect(report.warnings).toEqual([]);
    expect(report.minerals.cobalt.reroute).toBeDefined();
    expect(report.minerals.cobalt.stressTest).toBeDefined();
    expect(report.priceFloors).toEqual(expect.any(Array));
  });

  it('skips rerouting and the stress test when asked, and refuses unknown options', async () => {
    const seed = join(ROOT, 'seeds/africa-corridors.json');
    const lean = JSON.parse((await exposure(seed, '--no-reroute', '--no-stress')).stdout);
    expect(lean.minerals.cobalt.reroute).toBeUndefined();
    expect(lean.minerals.cobalt.stressTest).toBeUndefined();
    expect(lean.minerals.cobalt.consumers).toEqual(JSON.parse((await exposure(seed)).stdout).minerals.cobalt.consumers);
    const odd = await exposure(seed, '--fast');
    expect(odd.code).toBe(2);
    expect(stderrLines(odd.stderr)).toEqual([expect.stringMatching(/unknown option --fast/)]);
  });

  it('exits 2 with a one-line reason for a file that is not JSON', async () => {
    const run = await exposure(write('broken.json', '{"format": "lodestone.board",'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/is not JSON/);
  });

  it('exits 2 with a one-line reason for JSON that is not a v1 or v2 board', async () => {
    const run = await exposure(write('v3.json', JSON.stringify({ format: 'lodestone.board', version: 3, nodes: [], edges: [] })));
    expect(run.code).toBe(2);
    expect(stderrLines(run.stderr)).toEqual([expect.stringMatching(/not a Lodestone board \(v1 or v2\): version is 3, expected 1 or 2/)]);
  });

  it('exits 2 for a missing file', async () => {
    const run = await exposure(join(dir, 'missing.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read/);
  });

  it('still computes a board with bad items, listing warnings', async () => {
    const board = {
      format: 'lodestone.board', version: 1, title: 'bad items',
      nodes: [
        { id: 'm', kind: 'mine', label: 'm', country: 'AU', position: { x: 0, y: 0 } },
        { id: 'c', kind: 'consumer', label: 'c', country: 'DE', position: { x: 1, y: 0 }, demand: { lithium: 10 } },
        { id: 'q', kind: 'volcano', label: 'q', country: 'IS', position: { x: 1, y: 0 } },
      ],
      edges: [
        { id: 'e1', from: 'm', to: 'c', mineral: 'lithium', volume: 10 },
        { id: 'e2', from: 'm', to: 'ghost', mineral: 'lithium', volume: 5 },
        { id: 'e3', from: 'm', to: 'c', mineral: 'lithium', volume: -4 },
      ],
    };
    const run = await exposure(write('bad-items.json', JSON.stringify(board)));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.minerals.lithium.consumers.c.supplied).toBe(10);
    expect(report.warnings.map((w: { code: string; ref: string }) => `${w.code}:${w.ref}`).sort()).toEqual(['bad-number:e3', 'dangling-edge:e2', 'unknown-kind:q']);
    // Exactly the documented shape {code, message, ref}: the page's sentence keys and values stay out of the command.
    for (const warning of report.warnings) expect(Object.keys(warning).sort()).toEqual(['code', 'message', 'ref']);
  });
});
