/** What the client may read from a share-link token (the server checks the signature, not the client). */
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

/** A sentence for a connection the server closed for good. */
export function closeMessage(code: number, reason: string): string {
  if (reason) return reason;
  switch (code) {
    case 4401:
      return 'This share link is not valid or has expired; ask the facilitator for a new one.';
    case 4403:
      return 'This share link is for another board.';
    case 4404:
      return 'This board does not exist any more.';
    default:
      return `The server closed the connection (code ${code}).`;
  }
}
