/** Reads a share link a person pasted: a full URL or a path `/b/<id>?token=...`. */

/** A share link that looks usable; `url` is what to navigate to. */
export interface ShareLink {
  boardId: string;
  token: string;
  url: string;
}

const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** What is wrong with a pasted link (its sentence is `shell.openLink.problem.<reason>` in the catalog). */
export type ShareLinkProblem = 'empty' | 'notLink' | 'protocol' | 'notBoard' | 'boardId' | 'noToken' | 'badToken';

/** The parsed link, or what is wrong with it. */
export function parseShareLink(input: string, origin: string): { ok: true; link: ShareLink } | { ok: false; reason: ShareLinkProblem } {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty' };
  let url: URL;
  try {
    url = new URL(text, origin);
  } catch {
    return { ok: false, reason: 'notLink' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'protocol' };
  const match = /^\/b\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return { ok: false, reason: 'notBoard' };
  let boardId = '';
  try {
    boardId = decodeURIComponent(match[1]);
  } catch {
    // A broken %-escape: reported as an invalid id below.
  }
  if (!BOARD_ID.test(boardId)) return { ok: false, reason: 'boardId' };
  const token = url.searchParams.get('token');
  if (!token) return { ok: false, reason: 'noToken' };
  if (!TOKEN.test(token)) return { ok: false, reason: 'badToken' };
  const path = `/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`;
  // A link to another Lodestone server is followed there; one to this server stays a path.
  return { ok: true, link: { boardId, token, url: url.origin === new URL(origin).origin ? path : `${url.origin}${path}` } };
}
