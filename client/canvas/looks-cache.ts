/**
 * The node looks of the latest exposure report, kept as the same Map while what the cards show is unchanged, so
 * the adapted reply (only reroute blocks change) and reports that move no card's figures re-derive no node.
 */
import type { ExposureReport } from '../../shared/exposure/types';
import { nodeLooks, type NodeLook } from './flow-model';
import { sameLook } from './node-looks-store';

/** True when two look maps hold the same figures for the same nodes. */
export function sameLooks(a: ReadonlyMap<string, NodeLook>, b: ReadonlyMap<string, NodeLook>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [id, look] of a) {
    const other = b.get(id);
    if (other === undefined || !sameLook(other, look)) return false;
  }
  return true;
}

/** What nodeLooks reads of a report: each mineral's consumers and critical nodes (the worker's merge keeps them when unchanged). */
function inputsOf(report: ExposureReport | null): unknown[] {
  if (report === null) return [];
  const out: unknown[] = [];
  for (const [name, m] of Object.entries(report.minerals)) out.push(name, m.consumers, m.criticalNodes);
  return out;
}

/** Remembers the last looks; `get` hands back the same Map when the report's inputs are the same objects or the looks are equal. */
export class LooksCache {
  private inputs: unknown[] = [];
  private looks = new Map<string, NodeLook>();

  /** The looks of `report`. */
  get(report: ExposureReport | null): Map<string, NodeLook> {
    const inputs = inputsOf(report);
    if (inputs.length === this.inputs.length && inputs.every((x, i) => x === this.inputs[i])) return this.looks;
    this.inputs = inputs;
    const next = nodeLooks(report);
    if (!sameLooks(this.looks, next)) this.looks = next;
    return this.looks;
  }
}
