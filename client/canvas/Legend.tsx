/** The canvas legend: what colours, widths, dashes, tints, badges and outlines mean. */
import type { BoardEdge } from '../../shared/board/types';
import { mineralColor } from '../state/look';
import { DISRUPTED_COLOR } from './flow-model';
import { volumeText } from './format';
import { criticalityTint } from './nodes';

/** Every sentence the legend shows, in one place. */
export const LEGEND_TEXT = {
  title: 'Legend',
  close: 'Close the legend',
  colour: 'Line colour: the mineral',
  noFlows: 'No flows yet.',
  width: 'Line width: volume',
  thin: 'small flow',
  thick: (v: string) => `largest flow on the board (${v})`,
  dashes: 'Red dashes: the flow is cut by an enabled lever (a red no-entry mark on its label; hover for the lever)',
  tint: 'Amber to red card: how critical the node is; if it stopped, consumers would lose up to that share of a mineral (hover the card)',
  badge: 'Badge on a consumer: its worst shortfall under the scenario ("covered" when none)',
  peer: 'Coloured outline with a name: someone else has it selected',
  note: 'Yellow square: a note on the board',
  zoom: 'Zoom in to see every figure; zoomed out, cards show their icon and a short name, flows "Co 9k" (symbol and volume).',
} as const;

/** Props of Legend. */
export interface LegendProps {
  edges: readonly BoardEdge[];
  onClose(): void;
}

function Line({ color, width, dashed = false }: { color: string; width: number; dashed?: boolean }) {
  return (
    <svg width="36" height="12" aria-hidden="true" className="ls-legend__line">
      <line x1="2" y1="6" x2="34" y2="6" stroke={color} strokeWidth={width} strokeDasharray={dashed ? '7 5' : undefined} />
    </svg>
  );
}

/** The legend card; minerals are those of the board's flows. */
export function Legend({ edges, onClose }: LegendProps) {
  const minerals = [...new Set(edges.map((e) => e.mineral))].sort();
  const largest = edges.reduce((m, e) => (Number.isFinite(e.volume) && e.volume > m ? e.volume : m), 0);
  return (
    <section className="ls-legend" aria-label={LEGEND_TEXT.title}>
      <header className="ls-legend__head">
        <h2 className="ls-legend__title">{LEGEND_TEXT.title}</h2>
        <button type="button" className="ls-legend__close" aria-label={LEGEND_TEXT.close} onClick={onClose}>×</button>
      </header>
      <h3 className="ls-legend__sub">{LEGEND_TEXT.colour}</h3>
      {minerals.length === 0 ? <p className="ls-legend__row">{LEGEND_TEXT.noFlows}</p> : (
        <ul className="ls-legend__minerals">
          {minerals.map((m) => (
            <li key={m}><i className="ls-dot" style={{ background: mineralColor(m) }} /> {m}</li>
          ))}
        </ul>
      )}
      <h3 className="ls-legend__sub">{LEGEND_TEXT.width}</h3>
      <p className="ls-legend__row"><Line color="#667085" width={1.5} /> {LEGEND_TEXT.thin}</p>
      <p className="ls-legend__row"><Line color="#667085" width={7.5} /> {LEGEND_TEXT.thick(volumeText(largest))}</p>
      <p className="ls-legend__row"><Line color={DISRUPTED_COLOR} width={3} dashed /> {LEGEND_TEXT.dashes}</p>
      <p className="ls-legend__row">
        <i className="ls-legend__swatch" style={criticalityTint(0.3)} />
        <i className="ls-legend__swatch" style={criticalityTint(1)} /> {LEGEND_TEXT.tint}
      </p>
      <p className="ls-legend__row"><span className="ls-badge ls-badge--bad">short 35 %</span> {LEGEND_TEXT.badge}</p>
      <p className="ls-legend__row"><i className="ls-legend__swatch ls-legend__swatch--peer" /> {LEGEND_TEXT.peer}</p>
      <p className="ls-legend__row"><i className="ls-legend__swatch ls-legend__swatch--note" /> {LEGEND_TEXT.note}</p>
      <p className="ls-legend__hint">{LEGEND_TEXT.zoom}</p>
    </section>
  );
}
