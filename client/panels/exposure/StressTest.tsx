/**
 * The stress test of one mineral: every lever run alone, as bars of the stockpile gap it leaves, with the
 * consumers that fail; separate national stocks against one pooled stock, the pooling gain and its cost.
 * A facilitator can add the pooled stock to a chosen stockpile in one undoable step.
 */
import { useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Board } from '../../../shared/board/types';
import type { StressTest as StressReport } from '../../../shared/exposure/types';
import { lazyPart } from '../../shell/lazy-part';
import { useFormats } from '../../i18n/format';
import { nodeLabel } from '../board-words';
import { Figure } from './Figure';
import type { StressChartBarsProps } from './StressChartBars';

const StressChartBars = lazyPart<StressChartBarsProps>(async () => (await import('./StressChartBars')).StressChartBars, <div aria-busy="true" style={{ height: 40 }} />);

/** Props of StressTest. */
export interface StressTestProps {
  board: Board;
  mineral: string;
  stress: StressReport;
  /** Market price USD/kg, or undefined. */
  price: number | undefined;
  /** Present for facilitators: adds tonnes of the mineral to a stockpile's stock (one undoable step). */
  onAddStock?(stockpileId: string, tonnes: number): void;
}

/** The chart, the three totals and (for facilitators) the sizing action. */
export function StressTest({ board, mineral, stress, price, onAddStock }: StressTestProps) {
  const intl = useIntl();
  const f = useFormats();
  const w = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.stress.${key}` }, values);
  const id = useId();
  const labels = new Map(board.scenario.disruptions.map((d) => [d.id, d.label]));
  const rows = stress.levers.map((l) => ({ lever: labels.get(l.lever) ?? l.lever, gap: l.stockpileGap }));
  // Drawn again only when a bar changes (the stress test does not move when a lever is switched on or off).
  const rowsKey = JSON.stringify(rows);
  const chart = useMemo(() => <StressChartBars rows={rows} />, [rowsKey]);
  const stores = board.nodes.filter((n) => n.kind === 'stockpile');
  const [store, setStore] = useState('');
  const chosen = stores.some((s) => s.id === store) ? store : stores[0]?.id ?? '';
  const cost = (t: number) => (price === undefined ? null : t * 1000 * price);
  return (
    <section className="stress-test" aria-label={w('label', { mineral })} data-testid={`stress-${mineral}`}>
      <h3>{w('title')}</h3>
      {stress.levers.length === 0 ? <p className="muted">{w('noLevers')}</p> : (
        <>
          <p className="muted">{w('intro')}</p>
          {chart}
          <ul className="stress-levers">
            {stress.levers.map((l) => (
              <li key={l.lever} data-lever={l.lever}>
                <span className="stress-lever">{labels.get(l.lever) ?? l.lever}</span>{' '}
                <FormattedMessage id="panels.stress.gap" values={{ gap: <Figure field="stress-gap" value={l.stockpileGap}>{f.tonnes(l.stockpileGap)}</Figure> }} />
                {' · '}{l.failing.length === 0 ? w('allSurvive') : w('fails', { names: intl.formatList(l.failing.map((c) => nodeLabel(board, c)), { type: 'conjunction' }) })}
              </li>
            ))}
          </ul>
          <dl className="stress-totals">
            <div><dt>{w('separate')}</dt><dd><Figure field="separateStock" value={stress.separateStock}>{f.tonnes(stress.separateStock)}</Figure>
              {cost(stress.separateStock) !== null && <span className="muted"> <FormattedMessage id="panels.stress.cost" values={{ cost: <Figure field="separateCost" value={cost(stress.separateStock)}>{f.usd(cost(stress.separateStock)!)}</Figure> }} /></span>}</dd></div>
            <div><dt>{w('pooled')}</dt><dd><Figure field="pooledStock" value={stress.pooledStock}>{f.tonnes(stress.pooledStock)}</Figure>
              {cost(stress.pooledStock) !== null && <span className="muted"> <FormattedMessage id="panels.stress.cost" values={{ cost: <Figure field="pooledCost" value={cost(stress.pooledStock)}>{f.usd(cost(stress.pooledStock)!)}</Figure> }} /></span>}</dd></div>
            <div><dt>{w('gain')}</dt><dd><Figure field="poolingGain" value={stress.poolingGain}>{f.tonnes(stress.poolingGain)}</Figure>
              {cost(stress.poolingGain) !== null && <span className="muted"> (<Figure field="poolingGainCost" value={cost(stress.poolingGain)}>{f.usd(cost(stress.poolingGain)!)}</Figure>)</span>}</dd></div>
          </dl>
          {onAddStock && stress.pooledStock > 0 && (stores.length === 0 ? <p className="muted">{w('noStores')}</p> : (
            <div className="stress-size">
              <label htmlFor={`${id}-store`} className="visually-hidden">{w('store')}</label>
              <select id={`${id}-store`} value={chosen} onChange={(e) => setStore(e.target.value)}>
                {stores.map((s) => <option key={s.id} value={s.id}>{w('holds', { label: s.label, amount: f.tonnes(s.stock?.[mineral] ?? 0) })}</option>)}
              </select>
              <button type="button" className="panel-button" onClick={() => onAddStock(chosen, stress.pooledStock)}>{w('add')}</button>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
