/** The supply-flow edge: mineral colour, width by volume, dashed red when a lever cuts it, dashed grey for an alternative route. */
import { memo, useContext } from 'react';
import { getBezierPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { useIntl, type IntlShape } from 'react-intl';
import { mineralColor } from '../state/look';
import { Icon } from '../state/Icon';
import { DISRUPTED_ICON } from '../state/kind-icons';
import { DISRUPTED_COLOR, type FlowEdge } from './flow-model';
import { arrowId, EdgeCutContext } from './edge-cut';
import { EdgeLabelContext, FlowLabelPortal, flowLabelText } from './edge-labels';
import { ALTERNATIVE_COLOR, flowText, isAlternative } from './route-look';

interface FlowWords {
  disrupted: string;
  bottleneck: string;
  bottleneckTitle: string;
  cutBy: readonly [string, string];
}
const flowWords = new WeakMap<IntlShape, FlowWords>();

/** The fixed words of flow labels, once per language. */
function wordsOf(intl: IntlShape): FlowWords {
  let w = flowWords.get(intl);
  if (!w) {
    const cut = intl.formatMessage({ id: 'canvas.flow.cutBy' }, { levers: '\uE000' }).split('\uE000');
    w = {
      disrupted: intl.formatMessage({ id: 'canvas.flow.disrupted' }),
      bottleneck: intl.formatMessage({ id: 'canvas.flow.bottleneck' }),
      bottleneckTitle: intl.formatMessage({ id: 'canvas.flow.bottleneckTitle' }),
      cutBy: [cut[0] ?? '', cut[1] ?? ''],
    };
    flowWords.set(intl, w);
  }
  return w;
}

/**
 * Draws one flow; the label sits in HTML above the pane so it stays readable. Whether a dense board shows
 * labels comes in `data` (rebuilt once when the zoom crosses the threshold), not from a per-edge store
 * subscription, which would run a selector per edge on every pan frame.
 */
export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const labels = useContext(EdgeLabelContext);
  const cut = useContext(EdgeCutContext);
  const intl = useIntl();
  if (!data) return null;
  const words = wordsOf(intl);
  const { edge, width, peer } = data;
  const levers = cut?.get(id);
  const disruptedBy = cut === null ? data.disruptedBy : levers ? levers.map((l) => l.label).join(', ') : null;
  const disrupted = disruptedBy !== null;
  // Dense boards zoomed out still label cut flows.
  const showLabel = data.showLabel || disrupted;
  const rerouted = data.rerouted ?? null;
  // With "after rerouting" on, an alternative route that carries flow lights up in its mineral's colour.
  const alternative = !disrupted && isAlternative(edge) && !(rerouted !== null && rerouted > 0);
  const stroke = disrupted ? DISRUPTED_COLOR : alternative ? ALTERNATIVE_COLOR : mineralColor(edge.mineral);
  const fullText = flowText(intl, edge, rerouted);
  const text = rerouted !== null ? fullText : flowLabelText(intl, edge, labels.compact);
  const bottleneck = data.bottleneck === true;
  return (
    <>
      {peer && <path d={path} className="ls-edge__peer" fill="none" style={{ stroke: peer.color, strokeWidth: width + 7 }} />}
      <path
        id={id}
        d={path}
        fill="none"
        className={`react-flow__edge-path ls-edge__path${disrupted ? ' ls-edge__path--disrupted' : ''}`}
        style={{ stroke, strokeWidth: selected ? width + 1.5 : width, strokeDasharray: disrupted ? '7 5' : alternative ? '4 4' : undefined }}
        markerEnd={markerEnd ?? `url('#${arrowId(stroke)}')`}
        data-disrupted={disrupted ? 'true' : 'false'}
        data-alternative={alternative ? 'true' : undefined}
        data-rerouted={rerouted === null ? undefined : String(rerouted)}
        data-bottleneck={bottleneck ? 'true' : undefined}
      />
      <path d={path} fill="none" className="react-flow__edge-interaction" strokeOpacity={0} strokeWidth={Math.max(20, width + 10)} />
      {((showLabel && !labels.hidden.has(id)) || selected) && (
      <FlowLabelPortal>
        <div
          className={`ls-edge-label nodrag nopan${disrupted ? ' ls-edge-label--disrupted' : ''}${selected ? ' ls-edge-label--selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, ...(peer ? { boxShadow: `0 0 0 2px ${peer.color}` } : {}) }}
          data-testid={`edge-${id}`}
          data-disrupted={disrupted ? 'true' : 'false'}
          data-rerouted={rerouted === null ? undefined : String(rerouted)}
          data-peer-selected={peer?.names}
          title={disrupted ? `${words.cutBy[0]}${disruptedBy}${words.cutBy[1]}` : edge.label ?? fullText}
        >
          {disrupted && <span className="ls-edge-label__icon"><Icon shapes={DISRUPTED_ICON} label={words.disrupted} /></span>}
          {bottleneck && <span className="ls-edge-label__icon" role="img" aria-label={words.bottleneck} title={words.bottleneckTitle}>⚠</span>}
          <i className="ls-dot" style={{ background: mineralColor(edge.mineral) }} />
          {text}
        </div>
      </FlowLabelPortal>
      )}
    </>
  );
});

/** Module-scope edge types. */
export const edgeTypes = { flow: FlowEdgeView } satisfies EdgeTypes;
