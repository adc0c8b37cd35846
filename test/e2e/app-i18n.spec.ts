/** Dutch and English: the browser's language by default, switchable, Dutch dates and decimals. */
import { test, expect } from './pinned';
import { localToday, watch, importFile } from './app-helpers';

test.use({ locale: 'nl-NL' });

test('a Dutch browser gets Dutch, dd-mm-jjjj dates and decimal commas; switchable to English', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { name: 'Planning' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Volgende gift' })).toBeVisible();
  const csv = [
    'patient_id;drug;kind;time;value;unit',
    'NL-1;natalizumab;dose;2024-01-08T09:00;300;mg',
    'NL-1;natalizumab;level;2024-02-05T08:45;24,1;ug/mL',
    'NL-1;natalizumab;dose;2024-02-05T09:00;300;mg',
  ].join('\r\n');
  await importFile(page, { name: 'nl.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const row = page.locator('[data-patient-id="NL-1"]');
  await expect(row).toContainText('05-02-2024');
  await row.click();
  await expect(page.locator('.event-table')).toContainText('24,1');
  // Its dose as planned (4 weeks after 05-02-2024) has long passed: a late patient is planned as of today (issue 15).
  const [y, m, d] = localToday().split('-');
  await expect(page.locator('.asof')).toContainText(`Gepland per ${d}-${m}-${y}`);
  // Typing a Dutch date and a decimal comma.
  await page.getByRole('button', { name: 'gewicht toevoegen' }).click();
  await page.getByLabel('Datum (tijd)', { exact: true }).fill('08-01-2024');
  await page.getByLabel('Waarde', { exact: true }).fill('71,5');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.locator('.event-table tbody tr').first()).toContainText('08-01-2024');
  await expect(page.locator('.event-table tbody tr').first()).toContainText('71,5');
  // Switch to English: ISO dates, decimal point; the choice is remembered.
  await page.getByLabel('Taal').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.event-table')).toContainText('2024-01-08');
  await expect(page.locator('.event-table')).toContainText('71.5');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Next dose' })).toBeVisible();
  expect(w.errors).toEqual([]);
});
