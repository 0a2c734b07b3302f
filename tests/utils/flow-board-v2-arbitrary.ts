/** fast-check arbitraries for small v2 boards with capacities, alternative routes, delays and levers (engine properties). */
import fc from 'fast-check';
import type { Json } from './board-v2-builder';

const KINDS = ['mine', 'refinery', 'transport', 'stockpile', 'recycler', 'consumer', 'manufacturer'] as const;
const COUNTRIES = ['CN', 'AU', 'DE', 'US'];
const MINERAL = 'cobalt';

/** Options for flowBoardV2Arbitrary. */
export interface FlowBoardV2Options {
  maxNodes?: number;
  maxEdges?: number;
  /** Consumers send material only to recyclers (then rerouting never delivers less than v1). */
  consumersFeedRecyclersOnly?: boolean;
  /** Export levers never name kinds (the brute-force network reads factors without origins). */
  plainExportLevers?: boolean;
  /** Node kinds to draw from (repeat a kind to make it likelier). */
  kinds?: readonly string[];
  /** Every lever enabled with a factor below 1 (so something is cut). */
  cutting?: boolean;
}

const amount = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 60, noNaN: true }));

/** Random valid v2 boards of one mineral. */
export function flowBoardV2Arbitrary(options: FlowBoardV2Options = {}): fc.Arbitrary<Json> {
  const { maxNodes = 6, maxEdges = 10, consumersFeedRecyclersOnly = false, plainExportLevers = true, kinds = KINDS, cutting = false } = options;
  return fc
    .record({
      specs: fc.array(
        fc.record({
          kind: fc.constantFrom(...kinds),
          country: fc.constantFrom(...COUNTRIES),
          capacity: fc.option(amount, { nil: undefined }),
          stock: fc.integer({ min: 0, max: 40 }),
          recoveryDays: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
        }),
        { minLength: 2, maxLength: maxNodes },
      ),
      edgeSpecs: fc.array(
        fc.record({
          from: fc.nat(), to: fc.nat(), volume: fc.oneof(fc.constant(0), amount),
          capacity: fc.option(amount, { nil: undefined }), delayDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        }),
        { maxLength: maxEdges },
      ),
      levers: fc.array(
        fc.record({
          form: fc.constantFrom('node', 'edge', 'country', 'exports'),
          pick: fc.nat(),
          country: fc.constantFrom(...COUNTRIES),
          factor: cutting ? fc.oneof(fc.constantFrom(0, 0.5), fc.double({ min: 0, max: 0.9, noNaN: true })) : fc.oneof(fc.constantFrom(0, 0.5), fc.double({ min: 0, max: 1, noNaN: true })),
          days: fc.integer({ min: 1, max: 365 }),
          enabled: cutting ? fc.constant(true) : fc.boolean(),
        }),
        { minLength: cutting ? 1 : 0, maxLength: 3 },
      ),
      expansions: fc.array(fc.record({ pick: fc.nat(), amount, enabled: fc.boolean() }), { maxLength: 2 }),
    })
    .map(({ specs, edgeSpecs, levers, expansions }) => {
      const nodes = specs.map((s, i) => ({
        id: `n${i}`, kind: s.kind, label: `node ${i}`, country: s.country, position: { x: 0, y: 0 },
        ...(s.capacity === undefined ? {} : { capacity: { [MINERAL]: s.capacity } }),
        ...(s.kind === 'consumer' ? { demand: { [MINERAL]: 50 } } : {}),
        ...(s.kind === 'stockpile' ? { stock: { [MINERAL]: s.stock } } : {}),
        ...(s.recoveryDays === undefined ? {} : { recoveryDays: s.recoveryDays }),
      }));
      const edges = edgeSpecs
        .map((e, i) => ({
          id: `e${i}`, from: nodes[e.from % nodes.length].id, to: nodes[e.to % nodes.length].id, mineral: MINERAL, volume: e.volume,
          ...(e.capacity === undefined ? {} : { capacity: e.capacity }), ...(e.delayDays === undefined ? {} : { delayDays: e.delayDays }),
        }))
        .filter((e) => !consumersFeedRecyclersOnly || nodes.find((n) => n.id === e.from)!.kind !== 'consumer' || nodes.find((n) => n.id === e.to)!.kind === 'recycler');
      const disruptions = levers.map((l, i) => {
        let target: Json;
        if (l.form === 'node') target = { node: nodes[l.pick % nodes.length].id };
        else if (l.form === 'edge' && edges.length > 0) target = { edge: edges[l.pick % edges.length].id };
        else if (l.form === 'exports') target = { country: l.country, exportsOnly: true, ...(plainExportLevers ? {} : { kinds: ['refinery'] }) };
        else target = { country: l.country };
        return { id: `d${i}`, label: `lever ${i}`, enabled: l.enabled, target, factor: l.factor, days: l.days };
      });
      return {
        format: 'lodestone.board', version: 2, title: 'random', nodes, edges, notes: [],
        scenario: {
          name: 'random', disruptions,
          expansions: expansions.map((x, i) => ({ id: `x${i}`, label: `x${i}`, enabled: x.enabled, node: nodes[x.pick % nodes.length].id, capacity: { [MINERAL]: x.amount } })),
        },
        prices: { [MINERAL]: 30 },
      };
    });
}

