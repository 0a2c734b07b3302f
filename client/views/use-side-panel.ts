/** Whether the side panel is collapsed, remembered for this person in this browser (a 1024-wide projector wants the canvas). */
import { useCallback, useState } from 'react';

/** The localStorage key. */
export const SIDE_PANEL_KEY = 'lodestone.sidePanel';

/** Reads the remembered choice (expanded when nothing or something odd is stored). */
export function readSideCollapsed(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(SIDE_PANEL_KEY) === 'collapsed';
  } catch {
    return false;
  }
}

/** [collapsed, setCollapsed]; the choice is written back to localStorage. */
export function useSidePanel(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setState] = useState(() => readSideCollapsed(typeof localStorage === 'undefined' ? undefined : localStorage));
  const set = useCallback((next: boolean) => {
    setState(next);
    try {
      localStorage.setItem(SIDE_PANEL_KEY, next ? 'collapsed' : 'expanded');
    } catch {
      // Private mode or full storage: the choice lasts for this page only.
    }
  }, []);
  return [collapsed, set];
}
