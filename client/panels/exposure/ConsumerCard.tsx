/**
 * One consumer's exposure to one mineral, collapsible: the head shows the verdict, shortfall and demand
 * gap; the body the immediate and adapted figures, stock against disruption, origins, HHI, the 65 %
 * benchmark, routes (planned and under the scenario) and the nodes that hurt it most.
 */
import { memo, useMemo } from 'react';
import { isEuMember } from '../../../shared/board/countries';
import type { Board } from '../../../shared/board/types';
import { ZERO_TOLERANCE, type ConsumerReport, type RerouteConsumer, type StageReport } from '../../../shared/exposure/types';
import { days, percent } from '../../state/look';
import { KindIcon } from '../../state/Icon';
import { nodeLabel } from '../board-words';
import { AdaptedTable } from './AdaptedTable';
import { ConsumerCritical } from './ConsumerCritical';
import { Figure, hhiText, perYear } from './Figure';
import { OriginBars } from './OriginBars';
import { verdict } from './words';

/** Props of ConsumerCard. */
export interface ConsumerCardProps {
  board: Board;
  /** The board's nodes by id (the card re-renders only when its report or its nodes change). */
  nodesById?: ReadonlyMap<string, Board['nodes'][number]>;
  mineral: string;
  consumerId: string;
  report: ConsumerReport;
  /** The consumer after rerouting (undefined until computed). */
  adapted?: RerouteConsumer;
  /** The adapted figures belong to an earlier board and are being recomputed. */
  pending?: boolean;
  /** Route shares of what the consumer receives after rerouting, or null when nothing is cut. */
  routesAfter?: Record<string, number> | null;
  /** Open when first drawn. */
  open?: boolean;
  onSelectNode?(id: string): void;
}

const HIGHLY_CONCENTRATED = 2500;

function benchmarkWords(stage: StageReport, over: boolean): string {
  const top = stage.top;
  if (over && top) return `over the EU 65 % benchmark: ${top.country} ${percent(top.share)}`;
  if (!top) return 'within the EU 65 % benchmark';
  return `within the EU 65 % benchmark (top: ${top.country} ${percent(top.share)}${isEuMember(top.country) ? ', EU member' : ''})`;
}

const STAGE_NAMES = { mining: 'Mining', refining: 'Refining', manufacturing: 'Manufacturing' } as const;

function StageStats({ name, stage, over }: { name: keyof typeof STAGE_NAMES; stage: StageReport; over: boolean }) {
  return (
    <div className={`stage-stats${over ? ' over' : ''}`}>
      <span className="stage-name">{STAGE_NAMES[name]}</span>
      <span>
        HHI <Figure field={`hhi-${name}`} value={stage.hhi}>{hhiText(stage.hhi)}</Figure>
        {stage.hhi > HIGHLY_CONCENTRATED && <span className="note"> highly concentrated</span>}
      </span>
      <Figure field={`benchmark-${name}`} value={over} className={over ? 'flag-over' : 'flag-within'}>
        {benchmarkWords(stage, over)}
      </Figure>
    </div>
  );
}

function RouteList({ board, routes, testid }: { board: Board; routes: Record<string, number>; testid: string }) {
  const top = Object.entries(routes).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3);
  if (top.length === 0) return <span className="muted">no transport node on the way</span>;
  return (
    <span data-testid={testid}>
      {top.map(([id, share], i) => (
        <span key={id} className="route" data-node={id} data-share={share}>
          {i > 0 ? ', ' : ''}
          {nodeLabel(board, id)} {percent(share)}
        </span>
      ))}
    </span>
  );
}

/** The consumer block; every key number carries data-field and data-value. */
export const ConsumerCard = memo(ConsumerCardView, sameCard);

/** Whether two card renders would look the same: same report content and the same node objects for the consumer and its routes. */
function sameCard(a: ConsumerCardProps, b: ConsumerCardProps): boolean {
  if (a.mineral !== b.mineral || a.consumerId !== b.consumerId || a.pending !== b.pending || a.onSelectNode !== b.onSelectNode) return false;
  if (a.report !== b.report && JSON.stringify(a.report) !== JSON.stringify(b.report)) return false;
  if (a.adapted !== b.adapted && JSON.stringify(a.adapted) !== JSON.stringify(b.adapted)) return false;
  if (a.routesAfter !== b.routesAfter && JSON.stringify(a.routesAfter) !== JSON.stringify(b.routesAfter)) return false;
  if (!a.nodesById || !b.nodesById) return a.board === b.board;
  const ids = [a.consumerId, ...Object.keys(b.report.routes), ...Object.keys(b.routesAfter ?? {}), ...b.report.criticalNodes.map((n) => n.node)];
  return ids.every((id) => a.nodesById!.get(id) === b.nodesById!.get(id));
}

