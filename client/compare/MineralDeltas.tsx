/** The comparison's v2 figures per mineral (after rerouting, stockpile sizing, delay gap, CRMA processing) and the price floors' costs, before and after. */
import { useIntl } from 'react-intl';
import type { MineralDelta, PriceFloorDelta } from '../../shared/exposure/compare';
import { useFormats } from '../i18n/format';

/** Props of MineralDeltas. */
export interface MineralDeltasProps {
  minerals: readonly MineralDelta[];
  floors: readonly PriceFloorDelta[];
  fromLabel: string;
  toLabel: string;
}

const ROWS = [
  { key: 'reroutedShortfall', perYear: true },
  { key: 'stockpileGap', perYear: false },
  { key: 'pooledStock', perYear: false },
  { key: 'separateStock', perYear: false },
  { key: 'delayGap', perYear: false },
] as const;

/** One small table per mineral, and one for the price floors. */
export function MineralDeltas({ minerals, floors, fromLabel, toLabel }: MineralDeltasProps) {
  const intl = useIntl();
  const f = useFormats();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `compare.minerals.${id}` }, values);
  const num = (v: number | null | undefined, perYear: boolean) => (v === null || v === undefined ? '—' : perYear ? f.perYear(v) : f.tonnes(v));
  const signed = (v: number, perYear: boolean) => `${v > 0 ? '+' : ''}${num(v, perYear)}`;
  const usd = (v: number | null) => (v === null ? '—' : intl.formatNumber(Math.round(v), { style: 'currency', currency: 'USD', maximumFractionDigits: 0, currencyDisplay: 'code' }));
  if (minerals.length === 0 && floors.length === 0) return null;
  return (
    <div className="ls-fac-table-wrap" data-testid="mineral-deltas">
      <table className="ls-fac-table" aria-label={t('label')}>
        <thead><tr><th scope="col">{t('col.mineral')}</th><th scope="col">{t('col.figure')}</th><th scope="col">{fromLabel}</th><th scope="col">{toLabel}</th><th scope="col">{t('col.change')}</th></tr></thead>
        <tbody>
          {minerals.flatMap((m) => [
            ...ROWS.map(({ key, perYear }) => (
              <tr key={`${m.mineral}-${key}`} data-mineral={m.mineral} data-figure={key}>
                <th scope="row">{m.mineral}</th><td>{t(`figure.${key}`)}</td><td>{num(m.before?.[key], perYear)}</td><td>{num(m.after?.[key], perYear)}</td>
                <td data-field={`${key}-delta`} data-value={JSON.stringify(m.delta[key])}>{signed(m.delta[key], perYear)}</td>
              </tr>
            )),
            <tr key={`${m.mineral}-crma`} data-mineral={m.mineral} data-figure="crma">
              <th scope="row">{m.mineral}</th><td>{t('figure.crma', { share: f.percent(0.4) })}</td>
              <td>{m.before?.crmaProcessing == null ? '—' : f.percent(m.before.crmaProcessing)}</td>
              <td>{m.after?.crmaProcessing == null ? '—' : f.percent(m.after.crmaProcessing)}</td>
              <td>{m.after?.crmaMeetsAll == null ? '' : t(m.after.crmaMeetsAll ? 'allMet' : 'notAllMet')}</td>
            </tr>,
          ])}
          {floors.map((p) => (
            <tr key={`floor-${p.id}`} data-floor={p.id}>
              <th scope="row">{t('floor')}</th><td>{t('floorCost', { id: p.id })}</td><td>{usd(p.before)}</td><td>{usd(p.after)}</td>
              <td data-field="floor-cost-delta" data-value={JSON.stringify(p.delta)}>{`${p.delta > 0 ? '+' : ''}${usd(p.delta)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
