/** The collaborative supply-graph canvas: React Flow over the live board, edited only through BoardActions. */
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent as ReactMouseEvent, type PointerEvent, type ReactNode } from 'react';
import {
  Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStore,
  type Connection, type Edge, type FinalConnectionState, type Node, type OnSelectionChangeParams,
} from '@xyflow/react';
import { useIntl } from 'react-intl';
import type { BoardNode, Position } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import type { BoardActions, BoardViewState } from '../state/types';
import { ConnectDialog, FarLayer, Legend, NotesLayer, PeerCursors, preloadFarLayer, ReroutePanel, SearchBox } from './lazy-canvas';
import { useAddNote } from './add-note';
import { farNodeAt, useNodeBoxes } from './node-boxes';
import { BOARD_VIEW_PROPS, BoardGrid, flowAriaLabels } from './board-view';
import { DENSE_EDGES, DISRUPTED_COLOR, type FlowEdge, type FlowNode } from './flow-model';
import { mineralColor } from '../state/look';
import { ALTERNATIVE_COLOR } from './route-look';
import { newId } from './ids';
import { DEFAULT_NODE_SIZE } from './node-size';
import { EdgeArrows, EdgeCutContext } from './edge-cut';
import { EdgeLabelContext, LabelLayerContext, useEdgeLabelLook } from './edge-labels';
import type { SearchBoxHandle } from './SearchBox';
import { detailLevel, textScale, zoomStep } from './lod';
import { minimapColor } from './minimap';
import { NodeLooksContext } from './node-looks-store';
import { FarCardsContext } from './nodes';
import { Palette } from './Palette';
import { throttle } from './throttle';
import { useCanvasCommands } from './use-canvas-commands';
import { useInitialFit } from './use-initial-fit';
import { useFlowState } from './use-flow-state';
import { rerouteView } from './reroute-view';
import { useShortcuts } from './use-shortcuts';

/** Props of the canvas. The page owns the selection; the canvas reports changes to it. */
export interface CanvasProps {
  /** state.board is the live board; state.peers others' cursors and selections; state.role what I may do. */
  state: BoardViewState;
  actions: BoardActions;
  /** For consumer shortfall badges and the criticality tint. */
  exposure: ExposureReport | null;
  /** Ids of the selected nodes and edges. */
  selection: string[];
  onSelectionChange(ids: string[]): void;
  /** When it changes, the canvas selects that node (or edge) and centres it. */
  focus: { id: string; nonce: number } | null;
  /** Opens the page's help dialog ("?"). */
  onHelp?(): void;
  /** Extra React Flow children (they may use React Flow hooks), e.g. viewport following. */
  children?: ReactNode;
  /** The adapted figures (after rerouting) of the report are being recomputed. */
  reroutePending?: boolean;
}

/** Boards above this many nodes only render what is on screen. */
export const VISIBLE_ONLY_NODES = 500;
/** Milliseconds between two cursor broadcasts (about 30 per second). */
export const CURSOR_MS = 33;

// React Flow fits once the first nodes are measured, also when the board arrives after the canvas mounts.
const FIT_VIEW = { padding: 0.12, maxZoom: 1.2 };
const MIN_ZOOM = 0.05;
const FIRST_FIT = { ...FIT_VIEW, minZoom: MIN_ZOOM };
/** Below this zoom, dense boards unmount ordinary edge labels. */
export const LABEL_ZOOM = 0.5;
/** Below this zoom, node cards draw as plain tinted blocks. */
export const FAR_ZOOM = 0.35;
/**
 * The one zoom subscription: the band (whether dense boards show labels or the far layer), the detail level
 * and the text step (root classes and a CSS variable, so cards change form without re-rendering).
 */
const zoomView = (s: { transform: [number, number, number] }) => {
  const z = s.transform[2];
  return `${z < FAR_ZOOM ? 'far' : z < LABEL_ZOOM ? 'mid' : 'near'}:${detailLevel(z)}:${zoomStep(z)}`;
};
const sameIds = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((id) => set.has(id));
};
let layerCache: { root: Element | null; layer: HTMLElement | null } = { root: null, layer: null };
/** The flow label layer of the canvas's React Flow element (queried again only when that element changes). */
const labelLayerOf = (s: { domNode: Element | null }): HTMLElement | null => {
  if (layerCache.root !== s.domNode || (layerCache.layer === null && s.domNode !== null)) {
    layerCache = { root: s.domNode, layer: s.domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null };
  }
  return layerCache.layer;
};
const isNewFlow = (c: Connection | Edge) => c.source !== c.target;
const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];

