/** LODESTONE_V8_TIERING: `fast` makes V8 optimise a hot function after fewer calls than its defaults, set at run time. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';

/** Calls a small function in a fresh process with the given tiering until TurboFan compiled it; returns the count. */
function callsUntilOptimised(tiering: string): number {
  const script = join(import.meta.dirname, 'fixtures/tier-up-count.ts');
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', '--import', 'tsx', script, tiering], { encoding: 'utf8' });
  const [calls, ok] = out.trim().split(' ');
  expect(ok, out).toBe('ok');
  return Number(calls);
}

describe('V8 tiering', () => {
  it('fast tiering optimises a hot function in under half the calls V8 needs by default', () => {
    const fast = callsUntilOptimised('fast');
    const standard = callsUntilOptimised('default');
    expect(fast).toBeGreaterThan(0);
    expect(standard).toBeLessThan(1_000_000);
    expect(fast * 2).toBeLessThan(standard);
  });

  it('is fast unless LODESTONE_V8_TIERING says default, and names the variable when it is neither', () => {
    const secret = 'a'.repeat(32);
    expect(readConfig({ LODESTONE_SECRET: secret }, null).v8Tiering).toBe('fast');
    expect(readConfig({ LODESTONE_SECRET: secret, LODESTONE_V8_TIERING: 'default' }, null).v8Tiering).toBe('default');
    expect(() => readConfig({ LODESTONE_SECRET: secret, LODESTONE_V8_TIERING: 'turbo' }, null)).toThrow(/LODESTONE_V8_TIERING/);
  });
});
