/**
 * The stress test of one mineral: every lever run alone, as bars of the stockpile gap it leaves, with the
 * consumers that fail; separate national stocks against one pooled stock, the pooling gain and its cost.
 * A facilitator can add the pooled stock to a chosen stockpile in one undoable step.
 */
import { useId, useMemo, useState } from 'react';
import type { Board } from '../../../shared/board/types';
import type { StressTest as StressReport } from '../../../shared/exposure/types';
import { lazyPart } from '../../shell/lazy-part';
import { tonnes } from '../../state/look';
import { nodeLabel } from '../board-words';
import { Figure } from './Figure';
import { usd } from './money';
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

const W = {
  title: 'Stockpile sizing (stress test)',
  intro: 'Each lever run alone, without rerouting: the stock consumers would still lack to outlast it.',
  separate: 'Separate national stocks',
  pooled: 'One pooled stock',
  gain: 'Pooling saves',
  cost: 'cost at market price',
  noLevers: 'No levers on this board yet: add one to size a stockpile against it.',
  add: 'Add the pooled stock to this stockpile',
  noStores: 'No stockpile on the board to add the pooled stock to.',
} as const;

/** The chart, the three totals and (for facilitators) the sizing action. */
export function StressTest({ board, mineral, stress, price, onAddStock }: StressTestProps) {
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
    <section className="stress-test" aria-label={`Stockpile sizing for ${mineral}`} data-testid={`stress-${mineral}`}>
      <h3>{W.title}</h3>
      {stress.levers.length === 0 ? <p className="muted">{W.noLevers}</p> : (
        <>
          <p className="muted">{W.intro}</p>
          {chart}
          <ul className="stress-levers">
            {stress.levers.map((l) => (
              <li key={l.lever} data-lever={l.lever}>
                <span className="stress-lever">{labels.get(l.lever) ?? l.lever}</span>{' '}
                gap <Figure field="stress-gap" value={l.stockpileGap}>{tonnes(l.stockpileGap)}</Figure>
                {' · '}{l.failing.length === 0 ? 'every consumer survives' : `fails: ${l.failing.map((c) => nodeLabel(board, c)).join(', ')}`}
              </li>
            ))}
          </ul>
          <dl className="stress-totals">
            <div><dt>{W.separate}</dt><dd><Figure field="separateStock" value={stress.separateStock}>{tonnes(stress.separateStock)}</Figure>
              {cost(stress.separateStock) !== null && <span className="muted"> ({W.cost} <Figure field="separateCost" value={cost(stress.separateStock)}>{usd(cost(stress.separateStock)!)}</Figure>)</span>}</dd></div>
            <div><dt>{W.pooled}</dt><dd><Figure field="pooledStock" value={stress.pooledStock}>{tonnes(stress.pooledStock)}</Figure>
              {cost(stress.pooledStock) !== null && <span className="muted"> ({W.cost} <Figure field="pooledCost" value={cost(stress.pooledStock)}>{usd(cost(stress.pooledStock)!)}</Figure>)</span>}</dd></div>
            <div><dt>{W.gain}</dt><dd><Figure field="poolingGain" value={stress.poolingGain}>{tonnes(stress.poolingGain)}</Figure>
              {cost(stress.poolingGain) !== null && <span className="muted"> (<Figure field="poolingGainCost" value={cost(stress.poolingGain)}>{usd(cost(stress.poolingGain)!)}</Figure>)</span>}</dd></div>
          </dl>
          {onAddStock && stress.pooledStock > 0 && (stores.length === 0 ? <p className="muted">{W.noStores}</p> : (
            <div className="stress-size">
              <label htmlFor={`${id}-store`} className="visually-hidden">Stockpile to size</label>
              <select id={`${id}-store`} value={chosen} onChange={(e) => setStore(e.target.value)}>
                {stores.map((s) => <option key={s.id} value={s.id}>{`${s.label} (holds ${tonnes(s.stock?.[mineral] ?? 0)})`}</option>)}
              </select>
              <button type="button" className="panel-button" onClick={() => onAddStock(chosen, stress.pooledStock)}>{W.add}</button>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
