/** The English catalog: every area's file in one chunk. */
import type { Messages } from './catalogs';

/** All English messages. */
export const messages: Messages = Object.assign({}, ...Object.values(import.meta.glob<Messages>('./catalogs/en/*.json', { eager: true, import: 'default' })));
