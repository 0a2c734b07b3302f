/** What the live canvas and the read-only boards (snapshots, compare, slides) draw alike: node and flow types, zoom range, grid. */
import { Background, BackgroundVariant } from '@xyflow/react';
import { edgeTypes } from './FlowEdge';
import { nodeTypes } from './nodes';

/** React Flow props both views pass: the card and flow types, the zoom range, no reconnecting and no Delete key (the board handles keys). */
export const BOARD_VIEW_PROPS = {
  nodeTypes,
  edgeTypes,
  fitView: true,
  minZoom: 0.05,
  maxZoom: 2.5,
  edgesReconnectable: false,
  deleteKeyCode: null,
} as const;

/** The board's light grid. */
export function BoardGrid() {
  return <Background variant={BackgroundVariant.Lines} gap={24} color="#eef0f4" />;
}
