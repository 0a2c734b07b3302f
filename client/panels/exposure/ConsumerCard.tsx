/** One consumer's exposure to one mineral: supply and shortfall, time to survive vs time to recover, origins, HHI, 65 % benchmark, routes. */
import { memo } from 'react';
import { isEuMember } from '../../../shared/board/countries';
import type { Board } from '../../../shared/board/types';
import type { ConsumerReport, StageReport } from '../../../shared/exposure/types';
import { days, flag, KIND_LOOK, percent } from '../../state/look';
import { nodeLabel } from '../board-words';
import { Figure, hhiText, perYear } from './Figure';
import { OriginBars } from './OriginBars';

/** Props of ConsumerCard. */
export interface ConsumerCardProps {
  board: Board;
  /** The board's nodes by id (the card re-renders only when its report or its nodes change). */
  nodesById?: ReadonlyMap<string, Board['nodes'][number]>;
  mineral: string;
  consumerId: string;
  report: ConsumerReport;
}

const HIGHLY_CONCENTRATED = 2500;

function verdict(report: ConsumerReport): { text: string; tone: 'ok' | 'bad' | 'calm' } {
  if (report.stockDays === null) return { text: 'no shortfall', tone: 'calm' };
  return report.survives ? { text: 'survives', tone: 'ok' } : { text: 'does not survive', tone: 'bad' };
}

function benchmarkWords(stage: StageReport, over: boolean): string {
  const top = stage.top;
  if (over && top) return `over the EU 65 % benchmark: ${top.country} ${percent(top.share)}`;
  if (!top) return 'within the EU 65 % benchmark';
  return `within the EU 65 % benchmark (top: ${top.country} ${percent(top.share)}${isEuMember(top.country) ? ', EU member' : ''})`;
}

function StageStats({ name, stage, over }: { name: 'mining' | 'refining'; stage: StageReport; over: boolean }) {
  return (
    <div className={`stage-stats${over ? ' over' : ''}`}>
      <span className="stage-name">{name === 'mining' ? 'Mining' : 'Refining'}</span>
      <span>
        HHI <Figure field={`hhi-${name}`} value={stage.hhi}>{hhiText(stage.hhi)}</Figure>
        {stage.hhi > HIGHLY_CONCENTRATED && <span className="note"> highly concentrated</span>}
      </span>
      <Figure field={`benchmark-${name}`} value={over} className={over ? 'flag-over' : 'flag-within'}>
        {over && stage.top ? `${flag(stage.top.country)} ` : ''}{benchmarkWords(stage, over)}
      </Figure>
    </div>
  );
}

/** The consumer block; every key number carries data-field and data-value. */
export const ConsumerCard = memo(ConsumerCardView, sameCard);

/** Whether two card renders would look the same: same report content and the same node objects for the consumer and its routes. */
function sameCard(a: ConsumerCardProps, b: ConsumerCardProps): boolean {
  if (a.mineral !== b.mineral || a.consumerId !== b.consumerId) return false;
  if (a.report !== b.report && JSON.stringify(a.report) !== JSON.stringify(b.report)) return false;
  if (!a.nodesById || !b.nodesById) return a.board === b.board;
  return [a.consumerId, ...Object.keys(b.report.routes)].every((id) => a.nodesById!.get(id) === b.nodesById!.get(id));
}

function ConsumerCardView({ board, mineral, consumerId, report: c }: ConsumerCardProps) {
  const node = board.nodes.find((n) => n.id === consumerId);
  const mark = verdict(c);
  const deliveredShare = c.supplied > 0 ? Math.min(1, Math.max(0, c.delivered / c.supplied)) : 0;
  const routes = Object.entries(c.routes).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3);

  return (
    <section className={`consumer-card tone-${mark.tone}`} data-testid={`exposure-${mineral}-${consumerId}`} aria-label={`${node?.label ?? consumerId}, ${mineral}`}>
      <header className="consumer-head">
        <h3>{node ? `${KIND_LOOK[node.kind].icon} ${node.label}` : consumerId}</h3>
        <span className={`verdict ${mark.tone}`}>
          <span aria-hidden="true">{mark.tone === 'bad' ? '✗ ' : '✓ '}</span>
          <Figure field="survives" value={c.survives}>{mark.text}</Figure>
        </span>
      </header>

      <div className="supply">
        <p>
          Delivered <Figure field="delivered" value={c.delivered} className="strong">{perYear(c.delivered)}</Figure> of{' '}
          <Figure field="supplied" value={c.supplied}>{perYear(c.supplied)}</Figure> planned
          {' · '}demand <Figure field="demand" value={c.demand}>{perYear(c.demand)}</Figure>
        </p>
        <div className="meter" role="img" aria-label={`delivered ${percent(deliveredShare)} of planned supply`}>
          <span className="meter-fill" style={{ width: `${100 * deliveredShare}%` }} />
        </div>
        <p>
          Shortfall <Figure field="shortfall" value={c.shortfall} className="strong">{perYear(c.shortfall)}</Figure> (
          <Figure field="shortfallPct" value={c.shortfallPct}>{percent(c.shortfallPct)}</Figure>)
        </p>
        {c.supplied === 0 && <p className="muted">No planned flow of {mineral} reaches this consumer.</p>}
      </div>

      <p className="survival">
        Stock lasts <Figure field="stockDays" value={c.stockDays}>{days(c.stockDays)}</Figure>
        {' vs '}disruption <Figure field="disruptionDays" value={c.disruptionDays}>{days(c.disruptionDays)}</Figure>
      </p>

      <OriginBars stages={c.stages} />
      <StageStats name="mining" stage={c.stages.mining} over={c.benchmark65.mining} />
      <StageStats name="refining" stage={c.stages.refining} over={c.benchmark65.refining} />

      <p className="secondary">
        Secondary (recycled) share <Figure field="secondaryShare" value={c.secondaryShare}>{percent(c.secondaryShare)}</Figure>
      </p>
      <p className="routes">
        Routes:{' '}
        {routes.length === 0 ? (
          <span className="muted">no transport node on the way</span>
        ) : (
          routes.map(([id, share], i) => (
            <span key={id} className="route" data-node={id} data-share={share}>
              {i > 0 ? ', ' : ''}
              {nodeLabel(board, id)} {percent(share)}
            </span>
          ))
        )}
      </p>
    </section>
  );
}
