/**
 * Wearing-off reports and clinic outcomes in the browser (issue 19): the short form (a report
 * with its onset and intensity, "none this interval" at an infusion, a refused date), the reports
 * on the chart (orange stars at their onsets) and the card (intervals, onsets with the predicted
 * concentration or count, the warning, the floor chosen as a personal target with a reason, undone),
 * and the outcomes view (period, drug, price, CSV with BOM, the monthly chart).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from './pinned';
import AxeBuilder from '@axe-core/playwright';
import { watch, importFile } from './app-helpers';
import { NAT_HIGH_ROWS, TDM_HEADER } from '../wearing-patient';

const HEADER = TDM_HEADER;
const CSV = [
  HEADER,
  ...NAT_HIGH_ROWS,
  'OCR-W,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,',
  'OCR-W,ocrelizumab,bcell,2023-12-11,<1,cells/uL,,,',
  'OCR-W,ocrelizumab,wearing_off,2023-12-20,2,score,,,',
  'OCR-W,ocrelizumab,bcell,2024-01-08,3,cells/uL,,,',
].join('\n') + '\n';

/** The command line on the same file (`npm run -s tdm -- ...`): one JSON object per line. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON lines read in a test
function tdm(...args: string[]): Record<string, any>[] {
  const dir = mkdtempSync(join(tmpdir(), 'wearing-e2e-'));
  const file = join(dir, 'wearing.csv');
  writeFileSync(file, CSV);
  const out = execFileSync(process.execPath, ['scripts/tdm.mjs', args[0], file, ...args.slice(1)], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

async function importWearing(page: Page) {
  await page.goto('/');
  await importFile(page, { name: 'wearing.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.locator('[data-patient-id="NAT-HIGH"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator('[data-patient-id="OCR-W"]')).toHaveCount(1);
}

/** Canvas pixels of exactly one colour (the wearing-off stars and bars are the only #e65100). */
async function pixelsOf(page: Page, testId: string, rgb: [number, number, number]): Promise<number> {
  return page.locator(`[data-testid=${testId}] canvas`).first().evaluate((c: HTMLCanvasElement, [r, g, b]) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b && d[i + 3] === 255) n++;
    return n;
  }, rgb);
}

