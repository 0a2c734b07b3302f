import { useMemo } from 'react';
import { computeExposure } from '../../shared/exposure/engine';
import africa from '../../seeds/africa-corridors.json';
import allied from '../../seeds/allied-refiners.json';
import arctic from '../../seeds/arctic.json';
import gaGe from '../../seeds/gallium-germanium.json';
import magnets from '../../seeds/rare-earth-magnets.json';

const SEEDS = [africa, arctic, allied, magnets, gaGe] as const;
const pct = (x: number) => `${(100 * x).toFixed(0)} %`;

/** Baseline exposure of each consumer in each seed board, as a table. */
export function SeedSummary() {
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
      <p>Baseline exposure of the seed boards, computed in your browser by the shared engine.</p>
      <table>
        <thead>
          <tr>
            <th>board</th><th>mineral</th><th>consumer</th><th>supplied t/yr</th><th>top refiner</th><th>refining HHI</th><th>65 % flag</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ board, mineral, consumer, c }) => (
            <tr key={`${board}/${mineral}/${consumer}`}>
              <td>{board}</td>
              <td>{mineral}</td>
              <td>{consumer}</td>
              <td>{c.supplied.toLocaleString()}</td>
              <td>{c.stages.refining.top ? `${c.stages.refining.top.country} ${pct(c.stages.refining.top.share)}` : '-'}</td>
              <td>{Math.round(c.stages.refining.hhi)}</td>
              <td>{c.benchmark65.refining ? 'over 65 %' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
