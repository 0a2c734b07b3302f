/** A RoomSocket in memory for room tests: keeps the messages it is sent (unframed) and how it was closed. */
import { parseClientMessage, type ClientMessage } from '../../server/protocol/messages';
import type { RoomSocket } from '../../server/rooms/room-socket';

/** The payload of one unmasked server frame (RFC 6455 section 5.2). */
export function unframe(frame: Uint8Array): Uint8Array {
  const length = frame[1] & 0x7f;
  const head = length < 126 ? 2 : length === 126 ? 4 : 10;
  return frame.subarray(head);
}

/** A socket that records instead of sending. */
export class FakeRoomSocket implements RoomSocket {
  readonly payloads: Uint8Array[] = [];
  closedWith: { code: number; sentence: string } | null = null;
  bufferedAmount = 0;

  get isOpen(): boolean {
    return this.closedWith === null;
  }

  sendFrame(frame: Uint8Array): void {
    this.payloads.push(unframe(frame));
  }

  close(code: number, sentence: string): void {
    this.closedWith = { code, sentence };
  }

  /** What was sent, read as y-websocket messages. */
  messages(): ClientMessage[] {
    return this.payloads.map((payload) => parseClientMessage(payload));
  }

  /** The document updates sent (sync step 2 and updates). */
  updates(): Uint8Array[] {
    return this.messages().flatMap((m) => (m.type === 'sync-update' ? [m.update] : []));
  }
}
