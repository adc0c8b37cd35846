/**
 * Issue 17 in the app: the clinic's track record (the same numbers as `tdm track-record` on the
 * same file), the calibration by default (the same proposals as `tdm propose --calibrate`; off: as
 * `tdm propose`), each patient's own track record on the card, and stored reports shown at once
 * after a reload (IndexedDB), a changed patient marked while it is computed again.
 */
import { test, expect, type Page } from './pinned';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateClinic, IOV_WORLD } from '../../scripts/simulate-clinic';
import AxeBuilder from '@axe-core/playwright';
import { cliAsTheAppPlans, idsOf, importFile, planNextDose, waitComputed, watch } from './app-helpers';

/** axe (WCAG 2.1 A/AA) on the page, with a readable list of what is wrong. */
async function audit(page: Page, view: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const lines = result.violations.map((v) => `${view}: ${v.id}: ${v.help}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
  expect(lines, lines.join('\n')).toEqual([]);
}

const N = 8;
const FILE = join(mkdtempSync(join(tmpdir(), 'msi-track-')), 'clinic.csv');
writeFileSync(FILE, simulateClinic(IOV_WORLD, N, 5).csv);

function cli(args: string[]): Record<string, unknown>[] {
  const out = execFileSync('node', ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

type Line = { patient_id: string; proposal: { next_dose: string; predicted_trough_low: number; predicted_trough_high: number }; calibration?: { troughs: number; iov: number; clinic_iov: number; scale: number } };

async function importClinic(page: Page): Promise<string[]> {
  await page.goto('/');
  await page.getByTestId('remove-examples').click();
  await importFile(page, FILE);
  const ids = idsOf(FILE);
  await expect(page.locator('[data-patient-id]')).toHaveCount(ids.length);
  await waitComputed(page);
  await expect(page.locator('.scoring')).toHaveCount(0);
  return ids;
}

const num = (s: string | null) => Number(s);

test('the clinic\'s track record is the command line\'s for the same file, and each card says how its forecasts held', async ({ page }) => {
  test.setTimeout(240_000);
  const w = watch(page);
  await importClinic(page);
  const [line] = cli(['track-record', FILE]) as [{ scored: number; patients: number; cover50: number; cover80: number; cover95: number; median_log_ratio: number; pit_histogram: number[] }];
  expect(line.scored).toBeGreaterThan(40);
  await page.getByTestId('nav-track').click();
  await expect(page.getByTestId('tr-scored')).toHaveText(String(line.scored));
  await expect(page.getByTestId('tr-patients')).toHaveText(String(line.patients));
  for (const k of ['cover50', 'cover80', 'cover95'] as const) {
    expect(Math.round(num(await page.getByTestId(`tr-${k}`).getAttribute('data-value')) * 1000) / 1000).toBe(line[k]);
  }
  expect(Math.round(num(await page.getByTestId('tr-bias').getAttribute('data-value')) * 1e4) / 1e4).toBe(line.median_log_ratio);
  expect(JSON.parse((await page.getByTestId('tr-pit').getAttribute('data-counts'))!)).toEqual(line.pit_histogram);
  await expect(page.getByTestId('calibrate-setting')).toBeChecked();
  await audit(page, 'track record, en');
  // A patient's own: its scored troughs, each against the 80 % interval forecast before it.
  const ids = idsOf(FILE);
  await page.getByRole('button', { name: 'Planning' }).click();
  await page.locator(`[data-patient-id="${ids[0]}"] a`).click();
  const summary = page.getByTestId('patient-track-summary');
  await expect(summary).toContainText('scored troughs inside the 80 % interval');
  expect(num(await summary.getAttribute('data-count'))).toBe(simulateClinic(IOV_WORLD, N, 5).patients[0].rows.filter((r) => r.includes(',level,')).length - 2);
  // Dutch as well.
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.getByTestId('patient-track')).toContainText('Hoe de laatste voorspellingen voor deze patiënt uitkwamen');
  await expect(page.getByTestId('calibration-note')).toContainText('dalspiegels van deze kliniek: 80%-intervallen hielden');
  await audit(page, 'patient card, nl');
  await page.getByTestId('nav-track').click();
  await expect(page.getByTestId('track-record')).toContainText('Trackrecord van de voorspellingen');
  await audit(page, 'track record, nl');
  expect(w.errors).toEqual([]);
});

test('calibration by default: the proposals of propose --calibrate, the spread on the card; turned off: those of propose', async ({ page }) => {
  test.setTimeout(300_000);
  const w = watch(page);
  const ids = await importClinic(page);
  // As the app plans them: a patient whose dose as planned has passed is planned as of today (issue 15).
  const calibrated = cliAsTheAppPlans(FILE, undefined, ['--calibrate']) as unknown as Map<string, Line>;
  const plain = cliAsTheAppPlans(FILE) as unknown as Map<string, Line>;
  // The calibration changes something on this file (else the test could not tell them apart).
  expect(ids.some((id) => calibrated.get(id)!.proposal.predicted_trough_high !== plain.get(id)!.proposal.predicted_trough_high)).toBe(true);
  for (const id of ids) expect(await planNextDose(page, id)).toBe(calibrated.get(id)!.proposal.next_dose);
  for (const id of ids.slice(0, 3)) {
    await page.locator(`[data-patient-id="${id}"] a`).click();
    const note = page.getByTestId('calibration-note');
    const c = calibrated.get(id)!.calibration!;
    await expect(note).toHaveAttribute('data-calibrated', 'true');
    await expect(note).toContainText(`Spread from ${c.troughs} troughs of this clinic: 80 % intervals held`);
    expect(Math.round(num(await note.getAttribute('data-iov')) * 1e4) / 1e4).toBe(c.iov);
    // The width of the whole forecast the line says, and the card says it too.
    expect(Math.round(num(await note.getAttribute('data-scale')) * 1000) / 1000).toBe(c.scale);
    await expect(note).toContainText('the whole forecast\'s width ×');
    // Never narrower than the clinic's.
    expect(c.iov).toBeGreaterThanOrEqual(c.clinic_iov);
    await expect(page.getByTestId('proposal')).toContainText(String(calibrated.get(id)!.proposal.predicted_trough_high).replace(/\.?0+$/, '').slice(0, 3));
  }
  // Off: the published allowances, as propose without --calibrate.
  await page.getByTestId('nav-track').click();
  await page.getByTestId('calibrate-setting').uncheck();
  await page.getByRole('button', { name: 'Planning' }).click();
  await waitComputed(page);
  for (const id of ids) expect(await planNextDose(page, id)).toBe(plain.get(id)!.proposal.next_dose);
  await page.locator(`[data-patient-id="${ids[0]}"] a`).click();
  await expect(page.getByTestId('calibration-note')).toHaveAttribute('data-calibrated', 'false');
  await expect(page.getByTestId('calibration-note')).toContainText('calibration from the clinic\'s troughs is off');
  // The setting survives a reload.
  await page.reload();
  await page.getByTestId('nav-track').click();
  await expect(page.getByTestId('calibrate-setting')).not.toBeChecked();
  expect(w.errors).toEqual([]);
});

test('after a reload every unchanged patient\'s stored report is shown at once (IndexedDB); a changed one is marked while computed again', async ({ page }) => {
  test.setTimeout(300_000);
  const w = watch(page);
  const ids = await importClinic(page);
  const before = new Map<string, string | null>();
  for (const id of ids) before.set(id, await planNextDose(page, id));
  // From now on the worker answers no patient's computation: whatever is shown comes from storage.
  await page.evaluate((list) => localStorage.setItem('ms-interval-test-unanswered', JSON.stringify(list)), ids);
  await page.waitForTimeout(800); // the stored reports are written within 300 ms
  await page.reload();
  for (const id of ids) await expect(page.locator(`[data-patient-id="${id}"] [data-testid="planned-dose"]`)).toHaveAttribute('datetime', before.get(id)!, { timeout: 10_000 });
  await expect(page.locator('.computing')).toHaveCount(0);
  await page.locator(`[data-patient-id="${ids[1]}"] a`).click();
  await expect(page.getByTestId('proposal')).toBeVisible();
  await expect(page.getByTestId('outdated')).toHaveCount(0);
  // A change (the clinic's target): the stored reports no longer fit; shown marked while computed again.
  await page.evaluate(() => localStorage.setItem('ms-interval-compute-budget-ms', '60000'));
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Trough target').first().selectOption('5');
  await page.getByRole('button', { name: 'Save clinic settings' }).click();
  await page.getByRole('button', { name: 'Planning' }).click();
  await page.locator(`[data-patient-id="${ids[1]}"] a`).click();
  await expect(page.getByTestId('outdated')).toBeVisible();
  await expect(page.locator('.computing')).toHaveCount(1);
  // Without the hook the changed patients are computed again and the mark goes.
  await page.evaluate(() => { localStorage.removeItem('ms-interval-test-unanswered'); localStorage.removeItem('ms-interval-compute-budget-ms'); });
  await page.reload();
  await waitComputed(page);
  await page.locator(`[data-patient-id="${ids[1]}"] a`).click();
  await expect(page.getByTestId('proposal')).toBeVisible();
  await expect(page.getByTestId('outdated')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

test('an import that adds rows scores only what changed, and the track record is still the command line\'s for the whole file (a weight put before scored troughs rescores them)', async ({ page }) => {
  test.setTimeout(300_000);
  const w = watch(page);
  const sim = simulateClinic(IOV_WORLD, N, 5);
  const header = sim.csv.slice(0, sim.csv.indexOf('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'msi-track-more-'));
  // The first file: each patient's first two thirds of rows; the second: the rest, and for the
  // first patient a new weight dated between two troughs already scored (rows before them change).
  const early = sim.patients.flatMap((p) => p.rows.slice(0, Math.ceil((p.rows.length * 2) / 3)));
  const later = sim.patients.flatMap((p) => p.rows.slice(Math.ceil((p.rows.length * 2) / 3)));
  const p0 = sim.patients[0];
  const levels0 = p0.rows.filter((r) => r.includes(',level,'));
  const between = levels0[4].split(',')[3].slice(0, 10);
  const kg = Number(p0.rows[0].split(',')[4]) + 15;
  const weight = `${p0.id},natalizumab,weight,${between},${kg},kg,,,`;
  const first = join(dir, 'first.csv'), second = join(dir, 'second.csv'), whole = join(dir, 'whole.csv');
  writeFileSync(first, [header, ...early].join('\n') + '\n');
  writeFileSync(second, [header, ...later, weight].join('\n') + '\n');
  writeFileSync(whole, [header, ...early, ...later, weight].join('\n') + '\n');
  await page.goto('/');
  await page.getByTestId('remove-examples').click();
  await importFile(page, first);
  await waitComputed(page);
  await expect(page.locator('.scoring')).toHaveCount(0);
  const [partial] = cli(['track-record', first]) as [{ scored: number }];
  await page.getByTestId('nav-track').click();
  await expect(page.getByTestId('tr-scored')).toHaveText(String(partial.scored));
  await page.getByRole('button', { name: 'Planning' }).click();
  await importFile(page, second);
  await waitComputed(page);
  await expect(page.locator('.scoring')).toHaveCount(0);
  const [line] = cli(['track-record', whole]) as [{ scored: number; cover50: number; cover80: number; cover95: number; median_log_ratio: number; pit_histogram: number[]; calibration: { iov: number; scale: number } }];
  expect(line.scored).toBeGreaterThan(partial.scored);
  await page.getByTestId('nav-track').click();
  await expect(page.getByTestId('tr-scored')).toHaveText(String(line.scored));
  for (const k of ['cover50', 'cover80', 'cover95'] as const) {
    expect(Math.round(num(await page.getByTestId(`tr-${k}`).getAttribute('data-value')) * 1000) / 1000).toBe(line[k]);
  }
  expect(Math.round(num(await page.getByTestId('tr-bias').getAttribute('data-value')) * 1e4) / 1e4).toBe(line.median_log_ratio);
  expect(JSON.parse((await page.getByTestId('tr-pit').getAttribute('data-counts'))!)).toEqual(line.pit_histogram);
  // The proposals take the calibration of the whole file, as propose --calibrate does.
  const calibrated = cliAsTheAppPlans(whole, undefined, ['--calibrate']) as unknown as Map<string, Line>;
  await page.getByRole('button', { name: 'Planning' }).click();
  for (const id of idsOf(whole)) expect(await planNextDose(page, id)).toBe(calibrated.get(id)!.proposal.next_dose);
  await page.locator(`[data-patient-id="${p0.id}"] a`).click();
  expect(Math.round(num(await page.getByTestId('calibration-note').getAttribute('data-iov')) * 1e4) / 1e4).toBe(calibrated.get(p0.id)!.calibration!.iov);
  expect(w.errors).toEqual([]);
});
