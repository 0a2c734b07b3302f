/** The nodes whose loss alone hurts one consumer most, each with time to survive against time to recover; at-risk ones flagged, a click selects. */
import type { Board } from '../../../shared/board/types';
import type { ConsumerCriticalNode } from '../../../shared/exposure/types';
import { days, percent } from '../../state/look';
import { KindIcon } from '../../state/Icon';
import { Figure, perYear } from './Figure';

/** Props of ConsumerCritical. */
export interface ConsumerCriticalProps {
  nodesById: ReadonlyMap<string, Board['nodes'][number]>;
  nodes: ConsumerCriticalNode[];
  onSelectNode?(id: string): void;
}

const SHOWN = 5;

/** Up to five rows: the node, what the consumer loses, "survives 40 d, recovers in 90 d". */
export function ConsumerCritical({ nodesById, nodes, onSelectNode }: ConsumerCriticalProps) {
  if (nodes.length === 0) return null;
  return (
    <div className="consumer-critical">
      <p className="muted">If one node stopped: time to survive (its stock) against time to recover (the node's recovery days).</p>
      <ol>
        {nodes.slice(0, SHOWN).map((n) => {
          const node = nodesById.get(n.node);
          return (
            <li key={n.node} className={n.atRisk ? 'at-risk' : undefined} data-node={n.node} data-at-risk={n.atRisk ? 'true' : 'false'}>
              <button type="button" className="critical-node" onClick={() => onSelectNode?.(n.node)} title="Select this node on the board">
                <span className="critical-label">{n.atRisk && <span aria-label="at risk" role="img">⚠ </span>}{node ? <><KindIcon kind={node.kind} /> {node.label}</> : n.node}</span>
                <span>loses <Figure field="cn-loss" value={n.loss}>{perYear(n.loss)}</Figure> ({percent(n.lossPct)})</span>
                <span className="critical-times">
                  survives <Figure field="cn-tts" value={Number.isFinite(n.tts) ? n.tts : null}>{days(Number.isFinite(n.tts) ? n.tts : null)}</Figure>
                  {', '}recovers in <Figure field="cn-ttr" value={n.ttr}>{n.ttr === null ? 'unknown' : days(n.ttr)}</Figure>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