/** The canvas, with its own React Flow provider. */
export function Canvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasFlow {...props} />
    </ReactFlowProvider>
  );
}

function mineralsOnBoard(nodes: BoardNode[], edges: { mineral: string }[]): string[] {
  const set = new Set<string>();
  for (const e of edges) set.add(e.mineral);
  for (const n of nodes) for (const field of [n.capacity, n.demand, n.stock]) for (const m of Object.keys(field ?? {})) set.add(m);
  return [...set].sort();
}

function CanvasFlow({ state, actions, exposure, selection, onSelectionChange, focus, onHelp, children, reroutePending = false }: CanvasProps) {
  const board = state.board;
  const editable = state.role !== 'viewer';
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `canvas.${id}` });
  const latest = useRef({ actions, selection, onSelectionChange, board, editable });
  latest.current = { actions, selection, onSelectionChange, board, editable };

  const [band, detail, stepText] = useStore(zoomView).split(':');
  // One lookup of the label layer for every flow label (see LabelLayerContext).
  const labelLayer = useStore(labelLayerOf);
  const scale = textScale(Number(stepText));
  const farLayer = band === 'far' && board.edges.length > DENSE_EDGES;
  const [afterReroute, setAfterReroute] = useState(false);
  const rerouted = useMemo(() => (afterReroute ? rerouteView(exposure) : null), [afterReroute, exposure]);
  const { nodes, edges, onNodesChange, onEdgesChange, cut, drawnByFlow, looks, looksStore } = useFlowState({
    board, exposure, peers: state.peers, selection, editable, actions, zoomedIn: band === 'near', farLayer, rerouted,
  });

  const boxes = useNodeBoxes(farLayer ? nodes : NO_NODES);
  // One arrowhead per colour a flow can take (the flows pick theirs, see EdgeCutContext).
  const arrowColors = useMemo(() => [...new Set([DISRUPTED_COLOR, ALTERNATIVE_COLOR, ...board.edges.map((e) => mineralColor(e.mineral))])], [board.edges]);
  const dense = board.edges.length > DENSE_EDGES;
  useEffect(() => {
    if (dense) preloadFarLayer();
  }, [dense]);
  // Dense boards place labels too once they are shown (near band), so hundreds of stacked labels are not painted.
  const labelLook = useEdgeLabelLook(nodes, board.edges, cut, detail !== 'full', scale, !dense || band === 'near');
  // While a dense board pans, its viewport is one composited layer and flow labels are not painted.
  const [moving, setMoving] = useState(false);
  const onMoveStart = useCallback(() => setMoving(true), []);
  const onMoveEnd = useCallback(() => setMoving(false), []);
  const [legendOpen, setLegendOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const fitted = useInitialFit(board.nodes, state.loaded, board.nodes.length > VISIBLE_ONLY_NODES, root, FIRST_FIT);
  const farLatest = useRef({ farLayer, nodes, boxes });
  farLatest.current = { farLayer, nodes, boxes };

  /** The one way the canvas changes the selection: tell the page and my peers. */
  const select = useCallback((ids: string[]) => {
    latest.current.onSelectionChange(ids);
    latest.current.actions.setSelection(ids);
  }, []);
  const onFlowSelection = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams<Node, Edge>) => {
      const ids = [...n.map((x) => x.id), ...e.map((x) => x.id)];
      if (!sameIds(ids, latest.current.selection)) select(ids);
    },
    [select],
  );
  const onDragStart = useCallback(() => latest.current.actions.gesture(), []);
  // In the far layer node cards are not in the DOM: a click on the pane over a block selects that node.
  const onClickCapture = useCallback((e: ReactMouseEvent<HTMLDivElement>) => {
    const far = farLatest.current;
    if (!far.farLayer || !(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const id = farNodeAt(far.nodes, far.boxes, p.x, p.y);
    if (id === null) return;
    e.stopPropagation();
    const current = latest.current.selection;
    const toggle = e.ctrlKey || e.metaKey;
    select(toggle ? (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]) : [id]);
  }, [rf, select]);

  // My cursor, in flow coordinates, about 30 times a second.
  const sendCursor = useMemo(() => throttle<Position>((p) => latest.current.actions.setCursor(p), CURSOR_MS), []);
  useEffect(() => () => sendCursor.cancel(), [sendCursor]);
  const onPointerMove = useCallback((e: PointerEvent) => sendCursor(rf.screenToFlowPosition({ x: e.clientX, y: e.clientY })), [rf, sendCursor]);
  const onPointerLeave = useCallback(() => {
    sendCursor.cancel();
    latest.current.actions.setCursor(null);
  }, [sendCursor]);

  /** Selects a node or an edge and centres it (at least at zoom 1); false when it is not on the board. */
  const flyTo = useCallback((id: string) => {
    const { board: b } = latest.current;
    const center = (nodeId: string) => {
      const node = b.nodes.find((n) => n.id === nodeId);
      if (!node) return null;
      const measured = rf.getNode(nodeId)?.measured;
      return { x: node.position.x + (measured?.width ?? DEFAULT_NODE_SIZE.width) / 2, y: node.position.y + (measured?.height ?? DEFAULT_NODE_SIZE.height) / 2 };
    };
    const edge = b.edges.find((e) => e.id === id);
    const ends = edge ? [center(edge.from), center(edge.to)] : [center(id)];
    if (ends.some((p) => p === null)) return false;
    const points = ends as Position[];
    select([id]);
    const x = points.reduce((s, p) => s + p.x, 0) / points.length;
    const y = points.reduce((s, p) => s + p.y, 0) / points.length;
    void rf.setCenter(x, y, { zoom: Math.max(rf.getZoom(), 1), duration: 400 });
    return true;
  }, [rf, select]);
  // Focus requests from the page: select, then centre.
  useEffect(() => {
    if (focus) flyTo(focus.id);
    // Only a new focus request (id or nonce) recentres; board edits must not.
  }, [focus?.id, focus?.nonce, flyTo]);
  // The search box comes in its own chunk: a search shortcut pressed before it is there focuses it when it arrives.
  const search = useRef<SearchBoxHandle | null>(null);
  const searchWanted = useRef(false);
  const searchRef = useCallback((box: SearchBoxHandle | null) => {
    search.current = box;
    if (box && searchWanted.current) {
      searchWanted.current = false;
      box.focus();
    }
  }, []);
  const onSearch = useCallback(() => {
    if (search.current) search.current.focus();
    else searchWanted.current = true;
  }, []);

  // New flow: ask for the mineral first.
  const [pending, setPending] = useState<{ from: string; to: string } | null>(null);
  const onConnect = useCallback((c: Connection) => {
    if (latest.current.editable && isNewFlow(c)) setPending({ from: c.source, to: c.target });
  }, []);
  // Dropping on a node's body (not on its handle) connects too: people aim at the card, not the dot.
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
    if (!latest.current.editable || connection.isValid || !connection.fromNode || !connection.fromHandle) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    const target = point ? document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node') : null;
    const other = target?.dataset.id;
    const start = connection.fromNode.id;
    if (!other || other === start) return;
    setPending(connection.fromHandle.type === 'source' ? { from: start, to: other } : { from: other, to: start });
  }, []);
  const dialog = useMemo(() => {
    if (!pending) return null;
    const byId = (id: string) => board.nodes.find((n) => n.id === id);
    const from = byId(pending.from);
    const to = byId(pending.to);
    if (!from || !to) return null;
    const fromMinerals = [...Object.keys(from.capacity ?? {}), ...board.edges.filter((e) => e.to === from.id).map((e) => e.mineral)];
    return { from, to, minerals: mineralsOnBoard(board.nodes, board.edges), initial: fromMinerals[0] ?? '' };
  }, [pending, board.nodes, board.edges]);
  const confirmFlow = useCallback(
    (mineral: string, volume: number) => {
      if (pending) latest.current.actions.addEdge({ id: newId('e'), from: pending.from, to: pending.to, mineral, volume });
      setPending(null);
    },
    [pending],
  );
  const cancelFlow = useCallback(() => setPending(null), []);

  const commands = useCanvasCommands({ board, selection, actions, select, onHelp, onSearch });
  useShortcuts(commands, editable);
  const onAdded = useCallback((id: string) => select([id]), [select]);
  const addNote = useAddNote(actions);
  // A click on the mini map brings that place to the middle of the view, at the same zoom.
  const nodeColor = useCallback((n: FlowNode) => minimapColor(n, looks.get(n.id)), [looks]);
  const onMinimapClick = useCallback((_: unknown, p: { x: number; y: number }) => void rf.setCenter(p.x, p.y, { zoom: rf.getZoom(), duration: 300 }), [rf]);
  const [newNote, setNewNote] = useState<string | null>(null);
  const onNoteDone = useCallback(() => setNewNote(null), []);

  return (
    <div
      ref={root}
      className={`ls-canvas ls-canvas--${band} ls-canvas--lod-${detail}${farLayer ? ' ls-canvas--far-layer' : ''}${dense && moving ? ' ls-canvas--moving' : ''}`}
      style={{ '--ls-text-scale': scale } as CSSProperties}
      data-role={state.role}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onClickCapture={onClickCapture}
    >
      <NodeLooksContext.Provider value={looksStore}>
      <FarCardsContext.Provider value={farLayer}>
      <EdgeCutContext.Provider value={cut}>
      <EdgeLabelContext.Provider value={labelLook}>
      <LabelLayerContext.Provider value={labelLayer}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={fitted ? nodes : NO_NODES}
          edges={fitted ? edges : NO_EDGES}
          {...BOARD_VIEW_PROPS}
          // A large board is fitted by useInitialFit. React Flow's own fit would wait for measured cards, which the
          // far layer hides, and then undo the first zoom in (the first search flew to a node and back out).
          fitView={board.nodes.length <= VISIBLE_ONLY_NODES}
          minZoom={MIN_ZOOM}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onFlowSelection}
          onNodeDragStart={onDragStart}
          onSelectionDragStart={onDragStart}
          onMoveStart={dense ? onMoveStart : undefined}
          onMoveEnd={dense ? onMoveEnd : undefined}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          connectionRadius={30}
          isValidConnection={isNewFlow}
          nodesDraggable={editable}
          nodesConnectable={editable}
          elementsSelectable
          multiSelectionKeyCode={['Meta', 'Control']}
          onlyRenderVisibleElements={board.nodes.length > VISIBLE_ONLY_NODES && !farLayer}
          fitViewOptions={FIT_VIEW}
          aria-label={t('toolbar.canvas')}
          ariaLabelConfig={flowAriaLabels(intl)}
        >
          <Panel position="top-left" className="ls-toolbar">
            {editable ? <Palette actions={actions} onAdded={onAdded} /> : <span className="ls-toolbar__note">{t('toolbar.viewOnly')}</span>}
            {editable && (
              <button type="button" className="ls-button" onClick={() => setNewNote(addNote())} title={t('toolbar.addNoteTitle')}>
                {t('toolbar.addNote')}
              </button>
            )}
            {editable && (
              <button type="button" className="ls-button" onClick={() => commands.arrange()} title={t('toolbar.arrangeTitle')}>
                {t('toolbar.arrange')}
              </button>
            )}
            <button type="button" className="ls-button" aria-pressed={legendOpen} onClick={() => setLegendOpen((o) => !o)} title={t('toolbar.legendTitle')}>
              {t('toolbar.legend')}
            </button>
            {onHelp && (
              <button type="button" className="ls-button" aria-label={t('toolbar.shortcuts')} title={t('toolbar.shortcutsTitle')} onClick={onHelp}>
                ?
              </button>
            )}
            <SearchBox ref={searchRef} nodes={board.nodes} onPick={flyTo} />
          </Panel>
          <Panel position="top-right" className="ls-side">
            <ReroutePanel on={afterReroute} onChange={setAfterReroute} view={rerouted} pending={reroutePending} />
            {legendOpen && <Legend edges={board.edges} onClose={() => setLegendOpen(false)} />}
          </Panel>
          {farLayer && <FarLayer nodes={nodes} looks={looks} boxes={boxes} edges={board.edges} cut={cut} skip={drawnByFlow} rerouted={rerouted} />}
          <EdgeArrows colors={arrowColors} />
          <NotesLayer notes={board.notes} editable={editable} actions={actions} editId={newNote} onEditDone={onNoteDone} />
          <PeerCursors peers={state.peers} />
          <BoardGrid />
          <MiniMap<FlowNode> pannable zoomable onClick={onMinimapClick} nodeColor={nodeColor} nodeStrokeWidth={2} ariaLabel={t('toolbar.minimap')} />
          <Controls showInteractive={false} />
          {children}
        </ReactFlow>
      </LabelLayerContext.Provider>
      </EdgeLabelContext.Provider>
      </EdgeCutContext.Provider>
      </FarCardsContext.Provider>
      </NodeLooksContext.Provider>
      {!state.loaded && (
        <div className="ls-canvas__loading" role="status">
          {t('loading')}
        </div>
      )}
      {dialog && (
        <ConnectDialog
          fromLabel={dialog.from.label}
          toLabel={dialog.to.label}
          minerals={dialog.minerals}
          initialMineral={dialog.initial}
          onConfirm={confirmFlow}
          onCancel={cancelFlow}
        />
      )}
    </div>
  );
}
