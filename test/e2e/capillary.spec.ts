/**
 * Finger-prick (capillary) troughs in the browser (issue 9): a capillary trough entered through
 * the result form is kept with its sample type and marked in the event table, on the card and on
 * the chart (its own colour of diamond, and the chart's text summary); the clinic setting "next
 * trough planned as a home finger-prick" reaches the card and the .ics, and a patient can override it.
 */
import { test, expect, type Page } from './pinned';
import { readFileSync } from 'node:fs';
import { importFile, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 900 } });

async function openNat001(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'NAT-001', exact: true }).or(page.getByRole('button', { name: 'NAT-001', exact: true })).first().click();
  await expect(page.getByTestId('proposal')).toBeVisible();
}

/** Canvas pixels of the chart within a few levels of the capillary colour #00838f (0, 131, 143). */
async function capillaryPixels(page: Page): Promise<number> {
  return page.locator('[data-testid=forecast-chart] canvas').first().evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && d[i] <= 6 && Math.abs(d[i + 1] - 131) <= 6 && Math.abs(d[i + 2] - 143) <= 6) n++;
    return n;
  });
}

async function drawnPixels(page: Page): Promise<number> {
  return page.locator('[data-testid=forecast-chart] canvas').first().evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
}

test('a finger-prick trough entered through the result form is kept and marked in the table, on the card and on the chart', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await openNat001(page);
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(5000);
  expect(await capillaryPixels(page)).toBe(0);
  await expect(page.getByTestId('capillary-levels')).toHaveCount(0);

  const rows = await page.locator('.event-table tbody tr').count();
  await page.locator('[data-testid="add-result"]').click();
  await page.locator('input[name="date"]').fill('2026-11-30');
  await page.locator('input[name="time"]').fill('08:30');
  await page.locator('input[name="value"]').fill('18.4');
  await page.locator('select[name="unit"]').selectOption('ug/mL');
  await expect(page.locator('.result-form select[name="sample"]')).toHaveValue('venous');
  await page.locator('.result-form select[name="sample"]').selectOption('capillary');
  await page.locator('[data-testid="save-result"]').click();
  await expect(page.locator('.event-table tbody tr')).toHaveCount(rows + 1);

  // The table row says finger-prick; the other levels stay venous.
  const marked = page.locator('.event-table tbody td[data-sample="capillary"]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toHaveText('finger-prick (capillary)');
  await expect(page.locator('.event-table tbody td[data-sample="venous"]')).not.toHaveCount(0);
  // The card names it, the chart's summary says it, and the chart draws it in its own colour.
  await expect(page.locator('[data-testid="proposal"] [data-testid="capillary-levels"]')).toContainText('Finger-prick (capillary) trough: 2026-11-30 (18.4 µg/mL).');
  await expect(page.locator('[data-testid=forecast-chart] figcaption')).toContainText('1 level is a finger-prick (capillary) sample, drawn as a diamond.');
  await expect.poll(() => capillaryPixels(page), { timeout: 20_000 }).toBeGreaterThan(20);

  // Editing the row keeps the sample type; switching it to venous removes every mark.
  await page.locator('.event-table tbody tr', { has: page.locator('td[data-sample="capillary"]') }).getByRole('button', { name: /^Edit / }).click();
  await expect(page.locator('.event-table select[name="sample"]')).toHaveValue('capillary');
  await page.locator('.event-table select[name="sample"]').selectOption('venous');
  await page.locator('.event-table').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.event-table tbody td[data-sample="capillary"]')).toHaveCount(0);
  await expect(page.getByTestId('capillary-levels')).toHaveCount(0);
  await expect.poll(() => capillaryPixels(page), { timeout: 20_000 }).toBe(0);

  // …and back to capillary: it survives a reload.
  await page.locator('.event-table tbody tr', { hasText: '18.4' }).getByRole('button', { name: /^Edit / }).click();
  await page.locator('.event-table select[name="sample"]').selectOption('capillary');
  await page.locator('.event-table').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.event-table tbody td[data-sample="capillary"]')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('.event-table tbody td[data-sample="capillary"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="proposal"] [data-testid="capillary-levels"]')).toContainText('2026-11-30 (18.4 µg/mL)');
  expect(w.errors).toEqual([]);
});

