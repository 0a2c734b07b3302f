/** The relay's hand-written update message is byte for byte what y-protocols writes. */
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import { encodeUpdate, MESSAGE_SYNC, parseClientMessage } from '../../../server/protocol/messages';

function byYProtocols(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('encodeUpdate', () => {
  it('matches y-protocols for every length, across the var-uint boundaries', () => {
    for (const length of [0, 1, 127, 128, 129, 16383, 16384, 16385, 2_100_000]) {
      const update = new Uint8Array(length).map((_, i) => i * 7);
      expect(Buffer.from(encodeUpdate(update)).equals(Buffer.from(byYProtocols(update))), `length ${length}`).toBe(true);
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (update) => {
      expect(encodeUpdate(update)).toStrictEqual(byYProtocols(update));
      expect(parseClientMessage(encodeUpdate(update))).toStrictEqual({ type: 'sync-update', update });
    }));
  });
});
