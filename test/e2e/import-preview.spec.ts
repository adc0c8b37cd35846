/**
 * Issue 15, item 1: with the clinic's setting "Preview every file" on, every import (TDM CSV, a
 * session file opened, a FHIR Bundle) shows its preview first and saves nothing until the user
 * confirms; off (the default), a file that only adds rows is saved at once through the file input
 * alone and can be undone, and a file with something to decide is still previewed. Checked in the browser's own store (IndexedDB
 * `ms-interval`), not only on the screen: nothing is stored before the confirm; Cancel (or Escape)
 * leaves the store as it was, also after a reload; the confirm (Enter, as the focus is on the one
 * button) stores exactly the previewed rows; undo still takes the import back after a reload.
 */
import { test, expect, type Page } from './pinned';
import { readFileSync } from 'node:fs';
import { importFile, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const DOSES = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 0, 6 + 28 * i));
  return `PRV-1,natalizumab,dose,${d.toISOString().slice(0, 10)}T09:00,300,mg,iv,60,`;
});
const PATIENT = [HEAD, 'PRV-1,natalizumab,weight,2025-01-06,71,kg,,,', ...DOSES,
  'PRV-1,natalizumab,level,2025-03-31T08:45,24.1,ug/mL,,,', 'PRV-1,natalizumab,level,2025-06-23T08:45,22.6,ug/mL,,,'].join('\n') + '\n';
// One new trough and one already on record.
const LAB = `${HEAD}\nPRV-1,natalizumab,level,2025-09-15T08:45,19.8,ug/mL,,,\nPRV-1,natalizumab,level,2025-06-23T08:45,22.6,ug/mL,,,\n`;

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

interface Stored { patients: { id: string; levels: string[]; rows: number }[]; history: number }

/** What the browser has stored: each patient's level times and row count, and the number of changes in the history. */
async function stored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('ms-interval'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const all = <T,>(store: string) => new Promise<T[]>((res, rej) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => res(r.result as T[]); r.onerror = () => rej(r.error);
    });
    type Rec = { id: string; record: Record<string, unknown> & { levels: { iso: string }[] } };
    const patients = (await all<Rec>('patients')).map((p) => ({
      id: p.id,
      levels: p.record.levels.map((l) => l.iso),
      rows: Object.entries(p.record).filter(([k, v]) => k !== 'issues' && Array.isArray(v)).reduce((n, [, v]) => n + (v as unknown[]).length, 0),
    })).sort((a, b) => a.id.localeCompare(b.id));
    const history = (await all('history')).length;
    db.close();
    return { patients, history };
  });
}

const rows = (page: Page) => page.locator('[data-testid="event-row"]');

/** The clinic's setting "Preview every file", turned on (kept in IndexedDB: it holds after a reload). */
async function turnOnPreviewAll(page: Page): Promise<void> {
  const box = page.getByTestId('preview-all');
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(box).toBeChecked();
}

test('by default a file that only adds rows is saved through the file input alone, said per patient and undoable; a conflict still waits; the setting holds after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await expect(page.getByTestId('preview-all')).not.toBeChecked();
  const file = page.locator('input[type=file]');
  // Nothing but the page's one file input: the new patient and then the lab's one new trough.
  await file.setInputFiles(csv('patient.csv', PATIENT));
  await expect(page.locator('[data-patient-id="PRV-1"]')).toHaveCount(1);
  await expect(preview(page)).toHaveCount(0);
  await page.locator('[data-patient-id="PRV-1"] a').click();
  await expect(rows(page)).toHaveCount(15);
  await file.setInputFiles(csv('lab.csv', LAB));
  await expect(rows(page)).toHaveCount(16);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('lab.csv: 1 row(s) added, 1 already on record');
  expect((await stored(page)).patients.find((p) => p.id === 'PRV-1')?.rows).toBe(16);
  // The same file again adds nothing.
  await file.setInputFiles(csv('lab.csv', LAB));
  await expect(page.locator('[data-testid="import-done"]')).toContainText('lab.csv: nothing new. Every row is already on record (2).');
  await expect(rows(page)).toHaveCount(16);
  // Another value at the same draw: previewed, not applied without a yes.
  await file.setInputFiles(csv('lab2.csv', LAB.replace('19.8', '18.1')));
  await expect(preview(page)).toHaveCount(1);
  expect((await stored(page)).patients.find((p) => p.id === 'PRV-1')?.levels).toEqual(['2025-03-31T08:45', '2025-06-23T08:45', '2025-09-15T08:45']);
  await preview(page).locator('[data-testid="import-cancel"]').click();
  // Undo takes the lab file's row back.
  await page.getByTestId('undo').click();
  await expect(rows(page)).toHaveCount(15);
  // The setting, once on, is kept after a reload, and the same lab file then waits for the confirm.
  await turnOnPreviewAll(page);
  await page.reload();
  await expect(page.getByTestId('preview-all')).toBeChecked();
  await page.locator('[data-patient-id="PRV-1"] a').click();
  await importFile(page, csv('lab.csv', LAB), { confirm: false });
  await expect(preview(page).locator('[data-testid="import-apply"]')).toHaveText('Add 1 row');
  await expect(rows(page)).toHaveCount(15);
  // In Dutch the setting has its own words.
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.locator('label.preview-all')).toHaveText('Elk bestand eerst tonen');
  expect(w.errors).toEqual([]);
});
const preview = (page: Page) => page.locator('[data-testid="import-preview"]');

