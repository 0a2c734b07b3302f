/** The canvas switch "After rerouting" and, when on, each mineral's recovered supply and delay gap. */
import { tonnes } from '../state/look';
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
  return (
    <div className="ls-reroute">
      <label className="ls-reroute__switch" title="Draw the flows once planned and alternative routes carry what they can">
        <input type="checkbox" role="switch" checked={on} onChange={(e) => onChange(e.target.checked)} data-testid="reroute-toggle" />
        After rerouting
      </label>
      {on && (
        <div className="ls-reroute__legend" data-testid="reroute-legend" data-pending={pending ? 'true' : 'false'}>
          {pending && <p className="ls-reroute__pending" role="status">Updating the rerouted flows…</p>}
          {view === null ? <p>Computing the rerouted flows…</p> : (
            <>
              <p>Width follows the rerouted flow; grey dashes: unused alternative routes; ⚠ bottleneck.</p>
              <ul>
                {view.minerals.map((m) => (
                  <li key={m.mineral} data-mineral={m.mineral}>
                    <b>{m.mineral}</b>: rerouting recovers <span data-field="recovered" data-value={JSON.stringify(m.recovered)}>{tonnes(m.recovered)}/yr</span>
                    {m.delayGap > 0 && <>; delay gap <span data-field="delayGap" data-value={JSON.stringify(m.delayGap)}>{tonnes(m.delayGap)}</span> in transit on longer routes, to bridge from stock</>}
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
