import { describe, expect, it } from 'vitest';
import { loadedAssetPaths } from '../../client/shell/offline-shell';

describe('offline shell', () => {
  it('keeps only this origin\'s built assets, once each', () => {
    const entries = [
      { name: 'http://127.0.0.1:8787/assets/exposure.worker-abc.js' },
      { name: 'http://127.0.0.1:8787/assets/exposure.worker-abc.js' },
      { name: 'http://127.0.0.1:8787/api/boards/b1/snapshots' },
      { name: 'https://elsewhere.example/assets/x.js' },
      { name: 'not an address' },
    ];
    expect(loadedAssetPaths(entries, 'http://127.0.0.1:8787')).toEqual(['/assets/exposure.worker-abc.js']);
  });
});
