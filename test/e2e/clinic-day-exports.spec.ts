/**
 * Issue 7, items 7-9 in the browser: a patient imported with refused rows shows them and gets the
 * CLI's answer for the same file; the .ics of a plan already past is flagged; the CSV of the open
 * patient in the Excel dialect (BOM, `;`) keeps the formula guard, and the planning CSV carries the
 * clinician's choice; the clinic-day list shows who comes in a date range and prints on its own.
 */
import { test, expect, type Page } from './pinned';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTdmCsv } from '../../src/core/records/index';
import { cliAsTheAppPlans, localToday, pickOption, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const dir = mkdtempSync(join(tmpdir(), 'ms-interval-day-'));

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
/** Three 4-weekly doses from 2024-01-08 with a weight, and a level (as written) just before the third. */
function threeDoses(id: string, kg: number, level: string): string[] {
  return [
    `${id},natalizumab,weight,2024-01-08,${kg},kg,,,`,
    `${id},natalizumab,dose,2024-01-08T09:00,300,mg,iv,,`,
    `${id},natalizumab,dose,2024-02-05T09:00,300,mg,iv,,`,
    `${id},natalizumab,level,2024-03-04T08:45,${level},ug/mL,,,`,
    `${id},natalizumab,dose,2024-03-04T09:00,300,mg,iv,,`,
  ];
}

/** The CLI's JSON lines for a file, by patient id, as the app plans it (a late patient as of today). */
const cli = (file: string) => cliAsTheAppPlans(file);

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testId}"]`).click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

test('a patient imported with refused rows shows them and gets the CLI\'s answer; one planned in 2024 is late and proposed today, also in the .ics', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const csv = [HEADER, ...threeDoses('REF-001', 70, 'abc'), ...threeDoses('REF-002', 82, '24.5')].join('\n') + '\n';
  const file = join(dir, 'refused.csv');
  writeFileSync(file, csv);
  const want = cli(file);
  expect(want.get('REF-001')!.error).toBe('1 row(s) could not be used: refused.csv:5: value "abc" for a level is not a number: write a number such as 24.1, or <x for a result below the lab\'s limit x');

  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('dialog').getByRole('button', { name: /Import 2 patients/ }).click();
  await page.locator('[data-patient-id="REF-001"] a').click();
  await expect(page.locator('[data-testid="refused-rows"]')).toContainText('refused.csv:5: value "abc" for a level is not a number');
  // The CLI's answer, each row said once: listed above the card, the card's error referring to it (the second walk).
  const [refusedCount, refusedRows] = want.get('REF-001')!.error!.split(/: (.*)/s);
  await expect(page.locator('[data-testid="refused-rows"] li')).toHaveText(refusedRows);
  await expect(page.locator('[data-testid="error-message"]')).toHaveText(`Error: ${refusedCount}: see the row listed above, with what to do`);
  await expect(page.locator('[data-patient-id="REF-001"]')).toContainText('cannot plan');
  // The other patient of the file is planned as the CLI plans it.
  await expect(page.locator('[data-patient-id="REF-002"] [data-testid="planned-dose"]')).toHaveAttribute('datetime', want.get('REF-002')!.proposal!.next_dose, { timeout: 30_000 });

  // REF-002 was planned in 2024: late, so it is proposed today (issue 15), and its calendar file is for today, not a date passed.
  const today = localToday();
  expect(want.get('REF-002')!.proposal!.next_dose).toBe(today);
  await page.locator('[data-patient-id="REF-002"] a').click();
  await expect(page.locator('[data-testid="late-note"]')).toContainText('Overdue: the next dose was due on 2024-04-01, which has passed.');
  await expect(page.locator('[data-testid="ics-past"]')).toHaveCount(0);
  const ics = (await download(page, 'download-ics')).bytes.toString('utf8');
  expect(ics).toContain(`DTSTART:${today.replace(/-/g, '')}T`);
  expect(ics).toMatch(/SUMMARY:Natalizumab infusion: REF-002/);
  expect(w.errors).toEqual([]);
});