test('a lab file is previewed, nothing stored before the confirm; Cancel and Escape store nothing (also after a reload); Enter stores exactly the previewed row; undo after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('[data-patient-id="NAT-001"]')).toHaveCount(1);
  await turnOnPreviewAll(page);

  // A new patient's file: previewed too (15 rows for a new patient), stored only on the confirm.
  await importFile(page, csv('patient.csv', PATIENT), { confirm: false });
  await expect(preview(page).locator('[data-testid="import-summary"]')).toContainText('1 patient(s) in the file: 15 row(s) to add, 0 already on record, 0 conflict(s), 0 refused.');
  expect((await stored(page)).patients.map((p) => p.id)).not.toContain('PRV-1');
  await expect(page.locator('[data-patient-id="PRV-1"]')).toHaveCount(0);
  await expect(preview(page).locator('[data-testid="import-apply"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="import-done"]')).toContainText('patient.csv: 15 row(s) added');
  await expect(preview(page)).toHaveCount(0);
  const base = await stored(page);
  expect(base.patients.find((p) => p.id === 'PRV-1')).toEqual({ id: 'PRV-1', levels: ['2025-03-31T08:45', '2025-06-23T08:45'], rows: 15 });
  await page.locator('[data-patient-id="PRV-1"] a').click();
  await expect(rows(page)).toHaveCount(15);

  // The lab file: one row to add, one already there; the one button says so and has the focus.
  await importFile(page, csv('lab.csv', LAB), { confirm: false });
  await expect(preview(page).locator('[data-testid="import-summary"]')).toHaveText('1 patient(s) in the file: 1 row(s) to add, 1 already on record, 0 conflict(s), 0 refused. Nothing has been saved yet. Rows on record are kept: a file never removes a row.');
  const apply = preview(page).locator('[data-testid="import-apply"]');
  await expect(apply).toHaveText('Add 1 row');
  await expect(apply).toBeFocused();
  await expect(preview(page)).toContainText('Enter saves, Escape cancels.');
  // Per patient: to add, already there, conflicts, refused (one patient: the list is open).
  await expect(preview(page).locator('[data-testid="import-plan-details"]')).toHaveAttribute('open', '');
  await expect(preview(page).locator('[data-plan-patient="PRV-1"] td.num')).toHaveText(['1', '1', '0', '0']);
  expect(await stored(page)).toEqual(base);
  await expect(rows(page)).toHaveCount(15);

  // Cancel: nothing stored, the focus back on the file picker; still nothing after a reload.
  await preview(page).locator('[data-testid="import-cancel"]').click();
  await expect(preview(page)).toHaveCount(0);
  await expect(page.locator('input[type=file]')).toBeFocused();
  expect(await stored(page)).toEqual(base);
  await page.reload();
  await page.locator('[data-patient-id="PRV-1"] a').click();
  await expect(rows(page)).toHaveCount(15);
  expect(await stored(page)).toEqual(base);

  // Escape cancels as well.
  await importFile(page, csv('lab.csv', LAB), { confirm: false });
  await expect(preview(page).locator('[data-testid="import-apply"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(preview(page)).toHaveCount(0);
  expect(await stored(page)).toEqual(base);

  // Enter confirms: exactly the previewed row is stored, one change in the history.
  await importFile(page, csv('lab.csv', LAB), { confirm: false });
  // The preview is drawn and its button focused before the key (the file is read first).
  await expect(preview(page).locator('[data-testid="import-apply"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="import-done"]')).toContainText('lab.csv: 1 row(s) added, 1 already on record');
  const after = await stored(page);
  expect(after.patients.find((p) => p.id === 'PRV-1')).toEqual({ id: 'PRV-1', levels: ['2025-03-31T08:45', '2025-06-23T08:45', '2025-09-15T08:45'], rows: 16 });
  expect(after.patients.filter((p) => p.id !== 'PRV-1')).toEqual(base.patients.filter((p) => p.id !== 'PRV-1'));
  expect(after.history).toBe(base.history + 1);
  await expect(rows(page)).toHaveCount(16);

  // Undo after a reload takes exactly that row back.
  await page.reload();
  await page.locator('[data-patient-id="PRV-1"] a').click();
  await expect(rows(page)).toHaveCount(16);
  await page.getByTestId('undo').click();
  await expect(rows(page)).toHaveCount(15);
  expect((await stored(page)).patients).toEqual(base.patients);
  expect(w.errors).toEqual([]);
});

test('a session file opened and a FHIR Bundle are previewed and stored only on the confirm; a long list of patients is collapsed', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await importFile(page, csv('patient.csv', PATIENT));
  await expect(page.locator('[data-patient-id="PRV-1"]')).toHaveCount(1);
  await turnOnPreviewAll(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="save-session"]').click()]);
  const session = readFileSync((await dl.path())!, 'utf8');
  // The import undone: the session file brings the patient back, after the preview.
  await page.getByTestId('undo').click();
  await expect(page.locator('[data-patient-id="PRV-1"]')).toHaveCount(0);
  const base = await stored(page);

  await importFile(page, { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(session) }, { confirm: false });
  await expect(preview(page).locator('[data-plan-patient="PRV-1"]')).toHaveCount(1);
  await expect(preview(page).locator('[data-testid="import-apply"]')).toBeFocused();
  expect(await stored(page)).toEqual(base);
  await preview(page).locator('[data-testid="import-cancel"]').click();
  await page.reload();
  expect(await stored(page)).toEqual(base);
  await expect(page.locator('[data-patient-id="PRV-1"]')).toHaveCount(0);
  await importFile(page, { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(session) });
  await expect(page.locator('[data-testid="import-done"]')).toContainText('merged patient by patient');
  await expect(page.locator('[data-patient-id="PRV-1"]')).toHaveCount(1);
  expect((await stored(page)).patients.find((p) => p.id === 'PRV-1')?.rows).toBe(15);

  // A FHIR Bundle (three patients): previewed, nothing stored until the confirm.
  const before = await stored(page);
  await importFile(page, 'fixtures/fhir/hand-written.json', { confirm: false });
  await expect(preview(page).locator('[data-plan-patient]')).toHaveCount(3);
  expect(await stored(page)).toEqual(before);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="import-done"]')).toContainText('hand-written.json:');
  expect((await stored(page)).patients.length).toBe(before.patients.length + 3);

  // Twelve new patients: the per-patient list is there but collapsed under its count.
  const many = [HEAD, ...Array.from({ length: 12 }, (_, i) => `MANY-${String(i).padStart(2, '0')},natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,`)].join('\n') + '\n';
  await importFile(page, csv('many.csv', many), { confirm: false });
  const details = preview(page).locator('[data-testid="import-plan-details"]');
  await expect(details).not.toHaveAttribute('open', '');
  await expect(details.locator('summary')).toHaveText('Per patient (12)');
  await expect(preview(page).locator('[data-testid="import-apply"]')).toHaveText('Add 12 rows');
  await preview(page).locator('[data-testid="import-cancel"]').click();
  await expect(page.locator('[data-patient-id^="MANY-"]')).toHaveCount(0);

  // In Dutch: the same one button and the keys said.
  await page.getByLabel('Language').selectOption('nl');
  await importFile(page, csv('many.csv', many), { confirm: false });
  await expect(preview(page).locator('[data-testid="import-apply"]')).toHaveText('12 regels toevoegen');
  await expect(preview(page)).toContainText('Enter slaat op, Escape annuleert.');
  await expect(preview(page).locator('[data-testid="import-plan-details"] summary')).toHaveText('Per patiënt (12)');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-patient-id^="MANY-"]')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});
