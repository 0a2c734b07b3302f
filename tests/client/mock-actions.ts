/** Board actions as vi.fn mocks, for component tests that check what a view asked for. */
import { vi, type Mock } from 'vitest';
import type { BoardActions } from '../../client/state/types';

/** Every action as a mock. */
export type MockActions = { [K in keyof BoardActions]: Mock<BoardActions[K]> };

const NAMES: (keyof BoardActions)[] = [
  'addNode', 'updateNode', 'moveNodes', 'addEdge', 'updateEdge', 'addLever', 'updateLever', 'deleteItems', 'addNote', 'updateNote',
  'addExpansion', 'updateExpansion', 'addPriceFloor', 'updatePriceFloor', 'setPrice',
  'setTitle', 'paste', 'replaceBoard', 'arrange', 'undo', 'redo', 'gesture', 'setCursor', 'setSelection',
];

/** Every action as a vi.fn, so tests see what a view asked for. */
export function mockActions(): MockActions {
  return Object.fromEntries(NAMES.map((n) => [n, vi.fn()])) as unknown as MockActions;
}