test('the open patient as an Excel CSV (BOM, ;) keeps a formula-like note; the planning CSV carries the choice', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await page.locator('[data-patient-id="NAT-002"] a').click();
  await expect(page.locator('[data-testid="proposal"] [data-testid="next-dose"]')).toHaveText(/\d{4}-\d{2}-\d{2}/);
  // A note typed as '=x (a clinician quoting a formula) is kept as typed.
  await page.locator('[data-testid="add-result"]').click();
  const last = await page.locator('.event-table tbody tr').last().locator('time').getAttribute('datetime');
  await page.locator('input[name="date"]').fill(last!.slice(0, 10));
  await page.locator('input[name="time"]').fill('08:30');
  await page.locator('input[name="value"]').fill('19.5');
  await page.locator('input[name="note"]').fill("'=x");
  await page.locator('[data-testid="save-result"]').click();
  await expect(page.locator('.event-table')).toContainText("'=x");

  await page.locator('select[name="export_which"]').selectOption('open');
  await page.locator('select[name="export_format"]').selectOption('excel');
  const { name, bytes } = await download(page, 'export-csv');
  expect(name).toMatch(/^ms-interval-NAT-002-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.split('\r\n')[0]).toBe('\uFEFFpatient_id;drug;kind;time;value;unit;route;duration_min;note');
  expect(text).toContain(";''=x");
  expect(text).not.toContain('NAT-001');
  const back = parseTdmCsv(text, 'back.csv');
  expect(back.patients.map((p) => p.id)).toEqual(['NAT-002']);
  expect(back.patients[0].levels.map((l) => l.note)).toContain("'=x");
  expect(back.patients[0].levels.some((l) => l.value === 19.5)).toBe(true);

  // A choice, then the planning CSV of that patient: planned by the clinician, with the reason.
  const value = await pickOption(page, 'interval:4', 'holiday; back on =monday');
  page.once('dialog', (d) => void d.accept());
  await page.locator('[data-testid="save-choice"]').click();
  await expect(page.locator('[data-testid="card-planned-dose"]')).toHaveText(value.slice(0, 10));
  await page.locator('select[name="export_format"]').selectOption('comma');
  const plan = (await download(page, 'export-planning')).bytes.toString('utf8').split('\r\n');
  expect(plan[0]).toBe('patient_id,drug,last_dose,planned_dose,planned_by,option,reason,chosen_on_older_data,model_next_dose,next_lab,status,warnings,choice_probability_percent,required_probability_percent');
  expect(plan[1]).toMatch(new RegExp(`^NAT-002,natalizumab,[^,]*,${value.slice(0, 10)},clinician,interval:4,holiday; back on =monday,no,\\d{4}-\\d{2}-\\d{2},${value.slice(0, 10)},`));
  expect(plan).toHaveLength(3); // header, one patient, and the final line end
  expect(w.errors).toEqual([]);
});

