/** A component loaded on first use (its own script chunk), shown with a placeholder meanwhile. */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/** Wraps `load` (a dynamic import picking the component) as a component with the same props, drawn in Suspense with `fallback`. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function LazyPart(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
