/**
 * The record format of the SQLite backend's update journal (update-journal.ts): one record per stored
 * update, `[u32 payload length][u32 CRC-32 of the payload][payload]`, the payload being
 * `[u8 board id length][board id, UTF-8][f64 seq][update bytes]`, all little-endian. A batch of records is
 * one buffer, so it reaches the file in one write.
 */
import zlib from 'node:zlib';

/** One update as the journal holds it. */
export interface JournalRecord {
  boardId: string;
  seq: number;
  data: Uint8Array;
}

/** What reading a journal found: the records of its intact prefix, and how many bytes follow them. */
export interface JournalContents {
  records: JournalRecord[];
  /** Length of the intact prefix (the records' bytes). */
  validBytes: number;
  /**
   * Bytes after the intact prefix that do not form a whole, intact record (a torn or corrupt tail), up to the
   * last non-zero byte: zeros after it are padding (a mapped journal's unwritten space), not damage.
   */
  tailBytes: number;
}

const HEADER_BYTES = 8;
const SEQ_BYTES = 8;
/** Board ids are short (board-id.ts allows at most 64 characters); the length byte caps them at 255 bytes. */
const MAX_BOARD_ID_BYTES = 255;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib computes it) of bytes[start, end), in JavaScript. */
export function crc32InJs(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = -1;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** zlib's own CRC-32 where Node has it (20.15 and later): native, and no table walk in baseline code. */
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** CRC-32 (IEEE 802.3) of bytes[start, end). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return zlibCrc32 ? zlibCrc32(bytes.subarray(start, end)) : crc32InJs(bytes, start, end);
}

/** The last board id encoded, and its UTF-8 bytes (a room appends to one board many times in a row). */
let lastBoardId = '';
let lastBoardIdBytes = Buffer.alloc(0);

function boardIdBytes(boardId: string): Buffer {
  if (boardId !== lastBoardId) {
    lastBoardIdBytes = Buffer.from(boardId, 'utf8');
    lastBoardId = boardId;
  }
  return lastBoardIdBytes;
}

/** Encodes consecutive updates of one board, the first at `firstSeq`, as one buffer of records. Throws on a board id over 255 bytes. */
export function encodeJournalBatch(boardId: string, firstSeq: number, updates: readonly Uint8Array[]): Buffer {
  const id = boardIdBytes(boardId);
  if (id.length > MAX_BOARD_ID_BYTES) throw new Error(`board id too long for the update journal (${id.length} bytes)`);
  let total = 0;
  for (const update of updates) total += HEADER_BYTES + 1 + id.length + SEQ_BYTES + update.length;
  const out = Buffer.allocUnsafe(total);
  let offset = 0;
  let seq = firstSeq;
  for (const update of updates) {
    const payloadStart = offset + HEADER_BYTES;
    const payloadLength = 1 + id.length + SEQ_BYTES + update.length;
    out[payloadStart] = id.length;
    id.copy(out, payloadStart + 1);
    out.writeDoubleLE(seq++, payloadStart + 1 + id.length);
    out.set(update, payloadStart + 1 + id.length + SEQ_BYTES);
    out.writeUInt32LE(payloadLength, offset);
    out.writeUInt32LE(crc32(out, payloadStart, payloadStart + payloadLength), offset + 4);
    offset = payloadStart + payloadLength;
  }
  return out;
}

/** Reads the intact records at the start of a journal; stops at the first short, corrupt or malformed one. */
export function decodeJournal(bytes: Uint8Array): JournalContents {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= bytes.length) {
    const payloadLength = view.getUint32(offset, true);
    const payloadStart = offset + HEADER_BYTES;
    const payloadEnd = payloadStart + payloadLength;
    if (payloadLength < 1 + SEQ_BYTES || payloadEnd > bytes.length) break;
    if (crc32(bytes, payloadStart, payloadEnd) !== view.getUint32(offset + 4, true)) break;
    const idLength = bytes[payloadStart];
    const seqAt = payloadStart + 1 + idLength;
    if (seqAt + SEQ_BYTES > payloadEnd) break;
    const seq = view.getFloat64(seqAt, true);
    if (!Number.isSafeInteger(seq) || seq < 1) break;
    records.push({
      boardId: Buffer.from(bytes.buffer, bytes.byteOffset + payloadStart + 1, idLength).toString('utf8'),
      seq,
      // A copy, as a plain Uint8Array (not a view into the file's buffer, nor a Buffer).
      data: new Uint8Array(bytes.buffer.slice(bytes.byteOffset + seqAt + SEQ_BYTES, bytes.byteOffset + payloadEnd)),
    });
    offset = payloadEnd;
  }
  let end = bytes.length;
  while (end > offset && bytes[end - 1] === 0) end--;
  return { records, validBytes: offset, tailBytes: end - offset };
}
