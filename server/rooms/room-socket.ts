/** The socket seam of a room: all a connection does with its client's socket (ws-room-socket.ts adapts ws). */

/** A client's socket as a room uses it. */
export interface RoomSocket {
  /** Sends one whole WebSocket frame, framed already (protocol/ws-frame.ts), so a broadcast is framed once. */
  sendFrame(frame: Uint8Array): void;
  /** Starts the closing handshake with a close code and a sentence for the person (at most 123 bytes of it go out). */
  close(code: number, sentence: string): void;
  /** True while frames can be sent. */
  readonly isOpen: boolean;
  /** Bytes queued for the socket and not yet handed to the kernel. */
  readonly bufferedAmount: number;
}
