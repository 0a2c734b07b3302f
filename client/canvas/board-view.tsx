/** What the live canvas and the read-only boards (snapshots, compare, slides) draw alike: node and flow types, zoom range, grid. */
import { Background, BackgroundVariant, type AriaLabelConfig } from '@xyflow/react';
import type { IntlShape } from 'react-intl';
import type { FlowA11y } from './flow-model';
import { edgeTypes } from './FlowEdge';
import { nodeTypes } from './nodes';

/** React Flow props both views pass: the card and flow types, the zoom range, no reconnecting and no Delete key (the board handles keys). */
export const BOARD_VIEW_PROPS = {
  nodeTypes,
  edgeTypes,
  fitView: true,
  minZoom: 0.05,
  maxZoom: 2.5,
  edgesReconnectable: false,
  deleteKeyCode: null,
} as const;

const ariaLabels = new WeakMap<IntlShape, Partial<AriaLabelConfig>>();

/** React Flow's own screen-reader sentences and control labels in `intl`'s language (its defaults are English). */
export function flowAriaLabels(intl: IntlShape): Partial<AriaLabelConfig> {
  const known = ariaLabels.get(intl);
  if (known) return known;
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `canvas.flowAria.${id}` }, values);
  const labels: Partial<AriaLabelConfig> = {
    'node.a11yDescription.default': t('node'),
    'node.a11yDescription.keyboardDisabled': t('nodeKeyboard'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('nodeMoved', { direction, x: intl.formatNumber(x, { maximumFractionDigits: 0 }), y: intl.formatNumber(y, { maximumFractionDigits: 0 }) }),
    'edge.a11yDescription.default': t('edge'),
    'controls.ariaLabel': t('controls'),
    'controls.zoomIn.ariaLabel': t('zoomIn'),
    'controls.zoomOut.ariaLabel': t('zoomOut'),
    'controls.fitView.ariaLabel': t('fitView'),
    'controls.interactive.ariaLabel': t('interactive'),
    'minimap.ariaLabel': intl.formatMessage({ id: 'canvas.toolbar.minimap' }),
    'handle.ariaLabel': t('handle'),
  };
  ariaLabels.set(intl, labels);
  return labels;
}

const a11yWords = new WeakMap<IntlShape, FlowA11y>();

/** The words on each node and flow for screen readers in `intl`'s language (the flow sentence is formatted once, then filled in). */
export function flowA11y(intl: IntlShape): FlowA11y {
  const known = a11yWords.get(intl);
  if (known) return known;
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `canvas.flowAria.${id}` }, values);
  // 8,000 flows are named on every sync: the sentence is formatted once with markers, then filled in.
  const parts = t('flowLabel', { from: '\u0000', to: '\u0001', mineral: '\u0002' }).split(/([\u0000-\u0002])/);
  const words: FlowA11y = {
    nodeRole: t('nodeRole'),
    flowRole: t('flowRole'),
    flowLabel: (from, to, mineral) => parts.map((p) => (p === '\u0000' ? from : p === '\u0001' ? to : p === '\u0002' ? mineral : p)).join(''),
  };
  a11yWords.set(intl, words);
  return words;
}

/** The board's light grid. */
export function BoardGrid() {
  return <Background variant={BackgroundVariant.Lines} gap={24} color="#eef0f4" />;
}
