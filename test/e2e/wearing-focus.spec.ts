/**
 * Issue 15, item 9, for the wearing-off form (issue 19): opening it by keyboard moves the focus
 * into it, as the other entry forms do; a report is entered and saved without the mouse; after a
 * save or a refusal the focus stays in the form; closing it gives the focus back to its button.
 */
import { test, expect } from './pinned';
import { importFile, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const CSV = [
  'patient_id,drug,kind,time,value,unit,route,duration_min,note',
  ...['2024-07-22', '2024-08-19', '2024-09-16', '2024-10-14'].map((d) => `WOF-1,natalizumab,dose,${d}T09:00,300,mg,iv,60,`),
  'WOF-1,natalizumab,level,2024-10-14T08:45,24.2,ug/mL,,,',
].join('\n') + '\n';

test('the wearing-off form takes the focus when it opens, is filled and saved by keyboard, and gives the focus back when closed', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  await importFile(page, { name: 'wof.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.locator('[data-patient-id="WOF-1"] a').click();
  const opener = page.getByTestId('add-wearing-off');
  await opener.focus();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('wearing-off-form');
  // The first field of the form: what is reported (felt, the default).
  await expect(form.getByRole('radio', { name: 'Wearing-off felt' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.locator('input[name="onset"]')).toBeFocused();
  await page.keyboard.type('31-02-2024');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('"31-02-2024" is not a date: write dd-mm-yyyy or yyyy-mm-dd.');
  // Refused: the focus is on the field to correct.
  await expect(form.locator('input[name="onset"]')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('03-11-2024');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText('Wearing-off of 2024-11-03 saved.');
  await expect(page.locator('.event-table tr.kind-wearing_off')).toHaveCount(1);
  // Saved: the focus stays in the form, for the next report.
  await expect(form.getByRole('radio', { name: 'Wearing-off felt' })).toBeFocused();
  await form.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(w.errors).toEqual([]);
});
