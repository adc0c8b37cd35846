/**
 * The proposal history: closed (and not computed) by default; opened, one row per result day with
 * the proposal the command line gives with --as-of that day, and how the result moved it.
 */
import { test, expect, type Page } from './pinned';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliAsTheAppPlans, watch, importFile } from './app-helpers';

const CSV = [
  'patient_id,drug,kind,time,value,unit,route,duration_min,note',
  'HIST-1,natalizumab,weight,2024-01-08,70,kg,,,',
  'HIST-1,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
  'HIST-1,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,',
  'HIST-1,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,',
  'HIST-1,natalizumab,level,2024-03-04T08:45,31.5,ug/mL,,,',
  'HIST-1,natalizumab,dose,2024-03-04T09:00,300,mg,iv,60,',
  'HIST-1,natalizumab,dose,2024-04-15T09:00,300,mg,iv,60,',
  'HIST-1,natalizumab,level,2024-05-27T08:45,7.5,ug/mL,,,',
  'HIST-1,natalizumab,dose,2024-05-27T09:00,300,mg,iv,60,',
].join('\n');

interface CliLine { proposal: { interval_weeks?: number; next_dose: string; probability_above_target?: number; predicted_crossing?: string } }

/** The command line's proposal for one patient of a file as of a day (exit 1: another patient had none). */
function cliAsOf(file: string, day: string, id: string): CliLine {
  const run = spawnSync('node', ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'propose', file, '--as-of', day], { encoding: 'utf8' });
  expect(run.status === 0 || run.status === 1, run.stderr).toBe(true);
  const line = run.stdout.trim().split('\n').find((l) => l.includes(`"patient_id":"${id}"`));
  expect(line, `${id} as of ${day}`).toBeTruthy();
  return JSON.parse(line!) as CliLine;
}

