import { describe, expect, it } from 'vitest';
import { computeExposure, ExposureEngine } from '../../../shared/exposure/engine';
import { board, edge, node } from '../../utils/board-builder';

describe('incremental engine', () => {
  it('clears "not converged" once a changed volume lets a cycle settle (fast-check counterexample)', () => {
    // A consumer feeding itself (volume 1) with a trace of outside supply (1e-12) converges too slowly;
    // raising the outside supply to 1 lets it settle. The retraced report must say converged again.
    const start = board([node('n0', 'consumer', 'CN'), node('n1', 'mine', 'CN')], [edge('e0', 'n1', 'n0', 'gallium', 9.999778782798785e-13), edge('e1', 'n0', 'n0', 'gallium', 1)]);
    const engine = new ExposureEngine(start);
    expect(engine.report().minerals.gallium.converged).toBe(false);
    engine.setEdgeVolume('e0', 1);
    const fresh = computeExposure({ ...start, edges: [{ ...start.edges[0], volume: 1 }, start.edges[1]] });
    expect(fresh.minerals.gallium.converged).toBe(true);
    expect(engine.report().minerals.gallium.converged).toBe(true);
  });
});
