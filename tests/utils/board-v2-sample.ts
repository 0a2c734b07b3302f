/** A hand-made version 2 board file with every field scenario-analysis.md section 1 adds (tests only). */

/** A valid version 2 board file that uses every new field at least once, as a fresh plain object (break one thing at a time). */
export function everyV2Field(): any {
  return {
    format: 'lodestone.board',
    version: 2,
    title: 'Magnets',
    prices: { 'rare-earths-light': 51, gallium: 0 },
    nodes: [
      { id: 'cn-mine', kind: 'mine', label: 'Bayan Obo', country: 'CN', position: { x: 0, y: 0 }, recoveryDays: 120 },
      { id: 'my-ref', kind: 'refinery', label: 'Lynas Kuantan', country: 'MY', position: { x: 100, y: 0 }, capacity: { 'rare-earths-light': 9000 } },
      { id: 'jp-mag', kind: 'manufacturer', label: 'Magnet plant', country: 'JP', position: { x: 200, y: 0 }, recoveryDays: 0.5 },
      { id: 'us', kind: 'consumer', label: 'US industry', country: 'US', position: { x: 300, y: 0 }, demand: { 'rare-earths-light': 100 } },
    ],
    edges: [
      { id: 'e1', from: 'cn-mine', to: 'my-ref', mineral: 'rare-earths-light', volume: 100, capacity: 150, delayDays: 0 },
      { id: 'e2', from: 'my-ref', to: 'jp-mag', mineral: 'rare-earths-light', volume: 90 },
      { id: 'cape', from: 'my-ref', to: 'jp-mag', mineral: 'rare-earths-light', volume: 0, capacity: 40, delayDays: 12 },
      { id: 'e3', from: 'jp-mag', to: 'us', mineral: 'rare-earths-light', volume: 90 },
    ],
    scenario: {
      name: 'Export ban to the US',
      disruptions: [
        { id: 'd1', label: 'Ban to US', enabled: true, target: { country: 'CN', kinds: ['refinery', 'manufacturer'], exportsOnly: true, to: ['US', 'XX'] }, factor: 0, days: 180 },
        { id: 'd2', label: 'Ban to nobody', enabled: false, target: { country: 'CN', exportsOnly: true, to: [] }, factor: 0, days: 30 },
      ],
      expansions: [{ id: 'x1', label: 'Kuantan heavy circuit', enabled: true, node: 'my-ref', capacity: { 'rare-earths-heavy': 300 } }],
      priceFloors: [
        { id: 'p1', label: 'Allied NdPr floor', enabled: true, mineral: 'rare-earths-light', stage: 'refining', floor: 110, excludeCountries: ['CN'] },
        { id: 'p2', label: 'Magnet floor', enabled: false, mineral: 'rare-earths-light', stage: 'manufacturing', floor: 0.01, countries: ['JP', 'US'] },
        { id: 'p3', label: 'Mining floor', enabled: false, mineral: 'gallium', stage: 'mining', floor: 5, countries: [] },
      ],
    },
    notes: [],
  };
}
