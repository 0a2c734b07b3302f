/** Structured JSON logs (pino). */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates the server's logger at a level. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'lodestone' } });
}
