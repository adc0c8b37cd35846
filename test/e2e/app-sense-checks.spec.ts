/**
 * Sense checks in the app (issue 7 item 3): each impossible value is refused with its message on
 * the field that is wrong (role="alert"), typed or imported, and nothing is saved (also after a
 * reload). The messages are the records module's, word for word (the same as the CLI's).
 */
import { test, expect, type Page } from './pinned';
import { waitComputed, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

/** The browser's local date plus `days`, as YYYY-MM-DD (the app's "today" is the browser's). */
async function localDate(page: Page, days: number): Promise<string> {
  return page.evaluate((d) => { const t = new Date(); t.setDate(t.getDate() + d); return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`; }, days);
}

async function openPatient(page: Page, id: string): Promise<void> {
  await page.locator(`[data-patient-id="${id}"] a`).first().click();
  await expect(page.locator(`[data-selected-patient="${id}"]`)).toBeVisible();
}

const rowCount = (page: Page) => page.locator('.events table.event-table tbody tr').count();

async function typeResult(page: Page, date: string, value: string, unit?: string): Promise<void> {
  const form = page.locator('.result-form');
  if (!(await form.isVisible())) await page.locator('[data-testid="add-result"]').click();
  await form.locator('input[name="date"]').fill(date);
  await form.locator('input[name="value"]').fill(value);
  if (unit) await form.locator('select[name="unit"]').selectOption(unit);
  await page.locator('[data-testid="save-result"]').click();
}

test('typed: a level in the wrong unit, a result or dose after today, 1,000, a count above what blood holds, a weight of 820 kg are refused, and nothing is saved', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await waitComputed(page);
  await openPatient(page, 'NAT-001');
  const before = await rowCount(page);
  const today = await localDate(page, 0);
  const tomorrow = await localDate(page, 1);
  const form = page.locator('.result-form');

  // A trough in ng/mL typed into a µg/mL field.
  await typeResult(page, today, '25000', 'ug/mL');
  const valueField = form.locator('.field', { has: page.locator('input[name="value"]') });
  await expect(valueField.getByRole('alert')).toHaveText('value "25000" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (25000 ng/mL = 25 µg/mL)');
  await expect(form.locator('input[name="value"]')).toHaveAttribute('aria-invalid', 'true');

  // A result dated tomorrow: the message sits on the date.
  await typeResult(page, tomorrow, '20', 'ug/mL');
  const dateField = form.locator('.field', { has: page.locator('input[name="date"]') });
  await expect(dateField.getByRole('alert')).toHaveText(`time "${tomorrow}" is after today (${today}): the record holds what happened; a planned dose or lab belongs in the proposal`);
  await expect(valueField.getByRole('alert')).toHaveCount(0);

  // 1,000: a thousand, or one?
  await typeResult(page, today, '1,000', 'ng/mL');
  await expect(valueField.getByRole('alert')).toHaveText('value "1,000" for a level is ambiguous: "," may separate thousands or be a decimal mark; write 1000 (without a thousands separator) or 1 (if "," was the decimal mark)');
  expect(await rowCount(page)).toBe(before);

  // A dose after today, through the data table.
  await page.locator('.events .add-buttons button').first().click();
  await page.locator('.events tr.editing input').first().fill(`${tomorrow} 09:00`);
  await page.locator('.events tr.editing button[type=submit]').click();
  await expect(page.locator('.events tr.editing-errors [role=alert] li')).toHaveText(`Date: time "${tomorrow}T09:00" is after today (${today}): the record holds what happened; a planned dose or lab belongs in the proposal`);
  await expect(page.locator('.events tr.editing input').first()).toHaveAttribute('aria-invalid', 'true');
  await page.locator('.events tr.editing button[type=button]').last().click();

  // A weight of 820 kg.
  await page.locator('.events .add-buttons button').last().click();
  await expect(page.locator('.events tr.editing-hint')).toHaveText('kg, 20–300; the natalizumab model was built on 40–150 kg');
  await page.locator('.events tr.editing input').first().fill(today);
  await page.locator('.events tr.editing input[inputmode="decimal"]').fill('820');
  await page.locator('.events tr.editing button[type=submit]').click();
  await expect(page.locator('.events tr.editing-errors [role=alert] li')).toHaveText('Value: weight of 820 kg is not an adult\'s weight: write the weight in kg, from 20 to 300');
  await expect(page.locator('.events tr.editing input[inputmode="decimal"]')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('.events tr.editing button[type=button]').last().click();
  expect(await rowCount(page)).toBe(before);

  // A B-cell count in cells/µL with the unit 10^9/L.
  await openPatient(page, 'OCR-001');
  const ocrBefore = await rowCount(page);
  await typeResult(page, today, '50', '10^9/L');
  await expect(page.locator('.result-form .field', { has: page.locator('input[name="value"]') }).getByRole('alert'))
    .toHaveText('value "50" 10^9/L for a bcell is more B cells than blood holds (at most 5000 cells/µL = 5 × 10^9/L): the value may be in cells/µL; if so, choose the unit cells/uL (50 cells/µL = 0.05 × 10^9/L)');
  expect(await rowCount(page)).toBe(ocrBefore);

  // The new-patient form: the same weight range as the data table and the card, and 820 kg refused on the weight.
  await page.locator('[data-testid="new-patient"]').click();
  const weightField = page.locator('.field', { has: page.locator('input[name="weight"]') });
  await expect(weightField.locator('.field-hint')).toHaveText('20–300 kg; the natalizumab model was built on 40–150 kg. Dated at the first dose once the doses are entered.');
  await page.locator('input[name="patient_id"]').fill('HEAVY-1');
  await page.locator('input[name="weight"]').fill('820');
  await page.locator('[data-testid="save-patient"]').click();
  await expect(weightField.getByRole('alert')).toHaveText('weight of 820 kg is not an adult\'s weight: write the weight in kg, from 20 to 300');
  await expect(page.locator('[data-patient-id="HEAVY-1"]')).toHaveCount(0);

  // Nothing of it was saved: the same rows after a reload.
  await page.reload();
  await waitComputed(page);
  await openPatient(page, 'NAT-001');
  expect(await rowCount(page)).toBe(before);
  await openPatient(page, 'OCR-001');
  expect(await rowCount(page)).toBe(ocrBefore);
  expect(w.errors).toEqual([]);
});

test('imported: the same checks on a file; refused rows are listed with file:line and not saved', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  await waitComputed(page);
  const today = await localDate(page, 0);
  const later = await localDate(page, 30);
  const csv = [
    'patient_id,drug,kind,time,value,unit',
    'IMP-1,natalizumab,dose,2026-01-05T09:00,300,mg',
    'IMP-1,natalizumab,level,2026-02-02T08:45,25000,ug/mL',
    `IMP-1,natalizumab,dose,${later}T09:00,300,mg`,
    'IMP-1,natalizumab,weight,2026-01-05,820,kg',
    'IMP-1,natalizumab,dose,2026-02-02T09:00,300,mg',
    'IMP-2,ocrelizumab,dose,2026-01-05T09:00,600,mg',
    'IMP-2,ocrelizumab,bcell,2026-07-06,50,10^9/L',
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'lab.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.issue-list li.issue-error')).toHaveText([
    'Error lab.csv:3: value "25000" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (25000 ng/mL = 25 µg/mL)',
    `Error lab.csv:4: time "${later}T09:00" is after today (${today}): the record holds what happened; a planned dose or lab belongs in the proposal`,
    'Error lab.csv:5: weight of 820 kg is not an adult\'s weight: write the weight in kg, from 20 to 300',
    'Error lab.csv:8: value "50" 10^9/L for a bcell is more B cells than blood holds (at most 5000 cells/µL = 5 × 10^9/L): the value may be in cells/µL; if so, choose the unit cells/uL (50 cells/µL = 0.05 × 10^9/L)',
  ]);
  // Import what can be used: the refused rows are not saved.
  await dialog.getByRole('button').first().click();
  await expect(page.locator('[data-patient-id="IMP-1"]')).toBeVisible();
  await page.reload();
  await openPatient(page, 'IMP-1');
  await expect(page.locator('.events table.event-table tbody tr')).toHaveCount(2); // the two past doses
  await expect(page.locator('.events table.event-table tbody')).not.toContainText('25000');
  await expect(page.locator('.events table.event-table tbody')).not.toContainText('820');
  expect(w.errors).toEqual([]);
});
