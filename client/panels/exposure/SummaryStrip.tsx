/** The exposure at a glance, across minerals: consumers, shortfall, demand gap, how many survive, and the shortfall after rerouting. */
import { useIntl } from 'react-intl';
import type { ExposureReport } from '../../../shared/exposure/types';
import { ZERO_TOLERANCE } from '../../../shared/exposure/types';
import { useFormats } from '../../i18n/format';
import { Figure } from './Figure';

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
  const intl = useIntl();
  const f = useFormats();
  const m = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `panels.summary.${id}` }, values);
  const s = summarise(report);
  const of = (count: number) => m('of', { count: f.number(count, 0), total: f.number(s.pairs, 0) });
  return (
    <div className="summary-strip" role="group" aria-label={m('label')} data-testid="exposure-summary">
      <div className="tile"><span className="tile-label">{m('consumers')}</span><Figure field="summary-consumers" value={s.consumers} className="tile-value">{f.number(s.consumers, 0)}</Figure></div>
      <div className="tile" title={m('shortfall.title')}>
        <span className="tile-label">{m('shortfall')}</span><Figure field="summary-shortfall" value={s.shortfall} className="tile-value">{f.perYear(s.shortfall)}</Figure>
        <span className="tile-note">{m('short', { count: s.short, of: of(s.short) })}</span>
      </div>
      <div className="tile" title={m('demandGap.title')}>
        <span className="tile-label">{m('demandGap')}</span><Figure field="summary-demandGap" value={s.demandGap} className="tile-value">{f.perYear(s.demandGap)}</Figure>
        <span className="tile-note">{m('gapped', { count: s.gapped, of: of(s.gapped) })}</span>
      </div>
      <div className="tile" title={m('survive.title')}>
        <span className="tile-label">{m('survive')}</span><Figure field="summary-survive" value={s.survive} className="tile-value">{of(s.survive)}</Figure>
      </div>
      <div className={`tile${pending ? ' pending' : ''}`} title={m('rerouted.title')}>
        <span className="tile-label">{m(pending ? 'rerouted.pending' : 'rerouted')}</span>
        <Figure field="summary-reroutedShortfall" value={s.reroutedShortfall} className="tile-value">{s.reroutedShortfall === null ? '…' : f.perYear(s.reroutedShortfall)}</Figure>
      </div>
    </div>
  );
}
