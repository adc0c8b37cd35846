/**
 * A natalizumab patient with troughs before each of the last four infusions (NEXT-MS monitoring),
 * imported as a file: the card proposes what the CLI proposes, shows the two requirements (next
 * trough 95 %, steady state 50 %) and says why, in English and in Dutch.
 */
import { test, expect } from './pinned';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliNextDoses, recentCsv, watch, importFile } from './app-helpers';

function monitoredCsv(): string {
  const rows = ['patient_id,drug,kind,time,value,unit,route,duration_min,note', 'R-MON6,natalizumab,weight,2024-01-08,70,kg,,,'];
  const troughs = ['35.0', '35.1', '35.2', '35.2'];
  const t0 = Date.UTC(2024, 0, 8, 9, 0);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  for (let i = 0; i < 14; i++) {
    const t = t0 + i * 28 * 86_400_000;
    if (i >= 10) rows.push(`R-MON6,natalizumab,level,${iso(t - 15 * 60_000)},${troughs[i - 10]},ug/mL,,,trough`);
    rows.push(`R-MON6,natalizumab,dose,${iso(t)},300,mg,iv,60,`);
  }
  return rows.join('\n') + '\n';
}

test('troughs before every infusion: the monitored rule on the card, as the CLI, in English and Dutch', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  const csv = recentCsv(monitoredCsv()).csv; // a current patient (not late: that is planned as of today)
  const file = join(mkdtempSync(join(tmpdir(), 'msi-mon-')), 'monitored.csv');
  writeFileSync(file, csv);
  const cli = cliNextDoses(file).get('R-MON6');
  await page.goto('/');
  await importFile(page, { name: 'monitored.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.locator('[data-patient-id="R-MON6"]')).toHaveCount(1, { timeout: 60_000 });
  await page.locator('[data-patient-id="R-MON6"]').click();
  await expect(page.getByTestId('proposal')).toContainText('R-MON6', { timeout: 60_000 });
  await expect(page.getByTestId('interval')).toContainText('6 weeks');
  await expect(page.getByTestId('next-dose')).toHaveText(cli!);
  await expect(page.getByTestId('probability')).toContainText('required: 50%');
  await expect(page.getByTestId('proposal').locator('.proposal__row', { hasText: 'Predicted trough at the next visit' })).toContainText('required: 95%');
  await expect(page.getByTestId('reason')).toHaveText('6 weeks is the longest interval whose next trough is predicted ≥ 10 µg/mL with at least 95 % probability and its steady-state trough with at least 50 %: troughs were measured before each of the last 4 infusions and agree with the model, so every interval is checked by its own trough; measure the next one');
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.getByTestId('reason')).toHaveText('6 weken is het langste interval waarbij de volgende dalspiegel met ten minste 95 % kans voorspeld is ≥ 10 µg/mL en de dalspiegel op den duur met ten minste 50 %: vóór elk van de laatste 4 giften is een dalspiegel gemeten en die passen bij het model, dus elk interval wordt door zijn eigen dalspiegel gecontroleerd; meet de volgende');
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});
