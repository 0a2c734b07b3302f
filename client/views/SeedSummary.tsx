/** A page of the seed boards' baseline exposure (a smoke check of the shared engine in the browser). */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { formatsFor } from '../i18n/format';
import { computeExposure } from '../../shared/exposure/engine';
import africa from '../../seeds/africa-corridors.json';
import allied from '../../seeds/allied-refiners.json';
import arctic from '../../seeds/arctic.json';
import gaGe from '../../seeds/gallium-germanium.json';
import magnets from '../../seeds/rare-earth-magnets.json';

const SEEDS = [africa, arctic, allied, magnets, gaGe] as const;

/** Baseline exposure of each consumer in each seed board, as a table. */
export function SeedSummary() {
  const intl = useIntl();
  const formats = formatsFor(intl);
  const t = (id: string) => intl.formatMessage({ id: `views.seeds.${id}` });
  const rows = useMemo(
    () =>
      SEEDS.flatMap((board) =>
        Object.entries(computeExposure(board).minerals).flatMap(([mineral, report]) =>
          Object.entries(report.consumers).map(([consumer, c]) => ({ board: board.title, mineral, consumer, c })),
        ),
      ),
    [],
  );
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Lodestone</h1>
      <p>{t('intro')}</p>
      <table>
        <thead>
          <tr>
            {['board', 'mineral', 'consumer', 'supplied', 'topRefiner', 'hhi', 'flag'].map((column) => <th key={column}>{t(`column.${column}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ board, mineral, consumer, c }) => (
            <tr key={`${board}/${mineral}/${consumer}`}>
              <td>{board}</td>
              <td>{mineral}</td>
              <td>{consumer}</td>
              <td>{formats.number(c.supplied)}</td>
              <td>{c.stages.refining.top ? `${c.stages.refining.top.country} ${formats.percent(c.stages.refining.top.share)}` : intl.formatMessage({ id: 'format.none' })}</td>
              <td>{formats.number(c.stages.refining.hhi, 0)}</td>
              <td>{c.benchmark65.refining ? t('over65') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
