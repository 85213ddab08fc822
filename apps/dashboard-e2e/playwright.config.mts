import { defineConfig } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';
import { workspaceRoot } from '@nx/devkit';
import { join } from 'node:path';

/**
 * The API serves the built dashboard on this port for the tests, away from a developer's 3000. E2E_PORT
 * moves it (and its throw-away data directory), so that two checkouts can run the suite side by side.
 */
const port = process.env['E2E_PORT'] ?? '3100';
const baseURL = `http://127.0.0.1:${port}`;

// Read by src/support/demo-accounts.ts in the test workers (a config module cannot share imports with them).
process.env['E2E_DEMO_PASSWORD'] ??= 'e2e-demo-password';
process.env['E2E_ADMIN_STATE'] = join(workspaceRoot, `dist/.playwright/dashboard-e2e/admin-${port}.json`);

/**
 * The end-to-end suite runs against the real thing: `npm start` builds what is missing, starts a
 * throw-away embedded PostgreSQL seeded with the demo network, and serves API and dashboard on one
 * origin. Debian's Chromium is used instead of Playwright's download (no browser downloads here).
 */
/** Debian's Chromium, headless, at the size the issue names (1280x800). */
const chromium = {
  browserName: 'chromium' as const,
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  ...nxE2EPreset(import.meta.dirname, { testDir: './src' }),
  // Per port, so that runs side by side do not delete each other's traces.
  outputDir: join(workspaceRoot, `dist/.playwright/dashboard-e2e/test-output-${port}`),
  reporter: [
    ['list'],
    [
      'junit',
      {
        outputFile: join(workspaceRoot, 'dist/.playwright/dashboard-e2e/junit.xml'),
      },
    ],
    // Read by `npm test` (tools/test/summarize-test-results.mjs) for its closing totals.
    [
      'json',
      {
        outputFile: join(workspaceRoot, 'dist/test-results/playwright/dashboard-e2e.json'),
      },
    ],
  ],
  use: {
    baseURL,
    headless: true,
    colorScheme: 'light',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npm start',
    url: `${baseURL}/api/health`,
    env: {
      PORT: port,
      IOP_DATA_DIR: `tmp/e2e-${port}/pg`,
      IOP_FRESH_DATA: '1',
      DEMO_PASSWORD: process.env['E2E_DEMO_PASSWORD'],
    },
    reuseExistingServer: false,
    // A fresh machine builds the API and the dashboard and seeds the database before the first answer.
    timeout: 300_000,
    cwd: workspaceRoot,
    stdout: 'pipe',
  },
  projects: [
    { name: 'sign-in', testMatch: /.*\.setup\.ts/, use: { ...chromium } },
    {
      name: 'chromium',
      dependencies: ['sign-in'],
      testIgnore: /data\.spec\.ts/,
      use: { ...chromium, storageState: process.env['E2E_ADMIN_STATE'] },
    },
    // The import writes into the shared demo database (and ends its synthetic banner): it runs after every other
    // spec, so that none of them sees its rows.
    {
      name: 'data-import',
      dependencies: ['chromium'],
      testMatch: /data\.spec\.ts/,
      use: { ...chromium, storageState: process.env['E2E_ADMIN_STATE'] },
    },
  ],
});
