/**
 * Issue 15, item 4: a level typed at a time already on record is refused "already on record"
 * when it says the same (the forecast does not move), and asks "replace x with y?" when it says
 * something else; "No" keeps the row on record, "Yes" replaces it (one row for one row, undoable).
 */
import { test, expect, type Page } from './pinned';
import { watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const CSV = 'patient_id,drug,kind,time,value,unit,route,duration_min,note\nDUP-1,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\nDUP-1,natalizumab,dose,2025-02-03T09:00,300,mg,iv,60,\nDUP-1,natalizumab,level,2025-03-03T08:45,22.6,ug/mL,,,\nDUP-1,natalizumab,dose,2025-03-03T09:00,300,mg,iv,60,\n';

async function typeLevel(page: Page, date: string, time: string, value: string): Promise<void> {
  await page.locator('[data-testid="add-result"]').click();
  await page.locator('input[name="date"]').fill(date);
  await page.locator('input[name="time"]').fill(time);
  await page.locator('input[name="value"]').fill(value);
  await page.locator('[data-testid="save-result"]').click();
}

test('the same trough typed twice is refused; another value at that time asks first', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await importFile(page, { name: 'dup.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.locator('[data-patient-id="DUP-1"] a').click();
  const rows = page.locator('[data-testid="event-row"]');
  await expect(rows).toHaveCount(4);
  // The forecast: the card's table of intervals with their predicted troughs.
  const forecast = page.locator('[data-testid="alternatives"]');
  await expect(forecast).toBeVisible();
  const before = (await forecast.textContent()) ?? '';

  await typeLevel(page, '2025-03-03', '08:45', '22.6');
  await expect(page.locator('.result-form [role="alert"]')).toContainText('level of 2025-03-03 08:45 is already on record with this value (22.6 µg/mL): not saved twice.');
  await expect(rows).toHaveCount(4);
  expect((await forecast.textContent()) ?? '').toBe(before);

  // Another value: asked, "No" keeps 22.6.
  await page.locator('input[name="value"]').fill('22.4');
  await page.locator('[data-testid="save-result"]').click();
  const q = page.locator('[data-testid="replace-row-question"]');
  await expect(q).toContainText('Replace 22.6 µg/mL with 22.4 µg/mL?');
  await expect(page.locator('[data-testid="cancel-replace-row"]')).toBeFocused();
  await page.locator('[data-testid="cancel-replace-row"]').click();
  await expect(rows.filter({ hasText: '22.6' })).toHaveCount(1);
  await expect(rows).toHaveCount(4);

  // "Yes" replaces it, one row for one row; Undo brings 22.6 back.
  await page.locator('[data-testid="save-result"]').click();
  await page.locator('[data-testid="confirm-replace-row"]').click();
  await expect(rows.filter({ hasText: '22.4' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '22.6' })).toHaveCount(0);
  await expect(rows).toHaveCount(4);
  await expect(forecast).not.toHaveText(before);
  await page.locator('[data-testid="undo"]').click();
  await expect(rows.filter({ hasText: '22.6' })).toHaveCount(1);
  await expect(rows).toHaveCount(4);
  await expect(forecast).toHaveText(before);

  // In the table too: a dose at a start on record with the same amount is refused.
  await page.locator('.add-buttons').getByRole('button', { name: 'Add dose' }).click();
  await page.getByLabel('Date (time)', { exact: true }).fill('2025-02-03 09:00');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.row-errors')).toContainText('dose of 2025-02-03 09:00 is already on record with this value (300 mg IV, 60 min): not saved twice.');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(rows).toHaveCount(4);
  expect((await forecast.textContent()) ?? '').toBe(before);
  expect(w.errors).toEqual([]);
});

test('a dosing schedule that repeats a dose on record is refused "already on record"; nothing is saved', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await importFile(page, { name: 'dup.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.locator('[data-patient-id="DUP-1"] a').click();
  const rows = page.locator('[data-testid="event-row"]');
  await expect(rows).toHaveCount(4);
  await page.locator('[data-testid="add-doses"]').click();
  await page.locator('input[name="first"]').fill('2025-02-03');
  await page.locator('input[name="time"]').fill('09:00');
  await page.locator('input[name="count"]').fill('2');
  await page.locator('[data-testid="save-doses"]').click();
  await expect(page.locator('.schedule-form [role="alert"]')).toContainText('dose of 2025-02-03 09:00 is already on record with this value (300 mg IV, 60 min): not saved twice.');
  await expect(rows).toHaveCount(4);
  // From the next infusion on, the schedule is saved.
  await page.locator('input[name="first"]').fill('2025-03-31');
  await page.locator('[data-testid="save-doses"]').click();
  await expect(rows).toHaveCount(6);
  expect(w.errors).toEqual([]);
});