function ConsumerCardView({ board, nodesById, mineral, consumerId, report: c, adapted, pending = false, routesAfter = null, open = false, onSelectNode }: ConsumerCardProps) {
  const lookup = nodesById ?? new Map(board.nodes.map((n) => [n.id, n]));
  const node = lookup.get(consumerId);
  const mark = verdict(c);
  const deliveredShare = c.supplied > 0 ? Math.min(1, Math.max(0, c.delivered / c.supplied)) : 0;
  const stages = (['mining', 'refining', 'manufacturing'] as const).filter((s) => c.stages[s] !== undefined);
  // The same element while the origin shares are the same (a lever toggle or the adapted figures change other
  // numbers): recharts is the costliest part of the page to draw again.
  const stagesKey = JSON.stringify(c.stages);
  const bars = useMemo(() => <OriginBars stages={c.stages} />, [stagesKey]);

  return (
    <section className={`consumer-card tone-${mark.tone}`} data-testid={`exposure-${mineral}-${consumerId}`} aria-label={`${node?.label ?? consumerId}, ${mineral}`}>
      <details open={open}>
        <summary className="consumer-head">
          <h3>{node ? <><KindIcon kind={node.kind} /> {node.label}</> : consumerId}</h3>
          <span className={`verdict ${mark.tone}`} title={mark.explain}>
            <span aria-hidden="true">{mark.tone === 'bad' || mark.tone === 'warn' ? '✗ ' : '✓ '}</span>
            <Figure field="survives" value={c.survives}>{mark.text}</Figure>
          </span>
          <span className="consumer-line">
            shortfall <Figure field="shortfall" value={c.shortfall} className="strong">{perYear(c.shortfall)}</Figure> (
            <Figure field="shortfallPct" value={c.shortfallPct}>{percent(c.shortfallPct)}</Figure>)
            {' · '}demand gap <Figure field="demandGap" value={c.demandGap} className={c.demandGap > ZERO_TOLERANCE ? 'strong gap' : undefined}>{perYear(c.demandGap)}</Figure>
          </span>
        </summary>
        <p className="verdict-explain">{mark.explain}</p>

        <div className="supply">
          <p>
            Delivered <Figure field="delivered" value={c.delivered} className="strong">{perYear(c.delivered)}</Figure> of{' '}
            <Figure field="supplied" value={c.supplied}>{perYear(c.supplied)}</Figure> planned
            {' · '}demand <Figure field="demand" value={c.demand}>{perYear(c.demand)}</Figure>
          </p>
          <div className="meter" role="img" aria-label={`delivered ${percent(deliveredShare)} of planned supply`}>
            <span className="meter-fill" style={{ width: `${100 * deliveredShare}%` }} />
          </div>
          {c.supplied === 0 && <p className="muted">No planned flow of {mineral} reaches this consumer.</p>}
        </div>

        <AdaptedTable immediate={c} adapted={adapted} pending={pending} />

        <p className="survival">
          Stock lasts <Figure field="stockDays" value={c.stockDays}>{days(c.stockDays)}</Figure>
          {' vs '}disruption <Figure field="disruptionDays" value={c.disruptionDays}>{days(c.disruptionDays)}</Figure>
        </p>

        {bars}
        {stages.map((s) => <StageStats key={s} name={s} stage={c.stages[s]!} over={c.benchmark65[s] === true} />)}

        <p className="secondary">
          Secondary (recycled) share <Figure field="secondaryShare" value={c.secondaryShare}>{percent(c.secondaryShare)}</Figure>
        </p>
        <p className="routes">
          Planned routes: <RouteList board={board} routes={c.routes} testid="routes-planned" />
        </p>
        {routesAfter !== null && (
          <p className="routes">
            Routes under the scenario, after rerouting (share of delivered material):{' '}
            <RouteList board={board} routes={routesAfter} testid="routes-scenario" />
          </p>
        )}
        <ConsumerCritical nodesById={lookup} nodes={c.criticalNodes} onSelectNode={onSelectNode} />
      </details>
    </section>
  );
}
