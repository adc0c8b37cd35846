/**
 * Issue 15, items 1, 2 and 10 in the browser at 1366×768: an import merges with what is on record
 * (a lab-only file adds exactly its new row and keeps every dose; the same file again adds
 * nothing; another value at a draw time on record waits for the user's yes); a session file merges
 * patient by patient (a patient started by hand after the backup stays; an empty session changes
 * nothing); "replace everything" names what goes and asks; no patient id ever appears in the URL.
 */
import { test, expect, type Page } from './pinned';
import { readFileSync } from 'node:fs';
import { watch, importFile } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const DOSES = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 0, 6 + 28 * i));
  return `MRG-1,natalizumab,dose,${d.toISOString().slice(0, 10)}T09:00,300,mg,iv,60,`;
});
const PATIENT = [HEAD, 'MRG-1,natalizumab,weight,2025-01-06,71,kg,,,', ...DOSES,
  'MRG-1,natalizumab,level,2025-03-31T08:45,24.1,ug/mL,,,', 'MRG-1,natalizumab,level,2025-06-23T08:45,22.6,ug/mL,,,'].join('\n') + '\n';
const LAB = `${HEAD}\nMRG-1,natalizumab,level,2025-09-15T08:45,19.8,ug/mL,,,\n`;
const OTHER_VALUE = `${HEAD}\nMRG-1,natalizumab,level,2025-06-23T08:45,22.4,ug/mL,,,\n`;

/** Import a file and confirm its preview; `confirm: false` leaves the preview open (nothing is saved before the user confirms). */
async function putFile(page: Page, name: string, text: string, confirm = true): Promise<void> {
  await importFile(page, { name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(text) }, { confirm });
}

async function open(page: Page, id: string): Promise<void> {
  await page.locator(`[data-patient-id="${id}"] a`).click();
  await expect(page.locator('#patient-title')).toContainText(id);
}

const rows = (page: Page) => page.locator('[data-testid="event-row"]');

test('a lab file adds exactly its new trough and keeps every dose; again adds nothing; another value waits for a yes', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  await putFile(page, 'patient.csv', PATIENT);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('15 row(s) added');
  await open(page, 'MRG-1');
  await expect(rows(page)).toHaveCount(15);
  expect(page.url()).not.toContain('MRG-1');
  // No link carries an id either (opened in a new tab, it would put the id in the browser's history).
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.filter((h) => h.includes('MRG-1') || h.includes('NAT-001'))).toEqual([]);

  await putFile(page, 'lab.csv', LAB);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('lab.csv: 1 row(s) added, 0 already on record');
  await expect(rows(page)).toHaveCount(16);
  await expect(rows(page).filter({ hasText: 'Dose' })).toHaveCount(12);
  await expect(rows(page).filter({ hasText: '19.8' })).toHaveCount(1);

  // The same file again: nothing new.
  await putFile(page, 'lab.csv', LAB);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('lab.csv: nothing new. Every row is already on record (1).');
  await expect(rows(page)).toHaveCount(16);

  // Another value for the same draw: previewed, nothing saved; without a tick the value on record stays.
  await putFile(page, 'lab2.csv', OTHER_VALUE, false);
  const preview = page.locator('[data-testid="import-preview"]');
  await expect(preview).toContainText('1 conflict(s)');
  await expect(preview.locator('[data-testid="conflict"]')).toHaveCount(1);
  await expect(preview).toContainText('MRG-1, level of 2025-06-23 08:45: replace 22.6 µg/mL (on record) with 22.4 µg/mL (file)');
  await expect(rows(page).filter({ hasText: '22.6' })).toHaveCount(1);
  await preview.locator('[data-testid="import-apply"]').click();
  await expect(page.locator('[data-testid="import-done"]')).toContainText('1 conflict(s) left as on record');
  await expect(rows(page).filter({ hasText: '22.6' })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: '22.4' })).toHaveCount(0);

  // With the user's yes, the value is replaced (one row for one row).
  await putFile(page, 'lab2.csv', OTHER_VALUE, false);
  await preview.locator('[data-testid="conflict"]').check();
  await expect(preview.locator('[data-testid="import-apply"]')).toContainText('replace 1 value(s) on record');
  await preview.locator('[data-testid="import-apply"]').click();
  await expect(rows(page).filter({ hasText: '22.4' })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: '22.6' })).toHaveCount(0);
  await expect(rows(page)).toHaveCount(16);
  expect(page.url()).not.toContain('MRG-1');
  expect(w.errors).toEqual([]);
});

