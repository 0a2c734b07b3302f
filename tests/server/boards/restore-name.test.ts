import { describe, expect, it } from 'vitest';
import { restoreBackupName } from '../../../server/boards/restore-name';

describe('restore backup names', () => {
  it('wraps a plain snapshot name once', () => {
    expect(restoreBackupName('Baseline')).toBe('Before restoring "Baseline"');
  });

  it('does not nest when a backup is itself restored', () => {
    expect(restoreBackupName('Before restoring "Baseline"')).toBe('Before restoring "Baseline"');
    expect(restoreBackupName('Before restoring "Before restoring "Gallium ban""')).toBe('Before restoring "Gallium ban"');
  });

  it('keeps names that only look alike', () => {
    expect(restoreBackupName('Before restoring the port')).toBe('Before restoring "Before restoring the port"');
  });

  it('stays within the snapshot name limit', () => {
    expect(restoreBackupName('x'.repeat(300)).length).toBeLessThanOrEqual(200);
  });
});
