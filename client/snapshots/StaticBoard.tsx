/**
 * A board drawn read-only with the canvas's own node cards and flows, without a live session: for opened
 * snapshots, comparisons (changed items highlighted) and presentation slides. Pan and zoom only.
 */
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import './snapshots.css';
import { useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import { disruptedEdges } from '../canvas/disrupted';
import { BOARD_VIEW_PROPS, BoardGrid, flowA11y, flowAriaLabels } from '../canvas/board-view';
import { nodeLooks, syncEdges, syncNodes, type FlowA11y, type FlowEdge, type FlowNode } from '../canvas/flow-model';
import type { ChangeKind } from '../../shared/board/diff';
import { NodeLooksContext, NodeLooksStore } from '../canvas/node-looks-store';

/** Props of StaticBoard. */
export interface StaticBoardProps {
  board: Board;
  /** Tints nodes by criticality and badges consumers by shortfall, as the live canvas does. */
  exposure?: ExposureReport | null;
  /** Node id -> how it changed; those nodes get an outline (green added, red removed, amber changed). */
  highlight?: ReadonlyMap<string, ChangeKind>;
  /** Edge ids drawn highlighted. */
  highlightEdges?: ReadonlySet<string>;
  /** Which side of a comparison this is (a data attribute for styling and tests). */
  side?: 'from' | 'to';
  /** Extra React Flow children (they may use React Flow hooks), e.g. viewport following. */
  children?: ReactNode;
  /** Show zoom buttons (default true). */
  controls?: boolean;
  'aria-label'?: string;
}

const FIT_VIEW = { padding: 0.12 };
const NO_MARKS = new Map();
const NONE = new Set<string>();

/** React Flow nodes and edges of a board, with highlight classes (the cards' exposure figures come from a NodeLooksStore). */
export function staticFlow(
  board: Board, highlight?: ReadonlyMap<string, ChangeKind>, highlightEdges?: ReadonlySet<string>, a11y?: FlowA11y,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const nodes = syncNodes([], board.nodes, { marks: NO_MARKS, selected: NONE, a11y }).map((n) => {
    const change = highlight?.get(n.id);
    return change ? { ...n, className: `ls-fac-hl ls-fac-hl--${change}` } : n;
  });
  const nodeIds = new Set(board.nodes.map((n) => n.id));
  const labels = new Map(board.nodes.map((n) => [n.id, n.label]));
  const edges = syncEdges([], board.edges, { nodeIds, cut: disruptedEdges(board), marks: NO_MARKS, selected: NONE, zoomedIn: true, a11y, labels }).map((e) =>
    highlightEdges?.has(e.id) ? { ...e, className: 'ls-fac-hl-edge' } : e,
  );
  return { nodes, edges };
}

/** The read-only canvas; give it a parent with a height. */
export function StaticBoard({ board, exposure = null, highlight, highlightEdges, side, children, controls = true, ...rest }: StaticBoardProps) {
  const intl = useIntl();
  const { nodes, edges } = useMemo(() => staticFlow(board, highlight, highlightEdges, flowA11y(intl)), [board, highlight, highlightEdges, intl]);
  const looks = useMemo(() => new NodeLooksStore(nodeLooks(exposure)), [exposure]);
  return (
    <div className="ls-fac-static" data-side={side} data-testid={side ? `static-board-${side}` : 'static-board'}>
      <NodeLooksContext.Provider value={looks}>
      <ReactFlowProvider>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          {...BOARD_VIEW_PROPS}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          fitViewOptions={FIT_VIEW}
          aria-label={rest['aria-label'] ?? intl.formatMessage({ id: 'snapshots.static.label' }, { title: board.title })}
          ariaLabelConfig={flowAriaLabels(intl)}
        >
          <BoardGrid />
          {controls && <Controls showInteractive={false} />}
          {children}
        </ReactFlow>
      </ReactFlowProvider>
      </NodeLooksContext.Provider>
    </div>
  );
}
