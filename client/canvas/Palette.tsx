/** One button per node kind; each adds a node at the centre of the visible canvas and selects it. */
import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { NODE_KINDS, type BoardNode, type NodeKind } from '../../shared/board/types';
import { KIND_LOOK } from '../state/look';
import { KindIcon } from '../state/Icon';
import type { BoardActions } from '../state/types';
import { newId } from './ids';
import { DEFAULT_NODE_SIZE } from './node-size';

/** Props of the palette. */
export interface PaletteProps {
  actions: Pick<BoardActions, 'addNode'>;
  /** Called with the new node's id, to select it. */
  onAdded(id: string): void;
}

/** The node palette (rendered inside React Flow, so it can read the viewport). */
export function Palette({ actions, onAdded }: PaletteProps) {
  const { screenToFlowPosition } = useReactFlow();
  const store = useStoreApi();
  const add = useCallback(
    (kind: NodeKind) => {
      const rect = store.getState().domNode?.getBoundingClientRect();
      const center = screenToFlowPosition({ x: (rect?.left ?? 0) + (rect?.width ?? 0) / 2, y: (rect?.top ?? 0) + (rect?.height ?? 0) / 2 });
      const node: BoardNode = {
        id: newId(kind),
        kind,
        label: `New ${kind}`,
        country: 'XX',
        position: { x: Math.round(center.x - DEFAULT_NODE_SIZE.width / 2), y: Math.round(center.y - DEFAULT_NODE_SIZE.height / 2) },
      };
      actions.addNode(node);
      onAdded(node.id);
    },
    [actions, onAdded, screenToFlowPosition, store],
  );
  return (
    <div className="ls-palette" role="toolbar" aria-label="Add nodes">
      {NODE_KINDS.map((kind) => (
        <button key={kind} type="button" className="ls-button ls-palette__item" aria-label={`Add ${kind}`} title={`Add ${KIND_LOOK[kind].name.toLowerCase()}`} onClick={() => add(kind)}>
          <KindIcon kind={kind} />
          <span className="ls-palette__name">{KIND_LOOK[kind].name}</span>
        </button>
      ))}
    </div>
  );
}
