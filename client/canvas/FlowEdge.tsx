/** The supply-flow edge: mineral colour, width by volume, dashed red when a lever cuts it. */
import { memo, useContext } from 'react';
import { getBezierPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { mineralColor } from '../state/look';
import { DISRUPTED_COLOR, type FlowEdge } from './flow-model';
import { EdgeLabelContext, FlowLabelPortal, flowLabelText } from './edge-labels';
import { volumeText } from './format';

/**
 * Draws one flow; the label sits in HTML above the pane so it stays readable. Whether a dense board shows
 * labels comes in `data` (rebuilt once when the zoom crosses the threshold), not from a per-edge store
 * subscription, which would run a selector per edge on every pan frame.
 */
export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const labels = useContext(EdgeLabelContext);
  if (!data) return null;
  const { edge, width, disruptedBy, peer, showLabel } = data;
  const disrupted = disruptedBy !== null;
  const stroke = disrupted ? DISRUPTED_COLOR : mineralColor(edge.mineral);
  const text = flowLabelText(edge, labels.compact);
  return (
    <>
      {peer && <path d={path} className="ls-edge__peer" fill="none" style={{ stroke: peer.color, strokeWidth: width + 7 }} />}
      <path
        id={id}
        d={path}
        fill="none"
        className={`react-flow__edge-path ls-edge__path${disrupted ? ' ls-edge__path--disrupted' : ''}`}
        style={{ stroke, strokeWidth: selected ? width + 1.5 : width, strokeDasharray: disrupted ? '7 5' : undefined }}
        markerEnd={markerEnd}
        data-disrupted={disrupted ? 'true' : 'false'}
      />
      <path d={path} fill="none" className="react-flow__edge-interaction" strokeOpacity={0} strokeWidth={Math.max(20, width + 10)} />
      {((showLabel && !labels.hidden.has(id)) || selected) && (
      <FlowLabelPortal>
        <div
          className={`ls-edge-label nodrag nopan${disrupted ? ' ls-edge-label--disrupted' : ''}${selected ? ' ls-edge-label--selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, ...(peer ? { boxShadow: `0 0 0 2px ${peer.color}` } : {}) }}
          data-testid={`edge-${id}`}
          data-disrupted={disrupted ? 'true' : 'false'}
          data-peer-selected={peer?.names}
          title={disrupted ? `Cut by: ${disruptedBy}` : edge.label ?? (labels.compact ? `${edge.mineral} · ${volumeText(edge.volume)}` : text)}
        >
          {disrupted && <span className="ls-edge-label__icon" role="img" aria-label="disrupted">⛔</span>}
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
