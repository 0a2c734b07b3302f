/**
 * The geographic view of the live board: country outlines, nodes at their latitude and longitude with the canvas's
 * icons and tints, flows as great-circle arcs. Selecting picks the node for the inspector; dragging a node (or
 * dropping one from the "not on the map" strip) sets its lat/lon as an undoable edit everyone sees.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import type { MapCenter, MapPoint } from '../../shared/presence/presence';
import { disruptedEdges } from '../canvas/disrupted';
import { LooksCache } from '../canvas/looks-cache';
import { peerMarks, peerSelectionKey } from '../canvas/flow-model';
import { ReroutePanel } from '../canvas/ReroutePanel';
import { rerouteView } from '../canvas/reroute-view';
import { throttle } from '../canvas/throttle';
import { downloadDataUrl, fileSlug } from '../export/export';
import type { BoardActions, Peer, PresenceActions } from '../state/types';
import { MapArc } from './MapArc';
import { MapCursors } from './MapCursors';
import { labelledNodes, type ViewRect } from './labels';
import { MapLegend } from './MapLegend';
import { MapNode } from './MapNode';
import { mapPngDataUrl, mapSvgDataUrl } from './map-export';
import { ArcPaths, mapArcs, mapNodes, pathWithMovedNode, type MovedNode } from './map-model';
import { MAP_SVG_STYLE } from './map-style';
import { nodesOffMap } from './off-map';
import { NODE_DRAG_TYPE, OffMapStrip } from './OffMapStrip';
import { MAP_HEIGHT, MAP_WIDTH, placeAt, worldProjection, type MapXY } from './projection';
import { usePanZoom } from './use-pan-zoom';
import { WORLD, centerOfView, frameAt, panBy, transformFor, visibleFrame, zoomAt, type MapTransform } from './view-transform';
import { WorldLayer } from './WorldLayer';
import './map.css';

/** Props of MapView. */
export interface MapViewProps {
  board: Board;
  exposure: ExposureReport | null;
  /** The adapted figures (after rerouting) are being recomputed. */
  reroutePending?: boolean;
  /** Absent: a map to look at only (a slide). */
  actions?: BoardActions;
  editable: boolean;
  peers?: readonly Peer[];
  selection?: readonly string[];
  onSelectionChange?(ids: string[]): void;
  /** When it changes, the map selects that node and centres it. */
  focus?: { id: string; nonce: number } | null;
  /** Where my map cursor and map view are published. */
  presence?: Pick<PresenceActions, 'setMapCursor' | 'setMapViewport'> | null;
  /** Following: the view to show (null: the whole world). Undefined: not following. */
  follow?: MapCenter | null;
  /** I moved the map myself (e.g. to stop following). */
  onUserMove?(): void;
  /** The map's accessible name (default: "World map of the supply graph"). */
  label?: string;
}

/** The one projection of the map frame. */
const PROJECTION = worldProjection();
/** Boards with at most this many placed nodes show labels at any zoom (see labels.ts). */
const SMALL_BOARD = 60;
/** Pointer travel (screen pixels) that makes a press a drag rather than a click. */
const DRAG_PX = 3;
const CURSOR_MS = 33;
/** Labels are placed again this long after the map was last drawn. */
const LABELS_MS = 80;
const FRAME: ViewRect = { left: 0, top: 0, right: MAP_WIDTH, bottom: MAP_HEIGHT };
const VIEW_MS = 80;
const NO_PEERS: readonly Peer[] = [];
const NO_IDS: readonly string[] = [];

type Gesture = { kind: 'pan' | 'node'; target: string | null; startX: number; startY: number; last: MapXY; moved: boolean; pointerId: number };

