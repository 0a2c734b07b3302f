/** The EU CRMA 2030 benchmarks of one mineral: extraction, processing and recycling capacity against 10/40/25 % of EU consumption, and the largest third country per stage against 65 %. */
import { FormattedMessage, useIntl } from 'react-intl';
import type { CrmaReport } from '../../../shared/exposure/types';
import { useFormats } from '../../i18n/format';
import { countryName } from '../board-words';
import { Figure } from './Figure';

/** Props of CrmaDashboard. */
export interface CrmaDashboardProps {
  mineral: string;
  crma: CrmaReport | null;
}

const CAPACITY = [
  { key: 'extraction', target: 0.1 },
  { key: 'processing', target: 0.4 },
  { key: 'recycling', target: 0.25 },
] as const;
const STAGES = ['mining', 'refining', 'manufacturing'] as const;
const LIMIT = 0.65;

function Gauge({ share, target, over }: { share: number; target: number; over: boolean }) {
  // The bar's full width is twice the benchmark (or the share, when larger), so the mark sits in view.
  const scale = Math.max(2 * target, share, 0.0001);
  return (
    <span className="crma-gauge" aria-hidden="true">
      <span className={`crma-fill${over ? ' bad' : ' good'}`} style={{ width: `${Math.min(100, (100 * share) / scale)}%` }} />
      <span className="crma-mark" style={{ left: `${(100 * target) / scale}%` }} />
    </span>
  );
}

/** One bar per capacity benchmark and per stage, each with "met" or "not met" in words. */
export function CrmaDashboard({ mineral, crma }: CrmaDashboardProps) {
  const intl = useIntl();
  const f = useFormats();
  const m = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.crma.${id}` }, { mineral, ...values });
  const verdict = (met: boolean) => <span className={`crma-verdict ${met ? 'met' : 'not-met'}`}>{m(met ? 'met' : 'notMet')}</span>;
  return (
    <section className="crma" aria-label={m('label')} data-testid={`crma-${mineral}`}>
      <h3>{m('title')}</h3>
      {crma === null ? <p className="muted">{m('none')}</p> : (
        <>
          <p className="muted">
            <FormattedMessage id="panels.crma.consumption" values={{ amount: <Figure field="euConsumption" value={crma.euConsumption}>{f.perYear(crma.euConsumption)}</Figure> }} />
          </p>
          <ul className="crma-rows">
            {CAPACITY.map(({ key, target }) => {
              const met = crma.meets[key];
              return (
                <li key={key} data-benchmark={key} data-met={met ? 'true' : 'false'}>
                  <span className="crma-name">{m(key)}</span>
                  <Gauge share={crma[key]} target={target} over={!met} />
                  <span>
                    <FormattedMessage id="panels.crma.ofTarget" values={{ share: <Figure field={`crma-${key}`} value={crma[key]}>{f.percent(crma[key])}</Figure>, target: f.percent(target) }} />
                  </span>
                  {verdict(met)}
                </li>
              );
            })}
            {STAGES.filter((s) => s in crma.thirdCountry).map((stage) => {
              const top = crma.thirdCountry[stage] ?? null;
              const share = top?.share ?? 0;
              const met = share <= LIMIT;
              return (
                <li key={stage} data-benchmark={`third-${stage}`} data-met={met ? 'true' : 'false'}>
                  <span className="crma-name">{m('thirdCountry', { stage: intl.formatMessage({ id: `panels.stage.${stage}` }) })}</span>
                  <Gauge share={share} target={LIMIT} over={!met} />
                  <span>
                    {top === null ? m('noThird') : (
                      <FormattedMessage id="panels.crma.thirdShare" values={{
                        country: countryName(intl, top.country),
                        share: <Figure field={`crma-third-${stage}`} value={share}>{f.percent(share)}</Figure>,
                        limit: f.percent(LIMIT),
                      }} />
                    )}
                  </span>
                  {verdict(met)}
                </li>
              );
            })}
          </ul>
          <p className="crma-summary" data-field="crma-thirdCountry" data-value={JSON.stringify(crma.meets.thirdCountry)}>
            {m(crma.meets.thirdCountry ? 'summaryMet' : 'summaryNotMet', { limit: f.percent(LIMIT) })}
          </p>
        </>
      )}
    </section>
  );
}
