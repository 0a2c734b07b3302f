/**
 * Route shares under a scenario: for one consumer, the share of the material it receives (along the given
 * edge flows) that passed each transport node. Material mixes at every node, so the consumer's tonnes are
 * traced back in proportion to each node's inflows; a mine or recycler starts new material (its own
 * route history is empty), as in the engine's baseline route shares.
 */
import type { Board } from '../../../shared/board/types';

/** Transport node id -> share 0..1 of what `consumer` receives of `mineral` along `flows` (edge id -> t/yr). */
export function routeShares(board: Board, mineral: string, flows: Readonly<Record<string, number>>, consumer: string): Record<string, number> {
  const kind = new Map(board.nodes.map((n) => [n.id, n.kind]));
  const into = new Map<string, { from: string; flow: number }[]>();
  const inflow = new Map<string, number>();
  for (const e of board.edges) {
    const flow = e.mineral === mineral ? flows[e.id] ?? 0 : 0;
    if (!(flow > 0)) continue;
    const list = into.get(e.to) ?? [];
    list.push({ from: e.from, flow });
    into.set(e.to, list);
    inflow.set(e.to, (inflow.get(e.to) ?? 0) + flow);
  }
  const received = inflow.get(consumer) ?? 0;
  const out: Record<string, number> = {};
  if (!(received > 0)) return out;
  // Tonnes of the consumer's material at each upstream node, pushed upstream once all of a node's
  // downstream share has arrived (reverse topological order); inside a cycle the walk stops there.
  const expands = (id: string) => id === consumer || (kind.get(id) !== 'mine' && kind.get(id) !== 'recycler');
  const upstream = new Set<string>([consumer]);
  const stack = [consumer];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (!expands(id)) continue;
    for (const { from } of into.get(id) ?? []) if (!upstream.has(from)) { upstream.add(from); stack.push(from); }
  }
  const waiting = new Map<string, number>();
  for (const id of upstream) {
    if (!expands(id)) continue;
    for (const { from } of into.get(id) ?? []) waiting.set(from, (waiting.get(from) ?? 0) + 1);
  }
  const amount = new Map<string, number>([[consumer, received]]);
  const ready = [consumer];
  while (ready.length > 0) {
    const id = ready.pop()!;
    const tonnes = amount.get(id) ?? 0;
    if (kind.get(id) === 'transport') out[id] = Math.min(1, tonnes / received);
    if (!expands(id)) continue;
    const total = inflow.get(id) ?? 0;
    for (const { from, flow } of into.get(id) ?? []) {
      amount.set(from, (amount.get(from) ?? 0) + (total > 0 ? (tonnes * flow) / total : 0));
      const left = (waiting.get(from) ?? 1) - 1;
      waiting.set(from, left);
      if (left === 0) ready.push(from);
    }
  }
  return out;
}
