/** fast-check arbitraries for VALID board files (unique ids, existing references, optional fields sometimes absent). */
import fc from 'fast-check';
import { COUNTRY_CODES } from '../../shared/board/countries';
import {
  ITEM_ID_PATTERN,
  MINERAL_KEY_PATTERN,
  NODE_KINDS,
  PRICE_FLOOR_STAGES,
  type Board,
  type BoardEdge,
  type BoardNode,
  type BoardNote,
  type Disruption,
  type DisruptionTarget,
  type Expansion,
  type PriceFloor,
} from '../../shared/board/types';

const NO_NULL_PROTO = { noNullPrototype: true } as const;

/** A finite double in [min, max], never NaN, never -0. */
export function finiteDouble(min = -1e12, max = 1e12): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0));
}

/** A valid item id, including ids that are also Object.prototype names. */
export const itemIdArb: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(ITEM_ID_PATTERN),
  fc.constantFrom('n1', 'a', 'b', '__proto__', 'constructor', 'toString', 'x:y.z-1_2'),
);

/** A valid mineral key. */
export const mineralArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('cobalt', 'gallium', 'lithium', 'nickel', 'rare-earths-heavy', 'constructor'),
  fc.stringMatching(MINERAL_KEY_PATTERN),
);

/** Free text: ASCII or any well-formed Unicode (no lone surrogates), at most `max` UTF-16 units. */
function textArb(minLength: number, max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ minLength, maxLength: max }),
      fc.string({ unit: 'binary', minLength, maxLength: Math.floor(max / 2) }),
    )
    .filter((s) => s.length >= minLength && s.length <= max && !/\p{Cs}/u.test(s));
}

const labelArb = textArb(1, 200);
const countryArb = fc.constantFrom(...COUNTRY_CODES);
const kindArb = fc.constantFrom(...NODE_KINDS);
const positionArb = fc.record({ x: finiteDouble(), y: finiteDouble() }, NO_NULL_PROTO);
const amountsArb = fc.dictionary(mineralArb, finiteDouble(0, 1e9), { maxKeys: 4, ...NO_NULL_PROTO });

/** A valid node (its id is not yet unique; boardArbitrary makes it so). */
export const nodeArb: fc.Arbitrary<BoardNode> = fc.record(
  {
    id: itemIdArb,
    kind: kindArb,
    label: labelArb,
    country: countryArb,
    position: positionArb,
    lat: finiteDouble(-90, 90),
    lon: finiteDouble(-180, 180),
    capacity: amountsArb,
    demand: amountsArb,
    stock: amountsArb,
    tags: fc.array(textArb(0, 30), { maxLength: 3 }),
    recoveryDays: finiteDouble(Number.MIN_VALUE, 1e5),
  },
  { requiredKeys: ['id', 'kind', 'label', 'country', 'position'], ...NO_NULL_PROTO },
);

function edgesArb(nodeIds: string[]): fc.Arbitrary<BoardEdge[]> {
  if (nodeIds.length === 0) return fc.constant([]);
  const endpoint = fc.constantFrom(...nodeIds);
  const edge = fc.record(
    {
      id: itemIdArb, from: endpoint, to: endpoint, mineral: mineralArb, volume: finiteDouble(0, 1e9), label: labelArb,
      capacity: finiteDouble(0, 1e9), delayDays: finiteDouble(0, 1e3),
    },
    { requiredKeys: ['id', 'from', 'to', 'mineral', 'volume'], ...NO_NULL_PROTO },
  );
  return fc.uniqueArray(edge, { selector: (e) => e.id, maxLength: 16 });
}

function targetArb(nodeIds: string[], edgeIds: string[]): fc.Arbitrary<DisruptionTarget> {
  const country = fc.record(
    { country: countryArb, kinds: fc.array(kindArb, { maxLength: 3 }), exportsOnly: fc.boolean() },
    { requiredKeys: ['country'], ...NO_NULL_PROTO },
  );
  // `to` (v2) is only valid on an export control.
  const exportsTo = fc.record(
    { country: countryArb, kinds: fc.array(kindArb, { maxLength: 3 }), exportsOnly: fc.constant(true as const), to: fc.array(countryArb, { maxLength: 3 }) },
    { requiredKeys: ['country', 'exportsOnly', 'to'], ...NO_NULL_PROTO },
  );
  const options: fc.Arbitrary<DisruptionTarget>[] = [country, exportsTo];
  if (nodeIds.length > 0) options.push(fc.record({ node: fc.constantFrom(...nodeIds) }, NO_NULL_PROTO));
  if (edgeIds.length > 0) options.push(fc.record({ edge: fc.constantFrom(...edgeIds) }, NO_NULL_PROTO));
  return fc.oneof(...options);
}

