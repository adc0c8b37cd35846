import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { clientConfig, readSmartConfig, withConnectSrc } from './scripts/smart-config.ts';

// SMART on FHIR deployment (spec fhir.md): SMART_CONFIG names a JSON file with the allowed
// issuers; the policy's connect-src is derived from it. Without it: no launch, 'self' only.
const smart = readSmartConfig();

export default defineConfig({
  plugins: [
    react(),
    { name: 'smart-csp', transformIndexHtml: { order: 'pre', handler: (html, ctx) => withConnectSrc(html, smart, ctx.path) } },
  ],
  base: './',
  define: {
    __SMART_CONFIG__: JSON.stringify(clientConfig(smart)),
    // fhirclient: no fetch polyfill (every supported browser has fetch)
    FHIRCLIENT_PURE: 'true',
  },
  build: {
    target: 'es2022', sourcemap: false,
    // Two pages: the app, and launch.html for the SMART launch (EHR and standalone).
    rollupOptions: { input: { main: resolve(import.meta.dirname, 'index.html'), launch: resolve(import.meta.dirname, 'launch.html') } },
  },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Speed is measured by `npm run bench`, not by tests: a property test or a spawned CLI may
    // take several seconds on a busy 2-core machine, which is no failure.
    testTimeout: 30_000,
  },
});
