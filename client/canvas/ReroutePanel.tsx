/** The canvas switch "After rerouting" and, when on, each mineral's recovered supply and delay gap. */
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { formatsFor } from '../i18n/format';
import type { RerouteView } from './reroute-view';
import './reroute.css';

/** Props of ReroutePanel. */
export interface ReroutePanelProps {
  on: boolean;
  onChange(on: boolean): void;
  view: RerouteView | null;
  /** The adapted figures are being recomputed (what is drawn belongs to an earlier board). */
  pending: boolean;
}

/** A switch (in the canvas's top-right panel), with a small legend while on. */
export function ReroutePanel({ on, onChange, view, pending }: ReroutePanelProps) {
  const intl = useIntl();
  const f = formatsFor(intl);
  const t = (id: string) => intl.formatMessage({ id: `canvas.reroute.${id}` });
  const bold = (chunks: ReactNode[]) => <b>{chunks}</b>;
  return (
    <div className="ls-reroute">
      <label className="ls-reroute__switch" title={t('title')}>
        <input type="checkbox" role="switch" checked={on} onChange={(e) => onChange(e.target.checked)} data-testid="reroute-toggle" />
        {t('switch')}
      </label>
      {on && (
        <div className="ls-reroute__legend" data-testid="reroute-legend" data-pending={pending ? 'true' : 'false'}>
          {pending && <p className="ls-reroute__pending" role="status">{t('updating')}</p>}
          {view === null ? <p>{t('computing')}</p> : (
            <>
              <p>{t('key')}</p>
              <ul>
                {view.minerals.map((m) => (
                  <li key={m.mineral} data-mineral={m.mineral}>
                    {intl.formatMessage({ id: 'canvas.reroute.recovers' }, {
                      mineral: m.mineral,
                      volume: f.perYear(m.recovered),
                      b: bold,
                      recovered: (chunks: ReactNode[]) => <span data-field="recovered" data-value={JSON.stringify(m.recovered)}>{chunks}</span>,
                    })}
                    {m.delayGap > 0 && intl.formatMessage({ id: 'canvas.reroute.delayGap' }, {
                      amount: f.tonnes(m.delayGap),
                      gap: (chunks: ReactNode[]) => <span data-field="delayGap" data-value={JSON.stringify(m.delayGap)}>{chunks}</span>,
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