async function openHistory(page: Page) {
  const history = page.getByTestId('proposal-history');
  await expect(history).toBeVisible();
  // Closed by default: nothing computed, no table.
  await expect(history).not.toHaveAttribute('open');
  await expect(history.locator('table')).toHaveCount(0);
  await history.locator('summary').click();
  await expect(history.locator('table')).toBeVisible();
  await expect(history.locator('table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  return history;
}

test('natalizumab: one row per level, each the CLI proposal as of that day, with how it moved', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const dir = mkdtempSync(join(tmpdir(), 'hist-'));
  const file = join(dir, 'hist.csv');
  writeFileSync(file, CSV);
  const days = ['2024-02-05', '2024-03-04', '2024-05-27'];
  const cli = days.map((d) => cliAsOf(file, d, 'HIST-1'));

  await page.goto('/');
  await importFile(page, file);
  await page.locator('[data-patient-id="HIST-1"] a').click();
  await expect(page.locator('[data-testid="next-dose"]')).toHaveText(/\d{4}-\d{2}-\d{2}/);
  const history = await openHistory(page);
  await expect(history.locator('summary')).toContainText('Proposal history (3 results)');
  const rows = history.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < days.length; i++) {
    const row = rows.nth(i);
    const p = cli[i].proposal;
    await expect(row.locator('th')).toHaveText(days[i]);
    await expect(row.locator('[data-col="interval"]')).toHaveText(`${p.interval_weeks} weeks`);
    await expect(row.locator('[data-col="next-dose"] time')).toHaveAttribute('datetime', p.next_dose);
    // The CLI line carries the probability to 3 decimals, the app rounds the exact value to a whole
    // percent: 0.9349 is 93 % in the app and 0.935 (94 %) in the line, so either rounding is right.
    const pr = p.probability_above_target!;
    // From 99.5 % the app says "> 99%", to 0.5 % "< 1%" (a forecast never shows certainty).
    const shown = (x: number) => (x >= 0.995 ? '> 99' : x <= 0.005 ? '< 1' : String(Math.round(x * 100)));
    const pcts = [...new Set([shown(pr - 0.0005), shown(pr + 0.0005)])].join('|');
    await expect(row.locator('[data-col="probability"]')).toHaveText(new RegExp(`^(${pcts})%$`));
    await expect(row.locator('[data-col="trough"]')).toHaveText(/^\d+\.?\d* \(\d+\.?\d*–\d+\.?\d*\)$/);
  }
  await expect(rows.nth(0)).toContainText('24.1 µg/mL');
  await expect(rows.nth(0).locator('[data-col="change"]')).toHaveText('first proposal');
  const dw = cli[2].proposal.interval_weeks! - cli[1].proposal.interval_weeks!;
  const moved = dw === 0 ? 'interval unchanged' : `interval ${Math.abs(dw)} week${Math.abs(dw) === 1 ? '' : 's'} ${dw > 0 ? 'longer' : 'shorter'}`;
  await expect(rows.nth(2).locator('[data-col="change"]')).toHaveText(new RegExp(`^${moved}; trough [−+]?\\d+\\.?\\d* µg/mL$`));
  // The card plans as the app plans (as of the last row's day, or as of today when that plan has
  // passed: this 2024 record is late, issue 15); the history's last row is the plan as of that day.
  await expect(page.locator('[data-testid="next-dose"]')).toHaveText(cliAsTheAppPlans(file).get('HIST-1')!.proposal!.next_dose);

  // Closing and opening again is instant (cached) and gives the same rows.
  await history.locator('summary').click();
  await history.locator('summary').click();
  await expect(history.locator('table')).toHaveAttribute('aria-busy', 'false');
  await expect(rows.nth(1).locator('[data-col="next-dose"] time')).toHaveAttribute('datetime', cli[1].proposal.next_dose);

  // A new level recomputes: a fourth row appears.
  await page.getByRole('button', { name: 'Add level' }).click();
  await page.getByLabel('Date (time)', { exact: true }).fill('2024-07-08 08:45');
  await page.getByLabel('Value', { exact: true }).fill('5.1');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(rows).toHaveCount(4);
  await expect(history.locator('table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await expect(rows.nth(3).locator('th')).toHaveText('2024-07-08');
  await expect(rows.nth(3).locator('[data-col="interval"]')).toHaveText(/^\d+ weeks?$/);
  expect(w.errors).toEqual([]);
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });
  test('ocrelizumab: the predicted crossing and re-dose date per count, Dutch dates', async ({ page }) => {
    test.setTimeout(120_000);
    const w = watch(page);
    const file = 'fixtures/examples/example-patients.csv';
    const days = ['2026-04-06', '2026-05-11', '2026-11-02'];
    const cli = days.map((d) => cliAsOf(file, d, 'OCR-001'));
    await page.goto('/');
    await page.locator('[data-patient-id="OCR-001"] a').click();
    const history = await openHistory(page);
    await expect(history.locator('summary')).toContainText('Voorstelgeschiedenis (3 uitslagen)');
    const rows = history.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    const nl = (iso: string) => iso.split('-').reverse().join('-');
    for (let i = 0; i < days.length; i++) {
      await expect(rows.nth(i).locator('th')).toHaveText(nl(days[i]));
      await expect(rows.nth(i).locator('[data-col="crossing"] time')).toHaveAttribute('datetime', cli[i].proposal.predicted_crossing!);
      await expect(rows.nth(i).locator('[data-col="next-dose"] time')).toHaveAttribute('datetime', cli[i].proposal.next_dose);
      await expect(rows.nth(i).locator('[data-col="next-dose"] time')).toHaveText(nl(cli[i].proposal.next_dose));
    }
    await expect(rows.nth(0)).toContainText('2 cellen/µL');
    await expect(rows.nth(0).locator('[data-col="change"]')).toHaveText('eerste voorstel');
    await expect(rows.nth(1).locator('[data-col="change"]')).toHaveText(/^kruising (ongewijzigd|\d+ dagen? (later|eerder))$/);
    expect(w.errors).toEqual([]);
  });
});
