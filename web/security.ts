import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The page may load only its own scripts, styles and fonts; nothing inline, nothing remote. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * No `Cross-Origin-Opener-Policy`: it made Chromium swap the tab to a new
 * renderer process once the page's response arrived (measured: the page's
 * first script fetched 80–100 ms later, on every launch), and what it guards
 * is covered otherwise here. An opener can reach this page only through the
 * launch token or a one-time code (a page without either shows no data and
 * the API refuses it); every link the page shows opens with
 * `rel="noopener noreferrer"` (cards/render, renderer/lib/sanitize.ts), so no
 * opened page gets a handle on it; framing is refused (frame-ancestors, X-Frame-Options).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * DNS rebinding defence: a page on evil.example resolved to 127.0.0.1 still
 * sends `Host: evil.example`, so only loopback names with our port pass.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return allowed.includes(host.toLowerCase());
}
