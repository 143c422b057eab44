import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { appPort, e2eEnvironment, mockPort, serverLogPath } from './e2e/e2e-environment.mjs';

/** Debian's Chromium when installed; otherwise whatever browser Playwright already has. Never a download. */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
  existsSync(path),
);

export default defineConfig({
  testDir: './e2e',
  // `npm run screenshots` takes the README's pictures; the suite never rewrites them.
  testMatch: process.env.PARLEY_PICTURES ? '**/*.pictures.ts' : '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: `node e2e/mock-upstream/cli.mjs --port ${mockPort}`,
      url: `http://127.0.0.1:${mockPort}/__mock/stats`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The server's output is kept, so the last spec can check that no secret was ever logged.
      command: `mkdir -p .e2e-logs && node --expose-gc server.mjs -H 127.0.0.1 -p ${appPort} 2>&1 | tee ${serverLogPath}`,
      url: `http://127.0.0.1:${appPort}/api/config`,
      env: e2eEnvironment,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
