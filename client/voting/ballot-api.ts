/** Sends my ballot to the server, which writes it into the board for everyone (clients may not write ballots). */

/** The sentence when the server cannot be reached. */
export const BALLOT_OFFLINE = 'Your vote could not be sent: the server cannot be reached. Try again when the connection is back.';

/** Casts (or replaces) my ballot; resolves null when stored, else a sentence saying why not. */
export async function sendBallot(boardId: string, token: string, ballot: { vote: string; person: string; choices: string[] }): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/ballots`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(ballot),
    });
  } catch {
    return BALLOT_OFFLINE;
  }
  if (res.ok) return null;
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // Not JSON: fall through to the status.
  }
  return `Your vote was not taken (the server answered ${res.status}).`;
}
