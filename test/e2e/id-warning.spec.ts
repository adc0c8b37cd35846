/**
 * Issue 15, item 10: a patient id that looks like a BSN, a date of birth or a name is warned about
 * before it is saved: typed (the new-patient form waits for a changed id or "save anyway") and
 * imported (the preview names it, nothing is saved before the user's yes).
 */
import { test, expect } from './pinned';
import { watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test('a new patient whose id looks like a BSN or a name is saved only after the warning', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await page.locator('[data-testid="new-patient"]').click();
  const idField = page.getByLabel('Patient id (pseudonym)');
  await idField.fill('123456782');
  await page.locator('[data-testid="save-patient"]').click();
  const warning = page.locator('[data-testid="id-warning"]');
  await expect(warning).toContainText('The id "123456782" looks like a Dutch citizen service number (BSN: nine digits passing the 11-test). Use a pseudonym instead.');
  await expect(page.locator('[data-patient-id="123456782"]')).toHaveCount(0);
  await expect(idField).toHaveAttribute('aria-describedby', /pid-warning/);

  // Another id: the warning goes, and a pseudonym is saved at once.
  await idField.fill('MS-0417');
  await expect(warning).toHaveCount(0);
  await page.locator('[data-testid="save-patient"]').click();
  await expect(page.locator('[data-patient-id="MS-0417"]')).toHaveCount(1);

  // A name, saved anyway after the warning, by keyboard.
  await page.locator('[data-testid="new-patient"]').click();
  await page.getByLabel('Patient id (pseudonym)').fill('Jan de Vries');
  await page.getByLabel('Patient id (pseudonym)').press('Enter');
  await expect(warning).toContainText('The id "Jan de Vries" looks like a name. Use a pseudonym: no name, no date of birth, no BSN.');
  await expect(page.locator('[data-patient-id="Jan de Vries"]')).toHaveCount(0);
  await page.getByLabel('Patient id (pseudonym)').press('Tab');
  await expect(page.locator('[data-testid="id-warning-confirm"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-patient-id="Jan de Vries"]')).toHaveCount(1);
  expect(w.errors).toEqual([]);
});

test('a file with an id that looks like a date of birth is previewed with the warning; nothing is saved before yes (Dutch)', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await page.getByLabel('Language').selectOption('nl');
  const csv = 'patient_id,drug,kind,time,value,unit,route,duration_min,note\n12-03-1985,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\nMS-0418,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\n';
  await page.locator('input[type=file]').setInputFiles({ name: 'lab.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.locator('[data-testid="import-preview"]');
  await expect(preview.locator('[data-testid="id-warning"]')).toHaveText('De id "12-03-1985" bevat iets wat op een geboortedatum lijkt. Gebruik een pseudoniem: geen naam, geen geboortedatum, geen BSN.');
  await expect(preview.locator('[data-testid="id-warning"]')).toHaveCount(1);
  await expect(page.locator('[data-patient-id="12-03-1985"]')).toHaveCount(0);
  await expect(page.locator('[data-patient-id="MS-0418"]')).toHaveCount(0);
  await preview.locator('[data-testid="import-cancel"]').click();
  await expect(page.locator('[data-patient-id="12-03-1985"]')).toHaveCount(0);
  // Again, saved with the user's yes.
  await page.locator('input[type=file]').setInputFiles({ name: 'lab.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await preview.locator('[data-testid="import-apply"]').click();
  await expect(page.locator('[data-patient-id="12-03-1985"]')).toHaveCount(1);
  await expect(page.locator('[data-patient-id="MS-0418"]')).toHaveCount(1);
  expect(w.errors).toEqual([]);
});
