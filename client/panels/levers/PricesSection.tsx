/** The board's market prices (USD/kg per mineral), which price floors and stockpile costs are measured against. */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { PricesSchema } from '../schemas';
import type { Board, MineralAmounts } from '../../../shared/board/types';
import type { BoardActions } from '../../state/types';
import { boardMinerals } from '../board-words';
import { errorAt } from '../fields/issues';
import { AmountRows } from '../inspector/AmountRows';

/** Props of PricesSection. */
export interface PricesSectionProps {
  board: Board;
  actions: Pick<BoardActions, 'setPrice'>;
  readOnly: boolean;
}

/** Mineral -> USD/kg rows; each change writes only the minerals that changed. */
export function PricesSection({ board, actions, readOnly }: PricesSectionProps) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: 'panels.prices.title' });
  const list = useId();
  const prices = board.prices ?? {};
  const commit = (next: MineralAmounts | undefined) => {
    const after = next ?? {};
    for (const mineral of Object.keys(prices)) if (!Object.hasOwn(after, mineral)) actions.setPrice(mineral, undefined);
    for (const [mineral, price] of Object.entries(after)) if (prices[mineral] !== price) actions.setPrice(mineral, price);
  };
  return (
    <section className="scenario-extra" aria-label={title}>
      <datalist id={list}>{boardMinerals(board).map((m) => <option key={m} value={m} />)}</datalist>
      <AmountRows title={title} unit="USD/kg" amounts={prices} disabled={readOnly} mineralList={list}
        check={(next, path) => errorAt(intl, PricesSchema.safeParse(next), path, next)} commit={commit} />
    </section>
  );
}
