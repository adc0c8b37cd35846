/**
 * The model-free trend in the browser: a natalizumab patient whose 4-weekly troughs fall steadily
 * shows the trend beside the PDNMS rule, the falling warning, 4 weeks, and the red trend line on
 * the chart; an ocrelizumab patient whose counts fall while the fit grows shows both growths and
 * that they disagree. Patients R-TREND and R-OTREND of rare-sentences.csv, imported as a file.
 */
import { test, expect, type Page } from './pinned';
import { readFileSync } from 'node:fs';
import { recentCsv, watch, importFile } from './app-helpers';

const lines = readFileSync('test/app/features/proposal/data/rare-sentences.csv', 'utf8').split(/\r?\n/);
// R-TREND moved to the last weeks (weekdays kept): a current patient. A record ending in 2025 is
// late today and planned as of today (issue 15), which keeps it at 4 weeks for another reason.
const nat = recentCsv(lines.filter((l) => l.startsWith('R-TREND,')).join('\n'));
const csv = [lines[0], nat.csv, ...lines.filter((l) => l.startsWith('R-OTREND,'))].join('\n') + '\n';

async function importTrend(page: Page) {
  await page.goto('/');
  await importFile(page, { name: 'trend.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.locator('[data-patient-id="R-TREND"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator('[data-patient-id="R-OTREND"]')).toHaveCount(1);
}

/** Canvas pixels of exactly one colour (the falling trend line is the only pure #d50000). */
async function pixelsOf(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.locator('[data-testid=forecast-chart] canvas').evaluate((c: HTMLCanvasElement, [r, g, b]) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b && d[i + 3] === 255) n++;
    return n;
  }, rgb);
}

test('a steadily falling natalizumab patient: trend on the card beside PDNMS, warning, 4 weeks, trend line on the chart', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await importTrend(page);
  await page.locator('[data-patient-id="R-TREND"]').click();
  const card = page.getByTestId('proposal');
  await expect(card).toContainText('R-TREND', { timeout: 60_000 });
  const trend = page.getByTestId('protocol').getByTestId('trend');
  await expect(trend).toHaveText('Trough trend (model-free): -24 % per month (90 % interval -29 to -18), Theil–Sen over 6 troughs at a stable 4-week interval: clearly falling: no extension');
  await expect(trend).toHaveAttribute('data-trend', 'falling');
  await expect(page.getByTestId('warnings').locator('[data-code="trough-trend-falling"]')).toContainText(new RegExp(`^.*the 6 troughs at a stable 4-week interval from ${nat.shift('2025-01-06')} to ${nat.shift('2025-05-26')} are falling: -24 % per month \\(90 % interval -29 to -18; Theil–Sen, model-free\\); the fitted trend crosses 10 µg/mL in \\d{4}-\\d{2}: `));
  await expect(page.getByTestId('interval')).toContainText('4 weeks');
  await expect(page.getByTestId('reason')).toHaveText('kept at 4 weeks: the troughs at a stable 4-week interval are falling (-24 % per month, model-free trend); no extension until the cause is known (anti-drug antibodies, weight gain, a change in clearance)');
  const chart = page.getByTestId('forecast-chart');
  await expect(chart.locator('figcaption')).toContainText('Trough trend over 6 troughs: -24 % per month (90 % interval -29 to -18), clearly falling.');
  await expect.poll(() => pixelsOf(page, [213, 0, 0]), { timeout: 30_000 }).toBeGreaterThan(40);
  // In Dutch.
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.getByTestId('protocol').getByTestId('trend')).toContainText('Trend van de dalspiegels (zonder model): -24 % per maand');
  await expect(page.getByTestId('forecast-chart').locator('figcaption')).toContainText('Trend van 6 dalspiegels: -24 % per maand (90 %-interval -29 tot -18), duidelijk dalend.');
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});

test('an ocrelizumab patient whose counts fall while the fit grows: both growths on the card, and that they disagree', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await importTrend(page);
  await page.locator('[data-patient-id="R-OTREND"]').click();
  const row = page.getByTestId('count-trend');
  await expect(row).toContainText(/Growth of ln\(count \+ 1\), model-free-0\.049 per week \(90 % interval -0\.113 to \+0\.015\), Theil–Sen over 4 counts; the fitted curve \+0\.0\d\d per week over the same weeks: disagrees with the fit/, { timeout: 60_000 });
  await expect(page.getByTestId('warnings').locator('[data-code="bcell-trend-disagrees"]')).toContainText('the 4 CD19+ counts of this cycle from 2024-06-24 to 2024-09-16 grow -0.049 per week in ln(count + 1)');
  expect(w.errors).toEqual([]);
});
