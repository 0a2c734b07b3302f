import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, crc32InJs, decodeJournal, encodeJournalBatch } from '../../server/storage/journal-records';

const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Buffer.concat(parts);

describe('journal records', () => {
  it('computes the standard CRC-32 (the check value of "123456789", and of nothing)', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(text('xx123456789yy'), 2, 11)).toBe(0xcbf43926);
    expect(crc32InJs(text('123456789'))).toBe(0xcbf43926);
    expect(crc32InJs(text('xx123456789yy'), 2, 11)).toBe(0xcbf43926);
  });

  it('gives the same CRC-32 in JavaScript (the fallback for Node without zlib.crc32) as zlib does', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat(), (bytes, a, b) => {
      const start = bytes.length === 0 ? 0 : a % bytes.length;
      const end = start + (bytes.length - start === 0 ? 0 : b % (bytes.length - start + 1));
      expect(crc32InJs(bytes, start, end)).toBe(crc32(bytes, start, end));
    }));
  });

  it('decodes batches of several boards back to their updates, with consecutive seqs per batch', () => {
    const journal = concat(
      encodeJournalBatch('b1', 2, [text('one'), new Uint8Array(0), text('three')]),
      encodeJournalBatch('board-é', 7, [text('x')]),
    );
    const { records, validBytes, tailBytes } = decodeJournal(journal);
    expect(records).toStrictEqual([
      { boardId: 'b1', seq: 2, data: text('one') },
      { boardId: 'b1', seq: 3, data: new Uint8Array(0) },
      { boardId: 'b1', seq: 4, data: text('three') },
      { boardId: 'board-é', seq: 7, data: text('x') },
    ]);
    expect(validBytes).toBe(journal.length);
    expect(tailBytes).toBe(0);
  });

  it('keeps exactly the whole records before a cut at any byte (a torn last write)', () => {
    const first = encodeJournalBatch('b1', 1, [text('alpha')]);
    const second = encodeJournalBatch('b1', 2, [text('beta')]);
    const journal = concat(first, second);
    for (let cut = 0; cut <= journal.length; cut++) {
      const { records, validBytes, tailBytes } = decodeJournal(journal.subarray(0, cut));
      const whole = cut >= journal.length ? 2 : cut >= first.length ? 1 : 0;
      expect(records.map((r) => r.seq)).toStrictEqual([1, 2].slice(0, whole));
      expect(validBytes).toBe([0, first.length, journal.length][whole]);
      // The torn part counts up to its last non-zero byte (zeros at the end read as padding).
      let end = cut;
      while (end > validBytes && journal[end - 1] === 0) end--;
      expect(validBytes + tailBytes).toBe(end);
    }
  });

  it('stops at a record whose bytes changed, and keeps the ones before it', () => {
    const first = encodeJournalBatch('b1', 1, [text('alpha')]);
    const secondEnd = first.length + encodeJournalBatch('b1', 2, [text('beta')]).length;
    const journal = concat(first, encodeJournalBatch('b1', 2, [text('beta'), text('gamma')]));
    for (let at = first.length; at < journal.length; at++) {
      const damaged = Buffer.from(journal);
      damaged[at] ^= 0x40;
      const { records } = decodeJournal(damaged);
      // A damaged byte in a record's header or payload invalidates it and everything after it.
      expect(records).toHaveLength(at < secondEnd ? 1 : 2);
      expect(records[0]).toStrictEqual({ boardId: 'b1', seq: 1, data: text('alpha') });
    }
  });

  it('reads zeros (a file extended but never written) as no records and no damage: zeros after the records are padding', () => {
    const { records, tailBytes } = decodeJournal(new Uint8Array(4096));
    expect(records).toStrictEqual([]);
    expect(tailBytes).toBe(0);
    const written = encodeJournalBatch('b', 1, [text('one')]);
    const padded = decodeJournal(concat(written, new Uint8Array(100)));
    expect(padded.records).toHaveLength(1);
    expect(padded).toMatchObject({ validBytes: written.length, tailBytes: 0 });
    // A torn record in front of the padding is damage, counted up to its last non-zero byte.
    const torn = decodeJournal(concat(written, written.subarray(0, 10), new Uint8Array(100)));
    expect(torn).toMatchObject({ validBytes: written.length, tailBytes: 10 });
  });

  it('refuses a board id too long for its length byte before encoding anything', () => {
    expect(() => encodeJournalBatch('b'.repeat(256), 1, [text('x')])).toThrow(/board id too long/);
  });

  it('round-trips any batches (property)', () => {
    const batch = fc.record({
      boardId: fc.string({ minLength: 1, maxLength: 60 }),
      firstSeq: fc.integer({ min: 1, max: 2 ** 40 }),
      updates: fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 6 }), (batches) => {
        const journal = concat(...batches.map((b) => encodeJournalBatch(b.boardId, b.firstSeq, b.updates)));
        const expected = batches.flatMap((b) => b.updates.map((data, i) => ({ boardId: b.boardId, seq: b.firstSeq + i, data })));
        const decoded = decodeJournal(journal);
        expect(decoded.records).toStrictEqual(expected);
        expect(decoded.tailBytes).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
