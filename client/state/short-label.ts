/** Chart labels that fit: at most `max` characters, cut at a word where possible, with an ellipsis (pure). */

/** The longest a chart label may be. */
export const CHART_LABEL_MAX = 20;

/** `text` shortened to at most `max` characters (the ellipsis included); short texts come back unchanged. */
export function shortLabel(text: string, max = CHART_LABEL_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = max - 1;
  const cut = clean.slice(0, room);
  const space = cut.lastIndexOf(' ');
  // Cut at a word when that keeps at least half of the room; otherwise mid-word.
  const head = space >= room / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s·,;:–-]+$/, '')}…`;
}
