import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/gateway/security-headers.mjs';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  // Messages are compiled at build time, so the browser gets no ICU message parser.
  experimental: {
    messages: { path: './locales', format: 'json', locales: 'infer', precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The shared-state clients are loaded from node_modules as they are, not bundled.
  serverExternalPackages: ['redis', '@upstash/redis'],
  reactStrictMode: true,
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
    ];
  },
};

export default withNextIntl(nextConfig);
