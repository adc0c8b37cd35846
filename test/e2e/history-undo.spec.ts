/**
 * Issue 15, items 3, 5 and 6: every change is kept in IndexedDB with what undoes it, so an import
 * is undone after a reload; the Changes view lists time, action and patient (English and Dutch);
 * deleting a patient asks first and can be undone; one button removes every example patient.
 */
import { test, expect, type Page } from './pinned';
import { watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const CSV = `${HEAD}\nHIS-1,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\nHIS-1,natalizumab,dose,2025-02-03T09:00,300,mg,iv,60,\nHIS-1,natalizumab,level,2025-02-03T08:45,21.5,ug/mL,,,\n`;
const LAB = `${HEAD}\nHIS-1,natalizumab,level,2025-03-03T08:45,18.2,ug/mL,,,\n`;

async function putFile(page: Page, name: string, text: string): Promise<void> {
  await importFile(page, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('an import is undone after a reload, in order, and the Changes view lists it (en, nl)', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await putFile(page, 'his.csv', CSV);
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(1);
  await putFile(page, 'lab.csv', LAB);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('1 row(s) added');

  await page.reload();
  await page.locator('[data-testid="nav-changes"]').click();
  const rows = page.locator('[data-testid="change-row"]');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('import of lab.csv');
  await expect(rows.nth(0)).toContainText('HIS-1');
  await expect(rows.nth(1)).toContainText('import of his.csv');
  expect(page.url()).not.toContain('HIS-1');

  // The next morning: undo the lab file, then the first import.
  await page.locator('[data-testid="undo"]').click();
  await expect(rows.nth(0)).toContainText('undone');
  await page.locator('[data-testid="nav-changes"]').click();
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  await page.locator('[data-patient-id="HIS-1"] a').click();
  await expect(page.locator('[data-testid="event-row"]')).toHaveCount(3);
  await page.reload();
  await page.locator('[data-testid="undo"]').click();
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(0);
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);

  // In Dutch.
  await page.getByLabel('Language').selectOption('nl');
  await page.locator('[data-testid="nav-changes"]').click();
  await expect(page.locator('h2#changes-title')).toHaveText('Wijzigingen');
  await expect(rows.nth(0)).toContainText('import van lab.csv');
  await expect(rows.nth(1)).toContainText('import van his.csv');
  await expect(rows.nth(1)).toContainText('ongedaan gemaakt');
  expect(w.errors).toEqual([]);
});

test('deleting a patient asks first and can be undone after a reload; its slow-job keys go with it', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await putFile(page, 'his.csv', CSV);
  await page.locator('[data-patient-id="HIS-1"] a').click();
  await page.evaluate(() => localStorage.setItem('ms-interval-slow-jobs', JSON.stringify(['HIS-1|abc|def|last', 'NAT-001|x|y|last'])));
  await page.locator('[data-testid="delete-patient"]').click();
  // Asked, nothing gone yet; "No" keeps it.
  await expect(page.locator('[data-testid="confirm-delete"]')).toBeVisible();
  await expect(page.getByRole('alertdialog')).toContainText('Delete patient HIS-1 with its 3 rows');
  await page.locator('[data-testid="cancel-delete"]').click();
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(1);
  await page.locator('[data-testid="delete-patient"]').click();
  await page.locator('[data-testid="confirm-delete"]').click();
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('ms-interval-slow-jobs'))).toBe(JSON.stringify(['NAT-001|x|y|last']));
  await page.reload();
  await page.locator('[data-testid="undo"]').click();
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(1);
  expect(w.errors).toEqual([]);
});

test('one button removes every example patient, undoably', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await putFile(page, 'his.csv', CSV);
  await expect(page.locator('[data-patient-id="HIS-1"]')).toHaveCount(1);
  const all = await page.locator('[data-patient-id]').count();
  await page.locator('[data-testid="remove-examples"]').click();
  await expect(page.locator('[data-patient-id]')).toHaveCount(1);
  await expect(page.locator('[data-testid="remove-examples"]')).toHaveCount(0);
  await page.reload();
  await page.locator('[data-testid="undo"]').click();
  await expect(page.locator('[data-patient-id]')).toHaveCount(all);
  expect(w.errors).toEqual([]);
});
