/** Awareness updates as data, so the server can check who may say what before applying them. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './messages';

/** One client's entry in an awareness update; state null = the client left. */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  state: unknown;
  /** Characters of the state's JSON as received (0 for entries built here). */
  bytes?: number;
}

/** Largest awareness state accepted per client by default, in characters of JSON (LODESTONE_MAX_AWARENESS_BYTES). */
export const MAX_AWARENESS_STATE_BYTES = 64 * 1024;

/** Decodes an awareness update; throws ProtocolError when it is malformed or a state is larger than `maxStateBytes`. */
export function decodeAwarenessUpdate(update: Uint8Array, maxStateBytes = MAX_AWARENESS_STATE_BYTES): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 1000) throw new ProtocolError('awareness update lists too many clients');
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > maxStateBytes) throw new ProtocolError('awareness state is too large');
      entries.push({ clientID, clock, state: JSON.parse(json), bytes: json.length });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the awareness update');
    return entries;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed awareness update: ${(error as Error).message}`);
  }
}

/** Encodes entries back into an awareness update. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * What a viewer may share: its name and colour, and its cursor. Everything else (selections, drags,
 * a presenter flag...) is dropped, so a read-only link cannot pose as an editor.
 */
export function viewerAwarenessState(state: unknown): unknown {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return state === null ? null : {};
  const { user, cursor } = state as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (user !== null && typeof user === 'object' && !Array.isArray(user)) {
    const { name, color } = user as Record<string, unknown>;
    out.user = { ...(typeof name === 'string' ? { name: name.slice(0, 80) } : {}), ...(typeof color === 'string' ? { color: color.slice(0, 32) } : {}), viewer: true };
  }
  if (cursor !== null && typeof cursor === 'object' && !Array.isArray(cursor)) {
    const { x, y } = cursor as Record<string, unknown>;
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) out.cursor = { x, y };
  }
  return out;
}
