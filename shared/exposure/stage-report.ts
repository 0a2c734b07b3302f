import { EU_MEMBERS } from '../board/countries';
import { isPseudoOrigin } from './node-table';
import { dict } from './dict';
import type { SparseStore } from './sparse';
import type { StageReport } from './types';

/** The share above which one country outside the EU-27 breaches the CRMA benchmark. */
export const BENCHMARK_SHARE = 0.65;
/** Shares closer than this are equal: floating-point noise must not pick a top country or flip the benchmark. */
const NOISE = 1e-12;

/** Shares, HHI and top country of one stage mix; pseudo-origins are reported but left out of HHI and top. */
export function stageReport(mixes: SparseStore, v: number, keyNames: readonly string[]): StageReport {
  const shares = dict<number>();
  let hhi = 0;
  let topKey = -1;
  let topShare = 0;
  const end = mixes.start[v] + mixes.length[v];
  for (let i = mixes.start[v]; i < end; i++) {
    const key = mixes.keys[i];
    const share = mixes.values[i];
    shares[keyNames[key]] = share;
    if (isPseudoOrigin(key)) continue;
    hhi += (100 * share) ** 2;
    const tie = Math.abs(share - topShare) <= NOISE;
    if ((share > topShare && !tie) || (tie && (topKey < 0 || keyNames[key] < keyNames[topKey]))) {
      topKey = key;
      topShare = share;
    }
  }
  return { shares, hhi: Math.min(hhi, 10000), top: topKey < 0 ? null : { country: keyNames[topKey], share: topShare } };
}

/** Whether one country outside the EU-27 holds more than 65 % of the stage. */
export function breachesBenchmark(stage: StageReport): boolean {
  return stage.top !== null && stage.top.share > BENCHMARK_SHARE + NOISE && !EU_MEMBERS.has(stage.top.country);
}
