/**
 * The clinic's track record by quarter (src/core/natalizumab/track-periods.ts) in the app: the same
 * quarters as `tdm track-record`'s `by_quarter` for the same file, and a warning, in English and in
 * Dutch, for the quarter in which a laboratory started reading 40 % low.
 */
import { test, expect } from './pinned';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { simulateClinic, MODEL_WORLD } from '../../scripts/simulate-clinic';
import { idsOf, importFile, waitComputed, watch } from './app-helpers';

const FILE = join(mkdtempSync(join(tmpdir(), 'msi-quarters-')), 'lab.csv');
writeFileSync(FILE, simulateClinic(MODEL_WORLD, 12, 7, { lateFactor: 0.6, lateFrom: 8 }).csv);

type Quarter = { quarter: string; scored: number; cover80: number; median_log_ratio: number; below_median: number; above_median: number; shift: 'low' | 'high' | null };

test('a laboratory that starts reading low is marked in the quarter it starts, as the command line says', async ({ page }) => {
  test.setTimeout(240_000);
  const w = watch(page);
  const out = execFileSync('node', ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'track-record', FILE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const quarters = (JSON.parse(out.trim()) as { by_quarter: Quarter[] }).by_quarter;
  const low = quarters.filter((q) => q.shift === 'low');
  expect(low.map((q) => q.quarter)[0]).toBe('2023-Q4');
  expect(quarters.filter((q) => q.quarter < '2023-Q4').every((q) => q.shift === null)).toBe(true);

  await page.goto('/');
  await page.getByTestId('remove-examples').click();
  await importFile(page, FILE);
  await expect(page.locator('[data-patient-id]')).toHaveCount(idsOf(FILE).length);
  await waitComputed(page);
  await page.getByTestId('nav-track').click();
  const table = page.getByTestId('tr-quarters');
  await expect(table.locator('tbody tr')).toHaveCount(quarters.length);
  // Row by row the command line's numbers, the marked rows its shifts.
  for (const q of quarters) {
    const row = table.locator(`tr[data-quarter="${q.quarter}"]`);
    await expect(row).toHaveAttribute('data-shift', q.shift ?? '');
    const [y, n] = q.quarter.split('-Q');
    // As the clinic's bias beside it: Intl's percent (en-GB: 30%), signed.
    const x = Math.expm1(q.median_log_ratio);
    const pct = Math.abs(x) <= 0.005 ? '< 1%' : `${Math.round(Math.abs(x) * 100)}%`;
    await expect(row.locator('th, td')).toHaveText([
      `Q${n} ${y}${q.shift ? ' (read low)' : ''}`, String(q.scored), q.cover80.toFixed(2), `${x >= 0.005 ? '+' : x <= -0.005 ? '−' : ''}${pct}`, `${q.below_median} / ${q.above_median}`,
    ]);
  }
  const first = low[0];
  const percent = Math.round(-Math.expm1(first.median_log_ratio) * 100);
  const notices = page.getByTestId('tr-shift');
  await expect(notices).toHaveCount(low.length);
  await expect(notices.first()).toHaveText(`The troughs of Q4 2023 read lower than their forecasts: ${first.below_median} of ${first.below_median + first.above_median} below the forecast's median where about half are expected, their median ${percent} % below. Check for a change of laboratory or assay, troughs drawn at another time, or antibodies.`);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel('Language').selectOption('nl');
  await expect(notices.first()).toHaveText(`De dalspiegels van het 4e kwartaal 2023 liggen lager dan voorspeld: ${first.below_median} van de ${first.below_median + first.above_median} onder de mediaan van hun voorspelling, waar ongeveer de helft verwacht wordt; hun mediaan ${percent} % lager. Ga na of het laboratorium of de bepaling veranderd is, of de dalspiegels op een ander moment zijn afgenomen, of er antistoffen zijn.`);
  await expect(table.locator('tr[data-quarter="2023-Q4"] th')).toHaveText('4e kwartaal 2023 (lager gemeten)');
  await expect(table.locator('tr[data-quarter="2023-Q4"] td').nth(2)).toHaveText(`−${percent}%`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('tr-quarters').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('quarters-nl.png') });
  expect(w.errors).toEqual([]);
});
