/** Browser bench helper: the gaps between a page's animation frames, recorded in the page. */
import type { Page } from 'playwright-core';

/** Starts recording every animation frame gap in `page`. */
export async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __watch: boolean; __gaps: number[] };
    w.__longest = 0;
    w.__watch = true;
    w.__gaps = [];
    let last = performance.now();
    const tick = (t: number) => {
      w.__longest = Math.max(w.__longest, t - last);
      w.__gaps.push(t - last);
      last = t;
      if (w.__watch) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops recording; the longest gap and all of them (the first runs from the start of recording to the first frame). */
export async function stopFrames(page: Page): Promise<{ longestFrameMs: number; frames: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __longest: number; __watch: boolean; __gaps: number[] };
    w.__watch = false;
    return { longestFrameMs: w.__longest, frames: w.__gaps };
  });
}
