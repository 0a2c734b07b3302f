/**
 * One consumer's exposure to one mineral, collapsible: the head shows the verdict, shortfall and demand
 * gap; the body the immediate and adapted figures, stock against disruption, origins, HHI, the 65 %
 * benchmark, routes (planned and under the scenario) and the nodes that hurt it most.
 */
import { memo, useMemo } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { isEuMember } from '../../../shared/board/countries';
import type { Board } from '../../../shared/board/types';
import { ZERO_TOLERANCE, type ConsumerReport, type RerouteConsumer, type StageReport } from '../../../shared/exposure/types';
import { useFormats, type Formats } from '../../i18n/format';
import { KindIcon } from '../../state/Icon';
import { nodeLabel } from '../board-words';
import { AdaptedTable } from './AdaptedTable';
import { ConsumerCritical } from './ConsumerCritical';
import { Figure } from './Figure';
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

function benchmarkWords(intl: IntlShape, f: Formats, stage: StageReport, over: boolean): string {
  const top = stage.top;
  const m = (id: string) => intl.formatMessage({ id: `panels.consumer.benchmark.${id}` }, top ? { country: top.country, share: f.percent(top.share) } : undefined);
  if (over && top) return m('over');
  if (!top) return m('within');
  return m(isEuMember(top.country) ? 'withinTopEu' : 'withinTop');
}

type StageName = 'mining' | 'refining' | 'manufacturing';

function StageStats({ name, stage, over }: { name: StageName; stage: StageReport; over: boolean }) {
  const intl = useIntl();
  const f = useFormats();
  return (
    <div className={`stage-stats${over ? ' over' : ''}`}>
      <span className="stage-name">{intl.formatMessage({ id: `panels.stage.${name}` })}</span>
      <span>
        HHI <Figure field={`hhi-${name}`} value={stage.hhi}>{f.number(Math.round(stage.hhi), 0)}</Figure>
        {stage.hhi > HIGHLY_CONCENTRATED && <span className="note"> {intl.formatMessage({ id: 'panels.consumer.highlyConcentrated' })}</span>}
      </span>
      <Figure field={`benchmark-${name}`} value={over} className={over ? 'flag-over' : 'flag-within'}>
        {benchmarkWords(intl, f, stage, over)}
      </Figure>
    </div>
  );
}

function RouteList({ board, routes, testid }: { board: Board; routes: Record<string, number>; testid: string }) {
  const intl = useIntl();
  const f = useFormats();
  const top = Object.entries(routes).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3);
  if (top.length === 0) return <span className="muted">{intl.formatMessage({ id: 'panels.consumer.noTransport' })}</span>;
  return (
    <span data-testid={testid}>
      {top.map(([id, share], i) => (
        <span key={id} className="route" data-node={id} data-share={share}>
          {i > 0 ? ', ' : ''}
          {nodeLabel(board, id)} {f.percent(share)}
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
  const intl = useIntl();
  const f = useFormats();
  const node = lookup.get(consumerId);
  const mark = verdict(intl, c);
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
            <FormattedMessage id="panels.consumer.line" values={{
              shortfall: <Figure field="shortfall" value={c.shortfall} className="strong">{f.perYear(c.shortfall)}</Figure>,
              share: <Figure field="shortfallPct" value={c.shortfallPct}>{f.percent(c.shortfallPct)}</Figure>,
              gap: <Figure field="demandGap" value={c.demandGap} className={c.demandGap > ZERO_TOLERANCE ? 'strong gap' : undefined}>{f.perYear(c.demandGap)}</Figure>,
            }} />
          </span>
        </summary>
        <p className="verdict-explain">{mark.explain}</p>

        <div className="supply">
          <p>
            <FormattedMessage id="panels.consumer.supply" values={{
              delivered: <Figure field="delivered" value={c.delivered} className="strong">{f.perYear(c.delivered)}</Figure>,
              supplied: <Figure field="supplied" value={c.supplied}>{f.perYear(c.supplied)}</Figure>,
              demand: <Figure field="demand" value={c.demand}>{f.perYear(c.demand)}</Figure>,
            }} />
          </p>
          <div className="meter" role="img" aria-label={intl.formatMessage({ id: 'panels.consumer.meter' }, { share: f.percent(deliveredShare) })}>
            <span className="meter-fill" style={{ width: `${100 * deliveredShare}%` }} />
          </div>
          {c.supplied === 0 && <p className="muted">{intl.formatMessage({ id: 'panels.consumer.noPlanned' }, { mineral })}</p>}
        </div>

        <AdaptedTable immediate={c} adapted={adapted} pending={pending} />

        <p className="survival">
          <FormattedMessage id="panels.consumer.survival" values={{
            stock: <Figure field="stockDays" value={c.stockDays}>{f.days(c.stockDays)}</Figure>,
            disruption: <Figure field="disruptionDays" value={c.disruptionDays}>{f.days(c.disruptionDays)}</Figure>,
          }} />
        </p>

        {bars}
        {stages.map((s) => <StageStats key={s} name={s} stage={c.stages[s]!} over={c.benchmark65[s] === true} />)}

        <p className="secondary">
          <FormattedMessage id="panels.consumer.secondary" values={{ share: <Figure field="secondaryShare" value={c.secondaryShare}>{f.percent(c.secondaryShare)}</Figure> }} />
        </p>
        <p className="routes">
          <FormattedMessage id="panels.consumer.routesPlanned" values={{ routes: <RouteList board={board} routes={c.routes} testid="routes-planned" /> }} />
        </p>
        {routesAfter !== null && (
          <p className="routes">
            <FormattedMessage id="panels.consumer.routesScenario" values={{ routes: <RouteList board={board} routes={routesAfter} testid="routes-scenario" /> }} />
          </p>
        )}
        <ConsumerCritical nodesById={lookup} nodes={c.criticalNodes} onSelectNode={onSelectNode} />
      </details>
    </section>
  );
}
