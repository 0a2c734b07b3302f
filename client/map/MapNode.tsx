/** One node on the map: its kind's icon in a circle tinted by criticality, its label, a consumer's shortfall badge, a peer's outline. */
import { createElement, memo } from 'react';
import { useIntl } from 'react-intl';
import type { NodeKind } from '../../shared/board/types';
import { criticalityTint } from '../canvas/nodes';
import { kindName } from '../i18n/kind-name';
import { formatsFor } from '../i18n/format';
import { KIND_ICONS } from '../state/kind-icons';

/** Radius of a node's circle, in screen pixels. */
export const NODE_RADIUS = 11;

/** Props of MapNode (plain values, so an unchanged node never re-renders). */
export interface MapNodeProps {
  id: string;
  kind: NodeKind;
  label: string;
  country: string;
  x: number;
  y: number;
  dx: number;
  dy: number;
  criticality: number;
  shortfall: number | null;
  selected: boolean;
  /** Colour of the first other person who has it selected. */
  peerColor: string | null;
  dragging?: boolean;
  /** Whether its label is drawn (see labels.ts). */
  showLabel?: boolean;
}

/** The node, placed at (x, y) on the frame and counter-scaled (CSS variable --map-inv) so it keeps its size at any zoom. */
export const MapNode = memo(function MapNode({ id, kind, label, country, x, y, dx, dy, criticality, shortfall, selected, peerColor, dragging = false, showLabel = true }: MapNodeProps) {
  const intl = useIntl();
  const f = formatsFor(intl);
  const tint = criticalityTint(criticality);
  const values = { label, kind: kindName(intl, kind), country, share: f.percent(criticality) };
  const title = intl.formatMessage({ id: criticality > 0 ? 'map.node.critical' : 'map.node.title' }, values);
  const short = shortfall !== null && shortfall > 0;
  return (
    <g
      className={`ls-map-node${selected ? ' ls-map-node--selected' : ''}${dragging ? ' ls-map-node--dragging' : ''}`}
      style={{ transform: `translate(${x}px, ${y}px) scale(var(--map-inv, 1)) translate(${dx}px, ${dy}px)` }}
      data-map-node={id}
      data-testid={`map-node-${id}`}
      data-selected={selected ? 'true' : 'false'}
      data-criticality={criticality > 0 ? criticality.toFixed(2) : undefined}
      role="button"
      aria-label={label}
      aria-pressed={selected}
      tabIndex={0}
    >
      <title>{title}</title>
      {peerColor && <circle r={NODE_RADIUS + 4} fill="none" stroke={peerColor} strokeWidth={2.5} />}
      <circle className="ls-map-node__ring" r={NODE_RADIUS} fill={tint.background ?? '#ffffff'} stroke={tint.borderColor ?? '#5f6368'} strokeWidth={1.5} />
      <g transform="translate(-7 -7) scale(0.5833)" fill="none" stroke="#3c4043" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
        {KIND_ICONS[kind].map(([tag, attrs], i) => createElement(tag, { key: i, ...attrs }))}
      </g>
      {showLabel && <text className="ls-map-node__label" y={NODE_RADIUS + 12} textAnchor="middle">{label}</text>}
      {shortfall !== null && (
        <g className={`ls-map-badge${short ? ' ls-map-badge--bad' : ''}`} transform={`translate(${NODE_RADIUS - 2} ${-NODE_RADIUS - 6})`}>
          <text data-testid={`map-shortfall-${id}`} data-value={JSON.stringify(shortfall)} className="ls-map-badge__text" x={0} y={0}>
            {short ? intl.formatMessage({ id: 'map.node.short' }, { share: f.percent(shortfall) }) : intl.formatMessage({ id: 'map.node.covered' })}
          </text>
        </g>
      )}
    </g>
  );
});