function disruptionsArb(nodeIds: string[], edgeIds: string[]): fc.Arbitrary<Disruption[]> {
  const disruption = fc.record(
    {
      id: itemIdArb,
      label: labelArb,
      enabled: fc.boolean(),
      target: targetArb(nodeIds, edgeIds),
      minerals: fc.array(mineralArb, { maxLength: 3 }),
      factor: finiteDouble(0, 1),
      days: finiteDouble(Number.MIN_VALUE, 1e5),
    },
    { requiredKeys: ['id', 'label', 'enabled', 'target', 'factor', 'days'], ...NO_NULL_PROTO },
  );
  return fc.uniqueArray(disruption, { selector: (d) => d.id, maxLength: 6 });
}

function expansionsArb(nodeIds: string[]): fc.Arbitrary<Expansion[]> {
  if (nodeIds.length === 0) return fc.constant([]);
  const expansion = fc.record(
    { id: itemIdArb, label: labelArb, enabled: fc.boolean(), node: fc.constantFrom(...nodeIds), capacity: amountsArb },
    NO_NULL_PROTO,
  );
  return fc.uniqueArray(expansion, { selector: (x) => x.id, maxLength: 4 });
}

const priceFloorsArb: fc.Arbitrary<PriceFloor[]> = fc.uniqueArray(
  fc.record(
    {
      id: itemIdArb,
      label: labelArb,
      enabled: fc.boolean(),
      mineral: mineralArb,
      stage: fc.constantFrom(...PRICE_FLOOR_STAGES),
      floor: finiteDouble(Number.MIN_VALUE, 1e6),
      countries: fc.array(countryArb, { maxLength: 3 }),
      excludeCountries: fc.array(countryArb, { maxLength: 3 }),
    },
    { requiredKeys: ['id', 'label', 'enabled', 'mineral', 'stage', 'floor'], ...NO_NULL_PROTO },
  ),
  { selector: (p) => p.id, maxLength: 4 },
);

/** Mineral prices, USD/kg (0 is a valid price). */
const pricesArb = fc.dictionary(mineralArb, finiteDouble(0, 1e6), { maxKeys: 4, ...NO_NULL_PROTO });

const notesArb: fc.Arbitrary<BoardNote[]> = fc.uniqueArray(
  fc.record({ id: itemIdArb, text: textArb(0, 300), position: positionArb }, NO_NULL_PROTO),
  { selector: (n) => n.id, maxLength: 4 },
);

/** A valid version 2 board as validateBoard returns it: scenario (with its lists) and notes present, 0..maxNodes nodes. */
export function boardArbitrary(maxNodes = 12): fc.Arbitrary<Board> {
  return fc.uniqueArray(nodeArb, { selector: (n) => n.id, maxLength: maxNodes }).chain((nodes) => {
    const nodeIds = nodes.map((n) => n.id);
    return edgesArb(nodeIds).chain((edges) =>
      fc
        .record(
          {
            title: labelArb,
            description: textArb(0, 500),
            scenarioName: labelArb,
            prices: pricesArb,
            disruptions: disruptionsArb(nodeIds, edges.map((e) => e.id)),
            expansions: expansionsArb(nodeIds),
            priceFloors: priceFloorsArb,
            notes: notesArb,
          },
          { requiredKeys: ['title', 'scenarioName', 'disruptions', 'expansions', 'priceFloors', 'notes'], ...NO_NULL_PROTO },
        )
        .map(({ title, description, prices, scenarioName, disruptions, expansions, priceFloors, notes }): Board => {
          const scenario = { name: scenarioName, disruptions, expansions, priceFloors };
          const board: Board = { format: 'lodestone.board', version: 2, title, nodes, edges, scenario, notes };
          if (description !== undefined) board.description = description;
          if (prices !== undefined) board.prices = prices;
          return board;
        }),
    );
  });
}
