/** Sends my ballot to the server, which writes it into the board for everyone (clients may not write ballots). */
import type { IntlShape } from 'react-intl';
import { voteWords } from './vote-words';

/** The answer's number fields, the values its error sentence names (`allowed`, `given`, `seconds`, `max`). */
function numbersOf(body: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

/** Casts (or replaces) my ballot; resolves null when stored, else a sentence saying why not: the catalog's for the answer's code, the server's for a code it does not know. */
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
    const body = (await res.json()) as { error?: unknown; code?: unknown } & Record<string, unknown>;
    const id = typeof body.code === 'string' ? `errors.${body.code}` : '';
    if (Object.hasOwn(intl.messages, id)) return intl.formatMessage({ id }, numbersOf(body));
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // Not JSON: fall through to the status.
  }
  return voteWords(intl).refused(res.status);
}
