import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { binaryFrame } from '../../../server/protocol/ws-frame';

/** ws's frame parser (exported at runtime, not in its type definitions). */
interface FrameParser {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  write(chunk: Buffer): void;
}
const { Receiver } = createRequire(import.meta.url)('ws') as { Receiver: new (options: { isServer: boolean }) => FrameParser };

/** Reads one frame back with ws's own parser (as a client's socket would). */
function parse(frame: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? resolve(data) : reject(new Error('text frame'))));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('binaryFrame', () => {
  it('[W1] frames payloads of every length class so that a WebSocket parser reads them back unchanged', async () => {
    for (const length of [0, 1, 125, 126, 1000, 65535, 65536, 200_000]) {
      const payload = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      expect(new Uint8Array(await parse(binaryFrame(payload))), `length ${length}`).toEqual(payload);
    }
  });
});
