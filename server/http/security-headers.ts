/**
 * Headers on every answer (pages, assets, API): a Content-Security-Policy that the built client and its
 * exposure worker pass (scripts only from this server, no plugins, no framing by other sites; inline
 * style attributes, which React Flow sets, and data:/blob: images, which the canvas exports make), no
 * Referer (a board link carries its token), and no content sniffing.
 */
import type { NextFunction, Request, Response } from 'express';

/** The policy for a request to `host` (the WebSocket endpoint is on the same host). */
export function contentSecurityPolicy(host: string | undefined): string {
  // Only a plain host[:port] goes into the header (a Host header is the client's to choose).
  const sockets = host && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' data: blob:${sockets}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Middleware setting the headers. */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': contentSecurityPolicy(req.get('host')),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  });
  next();
}
