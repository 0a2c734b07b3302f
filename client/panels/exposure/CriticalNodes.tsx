/** The nodes whose loss alone would cut the most consumer supply of one mineral (baseline); clicking one selects it. */
import { memo } from 'react';
import { useIntl } from 'react-intl';
import type { Board } from '../../../shared/board/types';
import { ZERO_TOLERANCE, type CriticalNode } from '../../../shared/exposure/types';
import { useFormats } from '../../i18n/format';
import { KindIcon } from '../../state/Icon';
import { Figure } from './Figure';

/** Props of CriticalNodes. */
export interface CriticalNodesProps {
  board: Board;
  mineral: string;
  nodes: CriticalNode[];
  onSelectNode(id: string): void;
  /** The board's nodes by id (a lookup per row instead of a scan of the board). */
  nodesById?: ReadonlyMap<string, Board['nodes'][number]>;
}

const SHOWN = 10;

// With the lookup given, the board itself is not read: an edit elsewhere on the board does not re-render the list.
const sameList = (a: CriticalNodesProps, b: CriticalNodesProps) => a.mineral === b.mineral && a.nodes === b.nodes && a.onSelectNode === b.onSelectNode
  && (a.nodesById !== undefined && b.nodesById !== undefined ? a.nodesById === b.nodesById : a.board === b.board);

/** The top ten with a loss above zero, largest first (the engine's order). */
export const CriticalNodes = memo(function CriticalNodes({ board, mineral, nodes, onSelectNode, nodesById }: CriticalNodesProps) {
  const intl = useIntl();
  const f = useFormats();
  const m = (id: string) => intl.formatMessage({ id: `panels.critical.${id}` }, { mineral });
  const top = nodes.filter((n) => n.loss > ZERO_TOLERANCE).slice(0, SHOWN);
  return (
    <section className="critical-nodes" aria-label={m('label')} data-testid={`critical-${mineral}`}>
      <h3>{m('title')}</h3>
      <p className="muted">{m('intro')}</p>
      {top.length === 0 ? (
        <p className="muted">{m('none')}</p>
      ) : (
        <ol>
          {top.map((n) => {
            const node = nodesById ? nodesById.get(n.node) : board.nodes.find((x) => x.id === n.node);
            return (
              <li key={n.node}>
                <button type="button" className="critical-node" data-node={n.node} onClick={() => onSelectNode(n.node)}>
                  <span className="critical-label">{node ? <><KindIcon kind={node.kind} /> {node.label}</> : n.node}</span>
                  <Figure field="loss" value={n.loss}>{f.perYear(n.loss)}</Figure>
                  <Figure field="lossPct" value={n.lossPct} className="critical-pct">{f.percent(n.lossPct)}</Figure>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}, sameList);
