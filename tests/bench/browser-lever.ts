/**
 * Browser bench part: from a lever toggle in browser A to the immediate and then the adapted figures
 * (after rerouting) in browser B, over 30 toggles; and the longest frame in A while its worker solves.
 */
import type { Page } from 'playwright-core';
import { stopFrames, watchFrames } from './frames';

const TOGGLES = 30;

/** What one run of toggles measured. */
export interface LeverResult {
  immediate: number[];
  adapted: number[];
  /** A's longest frame (the gap between two animation frames) while the toggles ran. */
  longestFrameMs: number;
  /** Every frame gap in A meanwhile, ms (for the p99 and the count over 50 ms). */
  frames: number[];
}

/** Toggles the lever in `page` (as a person would, through the board's actions). */
async function toggle(page: Page, leverId: string): Promise<number> {
  return page.evaluate((id) => {
    type L = { __lodestone: { state: { board: { scenario: { disruptions: { id: string; enabled: boolean }[] } } }; actions: { updateLever(id: string, c: object): void } } };
    const l = (window as unknown as L).__lodestone;
    const lever = l.state.board.scenario.disruptions.find((d) => d.id === id)!;
    const t = performance.timeOrigin + performance.now();
    l.actions.updateLever(id, { enabled: !lever.enabled });
    return t;
  }, leverId);
}

/**
 * A's frames while only A is open and its own worker solves 30 toggles (each waits for A's adapted figures):
 * on a 2-core machine, B's renderer and worker otherwise take A's core while they solve the same toggle.
 */
export async function leverFramesAlone(a: Page, leverId: string): Promise<{ longestFrameMs: number; frames: number[] }> {
  type Seen = { __before: unknown; __lodestone: { exposure: { adaptedPending?: boolean } } };
  await watchFrames(a);
  for (let i = 0; i < TOGGLES; i++) {
    await a.evaluate(() => {
      const w = window as unknown as Seen;
      w.__before = w.__lodestone.exposure;
    });
    await toggle(a, leverId);
    await a.waitForFunction(() => {
      const w = window as unknown as Seen;
      return w.__lodestone.exposure !== w.__before && w.__lodestone.exposure.adaptedPending === false;
    }, undefined, { timeout: 30_000, polling: 'raf' });
  }
  return stopFrames(a);
}

/** Milliseconds per toggle until B shows the immediate figures and until it shows the adapted ones; A's frames meanwhile. */
export async function leverToAdapted(a: Page, b: Page, leverId: string): Promise<LeverResult> {
  const immediate: number[] = [];
  const adapted: number[] = [];
  await watchFrames(a);
  for (let i = 0; i < TOGGLES; i++) {
    // B records when a new exposure state arrives (immediate, pending) and when the adapted one follows.
    const seen = b.evaluate(() => new Promise<[number, number]>((resolve) => {
      type L = { __lodestone: { exposure: { adaptedPending?: boolean } } };
      const before = (window as unknown as L).__lodestone.exposure;
      let first = 0;
      const check = () => {
        const now = (window as unknown as L).__lodestone.exposure;
        const t = performance.timeOrigin + performance.now();
        if (now !== before && first === 0) first = t;
        if (now !== before && now.adaptedPending === false) resolve([first, t]);
        else requestAnimationFrame(check);
      };
      check();
    }));
    const sent = await toggle(a, leverId);
    const [first, done] = await seen;
    immediate.push(first - sent);
    adapted.push(done - sent);
  }
  const { longestFrameMs, frames } = await stopFrames(a);
  return { immediate, adapted, longestFrameMs, frames };
}
