/** Labels for pasted copies that no node on the board has yet: "X (copy)", then "X (copy 2)", "X (copy 3)"... */

const COPY_SUFFIX = /\s*\(copy(?:\s+(\d+))?\)$/;

/** The label without a trailing "(copy)" or "(copy N)". */
export function copyBase(label: string): string {
  return label.replace(COPY_SUFFIX, '');
}

/** One new label per entry of `labels`, unique among `taken` and among each other. */
export function copyLabels(taken: Iterable<string>, labels: readonly string[]): string[] {
  const used = new Set(taken);
  return labels.map((label) => {
    const base = copyBase(label);
    let candidate = `${base} (copy)`;
    for (let n = 2; used.has(candidate); n++) candidate = `${base} (copy ${n})`;
    used.add(candidate);
    return candidate;
  });
}
