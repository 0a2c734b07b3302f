/** One consumer's immediate figures beside the adapted ones (after rerouting), marked while the adapted ones are being computed. */
import type { ConsumerReport, RerouteConsumer } from '../../../shared/exposure/types';
import { days, tonnes } from '../../state/look';
import { Figure, perYear } from './Figure';
import { ADAPTED_WORDS as W, adaptedVerdict, verdict } from './words';

/** Props of AdaptedTable. */
export interface AdaptedTableProps {
  immediate: ConsumerReport;
  /** The consumer after rerouting; undefined until the first adapted figures arrive. */
  adapted: RerouteConsumer | undefined;
  /** True while the adapted figures shown belong to an earlier board. */
  pending: boolean;
}

/** Delivered, shortfall, stock days, survives and stock needed, immediate and after rerouting. */
export function AdaptedTable({ immediate: c, adapted: r, pending }: AdaptedTableProps) {
  const cell = (field: string, value: number | boolean | null, text: string) => (
    <td>{r === undefined ? <span className="muted">{W.missing}</span> : <Figure field={field} value={value}>{text}</Figure>}</td>
  );
  return (
    <table className={`adapted-table${pending ? ' pending' : ''}`} data-pending={pending ? 'true' : 'false'}>
      <caption className="visually-hidden">{W.caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{W.immediate}</th>
          <th scope="col" title={W.caption}>{W.adapted}{pending && <span className="pending-mark" role="status"> {W.pending}</span>}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{W.delivered}</th>
          <td>{perYear(c.delivered)}</td>
          {cell('reroutedDelivered', r?.delivered ?? null, r ? perYear(r.delivered) : '')}
        </tr>
        <tr>
          <th scope="row">{W.shortfall}</th>
          <td>{perYear(c.shortfall)}</td>
          {cell('reroutedShortfall', r?.shortfall ?? null, r ? perYear(r.shortfall) : '')}
        </tr>
        <tr>
          <th scope="row">{W.stockDays}</th>
          <td>{days(c.stockDays)}</td>
          {cell('reroutedStockDays', r?.stockDays ?? null, r ? days(r.stockDays) : '')}
        </tr>
        <tr>
          <th scope="row">{W.survives}</th>
          <td>{verdict(c).text}</td>
          {cell('reroutedSurvives', r?.survives ?? null, r ? adaptedVerdict(r, c.demand) : '')}
        </tr>
        <tr>
          <th scope="row">{W.stockNeeded}</th>
          <td><Figure field="stockNeeded" value={c.stockNeeded}>{tonnes(c.stockNeeded)}</Figure></td>
          {cell('reroutedStockNeeded', r?.stockNeeded ?? null, r ? tonnes(r.stockNeeded) : '')}
        </tr>
      </tbody>
    </table>
  );
}
