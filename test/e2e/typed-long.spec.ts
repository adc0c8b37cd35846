/**
 * Issue 15, items 4 and 10: a result typed into a long record (1203 rows) is checked in the
 * validation worker (validate.worker.ts), not on the page's thread, with the same answers as for a
 * short one: a new trough is saved, the same trough again is refused "already on record" (from the
 * record's index), another value at that time asks first, a bad value is refused with the records
 * module's message. The page's longest task while checking is logged (a figure, not a test of speed).
 */
import { test, expect, type Page } from './pinned';
import { importFile, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const WEIGHTS = Array.from({ length: 1200 }, (_, i) => `LT-1,natalizumab,weight,${new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10)},${(70 + (i % 10) / 10).toFixed(1)},kg,,,`);
const CSV = [HEAD, ...WEIGHTS, 'LT-1,natalizumab,dose,2025-06-02T09:00,300,mg,iv,60,', 'LT-1,natalizumab,level,2025-06-30T08:45,24.2,ug/mL,,,', 'LT-1,natalizumab,dose,2025-06-30T09:00,300,mg,iv,60,'].join('\n') + '\n';

async function typeLevel(page: Page, date: string, time: string, value: string): Promise<void> {
  await page.locator('input[name="date"]').fill(date);
  await page.locator('input[name="time"]').fill(time);
  await page.locator('input[name="value"]').fill(value);
  await page.locator('[data-testid="save-result"]').click();
}

test('a result typed into a record of 1203 rows is checked in the validation worker with the same answers', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.addInitScript(() => {
    const longest = { ms: 0 };
    (window as unknown as { longest: typeof longest }).longest = longest;
    try { new PerformanceObserver((l) => { for (const e of l.getEntries()) longest.ms = Math.max(longest.ms, e.duration); }).observe({ type: 'longtask', buffered: false }); } catch { /* no long-task timing here */ }
  });
  await page.goto('/');
  await importFile(page, { name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.locator('[data-patient-id="LT-1"] a').click();
  const pages = page.locator('[data-testid="table-pages"]');
  await expect(pages).toContainText('of 1203');
  await page.locator('[data-testid="add-result"]').click();
  await page.evaluate(() => { (window as unknown as { longest: { ms: number } }).longest.ms = 0; });

  await typeLevel(page, '2025-07-28', '08:45', '19.5');
  await expect(page.locator('.result-form [role="status"]')).toHaveText('Result of 2025-07-28 08:45 saved.');
  await expect(pages).toContainText('of 1204');
  expect(page.workers().some((x) => x.url().includes('validate'))).toBe(true);
  console.log(`longest task on the page while a result was checked against 1203 rows: ${await page.evaluate(() => (window as unknown as { longest: { ms: number } }).longest.ms)} ms`);

  await typeLevel(page, '2025-07-28', '08:45', '19.5');
  await expect(page.locator('.result-form [role="alert"]')).toContainText('level of 2025-07-28 08:45 is already on record with this value (19.5 µg/mL): not saved twice.');
  await expect(pages).toContainText('of 1204');

  await typeLevel(page, '2025-07-28', '08:45', '20.1');
  await expect(page.locator('[data-testid="replace-row-question"]')).toContainText('Replace 19.5 µg/mL with 20.1 µg/mL?');
  await page.locator('[data-testid="confirm-replace-row"]').click();
  await expect(page.locator('[data-testid="event-row"]').filter({ hasText: '20.1' })).toHaveCount(1);
  await expect(page.locator('[data-testid="event-row"]').filter({ hasText: '19.5' })).toHaveCount(0);
  await expect(pages).toContainText('of 1204');

  await typeLevel(page, '2025-08-25', '08:45', 'abc');
  await expect(page.locator('.result-form [role="alert"]').first()).toContainText('"abc"');
  await expect(pages).toContainText('of 1204');
  expect(w.errors).toEqual([]);
});

test('rows refused on import and set aside stay set aside when a result is typed afterwards into the long record', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  // The import's refused row (a level that is not a number) stays with the patient until set aside.
  await importFile(page, { name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV + 'LT-1,natalizumab,level,2025-06-02T08:45,abc,ug/mL,,,\n') });
  await page.locator('[data-patient-id="LT-1"] a').click();
  await expect(page.locator('[data-testid="refused-rows"]')).toBeVisible();
  await page.locator('[data-testid="add-result"]').click();
  await typeLevel(page, '2025-07-28', '08:45', '19.5');
  await expect(page.locator('.result-form [role="status"]')).toHaveText('Result of 2025-07-28 08:45 saved.');
  await expect(page.locator('[data-testid="refused-rows"]')).toBeVisible();
  await page.locator('[data-testid="set-aside-refused"]').click();
  await expect(page.locator('[data-testid="refused-rows"]')).toHaveCount(0);
  // The worker held the record from before the setting aside: not used for this one.
  await typeLevel(page, '2025-08-25', '08:45', '18.7');
  await expect(page.locator('.result-form [role="status"]')).toHaveText('Result of 2025-08-25 08:45 saved.');
  await expect(page.locator('[data-testid="table-pages"]')).toContainText('of 1205');
  await expect(page.locator('[data-testid="refused-rows"]')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});
