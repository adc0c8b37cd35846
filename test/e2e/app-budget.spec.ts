/**
 * Never stuck (issue 7 item 4): a patient whose computation overruns its time budget is stopped
 * and shows an error card saying so, every other patient is planned, and after a reload every
 * other patient is planned within seconds (the slow one goes last, on its own lane).
 */
import { test, expect, type Page } from './pinned';
import { waitComputed, watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * A small, ordinary record, and a fast one beside it. The overrun is made certain, not raced: the
 * app's test hook (`ms-interval-test-unanswered`, read when the app starts) leaves SLOW-1's
 * computation unanswered, as a worker that never answers, so only the budget can end it, on a slow
 * machine and a fast one alike. (A heavy record racing a 3 s wall clock was planned in time on a
 * quiet machine, and the test failed.)
 */
function recordsCsv(): string {
  return ['patient_id,drug,kind,time,value,unit',
    'SLOW-1,natalizumab,weight,2026-08-03,70,kg', 'SLOW-1,natalizumab,dose,2026-08-03T09:00,300,mg', 'SLOW-1,natalizumab,dose,2026-08-31T09:00,300,mg',
    'SLOW-1,natalizumab,level,2026-09-28T08:45,18.5,ug/mL', 'SLOW-1,natalizumab,dose,2026-09-28T09:00,300,mg',
    'FAST-1,natalizumab,weight,2026-08-03,70,kg', 'FAST-1,natalizumab,dose,2026-08-03T09:00,300,mg', 'FAST-1,natalizumab,dose,2026-08-31T09:00,300,mg',
    'FAST-1,natalizumab,level,2026-09-28T08:45,21.5,ug/mL', 'FAST-1,natalizumab,dose,2026-09-28T09:00,300,mg'].join('\n');
}

/** Ids of the planning rows, and those with a planned dose. */
async function planned(page: Page): Promise<{ all: string[]; done: string[] }> {
  return page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-patient-id]'));
    return {
      all: rows.map((r) => r.dataset.patientId!),
      done: rows.filter((r) => r.querySelector('[data-testid="planned-dose"]')).map((r) => r.dataset.patientId!),
    };
  });
}

