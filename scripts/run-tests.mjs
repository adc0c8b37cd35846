#!/usr/bin/env node
// `npm test`: type check, lint, unit + property tests (Vitest), browser tests (Playwright with
// Debian Chromium). Prints one closing line `N passed, N failed` counted from the runners' JSON.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The runners' reports go to a temporary folder: `npm test` writes nothing into the tree but the build.
const out = mkdtempSync(join(tmpdir(), 'ms-interval-test-'));

let passed = 0;
let failed = 0;
const run = (label, cmd, args, env = {}) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
};
const check = (label, ok) => { if (ok) passed++; else { failed++; console.log(`FAILED: ${label}`); } };

check('typecheck', run('typecheck', 'node', ['node_modules/typescript/bin/tsc', '-b']));
check('lint', run('lint', 'node', ['node_modules/eslint/bin/eslint.js', '.']));

const vJson = join(out, 'vitest-results.json');
rmSync(vJson, { force: true });
const vOk = run('unit and property tests', 'node', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vJson}`]);
if (existsSync(vJson)) {
  const v = JSON.parse(readFileSync(vJson, 'utf8'));
  passed += v.numPassedTests; failed += v.numFailedTests;
  if (!vOk && v.numFailedTests === 0) check('vitest run', false);
} else check('vitest run', false);

const built = run('build', 'node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
check('build', built);
if (built && !process.env.SKIP_E2E) {
  const pJson = join(out, 'playwright-results.json');
  rmSync(pJson, { force: true });
  const pOk = run('browser tests', 'node', ['node_modules/@playwright/test/cli.js', 'test'], { PW_JSON: pJson, PW_OUTPUT: join(out, 'playwright'), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
  if (existsSync(pJson)) {
    const p = JSON.parse(readFileSync(pJson, 'utf8'));
    passed += p.stats.expected + (p.stats.flaky ?? 0); failed += p.stats.unexpected;
    if (!pOk && p.stats.unexpected === 0) check('playwright run', false);
  } else check('playwright run', false);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
