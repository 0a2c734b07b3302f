/** Sends my ballot to the server, which writes it into the board for everyone (clients may not write ballots). */
import type { IntlShape } from 'react-intl';
import { voteWords } from './vote-words';

/** Casts (or replaces) my ballot; resolves null when stored, else a sentence (in `intl`'s language, or the server's) saying why not. */
export async function sendBallot(intl: IntlShape, boardId: string, token: string, ballot: { vote: string; person: string; choices: string[] }): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/ballots`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(ballot),
    });
  } catch {
    return voteWords(intl).offline;
  }
  if (res.ok) return null;
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // Not JSON: fall through to the status.
  }
  return voteWords(intl).refused(res.status);
}
