/**
 * Local React Flow state derived from the live board. Every change React Flow reports is applied locally;
 * only positions (throttled while dragging, final on drop) and removals go to the board, through actions.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useIntl } from 'react-intl';
import type { Board, Disruption, Position } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import type { BoardActions, Peer } from '../state/types';
import { flowA11y } from './board-view';
import { disruptedEdges } from './disrupted';
import { LooksCache } from './looks-cache';
import { NodeLooksStore } from './node-looks-store';
import { peerMarks, peerSelectionKey, syncEdges, syncNodes, type FlowEdge, type FlowNode } from './flow-model';
import type { RerouteView } from './reroute-view';
import { positionWriter } from './throttle';

const NO_CUT: ReadonlyMap<string, Disruption[]> = new Map();

/** Milliseconds between two position writes while dragging. */
export const DRAG_WRITE_MS = 50;

/** Inputs of useFlowState. */
export interface FlowStateInput {
  board: Board;
  exposure: ExposureReport | null;
  peers: Peer[];
  selection: string[];
  editable: boolean;
  actions: BoardActions;
  /** Zoomed in enough to show every edge label. */
  zoomedIn: boolean;
  /** Dense board zoomed far out: only selected edges go to React Flow (FarEdges draws the rest). */
  farLayer?: boolean;
  /** "After rerouting" on: the rerouted picture to draw (null or absent: the plan). */
  rerouted?: RerouteView | null;
}

/** React Flow nodes, edges and change handlers for one board. */
export function useFlowState({ board, exposure, peers, selection, editable, actions, zoomedIn, farLayer = false, rerouted = null }: FlowStateInput) {
  const latest = useRef({ actions, editable });
  latest.current = { actions, editable };

  // Keyed on content: a page that passes a fresh but equal array must not reset React Flow's selection.
  const selectionKey = selection.join('\u0000');
  const selected = useMemo(() => new Set(selectionKey === '' ? [] : selectionKey.split('\u0000')), [selectionKey]);
  const looksCache = useMemo(() => new LooksCache(), []);
  // The same Map while no card's figures change (e.g. the adapted reply, which only brings reroute blocks).
  const looks = useMemo(() => looksCache.get(exposure), [looksCache, exposure]);
  // Cards read their figures from the store (NodeLooksContext), not from node data: new figures replace no node.
  // The store starts with the first looks (the first draw shows them) and takes later ones after the commit,
  // where only the cards whose figures changed re-render.
  const [looksStore] = useState(() => new NodeLooksStore(looks));
  useEffect(() => looksStore.set(looks), [looksStore, looks]);
  const peerKey = peerSelectionKey(peers);
  // Recomputed when someone's selection changes, not on every cursor move.
  const marks = useMemo(() => peerMarks(peers), [peerKey]);
  const { nodes: boardNodes, edges: boardEdges, scenario } = board;
  const cut = useMemo(() => disruptedEdges({ nodes: boardNodes, edges: boardEdges, scenario }), [boardNodes, boardEdges, scenario]);
  // Keyed on the ids, not the array: moving a node must not re-derive every edge.
  const idKey = boardNodes.map((n) => n.id).join('\u0000');
  const nodeIds = useMemo(() => new Set(idKey === '' ? [] : idKey.split('\u0000')), [idKey]);
  // Flows are named by their nodes' labels for screen readers: keyed on the labels, so a move re-derives no edge.
  const labelKey = boardNodes.map((n) => `${n.id}\u0001${n.label}`).join('\u0000');
  const labels = useMemo(() => new Map(labelKey === '' ? [] : labelKey.split('\u0000').map((pair) => pair.split('\u0001') as [string, string])), [labelKey]);
  const a11y = flowA11y(useIntl());

  const bottlenecks = rerouted?.bottleneckNodes;
  const nodeCtx = useMemo(() => ({ marks, selected, bottlenecks, a11y }), [marks, selected, bottlenecks, a11y]);
  // The cut reaches the edge views through EdgeCutContext: a lever toggle changes no edge object.
  const edgeCtx = useMemo(
    () => ({ nodeIds, cut: NO_CUT, cutInView: true, marks, selected, zoomedIn, farLayer, rerouted, a11y, labels }),
    [nodeIds, marks, selected, zoomedIn, farLayer, rerouted, a11y, labels],
  );
  const [nodes, setNodes] = useState<FlowNode[]>(() => syncNodes([], boardNodes, nodeCtx));
  const [edges, setEdges] = useState<FlowEdge[]>(() => syncEdges([], boardEdges, edgeCtx));
  // Derived while rendering (React's "adjust state when props change"), not in a layout effect: an effect's
  // update would re-render the canvas once more, synchronously, inside the commit of the change that caused it.
  const [derivedFrom, setDerivedFrom] = useState({ boardNodes, boardEdges, nodeCtx, edgeCtx });
  if (derivedFrom.boardNodes !== boardNodes || derivedFrom.nodeCtx !== nodeCtx) setNodes((prev) => syncNodes(prev, boardNodes, nodeCtx));
  if (derivedFrom.boardEdges !== boardEdges || derivedFrom.edgeCtx !== edgeCtx) setEdges((prev) => syncEdges(prev, boardEdges, edgeCtx));
  if (derivedFrom.boardNodes !== boardNodes || derivedFrom.nodeCtx !== nodeCtx || derivedFrom.boardEdges !== boardEdges || derivedFrom.edgeCtx !== edgeCtx) {
    setDerivedFrom({ boardNodes, boardEdges, nodeCtx, edgeCtx });
  }
  // Edge ids React Flow draws itself while FarEdges draws the others.
  const edgeIdKey = farLayer ? edges.map((e) => e.id).join('\u0000') : '';
  const drawnByFlow = useMemo(() => new Set(edgeIdKey === '' ? [] : edgeIdKey.split('\u0000')), [edgeIdKey]);

  const dragWrites = useMemo(() => positionWriter<Position>((p) => latest.current.actions.moveNodes(p, false), DRAG_WRITE_MS), []);
  useEffect(() => () => dragWrites.cancel(), [dragWrites]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const { actions: act, editable: canEdit } = latest.current;
      const moving: Record<string, Position> = {};
      const dropped: Record<string, Position> = {};
      const removed: string[] = [];
      const local: NodeChange<FlowNode>[] = [];
      for (const change of changes) {
        if (change.type === 'remove') {
          if (!canEdit) continue;
          removed.push(change.id);
        } else if (change.type === 'position' && change.position && canEdit) {
          // A click emits a position change without a position (xyflow#3833): nothing to write then.
          (change.dragging ? moving : dropped)[change.id] = { x: change.position.x, y: change.position.y };
        }
        local.push(change);
      }
      setNodes((prev) => applyNodeChanges(local, prev));
      if (Object.keys(moving).length > 0) dragWrites.push(moving);
      if (Object.keys(dropped).length > 0) {
        dragWrites.cancel();
        act.moveNodes(dropped, true);
      }
      if (removed.length > 0) act.deleteItems(removed);
    },
    [dragWrites],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const { actions: act, editable: canEdit } = latest.current;
    const local = canEdit ? changes : changes.filter((c) => c.type !== 'remove');
    setEdges((prev) => applyEdgeChanges(local, prev));
    const removed = local.flatMap((c) => (c.type === 'remove' ? [c.id] : []));
    if (removed.length > 0) act.deleteItems(removed);
  }, []);

  return { nodes, edges, onNodesChange, onEdgesChange, cut, drawnByFlow, looks, looksStore };
}
