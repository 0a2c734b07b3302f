/** The EU CRMA 2030 benchmarks of one mineral: extraction, processing and recycling capacity against 10/40/25 % of EU consumption, and the largest third country per stage against 65 %. */
import type { CrmaReport } from '../../../shared/exposure/types';
import { percent, tonnes } from '../../state/look';
import { countryName } from '../board-words';
import { Figure } from './Figure';

/** Props of CrmaDashboard. */
export interface CrmaDashboardProps {
  mineral: string;
  crma: CrmaReport | null;
}

const CAPACITY = [
  { key: 'extraction', name: 'Extraction', target: 0.1 },
  { key: 'processing', name: 'Processing', target: 0.4 },
  { key: 'recycling', name: 'Recycling', target: 0.25 },
] as const;
const STAGES = { mining: 'Mining', refining: 'Refining', manufacturing: 'Manufacturing' } as const;
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
  return (
    <section className="crma" aria-label={`EU CRMA 2030 benchmarks for ${mineral}`} data-testid={`crma-${mineral}`}>
      <h3>EU CRMA 2030 benchmarks</h3>
      {crma === null ? <p className="muted">No EU consumer of {mineral} on this board: the benchmarks do not apply.</p> : (
        <>
          <p className="muted">EU consumption <Figure field="euConsumption" value={crma.euConsumption}>{tonnes(crma.euConsumption)}/yr</Figure>; EU capacity as a share of it.</p>
          <ul className="crma-rows">
            {CAPACITY.map(({ key, name, target }) => {
              const met = crma.meets[key];
              return (
                <li key={key} data-benchmark={key} data-met={met ? 'true' : 'false'}>
                  <span className="crma-name">{name}</span>
                  <Gauge share={crma[key]} target={target} over={!met} />
                  <span><Figure field={`crma-${key}`} value={crma[key]}>{percent(crma[key])}</Figure> of {percent(target)}</span>
                  <span className={`crma-verdict ${met ? 'met' : 'not-met'}`}>{met ? 'met' : 'not met'}</span>
                </li>
              );
            })}
            {(Object.keys(STAGES) as (keyof typeof STAGES)[]).filter((s) => s in crma.thirdCountry).map((stage) => {
              const top = crma.thirdCountry[stage] ?? null;
              const share = top?.share ?? 0;
              const met = share <= LIMIT;
              return (
                <li key={stage} data-benchmark={`third-${stage}`} data-met={met ? 'true' : 'false'}>
                  <span className="crma-name">{STAGES[stage]}: largest third country</span>
                  <Gauge share={share} target={LIMIT} over={!met} />
                  <span>{top === null ? 'none' : <>{countryName(top.country)} <Figure field={`crma-third-${stage}`} value={share}>{percent(share)}</Figure></>} of at most 65 %</span>
                  <span className={`crma-verdict ${met ? 'met' : 'not-met'}`}>{met ? 'met' : 'not met'}</span>
                </li>
              );
            })}
          </ul>
          <p className="crma-summary" data-field="crma-thirdCountry" data-value={JSON.stringify(crma.meets.thirdCountry)}>
            {crma.meets.thirdCountry ? 'No third country supplies more than 65 % of any stage: met.' : 'One third country supplies more than 65 % of a stage: not met.'}
          </p>
        </>
      )}
    </section>
  );
}
