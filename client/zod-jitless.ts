/**
 * Imported before any board schema is built (client/panels/schemas.ts, the board file import): the server's Content-Security-Policy allows no eval, and zod otherwise
 * probes for it (`new Function`) when the board schema is built, which the browser reports as a violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
