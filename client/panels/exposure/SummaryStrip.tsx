/** The exposure at a glance, across minerals: consumers, shortfall, demand gap, how many survive, and the shortfall after rerouting. */
import type { ExposureReport } from '../../../shared/exposure/types';
import { ZERO_TOLERANCE } from '../../../shared/exposure/types';
import { Figure, perYear } from './Figure';

/** The strip's totals (exported for tests and the report). */
export interface ExposureSummary {
  consumers: number;
  /** Consumer-mineral pairs with a consumer report. */
  pairs: number;
  shortfall: number;
  short: number;
  demandGap: number;
  gapped: number;
  survive: number;
  /** Total shortfall after rerouting, null until every mineral has its reroute block. */
  reroutedShortfall: number | null;
}

/** Totals over every mineral and consumer of a report. */
export function summarise(report: ExposureReport): ExposureSummary {
  const consumers = new Set<string>();
  const s: ExposureSummary = { consumers: 0, pairs: 0, shortfall: 0, short: 0, demandGap: 0, gapped: 0, survive: 0, reroutedShortfall: 0 };
  for (const mineral of Object.values(report.minerals)) {
    if (mineral.reroute === undefined) s.reroutedShortfall = null;
    for (const [id, c] of Object.entries(mineral.consumers)) {
      consumers.add(id);
      s.pairs++;
      s.shortfall += c.shortfall;
      if (c.shortfall > ZERO_TOLERANCE) s.short++;
      s.demandGap += c.demandGap;
      if (c.demandGap > ZERO_TOLERANCE) s.gapped++;
      if (c.survives) s.survive++;
      if (s.reroutedShortfall !== null && mineral.reroute) s.reroutedShortfall += mineral.reroute.consumers[id]?.shortfall ?? 0;
    }
  }
  s.consumers = consumers.size;
  return s;
}

/** Props of SummaryStrip. */
export interface SummaryStripProps {
  report: ExposureReport;
  pending: boolean;
}

/** Four or five tiles in one row. */
export function SummaryStrip({ report, pending }: SummaryStripProps) {
  const s = summarise(report);
  return (
    <div className="summary-strip" role="group" aria-label="Summary across minerals" data-testid="exposure-summary">
      <div className="tile"><span className="tile-label">Consumers</span><Figure field="summary-consumers" value={s.consumers} className="tile-value">{String(s.consumers)}</Figure></div>
      <div className="tile" title="Planned supply lost under the scenario, summed over minerals">
        <span className="tile-label">Shortfall</span><Figure field="summary-shortfall" value={s.shortfall} className="tile-value">{perYear(s.shortfall)}</Figure>
        <span className="tile-note">{s.short} of {s.pairs} short</span>
      </div>
      <div className="tile" title="Demand the plan does not deliver, summed over minerals">
        <span className="tile-label">Demand gap</span><Figure field="summary-demandGap" value={s.demandGap} className="tile-value">{perYear(s.demandGap)}</Figure>
        <span className="tile-note">{s.gapped} of {s.pairs} below demand</span>
      </div>
      <div className="tile" title="Consumer and mineral pairs whose stock outlasts the disruption (or that have no shortfall)">
        <span className="tile-label">Survive</span><Figure field="summary-survive" value={s.survive} className="tile-value">{`${s.survive} of ${s.pairs}`}</Figure>
      </div>
      <div className={`tile${pending ? ' pending' : ''}`} title="Shortfall once planned and alternative routes carry what they can">
        <span className="tile-label">After rerouting{pending ? ' (updating…)' : ''}</span>
        <Figure field="summary-reroutedShortfall" value={s.reroutedShortfall} className="tile-value">{s.reroutedShortfall === null ? '…' : perYear(s.reroutedShortfall)}</Figure>
      </div>
    </div>
  );
}
