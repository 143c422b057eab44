import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/gateway/security-headers.mjs';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  // Messages are compiled at build time, so the browser gets no ICU message parser.
  experimental: {
    messages: { path: './locales', format: 'json', locales: 'infer', precompile: true },
  },
});

// One id per build, inlined into the page: the service worker's address carries it, so each
// deployment installs a new worker (public/sw.js). Kept in the environment so that every process
// of one build agrees on it.
process.env.PARLEY_BUILD_ID ||= Date.now().toString(36);

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The shared-state clients are loaded from node_modules as they are, not bundled.
  serverExternalPackages: ['redis', '@upstash/redis'],
  reactStrictMode: true,
  env: { NEXT_PUBLIC_PARLEY_BUILD: process.env.PARLEY_BUILD_ID },
  async headers() {
    return [
      {
        // Pages and routes carry them all.
        source: '/((?!_next/static/).*)',
        headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })),
      },
      {
        // Hashed scripts and styles need only nosniff: a policy, framing or referrer header on
        // them has no effect, and would be sent again with each of a cold load's files.
        source: '/_next/static/:path*',
        headers: [{ key: 'x-content-type-options', value: 'nosniff' }],
      },
      {
        // Except a Web Worker's first script, whose policy is the worker's own (what it may
        // fetch), as a page's is the page's.
        source: '/_next/static/chunks/:worker(turbopack-worker-.*)',
        headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
