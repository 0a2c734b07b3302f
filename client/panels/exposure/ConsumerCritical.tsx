/** The nodes whose loss alone hurts one consumer most, each with time to survive against time to recover; at-risk ones flagged, a click selects. */
import { FormattedMessage, useIntl } from 'react-intl';
import type { Board } from '../../../shared/board/types';
import type { ConsumerCriticalNode } from '../../../shared/exposure/types';
import { useFormats } from '../../i18n/format';
import { KindIcon } from '../../state/Icon';
import { Figure } from './Figure';

/** Props of ConsumerCritical. */
export interface ConsumerCriticalProps {
  nodesById: ReadonlyMap<string, Board['nodes'][number]>;
  nodes: ConsumerCriticalNode[];
  onSelectNode?(id: string): void;
}

const SHOWN = 5;

/** Up to five rows: the node, what the consumer loses, "survives 40 d, recovers in 90 d". */
export function ConsumerCritical({ nodesById, nodes, onSelectNode }: ConsumerCriticalProps) {
  const intl = useIntl();
  const f = useFormats();
  const m = (id: string) => intl.formatMessage({ id: `panels.consumerCritical.${id}` });
  if (nodes.length === 0) return null;
  return (
    <div className="consumer-critical">
      <p className="muted">{m('intro')}</p>
      <ol>
        {nodes.slice(0, SHOWN).map((n) => {
          const node = nodesById.get(n.node);
          return (
            <li key={n.node} className={n.atRisk ? 'at-risk' : undefined} data-node={n.node} data-at-risk={n.atRisk ? 'true' : 'false'}>
              <button type="button" className="critical-node" onClick={() => onSelectNode?.(n.node)} title={m('select')}>
                <span className="critical-label">{n.atRisk && <span aria-label={m('atRisk')} role="img">⚠ </span>}{node ? <><KindIcon kind={node.kind} /> {node.label}</> : n.node}</span>
                <span>
                  <FormattedMessage id="panels.consumerCritical.loses" values={{ loss: <Figure field="cn-loss" value={n.loss}>{f.perYear(n.loss)}</Figure>, share: f.percent(n.lossPct) }} />
                </span>
                <span className="critical-times">
                  <FormattedMessage id="panels.consumerCritical.times" values={{
                    tts: <Figure field="cn-tts" value={Number.isFinite(n.tts) ? n.tts : null}>{f.days(Number.isFinite(n.tts) ? n.tts : null)}</Figure>,
                    ttr: <Figure field="cn-ttr" value={n.ttr}>{n.ttr === null ? m('unknown') : f.days(n.ttr)}</Figure>,
                  }} />
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
