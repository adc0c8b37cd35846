/**
 * The clinic's infusion weekday: set in the clinic settings it moves a proposal's next dose to
 * the nearest earlier such day; a patient's own setting overrides the clinic's; the card says
 * the weekday of the next dose and the weekday setting in use.
 */
import { test, expect, type Page } from './pinned';
import { recentCsv, watch, importFile } from './app-helpers';

// Infusions on Wednesdays: without a weekday setting the next dose is a Wednesday too.
const CSV = recentCsv([
  'patient_id,drug,kind,time,value,unit,route,duration_min,note',
  'WD-1,natalizumab,weight,2024-01-10,70,kg,,,',
  'WD-1,natalizumab,dose,2024-01-10T09:00,300,mg,iv,60,',
  'WD-1,natalizumab,level,2024-02-07T08:45,26.3,ug/mL,,,',
  'WD-1,natalizumab,dose,2024-02-07T09:00,300,mg,iv,60,',
  'WD-1,natalizumab,level,2024-03-06T08:45,30.2,ug/mL,,,',
  'WD-1,natalizumab,dose,2024-03-06T09:00,300,mg,iv,60,',
].join('\n')).csv; // moved to the last weeks (weekdays kept): a current patient, not a late one

const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

async function nextDose(page: Page): Promise<string> {
  const el = page.locator('[data-selected-patient="WD-1"] [data-testid="next-dose"]');
  await expect(el).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  return (await el.textContent())!;
}

test('setting the infusion weekday to Monday moves the next dose to a Monday; a patient can override it', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await importFile(page, { name: 'weekday.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.locator('[data-patient-id="WD-1"] a').click();
  const before = await nextDose(page);
  expect(weekdayOf(before)).toBe(3); // Wednesday, as the infusions
  await expect(page.getByTestId('next-dose-weekday')).toHaveText('Wednesday');
  await expect(page.getByTestId('settings')).toContainText('Infusion dayany day');

  // Clinic setting: Monday.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Infusion weekday').selectOption({ label: 'Monday' });
  await page.getByRole('button', { name: 'Save clinic settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Planning' }).click();
  await page.locator('[data-patient-id="WD-1"] a').click();
  await expect(page.getByTestId('next-dose-weekday')).toHaveText('Monday');
  const monday = await nextDose(page);
  expect(weekdayOf(monday)).toBe(1);
  expect(daysBetween(monday, before)).toBe(2); // the nearest earlier Monday
  await expect(page.getByTestId('settings')).toContainText('Infusion dayMonday');
  // The planning list and the protocol follow it too.
  await expect(page.locator('[data-patient-id="WD-1"] td:nth-child(4) time')).toHaveAttribute('datetime', monday);
  expect(weekdayOf((await page.getByTestId('protocol').textContent())!.match(/next dose (\d{4}-\d{2}-\d{2})/)![1])).toBe(1);

  // This patient comes on Fridays: the patient's own setting wins over the clinic's.
  await page.locator('.overrides summary').click();
  await page.locator('.overrides').getByLabel('Infusion weekday').selectOption({ label: 'Friday' });
  await page.getByRole('button', { name: 'Save settings for this patient' }).click();
  await expect(page.getByTestId('next-dose-weekday')).toHaveText('Friday');
  const friday = await nextDose(page);
  expect(weekdayOf(friday)).toBe(5);
  expect(daysBetween(friday, before)).toBe(5);

  // Survives a reload.
  await page.reload();
  await expect(page.getByTestId('next-dose-weekday')).toHaveText('Friday');
  expect(await nextDose(page)).toBe(friday);
  expect(w.errors).toEqual([]);
});
