/** "Size this store for these scenarios": adds tonnes of a mineral to one stockpile's stock, as one undoable step. */
import type { Board } from '../../shared/board/types';
import type { BoardActions } from '../state/types';

/** Adds `tonnes` of `mineral` to stockpile `id` (nothing when the node is gone or the amount is not positive). */
export function addStock(board: Board, actions: Pick<BoardActions, 'updateNode'>, id: string, mineral: string, tonnes: number): void {
  const node = board.nodes.find((n) => n.id === id);
  if (!node || !(tonnes > 0)) return;
  const held = node.stock?.[mineral] ?? 0;
  actions.updateNode(id, { stock: { ...node.stock, [mineral]: held + tonnes } });
}
