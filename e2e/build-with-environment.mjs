// @ts-check
/**
 * Builds the app the way Vercel does: with the deployment's environment, secrets included, set
 * at build time. The e2e suite then checks that none of them reached the browser's bundles.
 */
import { spawnSync } from 'node:child_process';
import { e2eEnvironment } from './e2e-environment.mjs';

const result = spawnSync('npx', ['--no-install', 'next', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, ...e2eEnvironment },
});
process.exit(result.status ?? 1);
