/** The stress test's recharts bars: one per lever, its stockpile gap (loaded on first use with the charting library). */
import { useIntl } from 'react-intl';
import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormats } from '../../i18n/format';

/** Props of StressChartBars. */
export interface StressChartBarsProps {
  rows: { lever: string; gap: number }[];
}

// Long lever names are cut on the axis (the list under the chart and the tooltip give them whole).
const short = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);

/** Horizontal bars, one per lever. */
export function StressChartBars({ rows }: StressChartBarsProps) {
  const intl = useIntl();
  const f = useFormats();
  const gap = intl.formatMessage({ id: 'panels.stress.gapName' });
  return (
    <BarChart layout="vertical" data={rows} responsive style={{ width: '100%', height: 24 + 22 * rows.length }} margin={{ top: 2, right: 8, bottom: 2, left: 0 }}>
      <XAxis type="number" hide tickFormatter={(v: number) => f.compact(v)} />
      <YAxis type="category" dataKey="lever" width={90} tickLine={false} axisLine={false} fontSize={11} tickFormatter={short} />
      <Tooltip formatter={(v) => [f.tonnes(Number(v)), gap]} labelFormatter={(label) => String(label)} cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
      <Bar dataKey="gap" name={gap} fill="#c2410c" isAnimationActive={false} />
    </BarChart>
  );
}