/** The mineral the v2 arbitrary uses. */
export const V2_MINERAL = MINERAL;

/**
 * Layered boards where several consumers compete for supply that a lever cuts: mines -> transports ->
 * consumers, every pair of consecutive layers linked by a planned flow or an alternative route.
 */
export function contendedBoardArbitrary(): fc.Arbitrary<Json> {
  const layer = (min: number, max: number) => fc.integer({ min, max });
  return fc
    .record({
      mines: layer(1, 2), transports: layer(1, 3), consumers: layer(2, 3),
      links: fc.array(fc.record({ volume: fc.oneof(fc.constant(0), amount), capacity: fc.option(amount, { nil: undefined }), delayDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }) }), { minLength: 15, maxLength: 15 }),
      nodeCaps: fc.array(fc.option(amount, { nil: undefined }), { minLength: 8, maxLength: 8 }),
      cut: fc.record({ pick: fc.nat(), factor: fc.double({ min: 0, max: 0.9, noNaN: true }) }),
    })
    .map(({ mines, transports, consumers, links, nodeCaps, cut }) => {
      const layers = [
        Array.from({ length: mines }, (_, i) => ({ id: `m${i}`, kind: 'mine' })),
        Array.from({ length: transports }, (_, i) => ({ id: `t${i}`, kind: 'transport' })),
        Array.from({ length: consumers }, (_, i) => ({ id: `c${i}`, kind: 'consumer' })),
      ];
      const flat = layers.flat();
      const nodes = flat.map((n, i) => ({
        ...n, label: n.id, country: 'AU', position: { x: 0, y: 0 },
        ...(nodeCaps[i] === undefined || n.kind === 'consumer' ? {} : { capacity: { [MINERAL]: nodeCaps[i] } }),
      }));
      const edges: Json[] = [];
      let k = 0;
      for (let l = 0; l < 2; l++) {
        for (const a of layers[l]) for (const b of layers[l + 1]) {
          const link = links[k++ % links.length];
          if (link.volume === 0 && link.capacity === undefined) continue;
          edges.push({ id: `e${edges.length}`, from: a.id, to: b.id, mineral: MINERAL, volume: link.volume,
            ...(link.capacity === undefined ? {} : { capacity: link.capacity }), ...(link.delayDays === undefined ? {} : { delayDays: link.delayDays }) });
        }
      }
      const victim = flat.filter((n) => n.kind !== 'consumer')[cut.pick % (mines + transports)];
      return {
        format: 'lodestone.board', version: 2, title: 'contended', nodes, edges, notes: [],
        scenario: { name: 'cut', disruptions: [{ id: 'cut', label: 'cut', enabled: true, target: { node: victim.id }, factor: cut.factor, days: 90 }] },
      };
    });
}
