/** Each enabled price floor with the volume it covers and what it costs a year against the market price. */
import type { Board } from '../../../shared/board/types';
import type { PriceFloorReport } from '../../../shared/exposure/types';
import { Figure, perYear } from './Figure';
import { usd } from './money';

/** Props of PriceFloorCosts. */
export interface PriceFloorCostsProps {
  board: Board;
  floors: PriceFloorReport[];
}

/** The list (nothing when no floor is on). */
export function PriceFloorCosts({ board, floors }: PriceFloorCostsProps) {
  if (floors.length === 0) return null;
  const labels = new Map(board.scenario.priceFloors.map((f) => [f.id, f.label]));
  const total = floors.reduce((sum, f) => sum + (f.annualCost ?? 0), 0);
  return (
    <section className="price-floors" aria-label="Price floors" data-testid="floor-costs">
      <h3>Price floors</h3>
      <ul>
        {floors.map((f) => (
          <li key={f.id} data-floor={f.id}>
            <span className="floor-label">{labels.get(f.id) ?? f.id}</span>{' '}
            <span className="muted">{f.mineral}, {f.stage}, floor {f.floor} USD/kg{f.market === null ? '' : ` against ${f.market} USD/kg`}</span>
            <br />
            covers <Figure field="floor-volume" value={f.volume}>{perYear(f.volume)}</Figure>, costs{' '}
            <Figure field="floor-cost" value={f.annualCost}>{f.annualCost === null ? 'unknown (no market price for this mineral)' : `${usd(f.annualCost)} a year`}</Figure>
          </li>
        ))}
      </ul>
      {floors.length > 1 && <p>All floors together: <Figure field="floor-total" value={total}>{usd(total)} a year</Figure></p>}
    </section>
  );
}
