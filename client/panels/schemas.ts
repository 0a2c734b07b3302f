/** The board schemas the client's forms validate with, loaded only after zod is told not to probe for eval (the page's CSP forbids it). */
import '../zod-jitless';

export { DisruptionSchema, EdgeSchema, ExpansionSchema, NodeSchema, NoteSchema, PriceFloorSchema, PricesSchema } from '../../shared/board/schema';
