/** Which flow labels the canvas shows and in which form, shared with every FlowEdge through one context. */
import { createContext, createElement, useContext, useDeferredValue, useMemo, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { EdgeLabelRenderer } from '@xyflow/react';
import { useIntl, type IntlShape } from 'react-intl';
import type { BoardEdge } from '../../shared/board/types';
import type { NodeBox } from './far-edge-paths';
import { useNodeBoxes } from './node-boxes';
import type { FlowNode } from './flow-model';
import { alternativeShortIn, flowTextIn, volumeIn } from './format';
import { hiddenLabels, type LabelBox } from './label-placement';
import { DEFAULT_NODE_SIZE } from './node-size';
import { mineralSymbol, shortFlowText } from './lod';
import { isAlternative } from './route-look';

/** Label font size in flow pixels: full labels, and compact ones before the zoom's text scale. */
export const LABEL_PX = 11;
export const COMPACT_LABEL_PX = 13.5;

/** What FlowEdge needs to draw its label. */
export interface EdgeLabelLook {
  /** Labels left out because a more important one is in their place. */
  hidden: ReadonlySet<string>;
  /** Short form ("Co 9k") instead of "cobalt · 9,000 t/yr". */
  compact: boolean;
}

/** The default: every label, full form. */
export const EdgeLabelContext = createContext<EdgeLabelLook>({ hidden: new Set(), compact: false });

/**
 * The element flow labels are portalled into, found once by the canvas (undefined outside it: React Flow's
 * EdgeLabelRenderer then). Each EdgeLabelRenderer subscribes to the store with a querySelector, which on a
 * board with hundreds of visible labels ran hundreds of DOM queries per pan frame.
 */
export const LabelLayerContext = createContext<HTMLElement | null | undefined>(undefined);

/** Renders a flow label into the canvas's label layer. */
export function FlowLabelPortal({ children }: { children: ReactNode }) {
  const layer = useContext(LabelLayerContext);
  if (layer === undefined) return createElement(EdgeLabelRenderer, null, children);
  return layer ? createPortal(children, layer) : null;
}

/** The text a flow label shows in a form; an alternative route shows its capacity ("Co ≤10k alt"). */
export function flowLabelText(intl: IntlShape, edge: Pick<BoardEdge, 'mineral' | 'volume' | 'capacity'>, compact: boolean): string {
  if (isAlternative(edge)) return compact ? alternativeShortIn(intl, mineralSymbol(edge.mineral), edge.capacity ?? 0) : flowTextIn(intl, edge, null, true);
  return compact ? shortFlowText(intl, edge.mineral, edge.volume) : `${edge.mineral} · ${volumeIn(intl, edge.volume)}`;
}

/** The label boxes of the flows between drawn nodes, at the bezier midpoint (right handle to left handle). */
export function labelBoxes(intl: IntlShape, nodes: readonly FlowNode[], edges: readonly BoardEdge[], cut: ReadonlyMap<string, unknown>, compact: boolean, scale: number): LabelBox[] {
  const boxes = new Map(nodes.map((n) => [n.id, {
    x: n.position.x, y: n.position.y, width: n.measured?.width ?? DEFAULT_NODE_SIZE.width, height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
  }]));
  return labelBoxesAt(intl, boxes, edges, cut, compact, scale);
}

// Label lengths per language and flow object (immutable): placing labels again does not format 8,000 labels again.
const chars = new WeakMap<IntlShape, { full: WeakMap<BoardEdge, number>; compact: WeakMap<BoardEdge, number> }>();
function labelChars(intl: IntlShape, edge: BoardEdge, compact: boolean): number {
  let perIntl = chars.get(intl);
  if (!perIntl) chars.set(intl, (perIntl = { full: new WeakMap(), compact: new WeakMap() }));
  const cache = compact ? perIntl.compact : perIntl.full;
  let n = cache.get(edge);
  if (n === undefined) cache.set(edge, (n = flowLabelText(intl, edge, compact).length));
  return n;
}

/** The label boxes of the flows between the given node boxes. */
function labelBoxesAt(intl: IntlShape, boxes: ReadonlyMap<string, NodeBox>, edges: readonly BoardEdge[], cut: ReadonlyMap<string, unknown>, compact: boolean, scale: number): LabelBox[] {
  const font = compact ? COMPACT_LABEL_PX * scale : LABEL_PX;
  const out: LabelBox[] = [];
  for (const edge of edges) {
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    if (!a || !b) continue;
    const chars = labelChars(intl, edge, compact) + (cut.has(edge.id) ? 2 : 0);
    out.push({
      id: edge.id,
      x: (a.x + a.width + b.x) / 2,
      y: (a.y + a.height / 2 + b.y + b.height / 2) / 2,
      width: chars * font * 0.58 + font * 2,
      height: font * 1.55,
      priority: (cut.has(edge.id) ? 1e15 : 0) + (Number.isFinite(edge.volume) ? edge.volume : 0),
    });
  }
  return out;
}

/**
 * The labels to leave out at this zoom (none when `enabled` is false, e.g. on dense boards that hide labels anyway).
 * Keyed on the node boxes, not the node objects: new figures on the cards (an exposure reply) place nothing anew.
 */
export function useEdgeLabelLook(nodes: readonly FlowNode[], edges: readonly BoardEdge[], cutNow: ReadonlyMap<string, unknown>, compact: boolean, scale: number, enabled: boolean): EdgeLabelLook {
  const intl = useIntl();
  const last = useRef<EdgeLabelLook>({ hidden: new Set(), compact });
  const boxes = useNodeBoxes(enabled ? nodes : NO_NODES);
  // A lever toggle re-places labels (cut flows come first) in a background render, after the flows turned red.
  const cut = useDeferredValue(cutNow);
  return useMemo(() => {
    const hidden = enabled ? hiddenLabels(labelBoxesAt(intl, boxes, edges, cut, compact, scale)) : new Set<string>();
    const prev = last.current;
    // A drag frame that hides the same labels keeps the value, so no edge re-renders.
    if (prev.compact === compact && prev.hidden.size === hidden.size && [...hidden].every((id) => prev.hidden.has(id))) return prev;
    return (last.current = { hidden, compact });
  }, [intl, boxes, edges, cut, compact, scale, enabled]);
}

const NO_NODES: readonly FlowNode[] = [];
