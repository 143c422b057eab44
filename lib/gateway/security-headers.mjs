// @ts-check
/**
 * The headers every answer of this origin carries: `next.config.js` sets them on the app's pages
 * and routes, and the Node transport (`lib/server/node-gateway.ts`) on the gateway's answers,
 * which never pass through Next.
 *
 * The Content-Security-Policy backs up the markdown renderer's rules: no script from anywhere but
 * this origin, no plugins, no framing of the app. Images from other hosts are allowed because a
 * user may click to load one; the renderer never loads them by itself. `connect-src` allows other
 * hosts for endpoints the browser calls directly (an Ollama on the user's machine).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'self' https: http:",
  "frame-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {Readonly<Record<string, string>>} */
export const securityHeaders = Object.freeze({
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
});
