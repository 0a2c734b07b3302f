/** Reads the board out of the Y.Doc incrementally: unchanged items keep their object identity. */
import * as Y from 'yjs';
import { entryProblem } from '../../shared/board/doc-check';
import { sameValue } from '../../shared/board/same-value';
import {
  BOARD_VERSION, type Board, type BoardEdge, type BoardNode, type BoardNote, type Disruption, type Expansion, type MineralAmounts, type PriceFloor,
} from '../../shared/board/types';
import {
  DISRUPTIONS_MAP, EDGES_MAP, EXPANSIONS_MAP, META_MAP, NODES_MAP, NOTES_MAP, PRICE_FLOORS_MAP, RANK_KEY,
  disruptionFromYMap, edgeFromYMap, expansionFromYMap, nodeFromYMap, noteFromYMap, priceFloorFromYMap, pricesFromMeta,
} from '../../shared/board/yjs-doc';

interface Ranked<T> {
  item: T;
  rank: number;
}

type Reader<T> = (id: string, ymap: Y.Map<unknown>) => T;

function rankOf(value: Y.Map<unknown>): number {
  const rank = value.get(RANK_KEY);
  return typeof rank === 'number' ? rank : Number.MAX_SAFE_INTEGER;
}

/**
 * Reads an item if it fits the document schema; an item that does not (a value no honest client writes,
 * such as a nested Y.Doc or a BigInt) is skipped with a warning, so the page draws everything else.
 */
function readChecked<T>(name: string, id: string, value: Y.Map<unknown>, read: Reader<T>): T | null {
  const problem = entryProblem([name, id], value);
  if (problem === null) return read(id, value);
  console.warn(`Lodestone: skipped ${name} item ${JSON.stringify(id)}: ${problem}`);
  return null;
}

/** One top-level map of items, cached by id and re-read only where Yjs says something changed. */
class ItemList<T extends { id: string }> {
  private cache = new Map<string, Ranked<T>>();
  private dirty = new Set<string>();
  private all = true;
  private list: T[] = [];
  /** Id -> index in `list`. */
  private position = new Map<string, number>();

  constructor(private readonly name: string, private readonly map: Y.Map<unknown>, private readonly read: Reader<T>) {
    map.observeDeep((events) => {
      for (const event of events) {
        if (event.target === map) for (const key of event.changes.keys.keys()) this.dirty.add(key);
        else if (typeof event.path[0] === 'string') this.dirty.add(event.path[0]);
      }
    });
  }

  /** The items in rank order; the same array as last time when nothing changed. */
  items(): T[] {
    if (!this.all && this.dirty.size === 0) return this.list;
    if (!this.all && this.replaceInPlace()) return this.list;
    const ids = this.all ? [...this.map.keys()] : [...this.dirty];
    if (this.all) this.cache.clear();
    for (const id of ids) {
      const value = this.map.get(id);
      const item = value instanceof Y.Map ? readChecked(this.name, id, value, this.read) : null;
      if (item !== null) this.cache.set(id, { item, rank: rankOf(value as Y.Map<unknown>) });
      else this.cache.delete(id);
    }
    this.all = false;
    this.dirty.clear();
    this.list = [...this.cache.values()].sort((a, b) => a.rank - b.rank || (a.item.id < b.item.id ? -1 : 1)).map((r) => r.item);
    this.position = new Map(this.list.map((item, i) => [item.id, i]));
    return this.list;
  }

  /** Edits of existing items that keep their rank (the usual case) swap items in a copy of the list, without sorting. */
  private replaceInPlace(): boolean {
    const changes: [number, Ranked<T>][] = [];
    for (const id of this.dirty) {
      const value = this.map.get(id);
      const at = this.position.get(id);
      const old = this.cache.get(id);
      if (!(value instanceof Y.Map) || at === undefined || old === undefined || rankOf(value) !== old.rank) return false;
      const item = readChecked(this.name, id, value, this.read);
      if (item === null) return false;
      changes.push([at, { item, rank: old.rank }]);
    }
    this.list = this.list.slice();
    for (const [at, ranked] of changes) {
      this.cache.set(ranked.item.id, ranked);
      this.list[at] = ranked.item;
    }
    this.dirty.clear();
    return true;
  }
}

/** Keeps a plain Board in step with a Y.Doc. */
export class BoardReader {
  private readonly nodes: ItemList<BoardNode>;
  private readonly edges: ItemList<BoardEdge>;
  private readonly levers: ItemList<Disruption>;
  private readonly expansions: ItemList<Expansion>;
  private readonly priceFloors: ItemList<PriceFloor>;
  private readonly notes: ItemList<BoardNote>;
  private readonly meta: Y.Map<unknown>;
  private last: Board | null = null;
  /** The prices object last handed out, kept while its content is unchanged. */
  private prices: MineralAmounts | undefined;

  constructor(doc: Y.Doc) {
    this.nodes = new ItemList(NODES_MAP, doc.getMap(NODES_MAP), nodeFromYMap);
    this.edges = new ItemList(EDGES_MAP, doc.getMap(EDGES_MAP), edgeFromYMap);
    this.levers = new ItemList(DISRUPTIONS_MAP, doc.getMap(DISRUPTIONS_MAP), disruptionFromYMap);
    this.expansions = new ItemList(EXPANSIONS_MAP, doc.getMap(EXPANSIONS_MAP), expansionFromYMap);
    this.priceFloors = new ItemList(PRICE_FLOORS_MAP, doc.getMap(PRICE_FLOORS_MAP), priceFloorFromYMap);
    this.notes = new ItemList(NOTES_MAP, doc.getMap(NOTES_MAP), noteFromYMap);
    this.meta = doc.getMap(META_MAP);
  }

  /** The current board; the same object when nothing changed since the last call. */
  board(): Board {
    const nodes = this.nodes.items();
    const edges = this.edges.items();
    const disruptions = this.levers.items();
    const expansions = this.expansions.items();
    const priceFloors = this.priceFloors.items();
    const notes = this.notes.items();
    const title = this.meta.get('title');
    const description = this.meta.get('description');
    const scenarioName = this.meta.get('scenarioName');
    const prices = this.currentPrices();
    const last = this.last;
    if (last && last.nodes === nodes && last.edges === edges && last.scenario.disruptions === disruptions && last.notes === notes
      && last.scenario.expansions === expansions && last.scenario.priceFloors === priceFloors && last.prices === prices
      && last.title === title && last.description === description && last.scenario.name === scenarioName) {
      return last;
    }
    const next: Board = {
      format: 'lodestone.board', version: BOARD_VERSION,
      title: typeof title === 'string' ? title : 'Untitled board',
      ...(typeof description === 'string' ? { description } : {}),
      ...(prices !== undefined ? { prices } : {}),
      nodes, edges, notes,
      scenario: { name: typeof scenarioName === 'string' ? scenarioName : 'Baseline', disruptions, expansions, priceFloors },
    };
    this.last = next;
    return next;
  }

  /** The board's prices (a few keys: re-read each time, the same object while the content is equal). */
  private currentPrices(): MineralAmounts | undefined {
    const read = pricesFromMeta(this.meta);
    if (read === undefined || this.prices === undefined || !sameValue(read, this.prices)) this.prices = read;
    return this.prices;
  }
}
