/** Origin shares of one consumer's supply by stage: two stacked horizontal bars (mining, refining), one segment per country. */
import { useIntl, type IntlShape } from 'react-intl';
import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { StageReport } from '../../../shared/exposure/types';
import { useFormats } from '../../i18n/format';
import { countryColor } from '../../state/look';
import { countryName } from '../board-words';

/** Props of OriginBarsChart. */
export interface OriginBarsProps {
  stages: { mining: StageReport; refining: StageReport };
}

const PSEUDO = new Set(['unknown', 'unrefined']);
const STAGES = [{ key: 'mining' }, { key: 'refining' }] as const;

/** Countries by total share, largest first; pseudo-origins (unknown, unrefined) last. */
function countryOrder(stages: OriginBarsProps['stages']): string[] {
  const total = new Map<string, number>();
  for (const { key } of STAGES) for (const [c, s] of Object.entries(stages[key].shares)) total.set(c, (total.get(c) ?? 0) + s);
  return [...total.keys()].sort((a, b) => Number(PSEUDO.has(a)) - Number(PSEUDO.has(b)) || total.get(b)! - total.get(a)! || a.localeCompare(b));
}

function originName(intl: IntlShape, country: string): string {
  return PSEUDO.has(country) ? countryName(intl, country) : country;
}

/** The recharts bars plus the same shares as text (which also serves as the legend). */
export function OriginBarsChart({ stages }: OriginBarsProps) {
  const intl = useIntl();
  const f = useFormats();
  const stageName = (key: string) => intl.formatMessage({ id: `panels.stage.${key}` });
  const countries = countryOrder(stages);
  const rows = STAGES.map(({ key }) => ({ stage: stageName(key), ...stages[key].shares }));
  return (
    <div className="origin-bars">
      {countries.length > 0 && (
        <BarChart layout="vertical" data={rows} responsive style={{ width: '100%', height: 64 }} margin={{ top: 2, right: 4, bottom: 2, left: 0 }} barCategoryGap={6}>
          <XAxis type="number" domain={[0, 1]} hide />
          <YAxis type="category" dataKey="stage" width={80} tickLine={false} axisLine={false} fontSize={11} />
          <Tooltip
            formatter={(value, name) => [f.percent(Number(value)), `${originName(intl, String(name))} ${PSEUDO.has(String(name)) ? '' : countryName(intl, String(name))}`]}
            cursor={{ fill: 'rgba(0,0,0,0.04)' }}
          />
          {countries.map((c) => (
            <Bar key={c} dataKey={c} name={c} stackId="origin" fill={countryColor(c)} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
      {STAGES.map(({ key }) => {
        const shares = Object.entries(stages[key].shares).sort(([a, x], [b, y]) => Number(PSEUDO.has(a)) - Number(PSEUDO.has(b)) || y - x);
        return (
          <p className="shares" key={key} data-stage={key}>
            <span className="shares-stage">{intl.formatMessage({ id: 'panels.origins.stage' }, { stage: stageName(key) })}</span>{' '}
            {shares.length === 0 && <span className="muted">{intl.formatMessage({ id: 'panels.origins.nothing' })}</span>}
            {shares.map(([c, s]) => (
              <span className="share" key={c} data-country={c} data-share={s} title={countryName(intl, c)}>
                <span className="swatch" style={{ background: countryColor(c) }} aria-hidden="true" />
                {originName(intl, c)} {f.percent(s)}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
