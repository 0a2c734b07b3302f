/** The name of the snapshot saved before a restore: one level ("Before restoring X"), however often a restore is restored. */

const PREFIX = 'Before restoring ';

/** `Before restoring "X"`, where X is the restored snapshot's own name without any earlier "Before restoring" wrapping. */
export function restoreBackupName(restoredName: string): string {
  let name = restoredName.trim();
  // Unwrap `Before restoring "…"` (also several levels, as older servers saved them).
  for (;;) {
    const match = /^Before restoring "(.*)"$/s.exec(name);
    if (!match) break;
    name = match[1];
  }
  return `${PREFIX}"${name}"`.slice(0, 200);
}
