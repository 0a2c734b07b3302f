/** The current time, re-read every `intervalMs` while `ticking` (a stopped clock costs nothing). */
import { useEffect, useState } from 'react';

/** Milliseconds since the epoch, refreshed while ticking. */
export function useNow(ticking: boolean, intervalMs = 250, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    if (!ticking) return;
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs, clock]);
  return now;
}
