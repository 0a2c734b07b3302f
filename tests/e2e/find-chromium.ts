/**
 * Which Chromium the browser tests and the browser bench drive. Run as a script (`npm test` does, before
 * anything else) it checks that one is there: it prints the path, or installs Debian's `chromium` when it
 * runs as root on a machine with apt-get, or stops at once with the one command that fixes it.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where Debian and Ubuntu put Chromium, in the order they are tried. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/** The command a person runs to get the Chromium the tests expect. */
export const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

/** What the machine offers, as the plan sees it. */
export interface ChromiumMachine {
  /** CHROMIUM_PATH, when set. */
  configured: string | undefined;
  isRoot: boolean;
  hasAptGet: boolean;
  isExecutable(path: string): boolean;
}

/** What to do: use a path, install Debian's package, or stop with a sentence. */
export type ChromiumPlan = { kind: 'use'; path: string } | { kind: 'install' } | { kind: 'stop'; message: string };

/** Decides from the machine what to do (pure). A CHROMIUM_PATH that is not there is an error, never replaced. */
export function planChromium(machine: ChromiumMachine): ChromiumPlan {
  if (machine.configured) {
    if (machine.isExecutable(machine.configured)) return { kind: 'use', path: machine.configured };
    return { kind: 'stop', message: `CHROMIUM_PATH is set to ${machine.configured}, which is not an executable file. Point it at a Chromium binary, or unset it and run: ${INSTALL_COMMAND}` };
  }
  const found = CHROMIUM_CANDIDATES.find((path) => machine.isExecutable(path));
  if (found) return { kind: 'use', path: found };
  if (machine.isRoot && machine.hasAptGet) return { kind: 'install' };
  return { kind: 'stop', message: `The browser tests need Chromium, and none was found (looked for ${CHROMIUM_CANDIDATES.join(', ')}). Install it with: ${INSTALL_COMMAND} (or set CHROMIUM_PATH to a Chromium binary)` };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** This machine, as planChromium sees it. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): ChromiumMachine {
  return { configured: env.CHROMIUM_PATH || undefined, isRoot: process.getuid?.() === 0, hasAptGet: isExecutable('/usr/bin/apt-get'), isExecutable };
}

/** The Chromium to launch (CHROMIUM_PATH, or the first candidate found; the first candidate when none is, so the launch error names it). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const plan = planChromium(thisMachine(env));
  return plan.kind === 'use' ? plan.path : (env.CHROMIUM_PATH || CHROMIUM_CANDIDATES[0]);
}

function main(): void {
  let plan = planChromium(thisMachine());
  if (plan.kind === 'install') {
    process.stderr.write('find-chromium: no Chromium found; installing Debian\'s chromium package (running as root)\n');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (error) {
      process.stderr.write(`find-chromium: installing chromium failed (${(error as Error).message}). Install it with: ${INSTALL_COMMAND}\n`);
      process.exit(1);
    }
    plan = planChromium({ ...thisMachine(), isRoot: false });
  }
  if (plan.kind !== 'use') {
    process.stderr.write(`find-chromium: ${plan.kind === 'stop' ? plan.message : 'no Chromium after installing it'}\n`);
    process.exit(1);
  }
  process.stdout.write(`find-chromium: ${plan.path}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
