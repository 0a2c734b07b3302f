/**
 * Cache headers of the built client's files: the service worker and the page are always revalidated (a
 * new build reaches everyone at the next load), hashed assets are kept for a year (their names change).
 */
import { basename } from 'node:path';
import type { Response } from 'express';

/** Sets the headers of one static file (express.static's `setHeaders`). */
export function setStaticHeaders(res: Response, filePath: string): void {
  const name = basename(filePath);
  if (name === 'sw.js') {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Service-Worker-Allowed', '/');
  } else if (name === 'index.html') {
    res.setHeader('Cache-Control', 'no-cache');
  } else if (/[\\/]assets[\\/]/.test(filePath)) {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
}