test('natalizumab: the reports on the chart and the card, the warning, and the floor chosen as a personal target with a reason', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await importWearing(page);
  await page.locator('[data-patient-id="NAT-HIGH"]').click();
  await expect(page.getByTestId('proposal')).toContainText('NAT-HIGH', { timeout: 60_000 });
  const warning = page.getByTestId('warnings').locator('[data-code="wearing-off-above-target"]');
  await expect(warning).toContainText('wearing-off reported at predicted concentrations above the target: ');
  await expect(warning).toContainText('against a target of 10.0 µg/mL');
  const card = page.getByTestId('wearing-off-card');
  await expect(card.getByTestId('wearing-off-intervals')).toHaveText('Wearing-off in 2 of 5 intervals; 1 recorded without.');
  await expect(card.locator('tbody tr')).toHaveCount(2);
  await expect(card.locator('tr[data-onset="2024-11-07T20:00"] [data-testid="wearing-off-value"]')).toContainText(/^\d+(\.\d+)? µg\/mL \(\d+(\.\d+)?–\d+(\.\d+)?\)$/);
  await expect(card.getByTestId('wearing-off-change')).toHaveText('Onset at about the same time in the interval: 3.4 weeks after the dose on 2024-10-10, 3.5 weeks on 2024-11-07, at an interval no longer than before.');
  await expect(card.getByTestId('wearing-off-floor')).toContainText('The patient\'s own floor: ');
  await expect(page.getByTestId('forecast-chart').locator('figcaption')).toContainText('2 wearing-off report(s) marked at their onsets.');
  await expect.poll(() => pixelsOf(page, 'forecast-chart', [230, 81, 0]), { timeout: 30_000 }).toBeGreaterThan(30);
  // The same numbers as the command line's wearing_off object, on the card and in the warning.
  const line = tdm('propose').find((l) => l.patient_id === 'NAT-HIGH')!;
  expect(line.warning_codes).toContain('wearing-off-above-target');
  const oc = line.wearing_off.onset_concentration;
  const [early] = line.wearing_off.earlier_onset_concentrations;
  const one = (x: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(x);
  await expect(card.locator(`tr[data-onset="${oc.onset}"] [data-testid="wearing-off-value"]`)).toHaveText(`${one(oc.value)} µg/mL (${one(oc.low)}–${one(oc.high)})`);
  await expect(card.locator(`tr[data-onset="${early.onset}"] [data-testid="wearing-off-value"]`)).toHaveText(`${one(early.value)} µg/mL (${one(early.low)}–${one(early.high)})`);
  await expect(warning).toContainText(`${one(oc.value)} µg/mL (80 % interval ${one(oc.low)}–${one(oc.high)}) at the latest onset on 2024-11-07`);
  await expect(card.getByTestId('wearing-off-floor')).toContainText(`${one(line.wearing_off.floor)} µg/mL`);
  const interval = await page.getByTestId('interval').textContent();
  // On paper: the chart with the stars and the wearing-off card with the same numbers.
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByTestId('print-button').click();
  const paper = page.getByTestId('print-report');
  await page.emulateMedia({ media: 'print' });
  await expect(paper.getByTestId('print-wearing-off-card')).toBeVisible();
  await expect(paper.locator(`[data-testid="print-wearing-off-card"] tr[data-onset="${oc.onset}"] [data-testid="print-wearing-off-value"]`)).toHaveText(`${one(oc.value)} µg/mL (${one(oc.low)}–${one(oc.high)})`);
  await expect(paper.getByTestId('print-warnings').locator('[data-code="wearing-off-above-target"]')).toHaveCount(1);
  await expect.poll(() => pixelsOf(page, 'print-forecast-chart', [230, 81, 0]), { timeout: 30_000 }).toBeGreaterThan(30);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // The planning export carries the warning with the same numbers.
  const [plan] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-planning').click()]);
  const planText = (await import('node:fs')).readFileSync(await plan.path(), 'utf8');
  const planLine = planText.split(/\r?\n/).find((l) => l.startsWith('NAT-HIGH'))!;
  expect(planLine).toContain(`wearing-off reported at predicted concentrations above the target: ${one(oc.value)} µg/mL (80 % interval ${one(oc.low)}–${one(oc.high)})`);

  // The proposal keeps the target; the clinician chooses the floor as this patient's target, with a reason.
  await card.getByTestId('choose-personal-target').click();
  await card.locator('input[name="target_reason"]').fill('');
  await card.getByTestId('confirm-personal-target').click();
  await expect(card.getByRole('alert')).toHaveText('Give a reason for the personal target.');
  await card.locator('input[name="target_reason"]').fill('wearing-off at 3.5 weeks despite troughs near 30');
  await card.getByTestId('confirm-personal-target').click();
  await expect(page.getByTestId('personal-target')).toContainText('chosen for this patient: wearing-off at 3.5 weeks despite troughs near 30', { timeout: 60_000 });
  await expect(page.getByTestId('warnings').locator('[data-code="wearing-off-above-target"]')).toHaveCount(0);
  await expect(page.getByTestId('personal-target-offer')).toHaveCount(0);
  // Undone: the clinic's target again, the warning and the offer back.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByTestId('warnings').locator('[data-code="wearing-off-above-target"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('personal-target')).toHaveCount(0);
  expect(await page.getByTestId('interval').textContent()).toBe(interval);

  // In Dutch.
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.getByTestId('wearing-off-card').getByTestId('wearing-off-intervals')).toHaveText('Wearing-off in 2 van 5 intervallen; 1 vastgelegd zonder.');
  await expect(page.getByTestId('warnings').locator('[data-code="wearing-off-above-target"]')).toContainText('wearing-off gemeld bij voorspelde concentraties boven de streefwaarde');
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});

