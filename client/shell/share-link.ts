/** Reads a share link a person pasted: a full URL or a path `/b/<id>?token=...`. */

/** A share link that looks usable; `url` is what to navigate to. */
export interface ShareLink {
  boardId: string;
  token: string;
  url: string;
}

const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The parsed link, or a sentence saying what is wrong with it. */
export function parseShareLink(input: string, origin: string): { ok: true; link: ShareLink } | { ok: false; reason: string } {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'Paste a share link first.' };
  let url: URL;
  try {
    url = new URL(text, origin);
  } catch {
    return { ok: false, reason: 'That is not a link. A share link looks like https://…/b/<board>?token=…' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'A share link starts with https:// or with /b/.' };
  const match = /^\/b\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return { ok: false, reason: 'That link does not point to a board; a share link looks like …/b/<board>?token=…' };
  let boardId = '';
  try {
    boardId = decodeURIComponent(match[1]);
  } catch {
    // A broken %-escape: reported as an invalid id below.
  }
  if (!BOARD_ID.test(boardId)) return { ok: false, reason: 'The board id in that link is not valid.' };
  const token = url.searchParams.get('token');
  if (!token) return { ok: false, reason: 'That link has no token; copy the whole share link, including ?token=…' };
  if (!TOKEN.test(token)) return { ok: false, reason: 'The token in that link is incomplete or damaged; copy the whole share link again.' };
  const path = `/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`;
  // A link to another Lodestone server is followed there; one to this server stays a path.
  return { ok: true, link: { boardId, token, url: url.origin === new URL(origin).origin ? path : `${url.origin}${path}` } };
}
