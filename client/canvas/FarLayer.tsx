/** Dense boards zoomed far out: all flows and node blocks in one SVG of batched paths, inside the viewport. */
import { memo, useDeferredValue, useMemo } from 'react';
import { EdgeLabelRenderer } from '@xyflow/react';
import type { BoardEdge, Disruption } from '../../shared/board/types';
import { CurveCache, farEdgePaths, type NodeBox } from './far-edge-paths';
import { farNodePaths } from './far-node-paths';
import type { FlowNode, NodeLook } from './flow-model';
import type { RerouteView } from './reroute-view';

/** Props of FarLayer. */
export interface FarLayerProps {
  nodes: readonly FlowNode[];
  /** The nodes' exposure figures (the blocks' criticality tint). */
  looks: ReadonlyMap<string, NodeLook>;
  boxes: ReadonlyMap<string, NodeBox>;
  edges: readonly BoardEdge[];
  cut: ReadonlyMap<string, Disruption[]>;
  /** Edges React Flow still draws itself (selected or selected by a peer). */
  skip: ReadonlySet<string>;
  /** "After rerouting" on: the rerouted volumes to draw (null or absent: the plan). */
  rerouted?: RerouteView | null;
}

type FarEdgesProps = Pick<FarLayerProps, 'boxes' | 'edges' | 'cut' | 'skip' | 'rerouted'>;

/**
 * The flows. Its own component, redrawn in a background render of its own: a lever toggle redraws the flows and
 * the figures that follow redraw the node blocks, and neither waits for (or blocks a frame with) the other.
 */
const FarEdges = memo(function FarEdges(props: FarEdgesProps) {
  const { edges, boxes, cut, skip, rerouted = null } = useDeferredValue(props);
  const curves = useMemo(() => new CurveCache(), []);
  const edgePaths = useMemo(() => {
    const out = farEdgePaths(edges, boxes, cut, skip, curves, rerouted);
    curves.keepOnly(new Set(edges.map((e) => e.id)));
    return out;
  }, [edges, boxes, cut, skip, curves, rerouted]);
  return (
    <g className="ls-far-layer__edges" data-rerouted={rerouted === null ? undefined : 'true'}>
      {edgePaths.map((p) => (
        <path key={p.key} d={p.d} fill="none" stroke={p.color} strokeWidth={p.width} strokeDasharray={p.dashed ? '5 3' : p.alternative ? '3 3' : undefined}
          vectorEffect="non-scaling-stroke" data-disrupted={p.dashed ? 'true' : 'false'} data-alternative={p.alternative ? 'true' : undefined} />
      ))}
    </g>
  );
});

/** The node blocks and selection outlines (see FarEdges). */
const FarNodes = memo(function FarNodes(props: Pick<FarLayerProps, 'nodes' | 'boxes' | 'looks'>) {
  const { nodes, boxes, looks } = useDeferredValue(props);
  const nodePaths = useMemo(() => farNodePaths(nodes, boxes, looks), [nodes, boxes, looks]);
  return (
    <g className="ls-far-layer__nodes">
      {nodePaths.map((p) => (
        <path key={p.key} d={p.d} fill={p.fill} stroke={p.stroke} strokeWidth={p.outline ? 2 : 3}
          vectorEffect={p.outline ? 'non-scaling-stroke' : undefined} data-outline={p.outline ? 'true' : undefined} />
      ))}
    </g>
  );
});

/** Flows with screen-width strokes (disrupted ones dashed red), then node blocks tinted by criticality, then selection outlines. */
export const FarLayer = memo(function FarLayer({ nodes, looks, boxes, edges, cut, skip, rerouted = null }: FarLayerProps) {
  return (
    <EdgeLabelRenderer>
      <svg className="ls-far-layer" data-testid="far-layer" aria-hidden="true">
        <FarEdges edges={edges} boxes={boxes} cut={cut} skip={skip} rerouted={rerouted} />
        <FarNodes nodes={nodes} boxes={boxes} looks={looks} />
      </svg>
    </EdgeLabelRenderer>
  );
});