test('the short form: a report with onset and intensity, "none this interval" at an infusion, a date refused', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await importWearing(page);
  await page.locator('[data-patient-id="NAT-HIGH"]').click();
  await expect(page.getByTestId('wearing-off-card')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('add-wearing-off').click();
  const form = page.getByTestId('wearing-off-form');
  await form.locator('input[name="onset"]').fill('31-02-2026');
  await form.getByTestId('wearing-save').click();
  await expect(form.getByRole('alert')).toHaveText('"31-02-2026" is not a date: write dd-mm-yyyy or yyyy-mm-dd.');
  // A date after today is refused by the records module (the import's rule and message).
  await form.locator('input[name="onset"]').fill('2999-01-01');
  await form.getByTestId('wearing-save').click();
  await expect(form.getByRole('alert')).toContainText('is after today');
  await form.locator('input[name="onset"]').fill('2024-11-03');
  await form.locator('select[name="intensity"]').selectOption('3');
  await form.getByTestId('wearing-save').click();
  await expect(form.getByRole('status')).toHaveText('Wearing-off of 2024-11-03 saved.');
  await expect(page.getByTestId('wearing-off-card').locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId('wearing-off-card').locator('tr[data-onset="2024-11-03T09:00"]')).toContainText('3 severe');
  // None this interval, at the infusion of 2024-10-14.
  await form.getByTestId('wearing-none').check();
  await form.locator('select[name="infusion"]').selectOption('2024-10-14T09:00');
  await form.getByTestId('wearing-save').click();
  await expect(form.getByRole('status')).toHaveText('No wearing-off recorded for the interval ending 2024-10-14.');
  // The rows are in the table, as wearing-off with the score unit.
  await expect(page.locator('.event-table tr.kind-wearing_off')).toHaveCount(5);
  // Exported with the records: the TDM CSV holds them.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const text = (await import('node:fs')).readFileSync(await dl.path(), 'utf8');
  expect(text).toContain('NAT-HIGH,natalizumab,wearing_off,2024-11-03T09:00,3,score,,,');
  expect(text).toContain('NAT-HIGH,natalizumab,wearing_off,2024-10-14T09:00,0,score,,,');
  // In Dutch: dd-mm-jjjj, the messages in Dutch.
  await page.getByLabel('Language').selectOption('nl');
  await form.getByRole('radio', { name: 'Wearing-off gevoeld' }).check();
  await form.locator('input[name="onset"]').fill('30-02-2024');
  await form.getByTestId('wearing-save').click();
  await expect(form.getByRole('alert')).toHaveText('"30-02-2024" is geen datum: schrijf dd-mm-jjjj of jjjj-mm-dd.');
  await form.locator('input[name="onset"]').fill('05-11-2024');
  await form.locator('select[name="intensity"]').selectOption('1');
  await form.getByTestId('wearing-save').click();
  await expect(form.getByRole('status')).toHaveText('Wearing-off van 05-11-2024 opgeslagen.');
  await expect(page.getByTestId('wearing-off-card').locator('tr[data-onset="2024-11-05T09:00"]')).toContainText('1 licht', { timeout: 60_000 });
  expect(w.errors).toEqual([]);
});

test('ocrelizumab: the report on the count curve with the weeks since the dose', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await importWearing(page);
  await page.locator('[data-patient-id="OCR-W"]').click();
  const card = page.getByTestId('wearing-off-card');
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(card.locator('tr[data-onset="2023-12-20T09:00"]')).toContainText('27.3');
  await expect(card.locator('tr[data-onset="2023-12-20T09:00"] [data-testid="wearing-off-value"]')).toContainText('cells/µL');
  await expect(page.getByTestId('forecast-chart').locator('figcaption')).toContainText('1 wearing-off report(s) marked at their onsets.');
  await expect.poll(() => pixelsOf(page, 'forecast-chart', [230, 81, 0]), { timeout: 30_000 }).toBeGreaterThan(10);
  expect(w.errors).toEqual([]);
});