test('a patient that overruns its budget gets an error card; every other patient is planned, also after a reload while it is still running', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  // The budget a slow machine would set (localStorage, read when the app starts): 3 s; SLOW-1 is never answered.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('budget-test-reloaded')) localStorage.setItem('ms-interval-compute-budget-ms', '3000');
    localStorage.setItem('ms-interval-test-unanswered', JSON.stringify(['SLOW-1']));
  });
  await page.goto('/');
  await waitComputed(page);
  await importFile(page, { name: 'slow.csv', mimeType: 'text/csv', buffer: Buffer.from(recordsCsv()) });
  await expect(page.locator('[data-patient-id="SLOW-1"]')).toBeVisible({ timeout: 60_000 });
  // Stopped by its budget (3 s; nothing else can end it).
  await expect(page.locator('[data-patient-id="SLOW-1"] .status-error')).toBeVisible({ timeout: 60_000 });
  await waitComputed(page);
  const first = await planned(page);
  expect(first.done.sort()).toEqual(first.all.filter((id) => id !== 'SLOW-1').sort());
  expect(first.all).toContain('FAST-1');

  await page.locator('[data-patient-id="SLOW-1"] a').first().click();
  await expect(page.locator('[data-testid="compute-failed"]')).toHaveText(
    'This patient could not be planned: the computation took longer than 3 seconds and was stopped. Check the data for a value that cannot be right; every other patient is planned as usual.');
  // Said once, not beside a "computing…" that will never end.
  await expect(page.locator('[data-selected-patient="SLOW-1"]')).not.toContainText('Computing…');
  await expect(page.locator('[data-selected-patient="SLOW-1"] .asof')).toContainText('Not planned');

  // After a reload, with a budget SLOW-1 cannot reach during this test (120 s), every other patient
  // is planned while SLOW-1 is still running: one stuck patient holds up nobody.
  await page.evaluate(() => { sessionStorage.setItem('budget-test-reloaded', '1'); localStorage.setItem('ms-interval-compute-budget-ms', '120000'); });
  await page.goto('/');
  const t1 = Date.now();
  await expect.poll(async () => {
    const p = await planned(page);
    return p.all.length > 0 && p.all.filter((id) => id !== 'SLOW-1').every((id) => p.done.includes(id));
  }, { timeout: 60_000, intervals: [200] }).toBe(true);
  console.log(`every other patient planned ${Date.now() - t1} ms after the reload`);
  await expect(page.locator('[data-patient-id="SLOW-1"] .status-pending')).toBeVisible();
  await expect(page.locator('[data-patient-id="SLOW-1"] [data-testid="planned-dose"]')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

/** A long but valid history (a few seconds to plan), so the time on older data can be seen. */
function mediumCsv(): string {
  const lines = ['patient_id,drug,kind,time,value,unit', 'MED-1,natalizumab,weight,1990-01-01,70,kg'];
  const day = 864e5;
  const end = Date.UTC(2026, 9, 5);
  const n = 600;
  for (let i = 0; i < n; i++) {
    const d = new Date(end - (n - 1 - i) * 28 * day).toISOString().slice(0, 10);
    if (i > 0 && i % 3 === 0) lines.push(`MED-1,natalizumab,level,${d}T08:45,${(20 + 4 * Math.sin(i)).toFixed(1)},ug/mL`);
    lines.push(`MED-1,natalizumab,dose,${d}T09:00,300,mg`);
  }
  return lines.join('\n');
}

test('a proposal on older data is marked while the new one is computed, and neither printed nor put in a calendar file', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await waitComputed(page);
  await importFile(page, { name: 'medium.csv', mimeType: 'text/csv', buffer: Buffer.from(mediumCsv()) });
  await page.locator('[data-patient-id="MED-1"] a').first().click();
  await expect(page.locator('[data-testid="print-button"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-testid="outdated"]')).toHaveCount(0);
  // A new trough: the shown proposal is now on older data until the new one arrives.
  await page.locator('[data-testid="add-result"]').click();
  await page.locator('.result-form input[name="date"]').fill('2026-10-05');
  await page.locator('.result-form input[name="time"]').fill('08:30');
  await page.locator('.result-form input[name="value"]').fill('12.5');
  // Watch the page from before the click: one snapshot when the mark first shows (React renders
  // the mark and the actions in one commit, and the new proposal may follow within a second).
  await page.evaluate(() => {
    const w = window as unknown as { __snap?: unknown };
    const take = () => {
      const mark = document.querySelector('[data-testid="outdated"]');
      if (!mark || w.__snap) return;
      w.__snap = {
        mark: mark.textContent, dimmed: document.querySelectorAll('.outdated-report').length,
        print: document.querySelectorAll('[data-testid="print-button"]').length, ics: document.querySelectorAll('[data-testid="download-ics"]').length,
        wait: document.querySelector('[data-testid="actions-wait"]')?.textContent ?? null,
      };
    };
    new MutationObserver(take).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.locator('[data-testid="save-result"]').click();
  const snap = await (await page.waitForFunction(() => (window as unknown as { __snap?: unknown }).__snap ?? null, null, { timeout: 30_000 })).jsonValue();
  expect(snap).toEqual({
    mark: 'Computed on older data: a new proposal is being computed. Do not use this one; printing and the calendar file wait for the new one.',
    dimmed: 1, print: 0, ics: 0, wait: 'Printing and the calendar file wait for the current proposal.',
  });
  // The new proposal replaces it: no mark, printing back.
  await expect(page.locator('[data-testid="outdated"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('[data-testid="print-button"]')).toBeVisible();
  await expect(page.locator('.outdated-report')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});
