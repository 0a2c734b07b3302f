/** The exposure of the board per mineral: each consumer's origins, concentration, shortfall and survival, and the critical nodes. */
import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Board } from '../../shared/board/types';
import { ZERO_TOLERANCE, type ExposureReport } from '../../shared/exposure/types';
import { useFormats } from '../i18n/format';
import { mineralColor } from '../state/look';
import { ConsumerCard } from './exposure/ConsumerCard';
import { CrmaDashboard } from './exposure/CrmaDashboard';
import { CriticalNodes } from './exposure/CriticalNodes';
import { PriceFloorCosts } from './exposure/PriceFloorCosts';
import { StressTest } from './exposure/StressTest';
import { routeShares } from './exposure/route-shares';
import { SummaryStrip } from './exposure/SummaryStrip';
import { warningWords } from './exposure/warning-words';
import './ExposurePanel.css';

/** Props of ExposurePanel. */
export interface ExposurePanelProps {
  /** The latest report (null while the first computation runs), how long it took, and whether the adapted figures are being recomputed. */
  exposure: { report: ExposureReport | null; computeMs: number; adaptedPending?: boolean };
  board: Board;
  /** Selects a node on the board (from the critical nodes list). */
  onSelectNode(id: string): void;
  /** Facilitators only: adds tonnes of a mineral to a stockpile's stock, in one undoable step. */
  onAddStock?(stockpileId: string, mineral: string, tonnes: number): void;
}

/** Consumer cards drawn before "Show all": each card holds two charts, and big boards have hundreds of consumers. */
export const FIRST_CARDS = 12;

/** Mineral tabs (when there are several), consumer blocks, critical nodes, and a timing footnote. */
export function ExposurePanel({ exposure, board, onSelectNode, onAddStock }: ExposurePanelProps) {
  const intl = useIntl();
  const f = useFormats();
  const m = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `panels.exposure.${id}` }, values);
  const [chosen, setChosen] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const nodesById = useMemo(() => new Map(board.nodes.map((n) => [n.id, n])), [board.nodes]);
  const { report, computeMs } = exposure;
  const pending = exposure.adaptedPending === true;
  if (report === null) {
    return (
      <section className="exposure-panel" aria-label={m('title')} aria-busy="true">
        <h2>{m('title')}</h2>
        <p role="status" className="muted">{m('computing')}</p>
      </section>
    );
  }

  const minerals = Object.keys(report.minerals).sort();
  const mineral = chosen !== null && minerals.includes(chosen) ? chosen : minerals[0];
  const hasConsumers = board.nodes.some((n) => n.kind === 'consumer');
  const mr = mineral === undefined ? undefined : report.minerals[mineral];
  // Most exposed first (largest shortfall share), then by label.
  const consumers = mr
    ? Object.entries(mr.consumers).sort(([a, ca], [b, cb]) => {
        const la = nodesById.get(a)?.label ?? a;
        const lb = nodesById.get(b)?.label ?? b;
        return cb.shortfallPct - ca.shortfallPct || la.localeCompare(lb) || a.localeCompare(b);
      })
    : [];
  const shown = showAll ? consumers : consumers.slice(0, FIRST_CARDS);

  return (
    <section className="exposure-panel" aria-label={m('title')}>
      <h2>{m('title')}</h2>
      {minerals.length > 0 && <SummaryStrip report={report} pending={pending} />}
      {minerals.length === 0 && (
        <p className="muted">
          {m(hasConsumers ? 'noMinerals' : 'noConsumers')}
        </p>
      )}
      {minerals.length > 1 && (
        <div role="tablist" aria-label={m('mineralTabs')} className="mineral-tabs">
          {minerals.map((m) => (
            <button key={m} type="button" role="tab" id={`exposure-tab-${m}`} aria-selected={m === mineral} className="mineral-tab" onClick={() => setChosen(m)}>
              <span className="swatch" style={{ background: mineralColor(m) }} aria-hidden="true" />
              {m}
            </button>
          ))}
        </div>
      )}
      {mineral !== undefined && mr && (
        <div role={minerals.length > 1 ? 'tabpanel' : undefined} aria-labelledby={minerals.length > 1 ? `exposure-tab-${mineral}` : undefined} className="mineral-panel" data-mineral={mineral}>
          {minerals.length === 1 && (
            <h3 className="mineral-name">
              <span className="swatch" style={{ background: mineralColor(mineral) }} aria-hidden="true" />
              {mineral}
            </h3>
          )}
          {!mr.converged && <p className="warning">{m('notConverged', { mineral })}</p>}
          {consumers.length === 0 ? (
            <p className="muted">{m('noConsumersOf', { mineral })}</p>
          ) : (
            shown.map(([id, c], i) => {
              const flows = mr.reroute?.flows;
              const hit = c.shortfall > ZERO_TOLERANCE;
              return (
                <ConsumerCard key={id} board={board} nodesById={nodesById} mineral={mineral} consumerId={id} report={c} open={i === 0}
                  adapted={mr.reroute?.consumers[id]} pending={pending} routesAfter={hit && flows ? routeShares(board, mineral, flows, id) : null} onSelectNode={onSelectNode} />
              );
            })
          )}
          {consumers.length > FIRST_CARDS && (
            <button type="button" className="show-all" onClick={() => setShowAll(!showAll)}>
              {showAll ? m('showFirst', { count: FIRST_CARDS }) : m('showAll', { count: consumers.length })}
            </button>
          )}
          <CriticalNodes board={board} nodesById={nodesById} mineral={mineral} nodes={mr.criticalNodes} onSelectNode={onSelectNode} />
          {mr.stressTest && (
            <StressTest board={board} mineral={mineral} stress={mr.stressTest} price={board.prices?.[mineral]}
              onAddStock={onAddStock ? (id, t) => onAddStock(id, mineral, t) : undefined} />
          )}
          <CrmaDashboard mineral={mineral} crma={mr.crma} />
        </div>
      )}
      <PriceFloorCosts board={board} floors={report.priceFloors} />
      {report.warnings.length > 0 && (
        <details className="exposure-warnings">
          <summary>{m('warnings', { count: report.warnings.length })}</summary>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={`${w.code}-${w.ref}-${i}`} data-code={w.code}>{warningWords(intl, board, w)}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="footnote">
        <FormattedMessage id="panels.exposure.computed" values={{ ms: <span data-field="computeMs" data-value={JSON.stringify(computeMs)}>{f.number(computeMs)}</span> }} />
      </p>
    </section>
  );
}
