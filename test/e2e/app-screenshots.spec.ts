/** Screenshots of the main views for docs/screenshots (and a look as a user would have). */
import { test, expect } from './pinned';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importFile, waitComputed } from './app-helpers';

// `npm test` must not write into the tree: the pictures go to a temporary folder unless
// SCREENSHOTS_DIR asks for another (`npm run screenshots` refreshes docs/screenshots).
const DIR = process.env.SCREENSHOTS_DIR ? resolve(process.env.SCREENSHOTS_DIR) : mkdtempSync(join(tmpdir(), 'ms-interval-screenshots-'));
mkdirSync(DIR, { recursive: true });
const shot = (name: string) => join(DIR, name);

test.use({ viewport: { width: 1440, height: 960 } });

test('screenshots of planning, patient, proposal history, entry error, import preview, settings, narrow screen, Dutch', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.locator('[data-patient-id]').first()).toBeVisible();
  await waitComputed(page);
  await page.screenshot({ path: shot('planning.png') });
  const id = await page.locator('[data-patient-id]').first().getAttribute('data-patient-id');
  await page.locator(`[data-patient-id="${id}"]`).click();
  await expect(page.locator('.chart-box canvas')).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot('patient.png') });
  // The charts of three example patients, as the README shows them.
  for (const chartId of ['NAT-001', 'NAT-004', 'OCR-001']) {
    await page.locator(`[data-patient-id="${chartId}"]`).click();
    await expect(page.locator('.patient')).toHaveAttribute('data-selected-patient', chartId);
    await expect(page.locator('.chart-box canvas')).toBeVisible();
    await page.waitForTimeout(500);
    await page.locator('.chart-box').screenshot({ path: shot(`chart-${chartId}.png`) });
  }
  await page.locator(`[data-patient-id="${id}"]`).click();
  await page.locator('[data-testid="proposal-history"] summary').click();
  await expect(page.locator('[data-testid="proposal-history"] table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await page.locator('[data-testid="proposal-history"]').screenshot({ path: shot('proposal-history.png') });
  await page.getByRole('button', { name: 'Add level' }).click();
  await page.getByLabel('Date (time)', { exact: true }).fill('2026-02-30');
  await page.getByLabel('Value', { exact: true }).fill('-3');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.row-errors')).toBeVisible();
  await page.locator('.events').scrollIntoViewIfNeeded();
  await page.locator('.patient').screenshot({ path: shot('data-entry-error.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Close patient' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  const csv = 'patient_id,drug,kind,time,value,unit\nP-1,natalizumab,dose,2024-01-08T09:00,300,mg\nP-1,natalizumab,level,2024-02-05,abc,ug/mL\nP-2,ocrelizumab,dose,2024-01-08,600,mg\nP-2,ocrelizumab,bcell,2024-03-01,5,cells/mL\n';
  await page.locator('input[type=file]').setInputFiles({ name: 'lab-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: shot('import-preview.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.screenshot({ path: shot('settings.png') });
  // A narrow screen (tablet in portrait, 320 CSS px reflow).
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('button', { name: 'Planning' }).click();
  await page.locator('[data-patient-id] a').first().click();
  await expect(page.locator('.chart-box canvas')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('narrow.png'), fullPage: true });
  await page.getByRole('button', { name: 'Close patient' }).click();
  await page.setViewportSize({ width: 1440, height: 960 });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('nl');
  await page.getByRole('button', { name: 'Planning' }).click();
  await importFile(page, 'fixtures/validation/ocrelizumab-virtual-week28.csv');
  await waitComputed(page);
  await page.locator('[data-patient-id]').last().click();
  await expect(page.locator('.chart-box canvas')).toBeVisible();
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('planning-nl.png') });
});
