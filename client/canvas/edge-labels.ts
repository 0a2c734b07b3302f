/** Which flow labels the canvas shows and in which form, shared with every FlowEdge through one context. */
import { createContext, createElement, useContext, useMemo, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { EdgeLabelRenderer } from '@xyflow/react';
import { useIntl, type IntlShape } from 'react-intl';
import type { BoardEdge } from '../../shared/board/types';
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
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const font = compact ? COMPACT_LABEL_PX * scale : LABEL_PX;
  const out: LabelBox[] = [];
  for (const edge of edges) {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!a || !b) continue;
    const aw = a.measured?.width ?? DEFAULT_NODE_SIZE.width;
    const ah = a.measured?.height ?? DEFAULT_NODE_SIZE.height;
    const bh = b.measured?.height ?? DEFAULT_NODE_SIZE.height;
    const chars = flowLabelText(intl, edge, compact).length + (cut.has(edge.id) ? 2 : 0);
    out.push({
      id: edge.id,
      x: (a.position.x + aw + b.position.x) / 2,
      y: (a.position.y + ah / 2 + b.position.y + bh / 2) / 2,
      width: chars * font * 0.58 + font * 2,
      height: font * 1.55,
      priority: (cut.has(edge.id) ? 1e15 : 0) + (Number.isFinite(edge.volume) ? edge.volume : 0),
    });
  }
  return out;
}

/** The labels to leave out at this zoom (none when `enabled` is false, e.g. on dense boards that hide labels anyway). */
export function useEdgeLabelLook(nodes: readonly FlowNode[], edges: readonly BoardEdge[], cut: ReadonlyMap<string, unknown>, compact: boolean, scale: number, enabled: boolean): EdgeLabelLook {
  const intl = useIntl();
  const last = useRef<EdgeLabelLook>({ hidden: new Set(), compact });
  return useMemo(() => {
    const hidden = enabled ? hiddenLabels(labelBoxes(intl, nodes, edges, cut, compact, scale)) : new Set<string>();
    const prev = last.current;
    // A drag frame that hides the same labels keeps the value, so no edge re-renders.
    if (prev.compact === compact && prev.hidden.size === hidden.size && [...hidden].every((id) => prev.hidden.has(id))) return prev;
    return (last.current = { hidden, compact });
  }, [intl, nodes, edges, cut, compact, scale, enabled]);
}
