import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./', import.meta.url)) },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.next/**'],
    environment: 'node',
    testTimeout: 15_000,
    // The gateway logs a line per request; show a test's output only when it fails.
    silent: 'passed-only',
  },
});
