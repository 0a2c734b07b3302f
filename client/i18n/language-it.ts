/** The Italian catalog: every area's file in one chunk. */
import type { Messages } from './catalogs';

/** All Italian messages. */
export const messages: Messages = Object.assign({}, ...Object.values(import.meta.glob<Messages>('./catalogs/it/*.json', { eager: true, import: 'default' })));
