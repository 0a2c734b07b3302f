/** fast-check arbitraries for boards with meaningful flows (cycles allowed), for exposure-engine properties. */
import fc from 'fast-check';
import { NODE_KINDS, type Board, type BoardEdge, type BoardNode, type Disruption, type DisruptionTarget } from '../../shared/board/types';

const COUNTRIES = ['CN', 'AU', 'CD', 'DE', 'FR', 'US', 'XX'];
const MINERALS = ['cobalt', 'gallium'];

/** Options for flowBoardArbitrary. */
export interface FlowBoardOptions {
  maxNodes?: number;
  maxEdges?: number;
  maxDisruptions?: number;
  /** Whether generated disruptions may be enabled (false: all disabled). */
  enabled?: boolean;
}

const volume = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));

/** Random valid boards whose nodes carry two minerals over random edges, with random levers. */
export function flowBoardArbitrary(options: FlowBoardOptions = {}): fc.Arbitrary<Board> {
  const { maxNodes = 10, maxEdges = 24, maxDisruptions = 4, enabled = true } = options;
  return fc
    .record({
      kinds: fc.array(fc.constantFrom(...NODE_KINDS), { minLength: 1, maxLength: maxNodes }),
      countries: fc.array(fc.constantFrom(...COUNTRIES), { minLength: maxNodes, maxLength: maxNodes }),
      edgeSpecs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...MINERALS), volume), { maxLength: maxEdges }),
      demands: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: maxNodes, maxLength: maxNodes }),
      stocks: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: maxNodes, maxLength: maxNodes }),
      leverSpecs: fc.array(
        fc.record({
          form: fc.constantFrom('node', 'edge', 'country', 'exports'),
          pick: fc.nat(),
          country: fc.constantFrom(...COUNTRIES),
          kinds: fc.option(fc.subarray([...NODE_KINDS], { minLength: 1 }), { nil: undefined }),
          minerals: fc.option(fc.subarray(MINERALS, { minLength: 1 }), { nil: undefined }),
          factor: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
          days: fc.integer({ min: 1, max: 365 }),
          enabled: enabled ? fc.boolean() : fc.constant(false),
        }),
        { maxLength: maxDisruptions },
      ),
    })
    .map(({ kinds, countries, edgeSpecs, demands, stocks, leverSpecs }) => {
      const nodes: BoardNode[] = kinds.map((kind, i) => ({
        id: `n${i}`, kind, label: `node ${i}`, country: countries[i], position: { x: i * 10, y: 0 },
        ...(kind === 'consumer' ? { demand: { cobalt: demands[i], gallium: demands[i] / 2 } } : {}),
        ...(kind === 'stockpile' ? { stock: { cobalt: stocks[i], gallium: stocks[i] } } : {}),
      }));
      const edges: BoardEdge[] = edgeSpecs.map(([a, b, mineral, v], i) => ({
        id: `e${i}`, from: nodes[a % nodes.length].id, to: nodes[b % nodes.length].id, mineral, volume: v,
      }));
      const disruptions: Disruption[] = leverSpecs.map((spec, i) => {
        let target: DisruptionTarget;
        if (spec.form === 'node') target = { node: nodes[spec.pick % nodes.length].id };
        else if (spec.form === 'edge' && edges.length > 0) target = { edge: edges[spec.pick % edges.length].id };
        else target = { country: spec.country, ...(spec.kinds ? { kinds: spec.kinds } : {}), ...(spec.form === 'exports' ? { exportsOnly: true } : {}) };
        return { id: `d${i}`, label: `lever ${i}`, enabled: spec.enabled, target, ...(spec.minerals ? { minerals: spec.minerals } : {}), factor: spec.factor, days: spec.days };
      });
      return { format: 'lodestone.board', version: 2, title: 'random', nodes, edges, scenario: { name: 'random', disruptions, expansions: [], priceFloors: [] }, notes: [] } satisfies Board;
    });
}
