/** One button per node kind; each adds a node at the centre of the visible canvas and selects it. */
import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useIntl } from 'react-intl';
import { NODE_KINDS, type BoardNode, type NodeKind } from '../../shared/board/types';
import { kindName } from '../i18n/kind-name';
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
  const intl = useIntl();
  const add = useCallback(
    (kind: NodeKind) => {
      const rect = store.getState().domNode?.getBoundingClientRect();
      const center = screenToFlowPosition({ x: (rect?.left ?? 0) + (rect?.width ?? 0) / 2, y: (rect?.top ?? 0) + (rect?.height ?? 0) / 2 });
      const node: BoardNode = {
        id: newId(kind),
        kind,
        label: intl.formatMessage({ id: 'canvas.palette.newLabel' }, { kind }),
        country: 'XX',
        position: { x: Math.round(center.x - DEFAULT_NODE_SIZE.width / 2), y: Math.round(center.y - DEFAULT_NODE_SIZE.height / 2) },
      };
      actions.addNode(node);
      onAdded(node.id);
    },
    [actions, intl, onAdded, screenToFlowPosition, store],
  );
  return (
    <div className="ls-palette" role="toolbar" aria-label={intl.formatMessage({ id: 'canvas.palette.label' })}>
      {NODE_KINDS.map((kind) => {
        const name = kindName(intl, kind);
        const label = intl.formatMessage({ id: 'canvas.palette.add' }, { kind: name.toLocaleLowerCase(intl.locale) });
        return (
          <button key={kind} type="button" className="ls-button ls-palette__item" aria-label={label} title={label} onClick={() => add(kind)}>
            <KindIcon kind={kind} />
            <span className="ls-palette__name">{name}</span>
          </button>
        );
      })}
    </div>
  );
}
