/** The side strip of nodes without coordinates ("not on the map"): each can be picked, and dragged onto the map to place it. */
import { useState, type DragEvent } from 'react';
import { useIntl } from 'react-intl';
import type { BoardNode } from '../../shared/board/types';
import { KindIcon } from '../state/Icon';

/** The drag data type of a node dragged from the strip (its id). */
export const NODE_DRAG_TYPE = 'application/x-lodestone-node';

/** Props of OffMapStrip. */
export interface OffMapStripProps {
  nodes: readonly BoardNode[];
  editable: boolean;
  selection: ReadonlySet<string>;
  onSelect(id: string): void;
}

/** The list (hidden when every node is placed). */
export function OffMapStrip({ nodes, editable, selection, onSelect }: OffMapStripProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `map.offMap.${id}` }, values);
  const [open, setOpen] = useState(true);
  if (nodes.length === 0) return null;
  if (!open) {
    return (
      <button type="button" className="ls-button ls-button--small ls-map-strip__show" onClick={() => setOpen(true)}>{t('show', { count: nodes.length })}</button>
    );
  }
  const onDragStart = (event: DragEvent<HTMLLIElement>, id: string) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, id);
    event.dataTransfer.setData('text/plain', id);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <aside className="ls-map-strip" aria-label={t('label')} data-testid="map-off-map">
      <header className="ls-map-strip__head">
        <h2 className="ls-map-strip__title">{t('title', { count: nodes.length })}</h2>
        <button type="button" className="ls-legend__close" aria-label={t('hide')} onClick={() => setOpen(false)}>×</button>
      </header>
      <p className="ls-map-strip__hint">{t(editable ? 'hint' : 'hintReadOnly')}</p>
      <ul className="ls-map-strip__list">
        {nodes.map((n) => (
          <li
            key={n.id}
            className={`ls-map-strip__item${selection.has(n.id) ? ' ls-map-strip__item--selected' : ''}`}
            draggable={editable}
            onDragStart={(e) => onDragStart(e, n.id)}
            data-testid={`map-off-${n.id}`}
          >
            <button type="button" className="ls-map-strip__pick" onClick={() => onSelect(n.id)} aria-pressed={selection.has(n.id)}>
              <KindIcon kind={n.kind} /> <span className="ls-map-strip__label">{n.label}</span> <span className="ls-country-chip">{n.country}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
