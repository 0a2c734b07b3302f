/** tests/e2e/find-chromium.ts: the browser tests find Chromium, install Debian's as root, or stop with the command that fixes it. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INSTALL_COMMAND, planChromium, type ChromiumMachine } from './find-chromium';

const machine = (over: Partial<ChromiumMachine> & { present?: string[] }): ChromiumMachine => ({
  configured: undefined, isRoot: false, hasAptGet: true, ...over, isExecutable: (path) => (over.present ?? []).includes(path),
});

describe('planChromium', () => {
  it('uses CHROMIUM_PATH when it is there, and the first Debian path otherwise', () => {
    expect(planChromium(machine({ configured: '/opt/c/chrome', present: ['/opt/c/chrome', '/usr/bin/chromium'] }))).toStrictEqual({ kind: 'use', path: '/opt/c/chrome' });
    expect(planChromium(machine({ present: ['/usr/bin/chromium-browser'] }))).toStrictEqual({ kind: 'use', path: '/usr/bin/chromium-browser' });
  });

  it('installs Debian\'s package only as root with apt-get, and otherwise stops with the command', () => {
    expect(planChromium(machine({ isRoot: true }))).toStrictEqual({ kind: 'install' });
    const stop = planChromium(machine({ isRoot: true, hasAptGet: false }));
    expect(stop.kind).toBe('stop');
    expect(stop.kind === 'stop' && stop.message).toContain(INSTALL_COMMAND);
    expect(planChromium(machine({})).kind).toBe('stop');
  });

  it('stops on a CHROMIUM_PATH that is not there instead of installing another', () => {
    const plan = planChromium(machine({ configured: '/nope/chromium', isRoot: true, present: ['/usr/bin/chromium'] }));
    expect(plan.kind === 'stop' && plan.message).toMatch(/CHROMIUM_PATH is set to \/nope\/chromium/);
  });
});

describe('the find-chromium script', () => {
  it('exits 1 at once with a sentence naming the fix when the configured Chromium is missing', () => {
    const script = fileURLToPath(new URL('../e2e/find-chromium.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, CHROMIUM_PATH: '/nope/chromium' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(INSTALL_COMMAND);
  });
});
