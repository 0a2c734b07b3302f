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

/** "Consumer · mineral" within `max` characters: the consumer's name is shortened first, the mineral kept whole. */
export function consumerMineralLabel(consumer: string, mineral: string, max = CHART_LABEL_MAX): string {
  const full = `${consumer} · ${mineral}`;
  if (full.length <= max) return full;
  const tail = ` · ${mineral}`;
  if (tail.length >= max - 4) return shortLabel(full, max);
  return `${shortLabel(consumer, max - tail.length)}${tail}`;
}
