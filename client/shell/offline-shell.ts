/** Registers the service worker (client/public/sw.js) that keeps the app shell on this device for offline reloads. */

/** The same-origin /assets/ addresses this page has loaded so far (for the worker to keep). */
export function loadedAssetPaths(entries: readonly { name: string }[], origin: string): string[] {
  const paths = new Set<string>();
  for (const entry of entries) {
    try {
      const url = new URL(entry.name);
      if (url.origin === origin && url.pathname.startsWith('/assets/')) paths.add(url.pathname);
    } catch {
      // Not an address: nothing to keep.
    }
  }
  return [...paths];
}

/** Registers /sw.js where the browser allows it (https or localhost); a failure only means no offline shell. */
export function registerOfflineShell(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const urls = loadedAssetPaths(performance.getEntriesByType('resource'), location.origin);
      registration.active?.postMessage({ type: 'cache-assets', urls });
    })
    .catch((error: unknown) => console.warn('The offline copy of the app could not be set up:', error));
}
