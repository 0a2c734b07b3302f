/** Each enabled price floor with the volume it covers and what it costs a year against the market price. */
import { FormattedMessage, useIntl } from 'react-intl';
import type { Board } from '../../../shared/board/types';
import type { PriceFloorReport } from '../../../shared/exposure/types';
import { useFormats } from '../../i18n/format';
import { Figure } from './Figure';

/** Props of PriceFloorCosts. */
export interface PriceFloorCostsProps {
  board: Board;
  floors: PriceFloorReport[];
}

/** The list (nothing when no floor is on). */
export function PriceFloorCosts({ board, floors }: PriceFloorCostsProps) {
  const intl = useIntl();
  const f = useFormats();
  const m = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `panels.floorCosts.${id}` }, values);
  if (floors.length === 0) return null;
  const labels = new Map(board.scenario.priceFloors.map((f) => [f.id, f.label]));
  const total = floors.reduce((sum, f) => sum + (f.annualCost ?? 0), 0);
  return (
    <section className="price-floors" aria-label={m('title')} data-testid="floor-costs">
      <h3>{m('title')}</h3>
      <ul>
        {floors.map((floor) => (
          <li key={floor.id} data-floor={floor.id}>
            <span className="floor-label">{labels.get(floor.id) ?? floor.id}</span>{' '}
            <span className="muted">
              {m(floor.market === null ? 'terms' : 'termsMarket', {
                mineral: floor.mineral,
                stage: intl.formatMessage({ id: `panels.stage.${floor.stage}` }),
                floor: f.number(floor.floor, 2),
                market: floor.market === null ? '' : f.number(floor.market, 2),
              })}
            </span>
            <br />
            <FormattedMessage id="panels.floorCosts.covers" values={{
              volume: <Figure field="floor-volume" value={floor.volume}>{f.perYear(floor.volume)}</Figure>,
              cost: <Figure field="floor-cost" value={floor.annualCost}>{floor.annualCost === null ? m('unknownCost') : m('perYear', { cost: f.usd(floor.annualCost) })}</Figure>,
            }} />
          </li>
        ))}
      </ul>
      {floors.length > 1 && (
        <p><FormattedMessage id="panels.floorCosts.total" values={{ total: <Figure field="floor-total" value={total}>{m('perYear', { cost: f.usd(total) })}</Figure> }} /></p>
      )}
    </section>
  );
}
