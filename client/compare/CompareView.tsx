/**
 * Two snapshots, or a snapshot and the live board, side by side: what changed (nodes, flows, levers, board)
 * and how each consumer's exposure moved (table and chart). With the two boards given, both canvases are
 * drawn read-only with the changed nodes highlighted.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { BoardComparison } from '../../shared/board/diff';
import type { Board } from '../../shared/board/types';
import { changedEdgeIds, nodeChanges } from './compare-model';
import { DeltaTable, ShortfallChart } from './DeltaTable';
import { MineralDeltas } from './MineralDeltas';
import { DiffList } from './DiffList';
import { StaticBoard } from '../snapshots/StaticBoard';
import '../shell/shell.css';
import './compare.css';
import '../shell/tool-panel.css';

/** Props of CompareView. */
export interface CompareViewProps {
  /** What GET /api/boards/:id/compare answers. */
  comparison: BoardComparison & { from: string; to: string };
  /** Names of the two sides ("Baseline", "Live board"). */
  fromLabel: string;
  toLabel: string;
  /** Node id -> label (consumers in the table, nodes of flows); taken from `boards` when absent. */
  labels?: ReadonlyMap<string, string>;
  /** The two boards, to draw both canvases with the changed nodes highlighted. */
  boards?: { from: Board; to: Board };
}

function labelsOf(boards: CompareViewProps['boards']): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of boards?.from.nodes ?? []) out.set(n.id, n.label);
  for (const n of boards?.to.nodes ?? []) out.set(n.id, n.label);
  return out;
}

/** The comparison panel. */
export function CompareView({ comparison, fromLabel, toLabel, labels, boards }: CompareViewProps) {
  const intl = useIntl();
  const names = useMemo(() => labels ?? labelsOf(boards), [labels, boards]);
  const nodes = useMemo(() => nodeChanges(comparison.diff), [comparison.diff]);
  const edges = useMemo(() => changedEdgeIds(comparison.diff), [comparison.diff]);
  return (
    <section className="ls-shell ls-fac-panel ls-fac-compare" aria-label={intl.formatMessage({ id: 'compare.view.label' }, { from: fromLabel, to: toLabel })} data-from={comparison.from} data-to={comparison.to}>
      <h2 className="ls-fac-title">
        {fromLabel} <span className="ls-muted">→</span> {toLabel}
      </h2>
      {boards && (
        <div className="ls-fac-canvases">
          <figure className="ls-fac-canvas" aria-label={fromLabel}>
            <figcaption>{fromLabel}</figcaption>
            <StaticBoard board={boards.from} highlight={nodes} highlightEdges={edges} side="from" />
          </figure>
          <figure className="ls-fac-canvas" aria-label={toLabel}>
            <figcaption>{toLabel}</figcaption>
            <StaticBoard board={boards.to} highlight={nodes} highlightEdges={edges} side="to" />
          </figure>
        </div>
      )}
      <h3 className="ls-fac-subtitle">{intl.formatMessage({ id: 'compare.view.changed' })}</h3>
      <DiffList diff={comparison.diff} labels={names} />
      <h3 className="ls-fac-subtitle">{intl.formatMessage({ id: 'compare.view.exposure' })}</h3>
      <ShortfallChart deltas={comparison.exposure} fromLabel={fromLabel} toLabel={toLabel} labels={names} />
      <DeltaTable deltas={comparison.exposure} fromLabel={fromLabel} toLabel={toLabel} labels={names} />
      {comparison.minerals && (
        <MineralDeltas minerals={comparison.minerals} floors={comparison.priceFloors ?? []} fromLabel={fromLabel} toLabel={toLabel} />
      )}
    </section>
  );
}
