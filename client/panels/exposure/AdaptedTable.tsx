/** One consumer's immediate figures beside the adapted ones (after rerouting), marked while the adapted ones are being computed. */
import { useIntl } from 'react-intl';
import type { ConsumerReport, RerouteConsumer } from '../../../shared/exposure/types';
import { useFormats } from '../../i18n/format';
import { Figure } from './Figure';
import { adaptedVerdict, verdict } from './words';

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
  const intl = useIntl();
  const f = useFormats();
  const w = (id: string) => intl.formatMessage({ id: `panels.adapted.${id}` });
  const cell = (field: string, value: number | boolean | null, text: string) => (
    <td>{r === undefined ? <span className="muted">{w('missing')}</span> : <Figure field={field} value={value}>{text}</Figure>}</td>
  );
  return (
    <table className={`adapted-table${pending ? ' pending' : ''}`} data-pending={pending ? 'true' : 'false'}>
      <caption className="visually-hidden">{w('caption')}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{w('immediate')}</th>
          <th scope="col" title={w('caption')}>{w('adapted')}{pending && <span className="pending-mark" role="status"> {w('pending')}</span>}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{w('delivered')}</th>
          <td>{f.perYear(c.delivered)}</td>
          {cell('reroutedDelivered', r?.delivered ?? null, r ? f.perYear(r.delivered) : '')}
        </tr>
        <tr>
          <th scope="row">{w('shortfall')}</th>
          <td>{f.perYear(c.shortfall)}</td>
          {cell('reroutedShortfall', r?.shortfall ?? null, r ? f.perYear(r.shortfall) : '')}
        </tr>
        <tr>
          <th scope="row">{w('stockDays')}</th>
          <td>{f.days(c.stockDays)}</td>
          {cell('reroutedStockDays', r?.stockDays ?? null, r ? f.days(r.stockDays) : '')}
        </tr>
        <tr>
          <th scope="row">{w('survives')}</th>
          <td>{verdict(intl, c).text}</td>
          {cell('reroutedSurvives', r?.survives ?? null, r ? adaptedVerdict(intl, r, c.demand) : '')}
        </tr>
        <tr>
          <th scope="row">{w('stockNeeded')}</th>
          <td><Figure field="stockNeeded" value={c.stockNeeded}>{f.tonnes(c.stockNeeded)}</Figure></td>
          {cell('reroutedStockNeeded', r?.stockNeeded ?? null, r ? f.tonnes(r.stockNeeded) : '')}
        </tr>
      </tbody>
    </table>
  );
}
