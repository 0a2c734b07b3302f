/** A chart axis label on two short lines (consumer, then mineral), each at most 20 characters; the full name is its tooltip. */
import { shortLabel } from '../state/short-label';

/** What a category axis passes to a custom tick, plus where to find each row's consumer and mineral. */
export interface ConsumerTickProps {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  /** Row name ("Consumer · mineral") -> its two parts. */
  parts: ReadonlyMap<string, { consumer: string; mineral: string }>;
}

/** The tick: right-aligned to the axis, two lines, a <title> with the full name. */
export function ConsumerTick({ x = 0, y = 0, payload, parts }: ConsumerTickProps) {
  const name = String(payload?.value ?? '');
  const part = parts.get(name) ?? { consumer: name, mineral: '' };
  return (
    <g transform={`translate(${x},${y})`} className="ls-consumer-tick">
      <title>{name}</title>
      <text x={-6} y={part.mineral ? -2 : 4} textAnchor="end" fontSize={11} fill="#343a40" className="ls-consumer-tick__line">{shortLabel(part.consumer)}</text>
      {part.mineral && <text x={-6} y={10} textAnchor="end" fontSize={10} fill="#868e96" className="ls-consumer-tick__line">{shortLabel(part.mineral)}</text>}
    </g>
  );
}
