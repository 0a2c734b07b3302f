/** One memo node component per board kind, all drawing the same card. */
import { createContext, memo, useContext, type CSSProperties } from 'react';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { useIntl } from 'react-intl';
import { mineralColor } from '../state/look';
import { KindIcon } from '../state/Icon';
import type { NodeKind } from '../../shared/board/types';
import { figureFullText, figureText, nodeFigures } from './format';
import { cardWords, type CardWords } from './card-words';
import type { FlowNode } from './flow-model';
import { shortLabel } from './lod';
import { useNodeLook } from './node-looks-store';

const MAX_FIGURES = 4;

/** Neutral at 0, strong amber then red toward 1. */
export function criticalityTint(criticality: number): { background?: string; borderColor?: string } {
  if (!(criticality > 0)) return {};
  const c = Math.min(1, criticality);
  const hue = Math.round(45 - 45 * c);
  return { background: `hsl(${hue} 95% ${Math.round(97 - 14 * c)}%)`, borderColor: `hsl(${hue} 85% ${Math.round(60 - 15 * c)}%)` };
}

function ShortfallBadge({ id, shortfall, words }: { id: string; shortfall: number; words: CardWords }) {
  const bad = shortfall > 0;
  return (
    <span className={`ls-badge ${bad ? 'ls-badge--bad' : 'ls-badge--ok'}`} data-testid={`shortfall-${id}`} title={words.shortfallTitle}>
      {bad ? words.short(shortfall) : words.covered}
    </span>
  );
}

/** Time to recover against the worst time to survive, and the bottleneck mark after rerouting. */
function RecoveryLine({ id, recoveryDays, worstTts, bottleneck, words }: { id: string; recoveryDays?: number; worstTts: number | null; bottleneck: boolean; words: CardWords }) {
  const atRisk = recoveryDays !== undefined && worstTts !== null && worstTts < recoveryDays;
  return (
    <div className={`ls-node__recovery${atRisk ? ' ls-node__recovery--risk' : ''}`} data-testid={`recovery-${id}`} title={words.recoveryTitle}>
      {bottleneck && <span className="ls-badge ls-badge--bad" data-testid={`bottleneck-${id}`}>{words.bottleneck}</span>}
      {recoveryDays !== undefined && <span>{words.recovers(recoveryDays)}</span>}
      {worstTts !== null && <span>{words.survives(worstTts)}</span>}
    </div>
  );
}

/** True while FarLayer draws the nodes (dense board zoomed far out): cards then render an empty stub. */
export const FarCardsContext = createContext(false);

/** The card every kind shares: icon, label, country code, figures, consumer badge, criticality tint, peer outline. */
function NodeCard(props: NodeProps<FlowNode>) {
  const far = useContext(FarCardsContext);
  // Out of the layout anyway (display: none); React Flow keeps the size it measured before.
  if (far) return <div className={`ls-node ls-node--${props.data.node.kind}`} data-testid={`node-${props.id}`} />;
  return <FullCard {...props} />;
}

