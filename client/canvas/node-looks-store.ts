/**
 * The exposure figures node cards show (criticality tint, consumer shortfall, worst time to survive), kept outside
 * React Flow's nodes: an exposure reply then changes no node object (React Flow would re-index and re-render every
 * node it draws), and each card subscribes to its own node's figures, so only cards whose figures changed re-render.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { NodeLook } from './flow-model';

const NO_LOOKS: ReadonlyMap<string, NodeLook> = new Map();

/** Node id -> what its card shows of the latest report; subscriptions per node id. */
export class NodeLooksStore {
  private looks: ReadonlyMap<string, NodeLook>;
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(looks: ReadonlyMap<string, NodeLook> = NO_LOOKS) {
    this.looks = looks;
  }

  /** The figures of node `id` (undefined without any); the same object while they do not change. */
  get(id: string): NodeLook | undefined {
    return this.looks.get(id);
  }

  /** Calls `listener` when the figures of node `id` change; returns the unsubscribe. */
  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Takes the figures of a new report, keeping the old object of every node whose figures are equal, and tells the cards whose figures changed. */
  set(next: ReadonlyMap<string, NodeLook>): void {
    const prev = this.looks;
    if (next === prev) return;
    const merged = new Map<string, NodeLook>();
    const changed: string[] = [];
    for (const [id, look] of next) {
      const old = prev.get(id);
      if (old !== undefined && sameLook(old, look)) merged.set(id, old);
      else {
        merged.set(id, look);
        changed.push(id);
      }
    }
    for (const id of prev.keys()) if (!next.has(id)) changed.push(id);
    this.looks = merged;
    for (const id of changed) this.listeners.get(id)?.forEach((listener) => listener());
  }
}

/** True when two looks show the same figures. */
export function sameLook(a: NodeLook, b: NodeLook): boolean {
  return a.criticality === b.criticality && a.shortfall === b.shortfall && (a.worstTts ?? null) === (b.worstTts ?? null);
}

/** The store of the board view the cards are drawn in (the live canvas, a snapshot, a slide). */
export const NodeLooksContext = createContext<NodeLooksStore>(new NodeLooksStore());

/** The figures of node `id`, re-rendering the caller only when they change. */
export function useNodeLook(id: string): NodeLook | undefined {
  const store = useContext(NodeLooksContext);
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  const get = () => store.get(id);
  return useSyncExternalStore(subscribe, get, get);
}
