/** Zod schemas for the board file format v1 (docs: shared/board-format.md); structure only, references are checked in validate.ts. */
import { z } from 'zod';
import { isCountryCode } from './countries';
import { ITEM_ID_PATTERN, MINERAL_KEY_PATTERN, NODE_KINDS, type Board } from './types';

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** A node, edge, disruption or note id. */
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

/** A mine, refinery, transport link, stockpile, recycler or consumer. */
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
});

/** A planned flow of one mineral between two nodes, in t/yr. */
export const EdgeSchema = z.strictObject({
  id: ItemIdSchema,
  from: ItemIdSchema,
  to: ItemIdSchema,
  mineral: MineralKeySchema,
  volume: z.number().min(0),
  label: LabelSchema.optional(),
});

/** A disruption target: exactly one of a node, an edge, or a country (optionally some kinds, or only its exports). */
export const DisruptionTargetSchema = z.union([
  z.strictObject({ node: ItemIdSchema }),
  z.strictObject({ edge: ItemIdSchema }),
  z.strictObject({
    country: CountrySchema,
    kinds: z.array(NodeKindSchema).optional(),
    exportsOnly: z.boolean().optional(),
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

/** The scenario a board is evaluated under; the name follows the label rule (1..200 characters). */
export const ScenarioSchema = z.strictObject({
  name: LabelSchema,
  disruptions: z.array(DisruptionSchema),
});

/** A free-text sticky note on the canvas. */
export const NoteSchema = z.strictObject({
  id: ItemIdSchema,
  text: TextSchema,
  position: PositionSchema,
});

/** The scenario a file without one gets. */
export const DEFAULT_SCENARIO_NAME = 'Baseline';

/** A whole board file v1; `scenario` and `notes` get defaults when absent. */
export const BoardSchema = z.strictObject({
  format: z.literal('lodestone.board'),
  version: z.literal(1),
  title: LabelSchema,
  description: TextSchema.optional(),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  scenario: ScenarioSchema.default(() => ({ name: DEFAULT_SCENARIO_NAME, disruptions: [] })),
  notes: z.array(NoteSchema).default(() => []),
});

// Compile-time guard: the schema's output and the hand-written Board type must stay interchangeable.
type Assert<T extends true> = T;
type ParsedBoard = z.infer<typeof BoardSchema>;
/** Compile-time only: fails to type-check when a parsed board is not a Board. */
export type _SchemaMatchesBoard = Assert<ParsedBoard extends Board ? true : false>;
/** Compile-time only: fails to type-check when a Board would not be a parsed board. */
export type _BoardMatchesSchema = Assert<Board extends ParsedBoard ? true : false>;
