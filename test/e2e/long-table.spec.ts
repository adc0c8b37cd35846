/**
 * Issue 15, item 10 (size): a long record is drawn a page of 200 rows at a time (the newest page
 * first), so the tab never draws thousands of rows; the pages reach every row.
 */
import { test, expect } from './pinned';
import { watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test('a patient with 601 rows shows 200 at a time, newest page first, every row reachable', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  const head = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
  const weights = Array.from({ length: 600 }, (_, i) => `LONG-1,natalizumab,weight,${new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10)},${(70 + (i % 10) / 10).toFixed(1)},kg,,,`);
  const csv = [head, 'LONG-1,natalizumab,dose,2024-08-26T09:00,300,mg,iv,60,', ...weights].join('\n') + '\n';
  await importFile(page, { name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('[data-patient-id="LONG-1"] a').click();
  const rows = page.locator('[data-testid="event-row"]');
  const pages = page.locator('[data-testid="table-pages"]');
  // The newest 200 rows first (the dose is the latest row).
  await expect(pages).toContainText('Rows 402–601 of 601');
  await expect(rows).toHaveCount(200);
  await expect(rows.last()).toContainText('2024-08-26 09:00');
  await expect(pages.getByRole('button', { name: 'Next rows' })).toBeDisabled();
  await pages.getByRole('button', { name: 'Previous rows' }).click();
  await expect(pages).toContainText('Rows 202–401 of 601');
  await expect(rows).toHaveCount(200);
  await pages.getByRole('button', { name: 'Previous rows' }).click();
  await expect(pages).toContainText('Rows 2–201 of 601');
  await pages.getByRole('button', { name: 'Previous rows' }).click();
  await expect(pages).toContainText('Rows 1–1 of 601');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2023-01-01');
  await expect(pages.getByRole('button', { name: 'Previous rows' })).toBeDisabled();
  // Editing a row of an older page edits that row.
  await pages.getByRole('button', { name: 'Next rows' }).click();
  await expect(rows.first()).toContainText('2023-01-02');
  await rows.first().getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Value', { exact: true }).fill('71.5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(pages).toContainText('Rows 2–201 of 601');
  await expect(rows.first()).toContainText('71.5');
  await expect(rows.first()).toContainText('2023-01-02');
  expect(w.errors).toEqual([]);
});