test('the clinic plans the next trough as a home finger-prick: the card and the .ics say so; a patient can override it', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await openNat001(page);
  await expect(page.getByTestId('home-prick')).toHaveCount(0);
  await expect(page.locator('[data-testid="proposal"] [data-testid="next-trough-sample"]')).toHaveText('Next troughvenous draw');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Next trough planned as').selectOption('capillary');
  await page.getByRole('button', { name: 'Save clinic settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  await openNat001(page);
  await expect(page.locator('[data-testid="proposal"] [data-testid="home-prick"]')).toHaveText('The next trough is planned as a home finger-prick (capillary sample), taken just before the dose.');
  await expect(page.locator('[data-testid="proposal"] [data-testid="next-trough-sample"]')).toHaveText('Next troughhome finger-prick (capillary)');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ics').click()]);
  const ics = readFileSync((await download.path())!, 'utf8').replace(/\r\n /g, '');
  expect(ics).toContain('SUMMARY:Natalizumab trough by home finger-prick (before the dose): NAT-001');
  expect(ics).toContain('DESCRIPTION:Take the finger-prick (capillary) sample at home just before the dose and send it to the lab as instructed.');

  // This patient comes to the clinic for a venous draw: the patient's own setting wins.
  await page.locator('.overrides summary').click();
  await page.locator('.overrides').getByLabel('Next trough planned as').selectOption('venous');
  await page.getByRole('button', { name: 'Save settings for this patient' }).click();
  await expect(page.locator('[data-testid="proposal"] [data-testid="next-trough-sample"]')).toHaveText('Next troughvenous draw');
  await expect(page.getByTestId('home-prick')).toHaveCount(0);
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ics').click()]);
  const ics2 = readFileSync((await again.path())!, 'utf8').replace(/\r\n /g, '');
  expect(ics2).toContain('SUMMARY:Natalizumab trough draw (before the infusion): NAT-001');
  expect(ics2).not.toContain('finger-prick');
  expect(w.errors).toEqual([]);
});

test('the SC validation set (half its troughs finger-pricks) imports without an unknown-column warning, shows its capillary troughs, and exports them again', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  const file = 'fixtures/validation/natalizumab-sc.csv';
  const capillaryRows = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.endsWith(',capillary')).length;
  expect(capillaryRows).toBeGreaterThan(10);
  await page.goto('/');
  await importFile(page, file);
  const done = page.locator('.import-done');
  await expect(done).toContainText('natalizumab-sc.csv');
  expect(await done.textContent()).not.toMatch(/unknown column/i);
  await page.locator('[data-patient-id="VS31-001"]').click();
  await expect(page.locator('[data-testid="proposal"] [data-testid="capillary-levels"]')).toContainText('2023-12-11 (8.2 µg/mL)', { timeout: 60_000 });
  await expect(page.locator('[data-testid=forecast-chart] figcaption')).toContainText('finger-prick (capillary) samples, drawn as diamonds.');
  await expect.poll(() => capillaryPixels(page), { timeout: 20_000 }).toBeGreaterThan(20);

  // Export: the sample column is written, with every capillary trough of the set.
  await page.getByRole('button', { name: 'Planning', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toMatch(/^patient_id,drug,kind,time,value,unit,route,duration_min,note,sample(,|$)/);
  expect(lines.filter((l) => /,capillary(,|$)/.test(l)).length).toBeGreaterThanOrEqual(capillaryRows);
  expect(lines).toContain('VS31-001,natalizumab,level,2023-12-11T08:45,8.2,ug/mL,,,finger-prick,capillary');
  expect(w.errors).toEqual([]);
});