test('outcomes view: period and drug, no cost until a price is entered, CSV with BOM, chart per month', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await importWearing(page);
  await page.getByTestId('nav-outcomes').click();
  const view = page.getByTestId('outcomes');
  await view.locator('input[name="from"]').fill('2024-07-22');
  await view.locator('input[name="to"]').fill('2024-11-11');
  const value = (code: string) => view.locator(`tr[data-measure="${code}"] td`);
  // NAT-HIGH: 5 infusions; the standard schedule from 2024-07-22 to 2024-11-11 (112 days): 5. (The example patients start in 2025.)
  await expect(value('infusions')).toHaveText('5');
  await expect(value('standard_infusions')).toHaveText('5');
  await expect(value('infusions_avoided')).toHaveText('0');
  await expect(value('troughs')).toHaveText('2');
  await expect(value('troughs_at_target')).toHaveText('2 (100 %)');
  await expect(value('intervals_with_wearing_off')).toHaveText('2');
  // The command line on the same file and period gives the same numbers.
  const [cli] = tdm('outcomes', '--from', '2024-07-22', '--to', '2024-11-11');
  for (const code of ['patients', 'infusions', 'standard_infusions', 'infusions_avoided', 'hospital_visits', 'hospital_visits_avoided', 'troughs', 'intervals_with_wearing_off']) {
    await expect(value(code), code).toHaveText(String(cli.natalizumab[code]));
  }
  expect(cli.natalizumab.troughs_at_target).toBe(2);
  expect(cli.ocrelizumab).toBeUndefined();
  await expect(view.getByTestId('outcomes-no-price')).toBeVisible();
  await expect(view.locator('tr[data-measure="cost_avoided"]')).toHaveCount(0);
  await expect(view.getByTestId('outcomes-chart').locator('canvas')).toBeVisible();
  await expect(view.getByTestId('outcomes-chart').locator('figcaption')).toHaveText('5 infusions given against 5 on the standard schedule, 2024-07-22 to 2024-11-11.');
  // A period ending a day early: the last infusion and the last standard date fall out.
  await view.locator('input[name="to"]').fill('2024-11-10');
  await expect(value('infusions')).toHaveText('4');
  await expect(value('standard_infusions')).toHaveText('4');
  // Ocrelizumab over 2023-06-01..2023-12-31: one dose, the schedule's one (2023-06-12 + 24 weeks = 2023-11-27 too: 2).
  await view.getByTestId('outcomes-drug').selectOption('ocrelizumab');
  await view.locator('input[name="from"]').fill('2023-06-01');
  await view.locator('input[name="to"]').fill('2023-12-31');
  await expect(value('infusions')).toHaveText('1');
  await expect(value('standard_infusions')).toHaveText('2');
  await expect(value('infusions_avoided')).toHaveText('1');
  const [cliOcr] = tdm('outcomes', '--from', '2023-06-01', '--to', '2023-12-31');
  expect(cliOcr.natalizumab).toBeUndefined();
  for (const code of ['patients', 'infusions', 'standard_infusions', 'infusions_avoided', 'infusion_visits', 'hospital_visits', 'bcell_counts_at_redose', 'intervals_with_wearing_off']) {
    await expect(value(code), code).toHaveText(String(cliOcr.ocrelizumab[code]));
  }

  // A price per infusion in the settings: the cost avoided appears.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('input[name="price_ocrelizumab"]').fill('abc');
  await page.getByRole('button', { name: 'Save prices' }).click();
  await expect(page.getByTestId('price-form').getByRole('alert')).toHaveText('"abc" is not a price: write a number such as 1450 or 1450.50, or leave it empty.');
  await page.locator('input[name="price_ocrelizumab"]').fill('7000');
  await page.getByRole('button', { name: 'Save prices' }).click();
  await expect(page.getByTestId('price-form').getByRole('status')).toHaveText('Prices saved.');
  await page.getByTestId('nav-outcomes').click();
  await view.getByTestId('outcomes-drug').selectOption('ocrelizumab');
  await view.locator('input[name="from"]').fill('2023-06-01');
  await view.locator('input[name="to"]').fill('2023-12-31');
  await expect(value('cost_avoided')).toHaveText('7,000.00 (at 7,000.00 per infusion)');
  const [dl] = await Promise.all([page.waitForEvent('download'), view.getByTestId('export-outcomes').click()]);
  const bytes = (await import('node:fs')).readFileSync(await dl.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('from,to,drug,measure,month,value');
  expect(lines).toContain('2023-06-01,2023-12-31,ocrelizumab,infusions_avoided,,1');
  expect(lines).toContain('2023-06-01,2023-12-31,ocrelizumab,cost_avoided,,7000');
  expect(lines).toContain('2023-06-01,2023-12-31,ocrelizumab,standard_infusions,2023-11,1');
  // Printable on its own: the printed title names the drug and the period; nothing else is printed.
  await expect(view.locator('.print-only')).toHaveText('Clinic outcomes, ocrelizumab, 2023-06-01 to 2023-12-31');
  await page.evaluate(() => { window.print = () => {}; });
  await view.getByTestId('print-outcomes').click();
  await page.emulateMedia({ media: 'print' });
  await expect(view.locator('.print-only')).toBeVisible();
  await expect(view.getByTestId('outcomes-table')).toBeVisible();
  await expect(view.getByTestId('outcomes-chart').locator('canvas')).toBeVisible();
  await expect(view.locator('input[name="from"]')).toBeHidden();
  await expect(page.getByTestId('nav-outcomes')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.getByTestId('nav-outcomes')).toBeVisible();
  // In Dutch: the labels, and a CSV with ; and a BOM.
  await page.getByLabel('Language').selectOption('nl');
  await expect(view.locator('tr[data-measure="infusions_avoided"] th')).toHaveText('Vermeden infusen');
  await expect(value('cost_avoided')).toHaveText('7.000,00 (bij 7.000,00 per infuus)');
  await expect(view.locator('.print-only')).toHaveText('Resultaten van de kliniek, ocrelizumab, 01-06-2023 tot en met 31-12-2023');
  const [dlNl] = await Promise.all([page.waitForEvent('download'), view.getByTestId('export-outcomes').click()]);
  const nl = (await import('node:fs')).readFileSync(await dlNl.path());
  expect([...nl.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const nlLines = nl.toString('utf8').slice(1).split('\r\n');
  expect(nlLines[0]).toBe('from;to;drug;measure;month;value');
  expect(nlLines).toContain('2023-06-01;2023-12-31;ocrelizumab;infusions_avoided;;1');
  expect(nlLines).toContain('2023-06-01;2023-12-31;ocrelizumab;standard_infusions;2023-11;1');
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});

test('a FHIR Bundle from tdm fhir, imported in the app, gives the same card as the CSV', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const dir = mkdtempSync(join(tmpdir(), 'wearing-fhir-'));
  const file = join(dir, 'wearing.csv');
  writeFileSync(file, CSV);
  const bundle = execFileSync(process.execPath, ['scripts/tdm.mjs', 'fhir', file], { encoding: 'utf8' });
  expect(bundle).toContain('"wearing-off"');
  await page.goto('/');
  await importFile(page, { name: 'wearing.json', mimeType: 'application/json', buffer: Buffer.from(bundle) });
  await expect(page.locator('[data-patient-id="NAT-HIGH"]')).toHaveCount(1, { timeout: 60_000 });
  await page.locator('[data-patient-id="NAT-HIGH"]').click();
  const card = page.getByTestId('wearing-off-card');
  await expect(card.getByTestId('wearing-off-intervals')).toHaveText('Wearing-off in 2 of 5 intervals; 1 recorded without.', { timeout: 60_000 });
  const line = tdm('propose').find((l) => l.patient_id === 'NAT-HIGH')!;
  const oc = line.wearing_off.onset_concentration;
  const one = (x: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(x);
  await expect(card.locator(`tr[data-onset="${oc.onset}"] [data-testid="wearing-off-value"]`)).toHaveText(`${one(oc.value)} µg/mL (${one(oc.low)}–${one(oc.high)})`);
  await expect(page.getByTestId('warnings').locator('[data-code="wearing-off-above-target"]')).toHaveCount(1);
  expect(w.errors).toEqual([]);
});

for (const lang of ['en', 'nl'] as const) {
  test(`the wearing-off card, form, personal-target reason and outcomes view pass axe (WCAG 2.1 A/AA), ${lang}`, async ({ page }) => {
    test.setTimeout(180_000);
    const audit = async (view: string) => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const lines = result.violations.map((v) => `${view}: [${v.impact}] ${v.id}: ${v.help} ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
      expect(lines, lines.join('\n')).toEqual([]);
      expect(result.passes.length).toBeGreaterThan(10);
    };
    await importWearing(page);
    if (lang === 'nl') await page.getByLabel('Language').selectOption('nl');
    await page.locator('[data-patient-id="NAT-HIGH"]').click();
    await expect(page.getByTestId('wearing-off-card')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('add-wearing-off').click();
    await page.getByTestId('wearing-off-form').getByTestId('wearing-save').click(); // an empty date: the error shown
    await expect(page.getByTestId('wearing-off-form').getByRole('alert')).toBeVisible();
    await page.getByTestId('choose-personal-target').click();
    await page.locator('input[name="target_reason"]').fill('');
    await page.getByTestId('confirm-personal-target').click();
    await expect(page.getByTestId('wearing-off-card').getByRole('alert')).toBeVisible();
    await audit('patient with wearing-off');
    await page.getByTestId('nav-outcomes').click();
    await page.getByTestId('outcomes').locator('input[name="from"]').fill('2024-07-22');
    await page.getByTestId('outcomes').locator('input[name="to"]').fill('2024-11-11');
    await expect(page.getByTestId('outcomes-chart').locator('canvas')).toBeVisible();
    await audit('outcomes');
  });
}