/** The map view. */
export function MapView({
  board, exposure, reroutePending = false, actions, editable, peers = NO_PEERS, selection = NO_IDS, onSelectionChange, focus, presence, follow, onUserMove, label,
}: MapViewProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `map.${id}` }, values);
  const canEdit = editable && actions !== undefined;
  const svg = useRef<SVGSVGElement>(null);
  const zoomGroup = useRef<SVGGElement>(null);
  const latest = useRef({ actions, onSelectionChange, presence, onUserMove, selection, canEdit });
  latest.current = { actions, onSelectionChange, presence, onUserMove, selection, canEdit };

  const publishView = useMemo(() => throttle<MapCenter | null>((c) => latest.current.presence?.setMapViewport(c), VIEW_MS), []);
  const sendCursor = useMemo(() => throttle<MapPoint | null>((p) => latest.current.presence?.setMapCursor(p), CURSOR_MS), []);
  useEffect(() => () => {
    publishView.cancel();
    sendCursor.cancel();
    latest.current.presence?.setMapCursor(null);
  }, [publishView, sendCursor]);
  const onMove = useCallback((next: MapTransform, mine: boolean) => {
    if (!mine) return;
    latest.current.onUserMove?.();
    publishView(centerOfView(PROJECTION, next));
  }, [publishView]);
  // The view drawn for real (not during a pan's slide): which labels show depends on it. A burst of wheel
  // steps re-places the labels once, after it.
  const [drawn, setDrawn] = useState<{ t: MapTransform; view: ViewRect }>({ t: WORLD, view: FRAME });
  const labelTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onDrawn = useCallback((t: MapTransform) => {
    if (labelTimer.current !== null) clearTimeout(labelTimer.current);
    labelTimer.current = setTimeout(() => {
      labelTimer.current = null;
      const box = svg.current?.parentElement;
      setDrawn({ t, view: box && box.clientWidth > 0 ? visibleFrame(box.clientWidth, box.clientHeight) : FRAME });
    }, LABELS_MS);
  }, []);
  useEffect(() => () => {
    if (labelTimer.current !== null) clearTimeout(labelTimer.current);
  }, []);
  const pz = usePanZoom(svg, zoomGroup, onMove, onDrawn);

  // Following someone: show their view (null: the whole world).
  const followKey = follow === undefined ? undefined : follow === null ? 'world' : `${follow.lon},${follow.lat},${follow.zoom}`;
  useEffect(() => {
    if (followKey === undefined) return;
    pz.apply(follow ? transformFor(PROJECTION, follow) : WORLD, false);
    // `followKey` names the wanted view; `follow` changes identity on every awareness update.
  }, [followKey, pz.apply]);

  const looksCache = useMemo(() => new LooksCache(), []);
  const looks = useMemo(() => looksCache.get(exposure), [looksCache, exposure]);
  const items = useMemo(() => mapNodes(board.nodes, PROJECTION, looks), [board.nodes, looks]);
  const { nodes: boardNodes, edges: boardEdges, scenario } = board;
  const cut = useMemo(() => disruptedEdges({ nodes: boardNodes, edges: boardEdges, scenario }), [boardNodes, boardEdges, scenario]);
  const [afterReroute, setAfterReroute] = useState(false);
  const rerouted = useMemo(() => (afterReroute ? rerouteView(exposure) : null), [afterReroute, exposure]);
  const paths = useMemo(() => new ArcPaths(PROJECTION), []);
  const arcs = useMemo(() => mapArcs(boardEdges, boardNodes, paths, cut, rerouted), [boardEdges, boardNodes, paths, cut, rerouted]);
  const offMap = useMemo(() => nodesOffMap(boardNodes), [boardNodes]);
  const labels = useMemo(() => new Map(boardNodes.map((n) => [n.id, n.label])), [boardNodes]);
  const selectionKey = selection.join('\u0000');
  const selected = useMemo(() => new Set(selectionKey === '' ? [] : selectionKey.split('\u0000')), [selectionKey]);
  const peerKey = peerSelectionKey([...peers]);
  const marks = useMemo(() => peerMarks([...peers]), [peerKey]);
  const [legendOpen, setLegendOpen] = useState(false);
  const labelCandidates = useMemo(() => items.map((i) => ({ id: i.node.id, x: i.x, y: i.y, dx: i.dx, dy: i.dy, label: i.node.label, criticality: i.criticality })), [items]);
  const labelled = useMemo(() => labelledNodes(labelCandidates, drawn.t, drawn.view, selected, items.length <= SMALL_BOARD), [labelCandidates, drawn, selected, items.length]);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  // While a node is dragged, its flows follow it (only theirs are recomputed).
  const placeOf = useMemo(() => new Map(items.map((i) => [i.node.id, { lat: i.node.lat!, lon: i.node.lon! }])), [items]);
  const moved = useMemo<MovedNode | null>(() => {
    const place = drag ? placeAt(PROJECTION, drag) : null;
    return drag && place ? { id: drag.id, place } : null;
  }, [drag]);
  const [exportError, setExportError] = useState(false);

  /** Tells the page and my peers what I selected. */
  const select = useCallback((ids: string[]) => {
    latest.current.onSelectionChange?.(ids);
    latest.current.actions?.setSelection(ids);
  }, []);
  const pick = useCallback((id: string | null, toggle: boolean) => {
    const current = latest.current.selection;
    if (id === null) {
      if (current.length > 0) select([]);
    } else if (toggle) select(current.includes(id) ? current.filter((x) => x !== id) : [...current, id]);
    else select([id]);
  }, [select]);

  // Focus requests from the page: select, then centre (zoomed in at least 4 times).
  useEffect(() => {
    if (!focus) return;
    const item = items.find((i) => i.node.id === focus.id);
    if (!item || typeof item.node.lat !== 'number' || typeof item.node.lon !== 'number') return;
    select([focus.id]);
    pz.apply(transformFor(PROJECTION, { lon: item.node.lon, lat: item.node.lat, zoom: Math.max(pz.transform.current.k, 4) }), true);
    // Only a new focus request recentres; board edits must not.
  }, [focus?.id, focus?.nonce]);

  const gesture = useRef<Gesture | null>(null);
  const placeUnder = (clientX: number, clientY: number) => placeAt(PROJECTION, frameAt(pz.transform.current, pz.toFrame(clientX, clientY)));

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const target = event.target instanceof Element ? event.target : null;
    const nodeId = target?.closest('[data-map-node]')?.getAttribute('data-map-node') ?? null;
    const edgeId = target?.closest('[data-map-edge]')?.getAttribute('data-map-edge') ?? null;
    gesture.current = {
      kind: nodeId !== null && latest.current.canEdit ? 'node' : 'pan', target: nodeId ?? edgeId,
      startX: event.clientX, startY: event.clientY, last: pz.toFrame(event.clientX, event.clientY), moved: false, pointerId: event.pointerId,
    };
    event.currentTarget.setPointerCapture?.(event.pointerId);
    if (nodeId !== null && latest.current.canEdit) latest.current.actions?.gesture();
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (presence) sendCursor(placeUnder(event.clientX, event.clientY));
    const g = gesture.current;
    if (!g || g.pointerId !== event.pointerId) return;
    if (!g.moved && Math.hypot(event.clientX - g.startX, event.clientY - g.startY) < DRAG_PX) return;
    g.moved = true;
    const now = pz.toFrame(event.clientX, event.clientY);
    if (g.kind === 'pan') pz.apply(panBy(pz.transform.current, now.x - g.last.x, now.y - g.last.y), true);
    else if (g.target !== null) setDrag({ id: g.target, ...frameAt(pz.transform.current, now) });
    g.last = now;
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    if (!g || g.pointerId !== event.pointerId) return;
    gesture.current = null;
    if (g.kind === 'pan' && g.moved) pz.settle();
    if (g.kind === 'node' && g.moved && g.target !== null) {
      const place = placeUnder(event.clientX, event.clientY);
      if (place) latest.current.actions?.updateNode(g.target, { lat: place.lat, lon: place.lon });
      latest.current.actions?.gesture();
      setDrag(null);
      return;
    }
    if (!g.moved) pick(g.target, event.ctrlKey || event.metaKey);
  };
  const onPointerCancel = () => {
    gesture.current = null;
    setDrag(null);
  };
  const onPointerLeave = () => {
    sendCursor.cancel();
    latest.current.presence?.setMapCursor(null);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const id = event.target instanceof Element ? event.target.closest('[data-map-node]')?.getAttribute('data-map-node') : null;
    if (!id) return;
    event.preventDefault();
    pick(id, event.ctrlKey || event.metaKey);
  };
  const onDragOver = (event: DragEvent<SVGSVGElement>) => {
    if (!canEdit || !event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  const onDrop = (event: DragEvent<SVGSVGElement>) => {
    const id = event.dataTransfer.getData(NODE_DRAG_TYPE);
    if (!canEdit || !id || !labels.has(id)) return;
    event.preventDefault();
    const place = placeUnder(event.clientX, event.clientY);
    if (!place) return;
    actions?.updateNode(id, { lat: place.lat, lon: place.lon });
    select([id]);
  };

  const zoomBy = (factor: number) => pz.apply(zoomAt(pz.transform.current, { x: MAP_WIDTH / 2, y: MAP_HEIGHT / 2 }, factor), true);
  const exportAs = async (kind: 'png' | 'svg') => {
    const el = svg.current;
    if (!el) return;
    pz.settle();
    setExportError(false);
    try {
      downloadDataUrl(`${fileSlug(board.title)}-map.${kind}`, kind === 'svg' ? mapSvgDataUrl(el) : await mapPngDataUrl(el));
    } catch {
      setExportError(true);
    }
  };

  return (
    <div className="ls-map" data-testid="map-view" data-role={canEdit ? 'editor' : 'viewer'}>
      <svg
        ref={svg}
        className="ls-map-svg"
        data-map-svg=""
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        preserveAspectRatio="xMidYMid meet"
        role="application"
        aria-label={label ?? t('label')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        onPointerLeave={onPointerLeave}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDrop={onDrop}
      >
        <defs><style>{MAP_SVG_STYLE}</style></defs>
        <g ref={zoomGroup} data-map-zoom="">
          <WorldLayer />
          <g className="ls-map-arcs">
            {arcs.map((a) => (
              <MapArc
                key={a.edge.id} id={a.edge.id} d={pathWithMovedNode(a, moved, placeOf, paths)} kind={a.kind} stroke={a.stroke} width={a.width} dash={a.dash} mineral={a.edge.mineral}
                volume={a.edge.volume} capacity={a.edge.capacity} rerouted={a.rerouted} cutBy={a.cutBy}
                fromLabel={labels.get(a.edge.from) ?? a.edge.from} toLabel={labels.get(a.edge.to) ?? a.edge.to} selected={selected.has(a.edge.id)}
              />
            ))}
          </g>
          <g className="ls-map-nodes">
            {items.map((i) => {
              const dragged = drag !== null && drag.id === i.node.id;
              return (
                <MapNode
                  key={i.node.id} id={i.node.id} kind={i.node.kind} label={i.node.label} country={i.node.country}
                  x={dragged ? drag.x : i.x} y={dragged ? drag.y : i.y} dx={dragged ? 0 : i.dx} dy={dragged ? 0 : i.dy}
                  criticality={i.criticality} shortfall={i.shortfall} selected={selected.has(i.node.id)} peerColor={marks.get(i.node.id)?.color ?? null} dragging={dragged}
                  showLabel={dragged || labelled.has(i.node.id)}
                />
              );
            })}
          </g>
          <MapCursors peers={peers} projection={PROJECTION} />
        </g>
      </svg>
      <div className="ls-map-toolbar" role="toolbar" aria-label={t('label')}>
        {!canEdit && actions !== undefined && <span className="ls-toolbar__note">{t('toolbar.viewOnly')}</span>}
        <button type="button" className="ls-button" aria-label={t('toolbar.zoomIn')} title={t('toolbar.zoomIn')} onClick={() => zoomBy(1.6)}>+</button>
        <button type="button" className="ls-button" aria-label={t('toolbar.zoomOut')} title={t('toolbar.zoomOut')} onClick={() => zoomBy(1 / 1.6)}>−</button>
        <button type="button" className="ls-button" title={t('toolbar.worldTitle')} onClick={() => pz.apply(WORLD, true)}>{t('toolbar.world')}</button>
        <button type="button" className="ls-button" aria-pressed={legendOpen} onClick={() => setLegendOpen((o) => !o)} title={t('toolbar.legendTitle')}>{t('toolbar.legend')}</button>
        {actions !== undefined && (
          <span className="ls-map-export" role="group" aria-label={t('export.label')}>
            <button type="button" className="ls-button" title={t('export.pngTitle')} onClick={() => void exportAs('png')}>{t('export.png')}</button>
            <button type="button" className="ls-button" title={t('export.svgTitle')} onClick={() => void exportAs('svg')}>{t('export.svg')}</button>
          </span>
        )}
        {exportError && <span role="alert" className="ls-field__problem">{t('export.failed')}</span>}
      </div>
      <div className="ls-map-side">
        {actions !== undefined && <ReroutePanel on={afterReroute} onChange={setAfterReroute} view={rerouted} pending={reroutePending} />}
        {legendOpen && <MapLegend edges={boardEdges} onClose={() => setLegendOpen(false)} />}
      </div>
      <OffMapStrip nodes={offMap} editable={canEdit} selection={selected} onSelect={(id) => pick(id, false)} />
      {canEdit && <p className="ls-map-hint">{t('toolbar.hint')}</p>}
    </div>
  );
}