test('the clinic-day list shows the patients due in a date range, with the choice, and prints on its own', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await page.locator('[data-patient-id="NAT-001"] a').click();
  const proposed = (await page.locator('[data-testid="proposal"] [data-testid="next-dose"]').textContent())!;
  const value = await pickOption(page, 'interval:4', 'chair slot');
  const chosen = value.slice(0, 10);
  page.once('dialog', (d) => void d.accept());
  await page.locator('[data-testid="save-choice"]').click();
  await expect(page.locator('[data-patient-id="NAT-001"] [data-testid="planned-dose"]')).toHaveAttribute('datetime', chosen);

  await page.locator('[data-testid="nav-clinic-day"]').click();
  // The example patients are listed only when asked for (issue 15).
  await expect(page.locator('[data-testid="day-examples-hidden"]')).toHaveText('9 example patients are not listed.');
  await page.locator('[data-testid="day-show-examples"]').check();
  // The default range, today and the next 7 days: what is overdue comes first, marked, the rest lies in the range.
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  const week = new Date(Date.parse(`${today}T00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const rows = await page.locator('.clinic-day__table tbody tr').evaluateAll((trs) => trs.map((tr) => ({ date: tr.querySelector('time')!.getAttribute('datetime')!, overdue: tr.getAttribute('data-overdue') === 'true' })));
  for (const r of rows) {
    if (r.overdue) expect(r.date < today).toBe(true);
    else expect(r.date >= today && r.date <= week).toBe(true);
  }
  const firstOnTime = rows.findIndex((r) => !r.overdue);
  expect(rows.slice(firstOnTime === -1 ? rows.length : firstOnTime).every((r) => !r.overdue)).toBe(true);
  await page.locator('.clinic-day input[name="from"]').fill(chosen);
  await page.locator('.clinic-day input[name="to"]').fill(chosen);
  const row = page.locator('[data-day-patient="NAT-001"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('chosen: chair slot');
  await expect(row.locator('time')).toHaveAttribute('datetime', chosen);
  // The model's own date is not in a one-day range of the chosen date.
  await page.locator('.clinic-day input[name="from"]').fill(proposed);
  await page.locator('.clinic-day input[name="to"]').fill(proposed);
  await expect(page.locator('[data-day-patient="NAT-001"]')).toHaveCount(0);
  // A wide range: every listed date lies in it and the list is in date order.
  await page.locator('.clinic-day input[name="from"]').fill('2020-01-01');
  await page.locator('.clinic-day input[name="to"]').fill('2030-12-31');
  const dates = await page.locator('.clinic-day__table time').evaluateAll((ts) => ts.map((x) => x.getAttribute('datetime')!));
  expect(dates.length).toBeGreaterThan(4);
  expect([...dates].sort()).toEqual(dates);
  await expect(page.locator('[data-day-patient="OCR-001"]').first()).toBeVisible();

  // Print: only the list is visible while printing.
  await page.evaluate(() => { (window as unknown as { printed: string[] }).printed = []; window.print = () => { (window as unknown as { printed: string[] }).printed.push(document.body.className); }; });
  await page.locator('[data-testid="print-day"]').click();
  expect(await page.evaluate(() => (window as unknown as { printed: string[] }).printed)).toEqual(['printing-day']);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.top')).toBeHidden();
  await expect(page.locator('.clinic-day__table')).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('header.top')).toBeVisible();
  expect(w.errors).toEqual([]);
});

test('refused rows survive an edit; set aside explicitly, the patient is planned on the rows that were read (as the CLI plans that file)', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const rows = [HEADER, ...threeDoses('REF-101', 70, 'abc'),
    'REF-101,natalizumab,level,2024-02-05T08:45,26.0,ug/mL,,,',
    'REF-101,natalizumab,dose,2024-04-01T09:00,300,mg,iv,,',
  ];
  const file = join(dir, 'refused-edit.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  // What the CLI plans once the bad row is gone and the last dose deleted, as done below.
  const after = join(dir, 'refused-edit-after.csv');
  writeFileSync(after, rows.filter((r) => !r.includes(',abc,') && !r.includes('2024-04-01T09:00')).join('\n') + '\n');
  const want = cli(after).get('REF-101')!.proposal!.next_dose;

  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('dialog').getByRole('button', { name: /Import 1 patient/ }).click();
  await page.locator('[data-patient-id="REF-101"] a').click();
  await expect(page.locator('[data-testid="refused-rows"]')).toContainText('refused-edit.csv:5: value "abc" for a level is not a number');
  await expect(page.locator('[data-testid="refused-rows"]')).toContainText('No proposal is made while rows of the file are unused');
  // An edit (the last dose deleted) keeps them: still no proposal.
  await page.getByRole('button', { name: /^Delete dose of 2024-04-01/ }).click();
  await expect(page.getByRole('button', { name: /^Delete dose of 2024-04-01/ })).toHaveCount(0);
  await expect(page.locator('[data-testid="refused-rows"]')).toContainText('refused-edit.csv:5');
  await expect(page.locator('[data-testid="error-message"]')).toContainText('1 row(s) could not be used');
  // Set aside: planned on what was read, as the CLI plans the file without the row.
  await page.locator('[data-testid="set-aside-refused"]').click();
  await expect(page.locator('[data-testid="refused-rows"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="next-dose"]')).toHaveText(want, { timeout: 30_000 });
  // And it survives a reload.
  await page.reload();
  await page.locator('[data-patient-id="REF-101"] a').click();
  await expect(page.locator('[data-testid="refused-rows"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="next-dose"]')).toHaveText(want, { timeout: 30_000 });
  expect(w.errors).toEqual([]);
});
