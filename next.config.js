import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/gateway/security-headers.mjs';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The shared-state clients are loaded from node_modules as they are, not bundled.
  serverExternalPackages: ['redis', '@upstash/redis'],
  reactStrictMode: true,
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
