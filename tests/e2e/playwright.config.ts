/** Playwright: Debian's Chromium (find-chromium.ts) against the real server on a temporary SQLite file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './find-chromium';

const PORT = Number(process.env.E2E_PORT ?? 8931);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'lodestone-e2e-'));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../artifacts/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'node --import tsx server/index.ts',
    cwd: join(import.meta.dirname, '../..'),
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every spec creates boards from this one address: the per-address creation limit is raised for them.
    env: { PORT: String(PORT), LODESTONE_DB: join(dataDir, 'e2e.db'), LOG_LEVEL: 'warn', LODESTONE_SECRET: 'e2e-secret-of-sufficient-length', LODESTONE_CREATE_BURST: '1000' },
  },
});