function FullCard({ id, data, selected, isConnectable }: NodeProps<FlowNode>) {
  const { node, peer, bottleneck = false } = data;
  // The exposure figures come from the board view's NodeLooksStore: only cards whose figures change re-render.
  const look = useNodeLook(id);
  const criticality = look?.criticality ?? 0;
  const shortfall = node.kind === 'consumer' ? (look?.shortfall ?? null) : null;
  const worstTts = look?.worstTts ?? null;
  const intl = useIntl();
  const words = cardWords(intl);
  const kind = words.kind[node.kind];
  const figures = nodeFigures(node);
  const style: CSSProperties & Record<string, string | undefined> = { ...criticalityTint(criticality), '--ls-peer': peer?.color };
  const title = criticality > 0 ? words.critical(node.kind, criticality) : kind;
  return (
    <div
      className={`ls-node ls-node--${node.kind}${selected ? ' ls-node--selected' : ''}${peer ? ' ls-node--peer' : ''}`}
      data-testid={`node-${id}`}
      data-criticality={criticality > 0 ? criticality.toFixed(2) : undefined}
      data-peer-selected={peer?.names}
      style={style}
      title={title}
    >
      <Handle type="target" position={Position.Left} isConnectable={isConnectable} />
      {peer && <span className="ls-node__peer">{peer.names}</span>}
      <div className="ls-node__head">
        <span className="ls-node__icon" aria-hidden="true"><KindIcon kind={node.kind} /></span>
        <span className="ls-node__label">{node.label}</span>
      </div>
      <div className="ls-node__meta">
        <span className="ls-node__country ls-country-chip">{node.country}</span>
        <span className="ls-node__kind">{kind}</span>
        {shortfall !== null && <ShortfallBadge id={id} shortfall={shortfall} words={words} />}
      </div>
      {(node.recoveryDays !== undefined || worstTts !== null || bottleneck) && <RecoveryLine id={id} recoveryDays={node.recoveryDays} worstTts={worstTts} bottleneck={bottleneck} words={words} />}
      {figures.length > 0 && (
        <ul className="ls-node__figures">
          {figures.slice(0, MAX_FIGURES).map((f) => (
            <li key={`${f.field}:${f.mineral}`} title={figureFullText(intl, f)}>
              <i className="ls-dot" style={{ background: mineralColor(f.mineral) }} />
              <span className="ls-node__mineral">{f.mineral}</span> <b>{figureText(intl, f)}</b>
            </li>
          ))}
          {figures.length > MAX_FIGURES && <li className="ls-node__more">{words.more(figures.length - MAX_FIGURES)}</li>}
        </ul>
      )}
      <CompactCard kind={node.kind} label={node.label} country={node.country} shortfall={shortfall} words={words} />
      <Handle type="source" position={Position.Right} isConnectable={isConnectable} />
    </div>
  );
}

/** The card's zoomed-out form (shown by CSS below the full-detail zoom): icon, short label, country, shortfall. */
function CompactCard({ kind, label, country, shortfall, words }: { kind: NodeKind; label: string; country: string; shortfall: number | null; words: CardWords }) {
  return (
    <div className="ls-node__compact">
      <span className="ls-node__compact-title">
        <span className="ls-node__compact-icon" aria-hidden="true"><KindIcon kind={kind} /></span>
        <span className="ls-node__compact-label">{shortLabel(label)}</span>
      </span>
      <span className="ls-node__compact-meta">
        <span className="ls-country-chip">{country}</span>
        {shortfall !== null && shortfall > 0 && <span className="ls-badge ls-badge--bad">{words.short(shortfall)}</span>}
      </span>
    </div>
  );
}

/** A mine. */
export const MineNode = memo((props: NodeProps<FlowNode>) => <NodeCard {...props} />);
MineNode.displayName = 'MineNode';
/** A refinery. */
export const RefineryNode = memo((props: NodeProps<FlowNode>) => <NodeCard {...props} />);
RefineryNode.displayName = 'RefineryNode';
/** A corridor, port, rail line, sea route or chokepoint. */
export const TransportNode = memo((props: NodeProps<FlowNode>) => <NodeCard {...props} />);
TransportNode.displayName = 'TransportNode';
/** A stockpile. */
export const StockpileNode = memo((props: NodeProps<FlowNode>) => <NodeCard {...props} />);
StockpileNode.displayName = 'StockpileNode';
/** A recycler. */
export const RecyclerNode = memo((props: NodeProps<FlowNode>) => <NodeCard {...props} />);
RecyclerNode.displayName = 'RecyclerNode';
/** A consumer. */
export const ConsumerNode = memo((props: NodeProps<FlowNode>) => <NodeCard {...props} />);
ConsumerNode.displayName = 'ConsumerNode';
/** A manufacturer (magnets, cathodes, anodes, wafers). */
export const ManufacturerNode = memo((props: NodeProps<FlowNode>) => <NodeCard {...props} />);
ManufacturerNode.displayName = 'ManufacturerNode';

/** Module-scope node types (a new object per render would remount every node). */
export const nodeTypes = {
  mine: MineNode,
  refinery: RefineryNode,
  transport: TransportNode,
  stockpile: StockpileNode,
  recycler: RecyclerNode,
  consumer: ConsumerNode,
  manufacturer: ManufacturerNode,
} satisfies NodeTypes;
