import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LostEditsNotice } from '../../../client/shell/LostEditsNotice';
import { loadedAssetPaths } from '../../../client/shell/offline-shell';
import { renderIn } from '../../utils/intl';

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

describe('LostEditsNotice', () => {
  it('names each overwritten edit and can be dismissed', async () => {
    const onDismiss = vi.fn();
    await renderIn(<LostEditsNotice lost={[{ collection: 'nodes', id: 'mine', field: 'label', value: 'Ada mine', label: 'Mine', removed: false }]} onDismiss={onDismiss} />);
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('one of your offline edits was overwritten');
    expect(notice.textContent).toContain('label of card "Mine"');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('shows nothing when no edit was lost', async () => {
    const { container } = await renderIn(<LostEditsNotice lost={undefined} onDismiss={() => undefined} />);
    expect(container.textContent).toBe('');
  });
});
