/** The exposure panel's verdicts and their one-line explanations, in one place. */
import type { ConsumerReport, RerouteConsumer } from '../../../shared/exposure/types';
import { ZERO_TOLERANCE } from '../../../shared/exposure/types';

/** The tone of a verdict badge. */
export type Tone = 'ok' | 'bad' | 'warn' | 'calm';

/** A consumer's verdict: the badge text, its tone and a sentence that says what it means. */
export interface Verdict {
  text: string;
  tone: Tone;
  explain: string;
}

/** The verdict of a consumer under the scenario: a shortfall against plan decides; without one, a gap against demand still shows. */
export function verdict(c: Pick<ConsumerReport, 'shortfall' | 'survives' | 'demandGap'>): Verdict {
  if (c.shortfall > ZERO_TOLERANCE) {
    return c.survives
      ? { text: 'survives', tone: 'ok', explain: 'Survives: its stock lasts at least as long as the disruption (time to survive against time to recover), so the shortfall is bridged.' }
      : { text: 'does not survive', tone: 'bad', explain: 'Does not survive: its stock runs out before the disruption ends.' };
  }
  if (c.demandGap > ZERO_TOLERANCE) {
    return { text: 'short of demand', tone: 'warn', explain: 'Short of demand: nothing planned is cut, but the plan delivers less than this consumer needs.' };
  }
  return { text: 'no shortfall', tone: 'calm', explain: 'No shortfall: it receives all its planned supply, and that meets its demand.' };
}

/** The verdict after rerouting; the demand gap then is demand minus the rerouted delivery. */
export function adaptedVerdict(r: RerouteConsumer, demand: number): string {
  if (r.shortfall <= ZERO_TOLERANCE) return demand - r.delivered > ZERO_TOLERANCE ? 'short of demand' : 'no shortfall';
  return r.survives ? 'survives' : 'does not survive';
}

/** Column and row headings of the immediate / adapted table. */
export const ADAPTED_WORDS = {
  caption: 'Immediate impact against the adapted one, after rerouting through spare and alternative capacity',
  immediate: 'Immediate',
  adapted: 'After rerouting',
  pending: 'updating…',
  missing: 'being computed…',
  delivered: 'Delivered',
  shortfall: 'Shortfall',
  stockDays: 'Stock lasts',
  survives: 'Survives',
  stockNeeded: 'Stock needed',
} as const;
