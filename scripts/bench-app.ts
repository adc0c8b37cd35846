/**
 * `npx tsx scripts/bench-app.ts [DIST] [PORT]` (after `npx vite build --outDir DIST`): the app's
 * planning time in Chromium against the command line's for the same file (issue 17, item 6).
 *
 * For each file of 280 patients: the command line's wall time (`tdm propose`, and `propose
 * --calibrate` as the app calibrates by default), then in a fresh browser profile the time from
 * the file given to the import (read, previewed, confirmed: the whole of it), and from the
 * preview's confirm, until every patient is planned (no patient computing, no trough being
 * scored), and after a reload until every patient's plan is shown again. Two files: the
 * validation patients repeated (few troughs: nothing to score) and a simulated clinic's year (every
 * patient 10 troughs or more: the track record and calibration have work).
 * Each in a fresh browser profile with calibration on (the default) and off; the command line is
 * timed before and after the app (the mean). Wall clock: only meaningful on a quiet machine; the
 * machine's load is printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
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

/**
 * Wait until `count` patients are listed and none is computing; with `scoring`, also no trough
 * being scored (calibration on: the plans wait for it; off, it runs after them).
 */
async function planned(page: Page, count: number, scoring = true): Promise<void> {
  await page.waitForFunction(([n, s]) => document.querySelectorAll('[data-patient-id]').length === n
    && !document.querySelector('.computing') && !(s && document.querySelector('.scoring'))
    && document.querySelectorAll('[data-patient-id] [data-testid="planned-dose"]').length > 0, [count, scoring] as const, { polling: 25, timeout: 600_000 });
}

/** One fresh browser profile: import the file, time until all planned, reload, time until all shown. */
async function appRun(browser: Browser, file: string, calibrate: boolean): Promise<{ fresh: number; fromConfirm: number; reload: number; examples: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('[data-patient-id]');
  const examples = await page.locator('[data-patient-id]').count();
  await planned(page, examples);
  if (!calibrate) {
    await page.getByTestId('nav-track').click();
    await page.getByTestId('calibrate-setting').uncheck();
    await page.getByRole('button', { name: 'Planning' }).click();
    await planned(page, examples);
  }
  const t0 = performance.now();
  await page.locator('input[type=file]').setInputFiles(file);
  // A file that only adds patients is saved at once; with the setting "Preview every file" on (or
  // something to decide) its preview comes first and the user confirms it (its one button).
  const apply = page.locator('[data-testid="import-preview"] [data-testid="import-apply"]');
  await apply.or(page.locator('[data-testid="import-done"]')).first().waitFor({ timeout: 600_000 });
  const tConfirm = performance.now();
  if (await apply.count()) await apply.click();
  await planned(page, examples + N, calibrate);
  const tDone = performance.now();
  const fresh = (tDone - t0) / 1000;
  const fromConfirm = (tDone - tConfirm) / 1000;
  const shown = await page.locator('[data-patient-id] [data-testid="planned-dose"]').count();
  await page.waitForTimeout(1500); // the stored reports are written
  const t1 = performance.now();
  await page.reload();
  await page.waitForFunction(([n, s]) => document.querySelectorAll('[data-patient-id] [data-testid="planned-dose"]').length >= n
    && !document.querySelector('.computing') && !(s && document.querySelector('.scoring')), [shown, calibrate] as const, { polling: 25, timeout: 600_000 });
  const reload = (performance.now() - t1) / 1000;
  await context.close();
  return { fresh, fromConfirm, reload, examples };
}

async function main(): Promise<void> {
  console.log(`machine: load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min), 2 cores`);
  spawnSync('node', ['scripts/tdm.mjs', '--help']); // the CLI's bundle built outside the timed runs
  const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const [label, file] of files) {
      // The command line before and after the app's runs (the machine's load moves): their mean.
      const cli1 = cliSeconds(['propose', file]);
      const cal1 = cliSeconds(['propose', '--calibrate', file]);
      const on = await appRun(browser, file, true);
      const off = await appRun(browser, file, false);
      const cli = (cli1 + cliSeconds(['propose', file])) / 2;
      const cliCal = (cal1 + cliSeconds(['propose', '--calibrate', file])) / 2;
      console.log(`${label} ${N} (+${on.examples} examples): CLI propose ${cli.toFixed(2)} s, propose --calibrate ${cliCal.toFixed(2)} s (means of two runs)`);
      console.log(`  app, calibration on (default): planned after ${on.fresh.toFixed(2)} s = ${(on.fresh / cliCal).toFixed(2)}× propose --calibrate (${(on.fresh / cli).toFixed(2)}× propose); `
        + `from the preview's confirm ${on.fromConfirm.toFixed(2)} s = ${(on.fromConfirm / cliCal).toFixed(2)}× (${(on.fromConfirm / cli).toFixed(2)}× propose); `
        + `after a reload ${on.reload.toFixed(2)} s = ${(on.reload / cliCal).toFixed(2)}× (${(on.reload / cli).toFixed(2)}× propose)`);
      console.log(`  app, calibration off: planned after ${off.fresh.toFixed(2)} s = ${(off.fresh / cli).toFixed(2)}× propose; from the preview's confirm ${off.fromConfirm.toFixed(2)} s = ${(off.fromConfirm / cli).toFixed(2)}× propose; `
        + `after a reload ${off.reload.toFixed(2)} s = ${(off.reload / cli).toFixed(2)}× propose`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