test('a session saved before a patient was started by hand keeps that patient when opened; an empty session changes nothing; replacing everything asks and can be undone', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await putFile(page, 'patient.csv', PATIENT);
  await expect(page.locator('[data-patient-id="MRG-1"]')).toHaveCount(1);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="save-session"]').click()]);
  const session = readFileSync((await dl.path())!, 'utf8');

  // A patient started by hand after the backup.
  await page.locator('[data-testid="new-patient"]').click();
  await page.getByLabel('Patient id (pseudonym)').fill('HAND-7');
  await page.getByRole('button', { name: 'Create patient' }).click();
  await expect(page.locator('[data-patient-id="HAND-7"]')).toHaveCount(1);
  expect(page.url()).not.toContain('HAND-7');
  const before = await page.locator('[data-patient-id]').count();

  await putFile(page, 'backup.json', session);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('merged patient by patient');
  await expect(page.locator('[data-patient-id="HAND-7"]')).toHaveCount(1);
  await expect(page.locator('[data-patient-id]')).toHaveCount(before);

  // 64 bytes, no patients: nothing changes.
  const empty = JSON.stringify({ format: 'ms-interval-session', formatVersion: 1, patients: [] });
  await putFile(page, 'empty.json', empty);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('nothing new');
  await page.reload();
  await expect(page.locator('[data-patient-id]')).toHaveCount(before);

  // Replace everything: names what goes, asks, and can be undone.
  await putFile(page, 'backup.json', session);
  await page.locator('[data-testid="import-done"] [data-testid="replace-all"]').click();
  const q = page.locator('[data-testid="replace-question"]');
  await expect(q).toContainText('HAND-7');
  await q.locator('[data-testid="confirm-replace"]').click();
  await expect(page.locator('[data-patient-id="HAND-7"]')).toHaveCount(0);
  await page.reload();
  await page.locator('[data-testid="undo"]').click();
  await expect(page.locator('[data-patient-id="HAND-7"]')).toHaveCount(1);
  await expect(page.locator('[data-patient-id]')).toHaveCount(before);
  expect(w.errors).toEqual([]);
});

test('a patient of another drug, a refused row and a too large file are refused before anything is saved', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await putFile(page, 'patient.csv', PATIENT);
  await expect(page.locator('[data-patient-id="MRG-1"]')).toHaveCount(1);
  await putFile(page, 'ocr.csv', `${HEAD}\nMRG-1,ocrelizumab,dose,2025-01-06T09:00,600,mg,iv,210,\n`, false);
  const preview = page.locator('[data-testid="import-preview"]');
  await expect(preview.locator('[data-plan-patient="MRG-1"]')).toContainText('refused: on record as natalizumab, the file says ocrelizumab');
  await preview.locator('[data-testid="import-cancel"]').click();
  // A 60,000-row file: refused with the limit, nothing read.
  const big = [HEAD, ...Array.from({ length: 60_000 }, (_, i) => `BIG-${i},natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,`)].join('\n');
  await putFile(page, 'big.csv', big);
  await expect(page.getByRole('alert')).toContainText('big.csv has 60000 rows; at most 50000 are read at once. Nothing was changed.');
  await expect(page.locator('[data-patient-id^="BIG-"]')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});
