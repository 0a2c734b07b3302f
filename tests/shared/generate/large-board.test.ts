import { describe, expect, it } from 'vitest';
import { generateLargeBoard } from '../../../shared/generate/large-board';

describe('the generated large board', () => {
  const board = generateLargeBoard({ nodes: 400, seed: 3 });

  it('places every node on the globe, near the other nodes of its country', () => {
    const byCountry = new Map<string, { lat: number; lon: number }[]>();
    for (const node of board.nodes) {
      expect(typeof node.lat === 'number' && Math.abs(node.lat) <= 90, node.id).toBe(true);
      expect(typeof node.lon === 'number' && Math.abs(node.lon) <= 180, node.id).toBe(true);
      byCountry.set(node.country, [...(byCountry.get(node.country) ?? []), { lat: node.lat!, lon: node.lon! }]);
    }
    expect(byCountry.size).toBeGreaterThan(10);
    for (const [country, places] of byCountry) {
      const lats = places.map((p) => p.lat);
      const lons = places.map((p) => p.lon);
      expect(Math.max(...lats) - Math.min(...lats), country).toBeLessThanOrEqual(8);
      expect(Math.max(...lons) - Math.min(...lons), country).toBeLessThanOrEqual(8);
    }
  });

  it('is the same board for the same seed, and another for another seed', () => {
    expect(generateLargeBoard({ nodes: 400, seed: 3 })).toEqual(board);
    expect(generateLargeBoard({ nodes: 400, seed: 4 }).nodes.map((n) => n.lat)).not.toEqual(board.nodes.map((n) => n.lat));
  });
});
