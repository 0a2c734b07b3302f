/** The y-websocket wire protocol as data: parse what clients send, encode what the server sends. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/** Top-level message types of y-websocket. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** A message from a client, decoded without applying anything. */
export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** A message that breaks the protocol; the connection that sent it is closed. */
export class ProtocolError extends Error {}

/** A message that is well-formed but over a per-connection limit; `message` is the sentence the socket is closed with. */
export class LimitError extends ProtocolError {}

/** Decodes one client message; throws ProtocolError for anything malformed (nothing is applied here). */
export function parseClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) message = { type: 'sync-step-1', stateVector: payload };
      else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) message = { type: 'sync-update', update: payload };
      else throw new ProtocolError(`unknown sync message type ${step}`);
    } else if (type === MESSAGE_AWARENESS) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { type: 'query-awareness' };
    } else {
      throw new ProtocolError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message');
    return message;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${(error as Error).message}`);
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** SyncStep1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
  });
}

/** SyncStep2: everything the client lacks, given its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });
}

/**
 * A document update to relay: `[MESSAGE_SYNC][messageYjsUpdate][length, var-uint][update]`, written
 * straight into one array (the relay encodes one per update; lib0's encoder would allocate and copy twice).
 */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const length = update.byteLength;
  let lengthBytes = 1;
  for (let n = length; n > 0x7f; n = Math.floor(n / 0x80)) lengthBytes++;
  const message = new Uint8Array(2 + lengthBytes + length);
  message[0] = MESSAGE_SYNC;
  message[1] = syncProtocol.messageYjsUpdate;
  let offset = 2;
  let n = length;
  while (n > 0x7f) {
    message[offset++] = 0x80 | (n & 0x7f);
    n = Math.floor(n / 0x80);
  }
  message[offset++] = n;
  message.set(update, offset);
  return message;
}

/** An awareness update to relay. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });
}
