/** Exposure deltas per mineral and consumer: a table (delivered, shortfall, HHI, survives, before and after) and a shortfall chart. */
import { useState, type ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConsumerExposure, ExposureDelta } from '../../shared/board/diff';
import { mineralColor } from '../state/look';
import { formatsFor, useFormats } from '../i18n/format';
import { ConsumerTick } from '../shell/ConsumerTick';
import { deltaMoved, shortfallBars } from './compare-model';
import '../shell/tool-panel.css';

/** Props of DeltaTable. */
export interface DeltaTableProps {
  deltas: readonly ExposureDelta[];
  fromLabel: string;
  toLabel: string;
  /** Consumer id -> label. */
  labels?: ReadonlyMap<string, string>;
}

function Value({ field, value, children }: { field: string; value: number | boolean | null; children: ReactNode }) {
  return <span data-field={field} data-value={JSON.stringify(value)}>{children}</span>;
}

const dash = '—';
const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, '')}` : text);

function survivesText(intl: IntlShape, side: ConsumerExposure | null): string {
  if (side === null) return dash;
  return intl.formatMessage({ id: side.stockDays === null ? 'compare.deltas.noShortfall' : side.survives ? 'compare.deltas.survives' : 'compare.deltas.fails' });
}

function hhi(intl: IntlShape, value: number | undefined): string {
  return value === undefined ? dash : formatsFor(intl).number(Math.round(value), 0);
}

function Row({ d, labels }: { d: ExposureDelta; labels?: ReadonlyMap<string, string> }) {
  const intl = useIntl();
  const { tonnes, percent } = useFormats();
  const { before: b, after: a, delta } = d;
  const worse = delta.shortfall > 0 || (b?.survives === true && a?.survives === false);
  const better = delta.shortfall < 0 || (b?.survives === false && a?.survives === true);
  return (
    <tr data-testid={`delta-${d.mineral}-${d.consumer}`} className={worse ? 'ls-fac-delta--worse' : better ? 'ls-fac-delta--better' : undefined}>
      <th scope="row" className="ls-fac-sticky ls-fac-sticky--name" title={labels?.get(d.consumer) ?? d.consumer}>{labels?.get(d.consumer) ?? d.consumer}</th>
      <td>
        <span className="swatch" style={{ background: mineralColor(d.mineral) }} aria-hidden="true" /> {d.mineral}
      </td>
      <td><Value field="delivered-before" value={b?.delivered ?? null}>{b ? tonnes(b.delivered) : dash}</Value></td>
      <td><Value field="delivered-after" value={a?.delivered ?? null}>{a ? tonnes(a.delivered) : dash}</Value></td>
      <td>
        <Value field="shortfall-before" value={b?.shortfall ?? null}>{b ? tonnes(b.shortfall) : dash}</Value>
        {b && <> (<Value field="shortfallPct-before" value={b.shortfallPct}>{percent(b.shortfallPct)}</Value>)</>}
      </td>
      <td>
        <Value field="shortfall-after" value={a?.shortfall ?? null}>{a ? tonnes(a.shortfall) : dash}</Value>
        {a && <> (<Value field="shortfallPct-after" value={a.shortfallPct}>{percent(a.shortfallPct)}</Value>)</>}
      </td>
      <td>
        <Value field="refiningHhi-before" value={b?.refiningHhi ?? null}>{hhi(intl, b?.refiningHhi)}</Value> →{' '}
        <Value field="refiningHhi-after" value={a?.refiningHhi ?? null}>{hhi(intl, a?.refiningHhi)}</Value>
      </td>
      <td>
        <Value field="miningHhi-before" value={b?.miningHhi ?? null}>{hhi(intl, b?.miningHhi)}</Value> →{' '}
        <Value field="miningHhi-after" value={a?.miningHhi ?? null}>{hhi(intl, a?.miningHhi)}</Value>
      </td>
      <td className="ls-fac-sticky ls-fac-sticky--r3"><Value field="delivered-delta" value={delta.delivered}>{signed(delta.delivered, tonnes(delta.delivered))}</Value></td>
      <td className="ls-fac-sticky ls-fac-sticky--r2"><Value field="shortfall-delta" value={delta.shortfall}>{signed(delta.shortfall, tonnes(delta.shortfall))}</Value></td>
      <td className="ls-fac-sticky ls-fac-sticky--r1">
        <Value field="survives-before" value={b?.survives ?? null}>{survivesText(intl, b)}</Value> →{' '}
        <Value field="survives-after" value={a?.survives ?? null}>{survivesText(intl, a)}</Value>
      </td>
    </tr>
  );
}

/** The bar chart of shortfall share before and after, per consumer and mineral with a shortfall on either side. */
export function ShortfallChart({ deltas, fromLabel, toLabel, labels }: DeltaTableProps) {
  const intl = useIntl();
  const f = useFormats();
  const bars = shortfallBars(deltas, labels);
  if (bars.length === 0) return <p className="ls-muted">{intl.formatMessage({ id: 'compare.chart.none' })}</p>;
  // One row per consumer and mineral, labels of at most 20 characters (the tooltip names it in full): none overlap.
  const parts = new Map(deltas.map((d) => {
    const consumer = labels?.get(d.consumer) ?? d.consumer;
    return [`${consumer} · ${d.mineral}`, { consumer, mineral: d.mineral }];
  }));
  return (
    <figure className="ls-fac-chart" data-testid="shortfall-chart" data-bars={bars.length}>
      <BarChart layout="vertical" data={bars} responsive style={{ width: '100%', height: 34 * bars.length + 56 }} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" fontSize={11} domain={[0, 100]} tickFormatter={(v: number) => f.percent(v / 100)} />
        <YAxis type="category" dataKey="name" fontSize={11} width={136} interval={0} tickLine={false} tick={<ConsumerTick parts={parts} />} />
        <Tooltip formatter={(value) => intl.formatNumber(Number(value) / 100, { style: 'percent', maximumFractionDigits: 1 })} />
        <Legend />
        <Bar dataKey="before" name={fromLabel} fill="#adb5bd" isAnimationActive={false} />
        <Bar dataKey="after" name={toLabel} fill="#e03131" isAnimationActive={false} />
      </BarChart>
      <figcaption className="ls-muted">{intl.formatMessage({ id: 'compare.chart.caption' }, { from: fromLabel, to: toLabel })}</figcaption>
    </figure>
  );
}

/** The table; "Only what moved" hides consumers whose numbers are the same on both sides. */
export function DeltaTable({ deltas, fromLabel, toLabel, labels }: DeltaTableProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `compare.deltas.${id}` }, values);
  const [onlyMoved, setOnlyMoved] = useState(false);
  const shown = onlyMoved ? deltas.filter(deltaMoved) : deltas;
  if (deltas.length === 0) return <p className="ls-muted">{t('noConsumers')}</p>;
  return (
    <div className="ls-fac-deltas">
      <label className="ls-fac-toggle">
        <input type="checkbox" checked={onlyMoved} onChange={(e) => setOnlyMoved(e.target.checked)} /> {t('onlyMoved')}
      </label>
      <div className="ls-fac-table-wrap">
        <table className="ls-fac-table" aria-label={t('label')}>
          <thead>
            <tr>
              <th scope="col" className="ls-fac-sticky ls-fac-sticky--name">{t('col.consumer')}</th>
              <th scope="col">{t('col.mineral')}</th>
              <th scope="col">{t('col.delivered', { side: fromLabel })}</th>
              <th scope="col">{t('col.delivered', { side: toLabel })}</th>
              <th scope="col">{t('col.shortfall', { side: fromLabel })}</th>
              <th scope="col">{t('col.shortfall', { side: toLabel })}</th>
              <th scope="col">{t('col.refiningHhi')}</th>
              <th scope="col">{t('col.miningHhi')}</th>
              <th scope="col" className="ls-fac-sticky ls-fac-sticky--r3">{t('col.deltaDelivered')}</th>
              <th scope="col" className="ls-fac-sticky ls-fac-sticky--r2">{t('col.deltaShortfall')}</th>
              <th scope="col" className="ls-fac-sticky ls-fac-sticky--r1">{t('col.survives')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <Row key={`${d.mineral}\u0000${d.consumer}`} d={d} labels={labels} />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="ls-muted">{t('noneMoved')}</p>}
    </div>
  );
}
