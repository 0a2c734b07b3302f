/** Leading + trailing throttle with an explicit cancel, for drag writes and cursor presence. */

/** A throttled function: `cancel` drops a pending trailing call, `flush` runs it now. */
export interface Throttled<A> {
  (arg: A): void;
  cancel(): void;
  flush(): void;
}

/** Calls `fn` at most once per `ms`; the last argument of a burst is delivered at the end of the window. */
export function throttle<A>(fn: (arg: A) => void, ms: number): Throttled<A> {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { arg: A } | null = null;
  const run = () => {
    timer = null;
    if (!pending) return;
    const { arg } = pending;
    pending = null;
    last = Date.now();
    fn(arg);
  };
  const throttled = ((arg: A) => {
    pending = { arg };
    const wait = last + ms - Date.now();
    if (wait <= 0 && timer === null) run();
    else if (timer === null) timer = setTimeout(run, Math.max(0, wait));
  }) as Throttled<A>;
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  throttled.flush = () => {
    if (timer !== null) clearTimeout(timer);
    run();
  };
  return throttled;
}

/** A throttled writer of node positions that merges the positions of a burst (several nodes may move at once). */
export function positionWriter<P>(write: (positions: Record<string, P>) => void, ms: number) {
  let merged: Record<string, P> = {};
  const send = throttle<null>(() => {
    const out = merged;
    merged = {};
    if (Object.keys(out).length > 0) write(out);
  }, ms);
  return {
    push(positions: Record<string, P>) {
      Object.assign(merged, positions);
      send(null);
    },
    cancel() {
      merged = {};
      send.cancel();
    },
  };
}
