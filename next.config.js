import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/gateway/security-headers.mjs';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

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
        source: '/:path*',
        headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
