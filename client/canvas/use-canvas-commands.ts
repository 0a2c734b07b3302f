/** The canvas commands behind the shortcuts and toolbar: delete, copy, paste, select all, arrange, undo, redo. */
import { useMemo, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Board } from '../../shared/board/types';
import type { BoardActions } from '../state/types';
import { canvasClipboard, copyItems, shiftItems, writeSystemClipboard } from './clipboard';
import { copyLabels } from './copy-labels';
import type { FlowEdge, FlowNode } from './flow-model';
import type { ShortcutHandlers } from './use-shortcuts';

/** How far a paste lands from what was copied. */
export const PASTE_OFFSET = { x: 40, y: 40 };

/** Inputs of useCanvasCommands (read through a ref, so the commands stay stable). */
export interface CommandInput {
  board: Board;
  selection: string[];
  actions: BoardActions;
  select(ids: string[]): void;
  onHelp?: () => void;
  /** Puts the keyboard in the search box. */
  onSearch?: () => void;
}

/** Stable command functions; each returns false when it had nothing to do. */
export function useCanvasCommands(input: CommandInput): ShortcutHandlers {
  const latest = useRef(input);
  latest.current = input;
  const rf = useReactFlow<FlowNode, FlowEdge>();
  return useMemo<ShortcutHandlers>(() => {
    const known = () => {
      const { board, selection } = latest.current;
      const ids = new Set([...board.nodes.map((n) => n.id), ...board.edges.map((e) => e.id)]);
      return selection.filter((id) => ids.has(id));
    };
    return {
      delete: () => {
        const ids = known();
        if (ids.length === 0) return false;
        latest.current.actions.deleteItems(ids);
        latest.current.select([]);
      },
      undo: () => latest.current.actions.undo(),
      redo: () => latest.current.actions.redo(),
      copy: () => {
        const items = copyItems(latest.current.board, latest.current.selection);
        if (items.nodes.length === 0) return false;
        canvasClipboard.set(items);
        writeSystemClipboard(items);
      },
      paste: () => {
        const items = canvasClipboard.get();
        if (!items || items.nodes.length === 0) return false;
        // Copies get labels of their own, so the board never counts two look-alike suppliers without a hint.
        const labels = copyLabels(latest.current.board.nodes.map((n) => n.label), items.nodes.map((n) => n.label));
        const labelled = { ...items, nodes: items.nodes.map((n, i) => ({ ...n, label: labels[i] })) };
        const ids = latest.current.actions.paste(labelled, PASTE_OFFSET);
        canvasClipboard.set(shiftItems(items, PASTE_OFFSET.x, PASTE_OFFSET.y));
        latest.current.select(ids);
      },
      selectAll: () => {
        const { board, select } = latest.current;
        select([...board.nodes.map((n) => n.id), ...board.edges.map((e) => e.id)]);
      },
      clearSelection: () => {
        if (latest.current.selection.length === 0) return false;
        latest.current.select([]);
      },
      arrange: () => {
        const { board, actions } = latest.current;
        if (board.nodes.length === 0) return false;
        const sizes: Record<string, { width: number; height: number }> = {};
        for (const n of rf.getNodes()) if (n.measured?.width && n.measured.height) sizes[n.id] = { width: n.measured.width, height: n.measured.height };
        // The layout (dagre) is loaded on first use; the new positions come back through the board: fit once they are drawn.
        void import('./layout').then(({ arrangeByStage }) => {
          actions.arrange(arrangeByStage(board, sizes));
          setTimeout(() => void rf.fitView({ padding: 0.12, duration: 300 }), 80);
        });
      },
      help: () => {
        if (!latest.current.onHelp) return false;
        latest.current.onHelp();
      },
      search: () => {
        if (!latest.current.onSearch) return false;
        latest.current.onSearch();
      },
    };
  }, [rf]);
}
