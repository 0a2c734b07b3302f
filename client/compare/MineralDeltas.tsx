/** The comparison's v2 figures per mineral (after rerouting, stockpile sizing, delay gap, CRMA processing) and the price floors' costs, before and after. */
import type { MineralDelta, PriceFloorDelta } from '../../shared/exposure/compare';
import { percent, tonnes } from '../state/look';

/** Props of MineralDeltas. */
export interface MineralDeltasProps {
  minerals: readonly MineralDelta[];
  floors: readonly PriceFloorDelta[];
  fromLabel: string;
  toLabel: string;
}

const ROWS = [
  { key: 'reroutedShortfall', name: 'Shortfall after rerouting', unit: 't/yr' },
  { key: 'stockpileGap', name: 'Stockpile gap', unit: 't' },
  { key: 'pooledStock', name: 'Pooled stock (stress test)', unit: 't' },
  { key: 'separateStock', name: 'Separate stocks (stress test)', unit: 't' },
  { key: 'delayGap', name: 'Delay gap', unit: 't' },
] as const;

const num = (v: number | null | undefined, unit: string) => (v === null || v === undefined ? '—' : `${tonnes(v).replace(/ t$/, '')} ${unit}`);
const signed = (v: number, unit: string) => `${v > 0 ? '+' : ''}${num(v, unit)}`;
const usd = (v: number | null) => (v === null ? '—' : `USD ${Math.round(v).toLocaleString('en-US')}`);

/** One small table per mineral, and one for the price floors. */
export function MineralDeltas({ minerals, floors, fromLabel, toLabel }: MineralDeltasProps) {
  if (minerals.length === 0 && floors.length === 0) return null;
  return (
    <div className="ls-fac-table-wrap" data-testid="mineral-deltas">
      <table className="ls-fac-table" aria-label="Rerouting, stockpile sizing and CRMA before and after">
        <thead><tr><th scope="col">Mineral</th><th scope="col">Figure</th><th scope="col">{fromLabel}</th><th scope="col">{toLabel}</th><th scope="col">Change</th></tr></thead>
        <tbody>
          {minerals.flatMap((m) => [
            ...ROWS.map(({ key, name, unit }) => (
              <tr key={`${m.mineral}-${key}`} data-mineral={m.mineral} data-figure={key}>
                <th scope="row">{m.mineral}</th><td>{name}</td><td>{num(m.before?.[key], unit)}</td><td>{num(m.after?.[key], unit)}</td>
                <td data-field={`${key}-delta`} data-value={JSON.stringify(m.delta[key])}>{signed(m.delta[key], unit)}</td>
              </tr>
            )),
            <tr key={`${m.mineral}-crma`} data-mineral={m.mineral} data-figure="crma">
              <th scope="row">{m.mineral}</th><td>EU processing capacity (CRMA, 40 %)</td>
              <td>{m.before?.crmaProcessing == null ? '—' : percent(m.before.crmaProcessing)}</td>
              <td>{m.after?.crmaProcessing == null ? '—' : percent(m.after.crmaProcessing)}</td>
              <td>{m.after?.crmaMeetsAll == null ? '' : m.after.crmaMeetsAll ? 'all benchmarks met' : 'not all benchmarks met'}</td>
            </tr>,
          ])}
          {floors.map((f) => (
            <tr key={`floor-${f.id}`} data-floor={f.id}>
              <th scope="row">Price floor</th><td>{f.id}: annual cost</td><td>{usd(f.before)}</td><td>{usd(f.after)}</td>
              <td data-field="floor-cost-delta" data-value={JSON.stringify(f.delta)}>{`${f.delta > 0 ? '+' : ''}${usd(f.delta)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
