import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// PW_PORT lets two checkouts run their browser tests side by side (default 4173); PW_DIST serves
// another build folder (default dist), so two developers in one tree can test their own builds.
const port = Number(process.env.PW_PORT ?? 4173);
const dist = process.env.PW_DIST ?? 'dist';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  // Traces and failure contexts, and the JSON report, go outside the tree (PW_OUTPUT, PW_JSON: a file path).
  outputDir: process.env.PW_OUTPUT ?? join(tmpdir(), 'ms-interval-playwright'),
  reporter: process.env.PW_JSON ? [['list'], ['json', { outputFile: process.env.PW_JSON === '1' ? join(tmpdir(), 'ms-interval-playwright-results.json') : process.env.PW_JSON }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --outDir ${dist} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
