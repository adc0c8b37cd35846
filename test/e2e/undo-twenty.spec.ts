/**
 * Issue 15, item 3: undo works after a reload for at least the last 20 changes, in order (newest
 * first), each taking back exactly its own change.
 */
import { test, expect, type Page } from './pinned';
import { watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const day = (i: number) => new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10);

async function putFile(page: Page, name: string, text: string): Promise<void> {
  await importFile(page, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('21 lab files, a reload, then 20 undos take them back one by one, newest first', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await page.goto('/');
  await putFile(page, 'base.csv', `${HEAD}\nU20,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\n`);
  await page.locator('[data-patient-id="U20"] a').click();
  const rows = page.locator('[data-testid="event-row"]');
  await expect(rows).toHaveCount(1);
  for (let i = 1; i <= 21; i++) {
    await putFile(page, `lab-${i}.csv`, `${HEAD}\nU20,natalizumab,level,${day(i)}T08:45,${(10 + i / 10).toFixed(1)},ug/mL,,,\n`);
    await expect(page.locator('[data-testid="import-done"]')).toContainText(`lab-${i}.csv: 1 row(s) added`);
  }
  await expect(rows).toHaveCount(22);

  await page.reload();
  await page.locator('[data-patient-id="U20"] a').click();
  await expect(rows).toHaveCount(22);
  for (let k = 0; k < 20; k++) {
    const i = 21 - k;
    await expect(page.locator('[data-testid="undo"]')).toHaveAttribute('title', new RegExp(`lab-${i}\\.csv`));
    await page.locator('[data-testid="undo"]').click();
    await expect(rows).toHaveCount(21 - k);
    // The newest lab is the one gone; the one before it is still there.
    await expect(rows.filter({ hasText: (10 + i / 10).toFixed(1) })).toHaveCount(0);
    await expect(rows.filter({ hasText: (10 + (i - 1) / 10).toFixed(1) })).toHaveCount(1);
  }
  await expect(rows).toHaveCount(2);
  await page.locator('[data-testid="nav-changes"]').click();
  await expect(page.locator('[data-testid="change-row"]').filter({ hasText: 'undone' })).toHaveCount(20);
  expect(w.errors).toEqual([]);
});
