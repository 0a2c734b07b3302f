/*
 * Lodestone's offline shell: keeps the built page and its assets on this device so a reload while the
 * server is down still opens the app (the board itself comes from IndexedDB, kept by y-indexeddb).
 * Pages: network first, the cached shell when the network fails. Hashed assets: cache first.
 * The API and the WebSocket are never cached.
 */
const CACHE = 'lodestone-shell-v1';
const SHELL = '/index.html';

/** The asset addresses a built index.html refers to (scripts, styles, icons). */
function assetsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) found.add(match[1]);
  return [...found];
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  await Promise.all(assetsOf(html).map((url) => cache.add(url).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function pageFromNetworkOrShell(request) {
  try {
    const response = await fetch(request);
    // Only the app's page is kept as the shell (not a JSON answer such as /healthz opened in a tab).
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      const cache = await caches.open(CACHE);
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch {
    const cached = await caches.match(SHELL);
    if (cached) return cached;
    return new Response('Lodestone cannot reach its server and has no copy of the app on this device yet.', {
      status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}

async function assetFromCacheOrNetwork(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

// The page tells which assets it loaded before this worker controlled it (the exposure worker's script, say).
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-assets' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url) => typeof url === 'string' && url.startsWith('/assets/')).slice(0, 200);
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map(async (url) => {
    if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
  }))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws') || url.pathname === '/sw.js') return;
  if (request.mode === 'navigate') return event.respondWith(pageFromNetworkOrShell(request));
  if (url.pathname.startsWith('/assets/')) return event.respondWith(assetFromCacheOrNetwork(request));
});
