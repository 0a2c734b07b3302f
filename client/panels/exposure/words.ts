/** The exposure panel's verdicts and their one-line explanations, in the page's language. */
import type { IntlShape } from 'react-intl';
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

type VerdictKey = 'survives' | 'fails' | 'short' | 'none';

const said = (intl: IntlShape, key: VerdictKey, tone: Tone): Verdict => ({
  text: intl.formatMessage({ id: `panels.verdict.${key}` }),
  tone,
  explain: intl.formatMessage({ id: `panels.verdict.${key}.explain` }),
});

/** The verdict of a consumer under the scenario: a shortfall against plan decides; without one, a gap against demand still shows. */
export function verdict(intl: IntlShape, c: Pick<ConsumerReport, 'shortfall' | 'survives' | 'demandGap'>): Verdict {
  if (c.shortfall > ZERO_TOLERANCE) return c.survives ? said(intl, 'survives', 'ok') : said(intl, 'fails', 'bad');
  if (c.demandGap > ZERO_TOLERANCE) return said(intl, 'short', 'warn');
  return said(intl, 'none', 'calm');
}

/** The verdict after rerouting; the demand gap then is demand minus the rerouted delivery. */
export function adaptedVerdict(intl: IntlShape, r: RerouteConsumer, demand: number): string {
  const key: VerdictKey = r.shortfall <= ZERO_TOLERANCE ? (demand - r.delivered > ZERO_TOLERANCE ? 'short' : 'none') : r.survives ? 'survives' : 'fails';
  return intl.formatMessage({ id: `panels.verdict.${key}` });
}
