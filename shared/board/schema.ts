/** Zod schemas for the board file format v2 (shared/board-format.md, scenario-analysis.md section 1); structure only, references are checked in references.ts. */
import { z } from 'zod';
import { isCountryCode } from './countries';
import { BOARD_VERSION, ITEM_ID_PATTERN, MINERAL_KEY_PATTERN, NODE_KINDS, PRICE_FLOOR_STAGES, type Board } from './types';

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** A node, edge, disruption, expansion, price floor or note id. */
export const ItemIdSchema = z.string().regex(ITEM_ID_PATTERN, {
  error: (iss) => `Id ${quote(iss.input)} must be 1 to 64 characters of letters, digits, "_", ".", ":" or "-".`,
});

/** A mineral key such as "cobalt" or "rare-earths-heavy". */
export const MineralKeySchema = z.string().regex(MINERAL_KEY_PATTERN, {
  error: (iss) =>
    `Mineral ${quote(iss.input)} must be a lower-case key: a letter, then up to 39 letters, digits or "-".`,
});

/** An ISO 3166-1 alpha-2 country code (upper case) or "XX". */
export const CountrySchema = z.string().refine(isCountryCode, {
  error: (iss) => `Country ${quote(iss.input)} is not an upper-case ISO 3166-1 alpha-2 code or "XX".`,
});

// Lone UTF-16 surrogates do not survive UTF-8 (Yjs updates, most storage): reject them at the boundary.
const LONE_SURROGATE = /\p{Cs}/u;

/** Free text without broken (lone surrogate) characters. */
export const TextSchema = z.string().refine((s) => !LONE_SURROGATE.test(s), {
  error: 'The text contains a broken character (a lone UTF-16 surrogate) that cannot be stored.',
});

/** A label or title: 1 to 200 characters. */
export const LabelSchema = TextSchema.min(1).max(200);

/** One of the node kinds. */
export const NodeKindSchema = z.enum(NODE_KINDS);

/** A finite canvas position. */
export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() });

/** Mineral key -> finite amount >= 0 (t/yr, or tonnes for stock). */
export const MineralAmountsSchema = z.record(MineralKeySchema, z.number().min(0));

/** A mine, refinery, manufacturer, transport link, stockpile, recycler or consumer. */
export const NodeSchema = z.strictObject({
  id: ItemIdSchema,
  kind: NodeKindSchema,
  label: LabelSchema,
  country: CountrySchema,
  position: PositionSchema,
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  capacity: MineralAmountsSchema.optional(),
  demand: MineralAmountsSchema.optional(),
  stock: MineralAmountsSchema.optional(),
  tags: z.array(TextSchema).optional(),
  recoveryDays: z.number().gt(0).optional(),
});

/** A planned flow of one mineral between two nodes, in t/yr. */
export const EdgeSchema = z.strictObject({
  id: ItemIdSchema,
  from: ItemIdSchema,
  to: ItemIdSchema,
  mineral: MineralKeySchema,
  volume: z.number().min(0),
  label: LabelSchema.optional(),
  capacity: z.number().min(0).optional(),
  delayDays: z.number().min(0).optional(),
});

/** A disruption target: exactly one of a node, an edge, or a country (optionally some kinds, or only its exports). */
export const DisruptionTargetSchema = z.union([
  z.strictObject({ node: ItemIdSchema }),
  z.strictObject({ edge: ItemIdSchema }),
  z.strictObject({
    country: CountrySchema,
    kinds: z.array(NodeKindSchema).optional(),
    exportsOnly: z.boolean().optional(),
    to: z.array(CountrySchema).optional(),
  }),
]);

/** A scenario lever. */
export const DisruptionSchema = z.strictObject({
  id: ItemIdSchema,
  label: LabelSchema,
  enabled: z.boolean(),
  target: DisruptionTargetSchema,
  minerals: z.array(MineralKeySchema).optional(),
  factor: z.number().min(0).max(1),
  days: z.number().gt(0),
});

/** Capacity that comes online at a node, t/yr per mineral. */
export const ExpansionSchema = z.strictObject({
  id: ItemIdSchema,
  label: LabelSchema,
  enabled: z.boolean(),
  node: ItemIdSchema,
  capacity: MineralAmountsSchema,
});

/** A coordinated reference price (USD/kg, > 0) acting as a floor for one stage's producers. */
export const PriceFloorSchema = z.strictObject({
  id: ItemIdSchema,
  label: LabelSchema,
  enabled: z.boolean(),
  mineral: MineralKeySchema,
  stage: z.enum(PRICE_FLOOR_STAGES),
  floor: z.number().gt(0),
  countries: z.array(CountrySchema).optional(),
  excludeCountries: z.array(CountrySchema).optional(),
});

/** The scenario a board is evaluated under; the name follows the label rule (1..200 characters); expansions and floors default to none. */
export const ScenarioSchema = z.strictObject({
  name: LabelSchema,
  disruptions: z.array(DisruptionSchema),
  expansions: z.array(ExpansionSchema).default(() => []),
  priceFloors: z.array(PriceFloorSchema).default(() => []),
});

/** A free-text sticky note on the canvas. */
export const NoteSchema = z.strictObject({
  id: ItemIdSchema,
  text: TextSchema,
  position: PositionSchema,
});

/** The scenario a file without one gets. */
export const DEFAULT_SCENARIO_NAME = 'Baseline';

/** Prices of minerals, USD/kg >= 0. */
export const PricesSchema = z.record(MineralKeySchema, z.number().min(0));

/**
 * A whole board file, version 1 or 2, read as version 2; `scenario` and `notes` get defaults when absent.
 * (That a version 1 file uses no version 2 field is checked in v1-fields.ts.)
 */
export const BoardSchema = z.strictObject({
  format: z.literal('lodestone.board'),
  version: z.literal([1, BOARD_VERSION]).transform((): typeof BOARD_VERSION => BOARD_VERSION),
  title: LabelSchema,
  description: TextSchema.optional(),
  prices: PricesSchema.optional(),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  scenario: ScenarioSchema.default(() => ({ name: DEFAULT_SCENARIO_NAME, disruptions: [], expansions: [], priceFloors: [] })),
  notes: z.array(NoteSchema).default(() => []),
});

// Compile-time guard: the schema's output and the hand-written Board type must stay interchangeable.
type Assert<T extends true> = T;
type ParsedBoard = z.infer<typeof BoardSchema>;
/** Compile-time only: fails to type-check when a parsed board is not a Board. */
export type _SchemaMatchesBoard = Assert<ParsedBoard extends Board ? true : false>;
/** Compile-time only: fails to type-check when a Board would not be a parsed board. */
export type _BoardMatchesSchema = Assert<Board extends ParsedBoard ? true : false>;
