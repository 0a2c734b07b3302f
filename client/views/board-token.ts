/**
 * A board page's token: read from `?token=` once, then taken out of the address bar (where it would show
 * in the history, on a shared screen and in screenshots) and kept for this tab, so a reload still works.
 */

const key = (boardId: string) => `lodestone.token.${boardId}`;

/** The token of the board page at the current address, removing it from the address bar; null when there is none. */
export function takeBoardToken(boardId: string): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(key(boardId), fromUrl);
    } catch {
      // Storage disabled: a reload then needs the link again.
    }
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(key(boardId));
  } catch {
    return null;
  }
}
