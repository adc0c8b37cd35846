/**
 * `npx tsx scripts/bench-app.ts [DIST] [PORT]` (after `npx vite build --outDir DIST`): the app's
 * planning time in Chromium against the command line's for the same file (issue 17, item 6).
 *
 * For each file of 280 patients: the command line's wall time (`tdm propose`, and `propose
 * --calibrate` as the app calibrates by default), then in a fresh browser profile the time from
 * the file given to the import until every patient is planned (no patient computing, no trough
 * being scored), and after a reload until every patient's plan is shown again. Two files: the
 * validation patients repeated (few troughs: nothing to score) and a simulated clinic's year (every
 * patient 10 troughs or more: the track record and calibration have work).
 * Wall clock: only meaningful on a quiet machine; the machine's load is printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { makeBatch } from './batch';
import { simulateClinic, IOV_WORLD } from './simulate-clinic';

const dist = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? 4173);
const N = 280;
const dir = mkdtempSync(join(tmpdir(), 'ms-interval-bench-app-'));
const files: [string, string][] = [
  ['validation patients ×', join(dir, 'validation-280.csv')],
  ['simulated clinic (IOV world)', join(dir, 'clinic-280.csv')],
];
writeFileSync(files[0][1], makeBatch('fixtures/validation/natalizumab-virtual.csv', N));
writeFileSync(files[1][1], simulateClinic(IOV_WORLD, N, 17).csv);

function cliSeconds(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync('node', ['scripts/tdm.mjs', ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return (performance.now() - t0) / 1000;
}

/** Wait until `count` patients are listed, none computing and no trough being scored. */
async function planned(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-patient-id]').length === n
    && !document.querySelector('.computing') && !document.querySelector('.scoring')
    && document.querySelectorAll('[data-patient-id] [data-testid="planned-dose"]').length > 0, count, { polling: 25, timeout: 600_000 });
}

async function main(): Promise<void> {
  console.log(`machine: load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min), 2 cores`);
  spawnSync('node', ['scripts/tdm.mjs', '--help']); // the CLI's bundle built outside the timed runs
  const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const [label, file] of files) {
      const cli = cliSeconds(['propose', file]);
      const cliCal = cliSeconds(['propose', '--calibrate', file]);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForSelector('[data-patient-id]');
      const examples = await page.locator('[data-patient-id]').count();
      await planned(page, examples);
      const t0 = performance.now();
      await page.locator('input[type=file]').setInputFiles(file);
      await planned(page, examples + N);
      const app = (performance.now() - t0) / 1000;
      const shown = await page.locator('[data-patient-id] [data-testid="planned-dose"]').count();
      await page.waitForTimeout(1500); // the stored reports are written
      const t1 = performance.now();
      await page.reload();
      await page.waitForFunction((n) => document.querySelectorAll('[data-patient-id] [data-testid="planned-dose"]').length === n
        && !document.querySelector('.computing') && !document.querySelector('.scoring'), shown, { polling: 25, timeout: 600_000 });
      const reload = (performance.now() - t1) / 1000;
      console.log(`${label} ${N} (+${examples} examples): CLI propose ${cli.toFixed(2)} s, propose --calibrate ${cliCal.toFixed(2)} s; `
        + `app (calibrated) ${app.toFixed(2)} s = ${(app / cliCal).toFixed(2)}× the calibrated CLI (${(app / cli).toFixed(2)}× propose); `
        + `after a reload ${reload.toFixed(2)} s = ${(reload / cliCal).toFixed(2)}× (${(reload / cli).toFixed(2)}× propose)`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
