/** Ids for items the canvas creates (the views never import the sync layer). */

/** A short random id such as `refinery-1a2b3c4d`, matching ITEM_ID_PATTERN. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}
