import { describe, expect, it } from 'vitest';
import { createMetrics, noteStorageWrite } from '../../../server/ops/metrics';

/** The value of one sample line, e.g. `lodestone_bytes_total{direction="in"} 42`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

describe('hot metrics', () => {
  it('the relay tallies reach their Prometheus counters at each scrape, cumulatively', async () => {
    const metrics = createMetrics();
    metrics.hot.bytesIn += 100;
    metrics.hot.bytesOut += 900;
    metrics.hot.messages['sync-update'] += 3;
    metrics.hot.messages.awareness++;
    let text = await metrics.registry.metrics();
    expect(sample(text, 'lodestone_bytes_total{direction="in"}')).toBe(100);
    expect(sample(text, 'lodestone_bytes_total{direction="out"}')).toBe(900);
    expect(sample(text, 'lodestone_messages_total{type="sync-update"}')).toBe(3);
    expect(sample(text, 'lodestone_messages_total{type="awareness"}')).toBe(1);
    expect(sample(text, 'lodestone_messages_total{type="sync-step-1"}')).toBe(0);

    metrics.hot.bytesIn += 5;
    metrics.hot.messages['sync-update']++;
    text = await metrics.registry.metrics();
    expect(sample(text, 'lodestone_bytes_total{direction="in"}')).toBe(105);
    expect(sample(text, 'lodestone_bytes_total{direction="out"}')).toBe(900);
    expect(sample(text, 'lodestone_messages_total{type="sync-update"}')).toBe(4);
    // A scrape with nothing new changes nothing.
    expect(sample(await metrics.registry.metrics(), 'lodestone_messages_total{type="sync-update"}')).toBe(4);
  });
});

describe('storage write latencies', () => {
  it('are buffered and observed at each scrape, and in one go whenever the buffer fills between scrapes', async () => {
    const metrics = createMetrics();
    noteStorageWrite(metrics, 0.0003);
    noteStorageWrite(metrics, 0.003);
    let text = await metrics.registry.metrics();
    expect(sample(text, 'lodestone_storage_write_seconds_count')).toBe(2);
    expect(sample(text, 'lodestone_storage_write_seconds_bucket{le="0.0005"}')).toBe(1);
    expect(sample(text, 'lodestone_storage_write_seconds_bucket{le="0.005"}')).toBe(2);
    expect(sample(text, 'lodestone_storage_write_seconds_sum')).toBeCloseTo(0.0033, 10);

    // More writes than the buffer holds between two scrapes: none is lost.
    const writes = metrics.hot.storageWrites.length * 2 + 7;
    for (let i = 0; i < writes; i++) noteStorageWrite(metrics, 0.02);
    expect(metrics.hot.storageWriteCount).toBe(7);
    text = await metrics.registry.metrics();
    expect(sample(text, 'lodestone_storage_write_seconds_count')).toBe(2 + writes);
    expect(sample(text, 'lodestone_storage_write_seconds_bucket{le="0.01"}')).toBe(2);
    expect(sample(text, 'lodestone_storage_write_seconds_bucket{le="0.025"}')).toBe(2 + writes);
    expect(metrics.hot.storageWriteCount).toBe(0);
  });
});
