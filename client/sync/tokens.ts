/** What the client may read from a share-link token (the server checks the signature, not the client), and why the server closed for good. */
import type { IntlShape } from 'react-intl';
import type { Role } from '../state/types';

/** The role a token claims, or null when it cannot be read. */
export function roleOfToken(token: string): Role | null {
  try {
    const payload = token.split('.')[1];
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { r?: unknown };
    return json.r === 'facilitator' || json.r === 'editor' || json.r === 'viewer' ? json.r : null;
  } catch {
    return null;
  }
}

/** Close codes the page has a sentence for (`sync.close.<code>`); the server's own reason is English. */
const WORDED_CLOSES = new Set([4400, 4401, 4403, 4404]);

/** The sentence, in the page's language, for a connection the server closed for good: the code's, else the server's reason, else the bare code. */
export function closeMessage(intl: IntlShape, code: number, reason: string): string {
  if (WORDED_CLOSES.has(code)) return intl.formatMessage({ id: `sync.close.${code}` });
  return reason || intl.formatMessage({ id: 'sync.close.other' }, { code: String(code) });
}
