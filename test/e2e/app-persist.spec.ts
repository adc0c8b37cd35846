/**
 * Nothing is lost: autosave across reloads, clinic settings, the CSV export (re-importable, no
 * spreadsheet formulas, free text kept as text) and the JSON session that reloads to the same
 * proposals.
 */
import { test, expect } from './pinned';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliNextDoses, idsOf, importFile, planNextDose, waitComputed, watch } from './app-helpers';

const FILE = 'fixtures/validation/ocrelizumab-virtual-week28.csv';

test('patients, settings and choices survive a reload; first start shows the examples', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  // First start: the example patients.
  for (const id of idsOf('fixtures/examples/example-patients.csv')) await expect(page.locator(`[data-patient-id="${id}"]`)).toHaveCount(1);
  await importFile(page, FILE);
  const ids = idsOf(FILE);
  await expect(page.locator(`[data-patient-id="${ids[0]}"]`)).toHaveCount(1);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('B-cell re-dosing threshold').fill('12');
  await page.getByRole('button', { name: 'Save clinic settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('B-cell re-dosing threshold')).toHaveValue('12');
  await page.getByRole('button', { name: 'Planning' }).click();
  for (const id of ids) await expect(page.locator(`[data-patient-id="${id}"]`)).toHaveCount(1);
  await page.locator(`[data-patient-id="${ids[0]}"]`).click();
  await expect(page.locator('[data-testid="proposal"]')).toContainText('12');
  expect(w.errors).toEqual([]);
});

test('CSV export downloads a valid file that re-imports to the same proposals', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  const csv = [
    'patient_id,drug,kind,time,value,unit,route,duration_min,note',
    'TXT-1,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,=HYPERLINK("http://x")',
    'TXT-1,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,<img src=x onerror=alert(1)>',
    'TXT-1,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,',
  ].join('\n');
  await importFile(page, { name: 'text.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('[data-patient-id="TXT-1"]').click();
  // Free text is shown as text.
  await expect(page.locator('.event-table')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('.event-table img')).toHaveCount(0);
  await waitComputed(page);
  const before = await planNextDose(page, 'TXT-1');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(dl.suggestedFilename()).toMatch(/^ms-interval-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await dl.path())!, 'utf8');
  expect(text.split(/\r?\n/)[0].replace(/^\uFEFF/, '')).toMatch(/^patient_id,drug,kind,time,value,unit/);
  // No cell can run as a formula.
  for (const line of text.split(/\r?\n/)) for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  expect(text).toContain('TXT-1');
  // Delete and re-import the export: the same next dose.
  await page.getByRole('button', { name: 'Delete patient TXT-1' }).click();
  // Deleting asks first (issue 15): nothing is gone until the question is answered.
  await expect(page.locator('[data-patient-id="TXT-1"]')).toHaveCount(1);
  await page.locator('[data-testid="confirm-delete"]').click();
  await expect(page.locator('[data-patient-id="TXT-1"]')).toHaveCount(0);
  await importFile(page, { name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.locator('[data-patient-id="TXT-1"]')).toHaveCount(1);
  await waitComputed(page);
  expect(await planNextDose(page, 'TXT-1')).toBe(before);
  // The semicolon dialect.
  await page.getByLabel('CSV format').selectOption('semicolon');
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const text2 = readFileSync((await dl2.path())!, 'utf8');
  expect(text2.split(/\r?\n/)[0].replace(/^\uFEFF/, '')).toMatch(/^patient_id;drug;kind;time;value;unit/);
  expect(text2).toContain('24,1');
  expect(w.errors).toEqual([]);
});

test('a saved session reloads to the same result', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const cli = cliNextDoses(FILE);
  await page.goto('/');
  await importFile(page, FILE);
  const ids = idsOf(FILE);
  await expect(page.locator(`[data-patient-id="${ids[0]}"]`)).toHaveCount(1);
  await waitComputed(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save session (JSON)' }).click()]);
  const path = (await dl.path())!;
  const session = JSON.parse(readFileSync(path, 'utf8'));
  expect(session.format).toBe('ms-interval-session');
  expect(session.appVersion).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  expect(session.models.length).toBeGreaterThan(0);
  expect(session.models[0]).toHaveProperty('version');
  for (const id of ids) {
    const r = session.reports.find((x: { patientId: string }) => x.patientId === id);
    expect(r.proposal.nextDose, id).toBe(cli.get(id));
  }
  // Lose a patient, then open the session: everything back, recomputed to the same dates.
  await page.locator(`[data-patient-id="${ids[0]}"]`).click();
  await page.getByRole('button', { name: `Delete patient ${ids[0]}` }).click();
  await page.locator('[data-testid="confirm-delete"]').click();
  await expect(page.locator(`[data-patient-id="${ids[0]}"]`)).toHaveCount(0);
  await importFile(page, path);
  await expect(page.locator(`[data-patient-id="${ids[0]}"]`)).toHaveCount(1);
  await expect(page.locator('.status-line')).toContainText('all next doses equal the saved ones', { timeout: 60_000 });
  for (const id of ids) expect(await planNextDose(page, id), id).toBe(cli.get(id));
  expect(w.errors).toEqual([]);
});

test('planning as of today is a remembered toggle; the as-of date is shown', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await page.locator('[data-patient-id="NAT-001"]').click();
  await expect(page.locator('.asof')).toContainText(/Planned as of \d{4}-\d{2}-\d{2}/);
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  await page.getByLabel(/Plan as of today/).check();
  await expect(page.locator('.asof')).toContainText(`Planned as of ${today}`);
  await page.reload();
  await expect(page.getByLabel(/Plan as of today/)).toBeChecked();
  await expect(page.locator('.asof')).toContainText(`Planned as of ${today}`);
  expect(w.errors).toEqual([]);
});

test('a session file with a level no dose can give is refused with patient, row and unit hint; nothing changes', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  const ids = idsOf('fixtures/examples/example-patients.csv');
  await expect(page.locator(`[data-patient-id="${ids[0]}"]`)).toHaveCount(1);
  await waitComputed(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save session (JSON)' }).click()]);
  const session = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as { patients: { record: { id: string; levels: { value: number; raw: string; iso: string }[] } }[] };
  const nat = session.patients.find((p) => p.record.id === 'NAT-001')!;
  const level = nat.record.levels[0];
  Object.assign(level, { value: 24100, raw: '24100' });
  const path = join(mkdtempSync(join(tmpdir(), 'msi-session-')), 'damaged.json');
  writeFileSync(path, JSON.stringify(session));
  await importFile(page, path);
  const i = session.patients.indexOf(nat);
  await expect(page.getByText(`damaged.json cannot be opened: patients[${i}] (patient NAT-001), row of ${level.iso}: value "24100" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL)`)).toBeVisible({ timeout: 30_000 });
  for (const id of ids) await expect(page.locator(`[data-patient-id="${id}"]`)).toHaveCount(1);
  expect(w.errors).toEqual([]);
});
