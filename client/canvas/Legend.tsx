/** The canvas legend: what colours, widths, dashes, tints, badges and outlines mean. */
import { useIntl } from 'react-intl';
import type { BoardEdge } from '../../shared/board/types';
import { formatsFor } from '../i18n/format';
import { DISRUPTED_COLOR } from './flow-model';
import { LegendCard } from './LegendCard';
import { volumeIn } from './format';
import { criticalityTint } from './nodes';

/** Props of Legend. */
export interface LegendProps {
  edges: readonly BoardEdge[];
  onClose(): void;
}

function Line({ color, width, dashed = false }: { color: string; width: number; dashed?: boolean }) {
  return (
    <svg width="36" height="12" aria-hidden="true" className="ls-legend__line">
      <line x1="2" y1="6" x2="34" y2="6" stroke={color} strokeWidth={width} strokeDasharray={dashed ? '7 5' : undefined} />
    </svg>
  );
}

/** The legend card; minerals are those of the board's flows. */
export function Legend({ edges, onClose }: LegendProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `canvas.legend.${id}` }, values);
  const largest = edges.reduce((m, e) => (Number.isFinite(e.volume) && e.volume > m ? e.volume : m), 0);
  return (
    <LegendCard className="ls-legend" edges={edges} words={{ title: t('title'), close: t('close'), colour: t('colour'), noFlows: t('noFlows') }} onClose={onClose}>
      <h3 className="ls-legend__sub">{t('width')}</h3>
      <p className="ls-legend__row"><Line color="#667085" width={1.5} /> {t('thin')}</p>
      <p className="ls-legend__row"><Line color="#667085" width={7.5} /> {t('thick', { volume: volumeIn(intl, largest) })}</p>
      <p className="ls-legend__row"><Line color={DISRUPTED_COLOR} width={3} dashed /> {t('dashes')}</p>
      <p className="ls-legend__row">
        <i className="ls-legend__swatch" style={criticalityTint(0.3)} />
        <i className="ls-legend__swatch" style={criticalityTint(1)} /> {t('tint')}
      </p>
      <p className="ls-legend__row"><span className="ls-badge ls-badge--bad">{t('badgeSample', { share: formatsFor(intl).percent(0.35) })}</span> {t('badge')}</p>
      <p className="ls-legend__row"><i className="ls-legend__swatch ls-legend__swatch--peer" /> {t('peer')}</p>
      <p className="ls-legend__row"><i className="ls-legend__swatch ls-legend__swatch--note" /> {t('note')}</p>
      <p className="ls-legend__hint">{t('zoom')}</p>
    </LegendCard>
  );
}
