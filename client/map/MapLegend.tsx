/** The map legend: what colours, widths, dashes, tints, badges, rings and icons mean. */
import { useIntl } from 'react-intl';
import { NODE_KINDS, type BoardEdge } from '../../shared/board/types';
import { DISRUPTED_COLOR } from '../canvas/flow-model';
import { LegendCard } from '../canvas/LegendCard';
import { criticalityTint } from '../canvas/nodes';
import { ALTERNATIVE_COLOR } from '../canvas/route-look';
import { formatsFor } from '../i18n/format';
import { kindName } from '../i18n/kind-name';
import { KindIcon } from '../state/Icon';
import { mineralColor } from '../state/look';

function Line({ color, width, dash }: { color: string; width: number; dash?: string }) {
  return (
    <svg width="36" height="12" aria-hidden="true" className="ls-map-legend__line">
      <line x1="2" y1="6" x2="34" y2="6" stroke={color} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

/** The legend card; minerals are those of the board's flows. */
export function MapLegend({ edges, onClose }: { edges: readonly BoardEdge[]; onClose(): void }) {
  const intl = useIntl();
  const f = formatsFor(intl);
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `map.legend.${id}` }, values);
  const hot = criticalityTint(0.8);
  return (
    <LegendCard className="ls-legend ls-map-legend" edges={edges} words={{ title: t('title'), close: t('close'), colour: t('colour'), noFlows: t('noFlows') }} onClose={onClose}>
      <p className="ls-legend__row"><Line color="#5f6368" width={1.5} /><Line color="#5f6368" width={6} /> {t('width')}</p>
      <p className="ls-legend__row"><Line color={DISRUPTED_COLOR} width={3} dash="7 5" /> {t('cut')}</p>
      <p className="ls-legend__row"><Line color={ALTERNATIVE_COLOR} width={3} dash="4 4" /> {t('alternative')}</p>
      <p className="ls-legend__row"><Line color={mineralColor('cobalt')} width={3} dash="10 3" /> {t('rerouted')}</p>
      <p className="ls-legend__row">
        <svg width="24" height="24" aria-hidden="true"><circle cx="12" cy="12" r="10" fill={hot.background} stroke={hot.borderColor} strokeWidth="1.5" /></svg> {t('tint')}
      </p>
      <p className="ls-legend__row"><span className="ls-badge ls-badge--bad">{t('badgeSample', { share: f.percent(0.25) })}</span> {t('badge')}</p>
      <p className="ls-legend__row">{t('ring')}</p>
      <h3 className="ls-legend__sub">{t('kinds')}</h3>
      <ul className="ls-map-legend__kinds">
        {NODE_KINDS.map((k) => <li key={k}><KindIcon kind={k} /> {kindName(intl, k)}</li>)}
      </ul>
      <p className="ls-legend__row ls-map-legend__credit">{t('outlines')}</p>
    </LegendCard>
  );
}
