/**
 * The unit drop-downs of the entry forms show a unit as a clinic writes it (µg/mL, cells/µL, in
 * Dutch cellen/µL), never the file's ASCII code (ug/mL, cells/uL), while the value stored and
 * exported stays the spec's unit code (shared/spec/tdm-csv.md): the result form, the table's row
 * editor and the event table, in English and in Dutch.
 */
import { test, expect, type Page } from './pinned';
import { readFileSync } from 'node:fs';
import { watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 900 } });

async function open(page: Page, id: string): Promise<void> {
  await page.getByRole('link', { name: id, exact: true }).or(page.getByRole('button', { name: id, exact: true })).first().click();
  await expect(page.getByTestId('proposal')).toBeVisible();
}

const options = (select: ReturnType<Page['locator']>) => select.locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));

async function exportedRows(page: Page, id: string): Promise<string[]> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  return readFileSync((await dl.path())!, 'utf8').split(/\r?\n/).filter((l) => l.startsWith(`${id},`) || l.startsWith(`${id};`));
}

async function addResult(page: Page, date: string, value: string, expected: string[][]): Promise<void> {
  const rows = await page.locator('.event-table tbody tr').count();
  await page.locator('[data-testid="add-result"]').click();
  const unit = page.locator('.result-form select[name="unit"]');
  expect(await options(unit)).toEqual(expected);
  await expect(unit).toHaveValue(expected[0][0]);
  await page.locator('.result-form input[name="date"]').fill(date);
  await page.locator('.result-form input[name="time"]').fill('08:30');
  await page.locator('.result-form input[name="value"]').fill(value);
  await page.locator('[data-testid="save-result"]').click();
  await expect(page.locator('.event-table tbody tr')).toHaveCount(rows + 1);
}

test('English: µg/mL and cells/µL in the drop-downs and the table, ug/mL and cells/uL in the file', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await open(page, 'NAT-001');
  await addResult(page, '2026-11-30', '18.4', [['ug/mL', 'µg/mL'], ['mg/L', 'mg/L'], ['ng/mL', 'ng/mL']]);
  const row = page.locator('.event-table tbody tr', { hasText: '18.4' });
  await expect(row).toContainText('µg/mL');
  await expect(page.locator('.event-table')).not.toContainText('ug/mL');
  // The row editor offers the same labels and keeps the code.
  await row.getByRole('button', { name: /^Edit / }).click();
  const editUnit = page.locator('.event-table select[aria-label="Unit"]');
  await expect(editUnit).toHaveValue('ug/mL');
  expect(await options(editUnit)).toEqual([['ug/mL', 'µg/mL'], ['mg/L', 'mg/L'], ['ng/mL', 'ng/mL']]);
  await page.locator('.event-table').getByRole('button', { name: 'Cancel', exact: true }).click();
  expect((await exportedRows(page, 'NAT-001')).filter((l) => l.includes('2026-11-30T08:30'))).toEqual(['NAT-001,natalizumab,level,2026-11-30T08:30,18.4,ug/mL,,,']);

  await open(page, 'OCR-001');
  await addResult(page, '2026-11-30', '7', [['cells/uL', 'cells/µL'], ['10^6/L', '10^6/L'], ['10^9/L', '10^9/L']]);
  await expect(page.locator('.event-table tbody tr', { hasText: '2026-11-30' })).toContainText('cells/µL');
  await expect(page.locator('.event-table')).not.toContainText('cells/uL');
  expect((await exportedRows(page, 'OCR-001')).filter((l) => l.includes('2026-11-30T08:30'))).toEqual(['OCR-001,ocrelizumab,bcell,2026-11-30T08:30,7,cells/uL,,,']);
  expect(w.errors).toEqual([]);
});

test.describe('Dutch', () => {
  test.use({ locale: 'nl-NL' });
  test('cellen/µL and µg/mL in the drop-downs and the table, the spec\'s codes in the file', async ({ page }) => {
    test.setTimeout(120_000);
    const w = watch(page);
    await page.goto('/');
    await open(page, 'OCR-001');
    await addResult(page, '30-11-2026', '7', [['cells/uL', 'cellen/µL'], ['10^6/L', '10^6/L'], ['10^9/L', '10^9/L']]);
    await expect(page.locator('.event-table tbody tr', { hasText: '30-11-2026' })).toContainText('cellen/µL');
    await expect(page.locator('.event-table')).not.toContainText('cells/');
    expect((await exportedRows(page, 'OCR-001')).filter((l) => l.includes('2026-11-30T08:30'))).toEqual(['OCR-001;ocrelizumab;bcell;2026-11-30T08:30;7;cells/uL;;;']);

    await open(page, 'NAT-001');
    await addResult(page, '30-11-2026', '18,4', [['ug/mL', 'µg/mL'], ['mg/L', 'mg/L'], ['ng/mL', 'ng/mL']]);
    await expect(page.locator('.event-table tbody tr', { hasText: '18,4' })).toContainText('µg/mL');
    await expect(page.locator('.event-table')).not.toContainText('ug/mL');
    expect(w.errors).toEqual([]);
  });
});
