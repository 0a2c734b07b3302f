/** server/rooms/rebuild-gate.ts: what arrives during a rebuild waits, then runs in arrival order. */
import { describe, expect, it } from 'vitest';
import { RebuildGate } from '../../../server/rooms/rebuild-gate';

describe('RebuildGate', () => {
  it('runs at once while open, holds during a rebuild, and runs what it held in order once it is done', async () => {
    const gate = new RebuildGate();
    const ran: string[] = [];
    gate.whenOpen(() => ran.push('before'));
    let finish!: () => void;
    gate.close(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(gate.closed).toBe(true);
    gate.whenOpen(() => ran.push('first'));
    gate.whenOpen(() => ran.push('second'));
    expect(ran).toStrictEqual(['before']);
    finish();
    await gate.opened();
    expect(gate.closed).toBe(false);
    expect(ran).toStrictEqual(['before', 'first', 'second']);
  });

  it('holds again what arrives while a second rebuild, started by something it held, runs', async () => {
    const gate = new RebuildGate();
    const ran: string[] = [];
    gate.close(async () => undefined);
    gate.whenOpen(() => {
      ran.push('restarts');
      gate.close(async () => undefined);
    });
    gate.whenOpen(() => ran.push('after both'));
    await gate.opened();
    await gate.opened();
    expect(ran).toStrictEqual(['restarts', 'after both']);
  });
});
