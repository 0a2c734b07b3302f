/**
 * Bus messages on the wire: a format version, the type, the sender's instance id, then the body
 * (update: seq, count, each update's bytes; head: seq; awareness: the update's bytes; links-rotated: role,
 * generation). lib0 varints, as Yjs.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { BusMessage } from './board-bus';

const FORMAT = 1;
const TYPES = ['update', 'head', 'awareness', 'awareness-query', 'deleted', 'links-rotated'] as const;
/** Most updates one message may carry (a batch is one event-loop turn of one instance). */
const MAX_UPDATES = 100_000;

/** A message with the instance that sent it. */
export interface BusEnvelope {
  from: string;
  message: BusMessage;
}

/** Encodes a message from `from`. */
export function encodeBusMessage(from: string, message: BusMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, FORMAT);
  encoding.writeVarUint(e, TYPES.indexOf(message.type));
  encoding.writeVarString(e, from);
  switch (message.type) {
    case 'update':
      encoding.writeVarUint(e, message.seq);
      encoding.writeVarUint(e, message.updates.length);
      for (const update of message.updates) encoding.writeVarUint8Array(e, update);
      break;
    case 'head':
      encoding.writeVarUint(e, message.seq);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'links-rotated':
      encoding.writeVarString(e, message.role);
      encoding.writeVarUint(e, message.generation);
      break;
    case 'awareness-query':
    case 'deleted':
      break;
  }
  return encoding.toUint8Array(e);
}

/** Decodes a message; throws an Error when it is not one this version understands. */
export function decodeBusMessage(data: Uint8Array): BusEnvelope {
  const d = decoding.createDecoder(data);
  const format = decoding.readVarUint(d);
  if (format !== FORMAT) throw new Error(`unknown bus message format ${format}`);
  const type = TYPES[decoding.readVarUint(d)];
  const from = decoding.readVarString(d);
  let message: BusMessage;
  switch (type) {
    case 'update': {
      const seq = decoding.readVarUint(d);
      const count = decoding.readVarUint(d);
      if (count < 1 || count > MAX_UPDATES || count > seq) throw new Error(`bad update count ${count} for seq ${seq}`);
      const updates: Uint8Array[] = [];
      for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(d));
      message = { type, seq, updates };
      break;
    }
    case 'head':
      message = { type, seq: decoding.readVarUint(d) };
      break;
    case 'awareness':
      message = { type, update: decoding.readVarUint8Array(d) };
      break;
    case 'links-rotated': {
      const role = decoding.readVarString(d);
      if (role !== 'editor' && role !== 'viewer') throw new Error(`bad role ${role} in links-rotated`);
      message = { type, role, generation: decoding.readVarUint(d) };
      break;
    }
    case 'awareness-query':
    case 'deleted':
      message = { type };
      break;
    default:
      throw new Error('unknown bus message type');
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes after the bus message');
  return { from, message };
}
