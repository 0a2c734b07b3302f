/**
 * Where each struct of a decoded Yjs update would land in a doc, without applying it: the root map and the
 * keys down to the entry it sets, found the way Yjs finds them when it integrates (an item with an origin
 * takes its left neighbour's parent and key, else its right neighbour's; otherwise the update names the
 * parent: a root map's name, or the id of the item holding a nested type). Neighbours and parents are
 * looked up in the doc first (what it already holds is what Yjs uses), then in the update itself.
 */
import * as Y from 'yjs';

/** Where an item lands: the path of the entry it sets, or why that cannot be said. */
export type Location =
  /** `path`: root map, then the keys of the nested Y.Maps down to the entry; the last key is the item's own. */
  | { kind: 'entry'; path: string[] }
  /** Yjs will discard the item (a neighbour or parent was garbage-collected): nothing lands. */
  | { kind: 'dropped' }
  /** A neighbour or parent is neither in the doc nor in the update (Yjs would park the item until it arrives). */
  | { kind: 'unknown' }
  /** The item cannot be a map entry: inserted into a list or a text, or under a plain value. */
  | { kind: 'bad'; problem: string };

type Struct = Y.Item | Y.GC | Y.Skip;
type Found = { kind: 'item'; item: Y.Item; inDoc: boolean } | { kind: 'gc' } | { kind: 'missing' };

const DROPPED: Location = { kind: 'dropped' };
const UNKNOWN: Location = { kind: 'unknown' };

/** The structs of one update by client, each client's sorted by clock, for lookups by id. */
function indexStructs(structs: readonly Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

function findIn(list: readonly Struct[] | undefined, clock: number): Struct | null {
  if (!list) return null;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const struct = list[mid];
    if (clock < struct.id.clock) hi = mid - 1;
    else if (clock >= struct.id.clock + struct.length) lo = mid + 1;
    else return struct;
  }
  return null;
}

/** Locates the items of one update against one doc (memoised; build one per update). */
export class UpdateLocator {
  private readonly byClient: Map<number, Struct[]>;
  private readonly located = new Map<Y.Item, Location>();
  private readonly typePaths = new Map<Y.AbstractType<unknown>, string[] | null>();

  constructor(private readonly doc: Y.Doc, structs: readonly Struct[]) {
    this.byClient = indexStructs(structs);
  }

  /** The struct holding `id`: from the doc when it already holds that clock, else from the update. */
  find(id: Y.ID): Found {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const struct = Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
      return struct instanceof Y.Item ? { kind: 'item', item: struct, inDoc: true } : { kind: 'gc' };
    }
    const struct = findIn(this.byClient.get(id.client), id.clock);
    if (struct instanceof Y.Item) return { kind: 'item', item: struct, inDoc: false };
    return struct instanceof Y.GC ? { kind: 'gc' } : { kind: 'missing' };
  }

  /** Whether the update's own structs cover the clocks `from` (inclusive) to `to` (exclusive) of a client. */
  inUpdate(client: number, from: number, to: number): boolean {
    const list = this.byClient.get(client);
    for (let clock = from; clock < to;) {
      const struct = findIn(list, clock);
      if (struct === null || struct instanceof Y.Skip) return false;
      clock = struct.id.clock + struct.length;
    }
    return true;
  }

  /** Where an item of the update lands. */
  locate(item: Y.Item): Location {
    const known = this.located.get(item);
    if (known) return known;
    // A chain of origins that loops back is never resolved by Yjs either.
    this.located.set(item, UNKNOWN);
    const location = this.resolve(item);
    this.located.set(item, location);
    return location;
  }

  private resolve(item: Y.Item): Location {
    if (item.origin || item.rightOrigin) {
      const left = item.origin ? this.find(item.origin) : null;
      const right = item.rightOrigin ? this.find(item.rightOrigin) : null;
      if (left?.kind === 'gc' || right?.kind === 'gc') return DROPPED;
      if (left?.kind === 'missing' || right?.kind === 'missing') return UNKNOWN;
      const neighbour = (left ?? right) as Extract<Found, { kind: 'item' }>;
      return neighbour.inDoc ? this.docEntry(neighbour.item) : this.locate(neighbour.item);
    }
    if (typeof item.parent === 'string') return this.entryUnder([item.parent], item.parentSub);
    if (item.parent instanceof Y.ID) {
      const parent = this.find(item.parent);
      if (parent.kind === 'gc') return DROPPED;
      if (parent.kind === 'missing') return UNKNOWN;
      const content = parent.item.content;
      if (!(content instanceof Y.ContentType)) return { kind: 'bad', problem: 'an entry was put under a value that is not a map' };
      if (content.type.constructor !== Y.Map) return { kind: 'bad', problem: 'an entry was put into a list or text, which the board document does not have' };
      const holder = parent.inDoc ? this.docEntry(parent.item) : this.locate(parent.item);
      return holder.kind === 'entry' ? this.entryUnder(holder.path, item.parentSub) : holder;
    }
    return { kind: 'bad', problem: 'an entry without a parent' };
  }

  private entryUnder(typePath: string[], key: string | null): Location {
    if (key === null) return { kind: 'bad', problem: 'an entry was put into a list or text, which the board document does not have' };
    return { kind: 'entry', path: [...typePath, key] };
  }

  /** Where an item the doc already holds sits. */
  docEntry(item: Y.Item): Location {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return DROPPED;
    const typePath = this.docTypePath(parent);
    if (typePath === null) return { kind: 'bad', problem: 'an entry was put into a list or text, which the board document does not have' };
    return this.entryUnder(typePath, item.parentSub);
  }

  /** The root map of an item the doc already holds, or null when it is not under a root map. */
  docRoot(item: Y.Item): string | null {
    const location = this.docEntry(item);
    return location.kind === 'entry' ? location.path[0] : null;
  }

  /** The path of a type in the doc (a root's name, then the keys of the items holding nested maps); null when not a map path. */
  private docTypePath(type: Y.AbstractType<unknown>): string[] | null {
    if (this.typePaths.has(type)) return this.typePaths.get(type)!;
    let path: string[] | null;
    const holder = type._item;
    if (holder === null) {
      path = [Y.findRootTypeKey(type)];
    } else if (holder.parentSub === null || !(holder.parent instanceof Y.AbstractType) || (type.constructor !== Y.Map)) {
      path = null;
    } else {
      const above = this.docTypePath(holder.parent);
      path = above === null ? null : [...above, holder.parentSub];
    }
    this.typePaths.set(type, path);
    return path;
  }
}
