/** Runs the real `server/index.ts` entry point as a child process (for crash and signal tests). */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root (the child's cwd). */
export const ROOT = join(import.meta.dirname, '../..');

/** A fixed token secret, so tokens stay valid across restarts of the child. */
export const CHILD_SECRET = 'lodestone-child-test-secret-32ch';

/** How a child process ended. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A server child process. */
export interface ChildServer {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  port: number;
  env: Record<string, string>;
  /** Resolves when the process has exited. */
  exited: Promise<ChildExit>;
  stdout(): string;
  stderr(): string;
}

const running = new Set<ChildProcess>();

/** A TCP port that was free a moment ago (the OS picks it; we close it and hand it out). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The parent's environment without any Lodestone setting, so only what a test passes applies. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (key.startsWith('LODESTONE_') || key === 'DATABASE_URL' || key === 'REDIS_URL' || key === 'PORT' || key === 'HOST' || key === 'LOG_LEVEL') continue;
    env[key] = value;
  }
  return env;
}

/** Spawns `node --import tsx server/index.ts` with the given settings (not waiting for it). */
export function spawnServer(env: Record<string, string>): { child: ChildProcess; exited: Promise<ChildExit>; stdout(): string; stderr(): string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited, stdout: () => out, stderr: () => err };
}

/** Starts the server child and resolves once it printed "Lodestone is running at ...". */
export async function startChildServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildServer> {
  const spawned = spawnServer(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      spawned.child.kill('SIGKILL');
      reject(new Error(`server child did not start within ${timeoutMs} ms; stderr: ${spawned.stderr()}`));
    }, timeoutMs);
    const check = () => {
      const match = /Lodestone is running at (http:\/\/[^\s/]+)\//.exec(spawned.stdout());
      if (match) {
        clearTimeout(timer);
        spawned.child.stdout!.off('data', check);
        resolve(match[1]);
      }
    };
    spawned.child.stdout!.on('data', check);
    void spawned.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server child exited before it was ready (code ${code}, signal ${signal}); stderr: ${spawned.stderr()}`));
    });
  });
  return { ...spawned, url, wsUrl: `${url.replace('http', 'ws')}/ws`, port: Number(new URL(url).port), env };
}

/** SIGKILLs every child still running (for afterEach/afterAll, also when a test failed). */
export async function killAllChildren(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/**
 * Starts the server child again on the same settings (same storage, same port). Should another
 * process have taken the port meanwhile (a parallel test file listening on port 0 may be handed
 * it), it retries once on a fresh port: what matters to callers is the storage, and clients use
 * the returned url.
 */
export async function restartChildServer(env: Record<string, string>): Promise<ChildServer> {
  try {
    return await startChildServer(env);
  } catch (error) {
    if (!/EADDRINUSE/.test((error as Error).message)) throw error;
    return startChildServer({ ...env, PORT: String(await freePort()) });
  }
}
