/**
 * Issue 16, item 3 (and the local codes of item 1) in the browser: a FHIR Bundle imported as a
 * file goes through the same merge and preview as a CSV (new rows added, rows on record kept,
 * another value at a time on record waits for a yes, undoable); a Bundle written by hand from the
 * spec gives the command line's next doses; bad resources are named by entry, path and value while
 * the other patient is imported; the clinic's local lab code (settings) is what lets a level coded
 * by the lab be read, as `--level-code` does for the command line; the open patient or all
 * patients are exported as a Bundle whose every resource passes R4 structure validation and
 * which `tdm propose` reads back to the app's next dose (a recorded choice as the plan).
 */
import { test, expect, type Page } from './pinned';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTdmCsv } from '../../src/core/records/index';
import { recordsToBundle } from '../../src/core/fhir/index';
import { badBundle } from '../core/fhir/bad-bundle';
import { localToday, waitComputed, watch, importFile } from './app-helpers';
import { validationProblems, type AnyBundle } from './fhir/validate';

const ZONE = 'Europe/Amsterdam';
test.use({ viewport: { width: 1366, height: 768 }, timezoneId: ZONE, locale: 'en-GB' });

let dir: string;
test.beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ms-interval-fhir-app-')); });
test.afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

/**
 * `tdm propose FILE [flags]` → patient id → next dose (the clinic's zone, as the browser's), as the
 * app plans it: a patient whose dose as planned (or next count) has passed is planned `--as-of`
 * today (issue 15: never a date in the past).
 */
function cliNext(file: string, ...flags: string[]): Map<string, string> {
  type Line = { patient_id: string; proposal?: { next_dose: string; next_bcell_check?: string }; protocol?: { next_count?: string } };
  const lines = (extra: string[]) => {
    // Exit 1 when a row is refused (cli.md): the other patients' lines are still on standard output.
    const run = spawnSync('node', ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'propose', file, '--time-zone', ZONE, ...flags, ...extra],
      { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, TZ: ZONE } });
    return run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  };
  const today = localToday(ZONE);
  const late = (o: Line) => !!o.proposal && (o.proposal.next_dose < today || (o.proposal.next_bcell_check ?? today) < today || (o.protocol?.next_count ?? today) < today);
  let asOfToday: Map<string, Line> | null = null;
  const m = new Map<string, string>();
  for (const own of lines([])) {
    const o = late(own) ? (asOfToday ??= new Map(lines(['--as-of', today]).map((x) => [x.patient_id, x]))).get(own.patient_id)! : own;
    if (o.proposal) m.set(o.patient_id, o.proposal.next_dose);
  }
  return m;
}

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const DOSES = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 0, 6 + 28 * i));
  return `FHR-1,natalizumab,dose,${d.toISOString().slice(0, 10)}T09:00,300,mg,iv,60,`;
});
const ON_RECORD = [HEAD, 'FHR-1,natalizumab,weight,2025-01-06,71,kg,,,', ...DOSES,
  'FHR-1,natalizumab,level,2025-03-31T08:45,24.1,ug/mL,,,', 'FHR-1,natalizumab,level,2025-06-23T08:45,22.6,ug/mL,,,'].join('\n') + '\n';
/** The record system's view of the same patient: one new trough, and another value for a draw on record. */
const IN_RECORD_SYSTEM = [HEAD, 'FHR-1,natalizumab,weight,2025-01-06,71,kg,,,', ...DOSES,
  'FHR-1,natalizumab,level,2025-03-31T08:45,24.1,ug/mL,,,', 'FHR-1,natalizumab,level,2025-06-23T08:45,22.4,ug/mL,,,',
  'FHR-1,natalizumab,level,2025-09-15T08:45,19.8,ug/mL,,,'].join('\n') + '\n';

/** A CSV's patients as the core writes them into a Bundle (no proposals). */
function bundleOf(csv: string, name: string): string {
  const parsed = parseTdmCsv(csv, name);
  return JSON.stringify(recordsToBundle(parsed.patients, new Map(), { timeZone: ZONE, now: Date.UTC(2026, 0, 5), appVersion: 'test', idSeed: name }), null, 1);
}

/** Import a file; `confirm: false` leaves its preview open (nothing is saved before the user confirms). */
async function putFile(page: Page, name: string, text: string, confirm = true): Promise<void> {
  await importFile(page, { name, mimeType: name.endsWith('.json') ? 'application/fhir+json' : 'text/csv', buffer: Buffer.from(text) }, { confirm });
}

async function open(page: Page, id: string): Promise<void> {
  await page.locator(`[data-patient-id="${id}"] a`).click();
  await expect(page.locator('#patient-title')).toContainText(id);
}

const rows = (page: Page) => page.locator('[data-testid="event-row"]');

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('a Bundle merges into what is on record through the CSV import preview: one row added, the other value waits for a yes, undoable', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto('/');
  await putFile(page, 'patient.csv', ON_RECORD);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('15 row(s) added');
  await open(page, 'FHR-1');
  await expect(rows(page)).toHaveCount(15);

  await putFile(page, 'record.json', bundleOf(IN_RECORD_SYSTEM, 'record.json'), false);
  const preview = page.locator('[data-testid="import-preview"]');
  await expect(preview.locator('[data-testid="import-summary"]')).toHaveText('1 patient(s) in the file: 1 row(s) to add, 14 already on record, 1 conflict(s), 0 refused. Nothing has been saved yet. Rows on record are kept: a file never removes a row.');
  await expect(preview.locator('[data-testid="conflict"]')).toHaveCount(1);
  await expect(preview).toContainText('FHR-1, level of 2025-06-23 08:45: replace 22.6 µg/mL (on record) with 22.4 µg/mL (file)');
  // Nothing saved while the preview is open.
  await expect(rows(page)).toHaveCount(15);
  await preview.locator('[data-testid="import-apply"]').click();
  await expect(page.locator('[data-testid="import-done"]')).toContainText('record.json: 1 row(s) added, 14 already on record, 0 value(s) replaced, 1 conflict(s) left as on record; 1 patient(s), 0 new.');
  await expect(rows(page)).toHaveCount(16);
  await expect(rows(page).filter({ hasText: 'Dose' })).toHaveCount(12);
  await expect(rows(page).filter({ hasText: '19.8' })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: '22.6' })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: '22.4' })).toHaveCount(0);

  // The Bundle's import is one change in the history, undone also after a reload.
  await page.reload();
  await open(page, 'FHR-1');
  await expect(rows(page)).toHaveCount(16);
  await page.getByTestId('undo').click();
  await expect(rows(page)).toHaveCount(15);
  await expect(rows(page).filter({ hasText: '19.8' })).toHaveCount(0);
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});

test('a Bundle written by hand from the spec gives the command line\'s next doses; bad resources are named by entry, path and value and the other patient is imported', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  const hand = 'fixtures/fhir/hand-written.json';
  await importFile(page, hand);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('hand-written.json:');
  const expected = cliNext('fixtures/fhir/hand-written.csv');
  expect(expected.size).toBe(3);
  for (const [id, next] of expected) {
    await open(page, id);
    await expect(page.getByTestId('next-dose')).toHaveText(next, { timeout: 30_000 });
  }

  const bad = join(dir, 'b.json');
  writeFileSync(bad, JSON.stringify(badBundle()));
  await page.locator('input[type=file]').setInputFiles(bad);
  const preview = page.locator('[data-testid="import-preview"]');
  await expect(preview).toContainText('b.json: entry 8 Observation/obs-77 valueQuantity.unit "U/L" for a natalizumab level: use ug/mL, mg/L or ng/mL');
  await expect(preview).toContainText('b.json: entry 9 Observation/obs-78 valueQuantity.value "24100" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (24100 ng/mL = 24.1 µg/mL)');
  await preview.locator('[data-testid="import-apply"]').click();
  await expect(page.locator('[data-testid="import-done"]')).toBeVisible();
  await open(page, 'GOOD-1');
  const next = cliNext(bad).get('GOOD-1');
  expect(next).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('next-dose')).toHaveText(next!, { timeout: 30_000 });
  expect(w.errors).toEqual([]);
});

const LOCAL = 'urn:oid:2.16.528.1.1007.3.3.1234567|NATA-S';

test('the clinic\'s local lab code: without it a level so coded is ignored, with it (saved, kept after reload) the level is read as by tdm propose --level-code; shown in the model details', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const [system, code] = LOCAL.split('|');
  const csv = [HEAD, ...DOSES.slice(0, 6), 'FHR-1,natalizumab,level,2025-03-31T08:45,9.1,ug/mL,,,', 'FHR-1,natalizumab,level,2025-05-26T08:45,8.2,ug/mL,,,'].join('\n').replaceAll('FHR-1', 'LOC-1') + '\n';
  // The lab's own code instead of the spec's for every level.
  const text = bundleOf(csv, 'lab.json').replace(/\{\s*"system": "urn:ms-interval:code",\s*"code": "natalizumab-serum"[^}]*\}/g, JSON.stringify({ system, code }));
  expect(text).toContain(code);
  expect(text).not.toContain('natalizumab-serum');
  const file = join(dir, 'lab.json');
  writeFileSync(file, text);

  await page.goto('/');
  await importFile(page, file);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('lab.json: 6 row(s) added');
  // Not the app's data without the code: counted, never an error.
  await expect(page.getByTestId('fhir-ignored')).toHaveText('lab.json: 2 other observations ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)');
  await open(page, 'LOC-1');
  await expect(rows(page)).toHaveCount(6);

  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByTestId('fhir-local-codes');
  // Not system|code: refused in words, nothing saved.
  await form.getByLabel('Natalizumab level').fill('NATA-S');
  await form.getByRole('button', { name: 'Save lab codes' }).click();
  await expect(form.getByRole('alert')).toHaveText('Natalizumab level, line 1: "NATA-S" is not system|code: write the code system\'s URI, a bar and the code, e.g. http://loinc.org|8116-6');
  await form.getByLabel('Natalizumab level').fill(LOCAL);
  await form.getByRole('button', { name: 'Save lab codes' }).click();
  await expect(form.getByRole('status')).toHaveText('Lab codes saved.');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('fhir-local-codes').getByLabel('Natalizumab level')).toHaveValue(LOCAL);

  await page.getByRole('button', { name: 'Planning' }).click();
  await importFile(page, file);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('lab.json: 2 row(s) added, 6 already on record');
  await expect(page.getByTestId('fhir-ignored')).toHaveCount(0);
  await open(page, 'LOC-1');
  await expect(rows(page)).toHaveCount(8);
  const withCode = cliNext(file, '--level-code', LOCAL).get('LOC-1');
  // The command line reads the two levels only with the option (its line then names them).
  const line = (...flags: string[]) => spawnSync('node', ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'propose', file, '--time-zone', ZONE, ...flags], { encoding: 'utf8' }).stdout;
  expect(line('--level-code', LOCAL)).not.toEqual(line());
  await expect(page.getByTestId('next-dose')).toHaveText(withCode!, { timeout: 30_000 });
  // The codes of the record in the model details, the clinic's own among them.
  const details = page.locator('details').filter({ has: page.getByTestId('fhir-codes') }).first();
  await details.locator('summary').first().click();
  const codes = page.getByTestId('fhir-codes').first();
  await expect(codes).toContainText('urn:ms-interval:code');
  await expect(codes.locator('tr').filter({ hasText: code })).toContainText('this clinic\'s lab code');
  await expect(codes.locator('tr').filter({ hasText: '8116-6' })).toHaveCount(0); // the CD19 code is ocrelizumab's
  await expect(codes.locator('tr[data-confirmed="false"]').first()).toContainText('[?] to confirm');
  expect(w.errors).toEqual([]);
});

test('export as FHIR: the open patient (a recorded choice as the plan) and all patients, every resource valid R4, read back by tdm propose to the app\'s next dose', async ({ page }) => {
  test.setTimeout(150_000);
  const w = watch(page);
  await page.goto('/');
  await importFile(page, 'fixtures/fhir/hand-written.csv');
  await expect(page.locator('[data-testid="import-done"]')).toContainText('hand-written.csv:');
  const expected = cliNext('fixtures/fhir/hand-written.csv');
  await open(page, 'HW-NAT-IV');
  await expect(page.getByTestId('next-dose')).toHaveText(expected.get('HW-NAT-IV')!, { timeout: 30_000 });
  const shown = await page.getByTestId('next-dose').textContent();

  // The open patient, with nothing chosen: the proposal.
  await page.locator('select[name="export_which"]').selectOption('open');
  const one = await download(page, () => page.getByTestId('export-fhir').click());
  expect(one.name).toMatch(/^ms-interval-HW-NAT-IV-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
  const b1 = JSON.parse(one.text) as AnyBundle;
  expect(validationProblems(b1)).toEqual([]);
  const types = (b: AnyBundle) => b.entry.map((e) => e.resource.resourceType);
  expect(types(b1).filter((t) => t === 'Patient')).toHaveLength(1);
  for (const t of ['MedicationRequest', 'DocumentReference', 'Provenance']) expect(types(b1).filter((x) => x === t), t).toHaveLength(1);
  const mr = b1.entry.find((e) => e.resource.resourceType === 'MedicationRequest')!.resource as unknown as { intent: string; dosageInstruction: { timing: { event: string[] } }[] };
  expect([mr.intent, mr.dosageInstruction[0].timing.event[0]]).toEqual(['proposal', shown]);
  const dr = b1.entry.find((e) => e.resource.resourceType === 'DocumentReference')!.resource as unknown as { content: { attachment: { data: string } }[] };
  expect(Buffer.from(dr.content[0].attachment.data, 'base64').toString('utf8')).toContain(shown!);
  // The note says the forecast spread the card's calibration note says (the app calibrates by default).
  const spread = Buffer.from(dr.content[0].attachment.data, 'base64').toString('utf8').split('\n').filter((l) => l.startsWith('Forecast spread'));
  const calNote = page.getByTestId('calibration-note');
  await expect(calNote).toHaveAttribute('data-calibrated', 'true');
  await expect(calNote).toHaveText('Spread from 1 troughs of this clinic: 80 % intervals held 1. Inter-occasion spread used: log-SD 0.148 (published 0.15); the whole forecast\'s width × 0.96 of the published.');
  expect(spread).toEqual(['Forecast spread from 1 troughs of this clinic: inter-occasion log-SD 0.148 (published 0.15), the whole forecast\'s width × 0.96 of the published; 80 % intervals held 1 of the scored troughs.']);
  expect(one.text).toMatch(/"effectiveDateTime": "2024-03-04T08:40:00\+01:00"/); // the clinic's zone offset
  const f1 = join(dir, one.name);
  expect(cliNext(f1).get('HW-NAT-IV')).toBe(shown);
  // Imported back: the same records (the proposal resources read back silently), nothing new.
  await importFile(page, f1);
  await expect(page.locator('[data-testid="import-done"]')).toContainText(`${one.name}: nothing new. Every row is already on record (`);
  await expect(page.getByTestId('fhir-ignored')).toHaveCount(0);

  // A recorded choice goes as the plan with its reason.
  const four = await page.getByTestId('choose-option').locator('option[value$="/interval:4"]').getAttribute('value');
  await page.getByTestId('choose-option').selectOption(four!);
  await page.locator('textarea[name="reason"]').fill('pregnancy wish: usual schedule');
  await page.getByTestId('save-choice').click();
  await expect(page.getByTestId('stored-choice')).toContainText('pregnancy wish: usual schedule');
  const chosen = JSON.parse((await download(page, () => page.getByTestId('export-fhir').click())).text) as AnyBundle;
  expect(validationProblems(chosen)).toEqual([]);
  const plan = chosen.entry.find((e) => e.resource.resourceType === 'MedicationRequest')!.resource as unknown as { intent: string; reasonCode: { text: string }[]; dosageInstruction: { timing: { event: string[]; repeat: { period: number; periodUnit: string } } }[] };
  expect(plan.intent).toBe('plan');
  expect(plan.reasonCode[0].text).toBe('pregnancy wish: usual schedule');
  expect(plan.dosageInstruction[0].timing.event[0]).toBe(four!.slice(0, 10));
  expect(plan.dosageInstruction[0].timing.repeat).toEqual({ period: 4, periodUnit: 'wk' });
  // From a Dutch screen the note is Dutch (attachment language nl), the chosen option's words as the Dutch card says them.
  type Doc = { description: string; content: { attachment: { language: string; title: string; data: string } }[] };
  const docOf = (b: AnyBundle) => b.entry.find((e) => e.resource.resourceType === 'DocumentReference')!.resource as unknown as Doc;
  const noteEn = Buffer.from(docOf(chosen).content[0].attachment.data, 'base64').toString('utf8').split('\n');
  expect(docOf(chosen).content[0].attachment.language).toBe('en');
  const proposedWeeks = /^The model proposed: next dose \d{4}-\d\d-\d\d \(interval (\d+) weeks\)\.$/m.exec(noteEn.join('\n'))![1];
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const labelNl = (await page.getByTestId('choose-option').locator(`option[value="${four}"]`).textContent())!.trim();
  const fromDutch = JSON.parse((await download(page, () => page.getByTestId('export-fhir').click())).text) as AnyBundle;
  expect(validationProblems(fromDutch)).toEqual([]);
  const nl = (iso: string) => iso.split('-').reverse().join('-');
  const docNl = docOf(fromDutch);
  expect(docNl.content[0].attachment.language).toBe('nl');
  expect(docNl.description).toBe(`Voorstel van MS Interval voor natalizumab: volgende gift ${nl(four!.slice(0, 10))}`);
  expect(docNl.content[0].attachment.title).toMatch(/^Voorstel van MS Interval HW-NAT-IV \d\d-\d\d-\d{4}$/);
  const noteNl = Buffer.from(docNl.content[0].attachment.data, 'base64').toString('utf8').split('\n');
  expect(noteNl[0]).toMatch(/^Voorstel van MS Interval voor patiënt HW-NAT-IV \(natalizumab\), gepland op \d\d-\d\d-\d{4}; laatste gift \d\d-\d\d-\d{4} \d\d:\d\d\.$/);
  expect(noteNl.slice(1, 4)).toEqual([
    `Volgende gift (gekozen door de arts): ${nl(four!.slice(0, 10))} (interval 4 weken): ${labelNl}.`,
    'Reden voor de keuze: pregnancy wish: usual schedule',
    `Het model stelde voor: volgende gift ${nl(shown!)} (interval ${proposedWeeks} weken).`,
  ]);
  expect(noteNl).toContain('Spreiding van de voorspelling uit 1 dalspiegels van deze kliniek: inter-occasiespreiding log-SD 0,148 (gepubliceerd 0,15), de breedte van de hele voorspelling × 0,96 van de gepubliceerde; 80 %-intervallen hielden 1 van de beoordeelde dalspiegels.');
  expect(noteNl.slice(-2)).toEqual(['Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel: de arts beslist.', '']);
  expect(noteNl).toHaveLength(noteEn.length);
  expect(noteNl.join('\n')).not.toMatch(/\b(proposal|planned|Next dose|chosen by|Warnings|version|decision support)\b/);
  // The MedicationRequest's note and dosage text and the Provenance's model display are Dutch too; its codes and timing are the English export's.
  type Req = { intent: string; note: { text: string }[]; dosageInstruction: { text: string; timing: unknown; route: unknown; doseAndRate: unknown }[]; medicationCodeableConcept: unknown; reasonCode: unknown };
  type Prov = { entity: { what: { identifier: unknown; display: string } }[] };
  const reqOf = (b: AnyBundle) => b.entry.find((e) => e.resource.resourceType === 'MedicationRequest')!.resource as unknown as Req;
  const provOf = (b: AnyBundle) => b.entry.find((e) => e.resource.resourceType === 'Provenance')!.resource as unknown as Prov;
  const [reqNl, reqEn] = [reqOf(fromDutch), reqOf(chosen)];
  const asOfNl = /gepland op (\d\d-\d\d-\d{4})/.exec(noteNl[0])![1];
  expect(reqNl.note).toHaveLength(1);
  expect(reqNl.note[0].text).toMatch(new RegExp(`^Gekozen door de arts naast het voorstel van MS Interval \\S+, model .+ \\(natalizumab-[^)]+\\) versie \\S+, gepland op ${asOfNl}\\. Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel\\.$`));
  expect(reqNl.dosageInstruction[0].text).toBe(`natalizumab 300 mg intraveneus op ${nl(four!.slice(0, 10))}, daarna elke 4 weken`);
  expect(reqEn.note[0].text).toMatch(/^Chosen by the clinician beside the proposal of MS Interval .+ version .+, planned on \d{4}-\d\d-\d\d\. Decision aid, not a certified medical device\.$/);
  expect(reqEn.dosageInstruction[0].text).toBe(`natalizumab 300 mg intravenously on ${four!.slice(0, 10)}, then every 4 weeks`);
  expect([reqNl.intent, reqNl.medicationCodeableConcept, reqNl.reasonCode, reqNl.dosageInstruction[0].timing, reqNl.dosageInstruction[0].route, reqNl.dosageInstruction[0].doseAndRate])
    .toEqual([reqEn.intent, reqEn.medicationCodeableConcept, reqEn.reasonCode, reqEn.dosageInstruction[0].timing, reqEn.dosageInstruction[0].route, reqEn.dosageInstruction[0].doseAndRate]);
  expect(provOf(fromDutch).entity[0].what.display).toBe(provOf(chosen).entity[0].what.display.replace(/ version (\S+)$/, ' versie $1'));
  expect(provOf(fromDutch).entity[0].what.display).toMatch(/^model .+ versie \S+$/);
  expect(provOf(fromDutch).entity[0].what.identifier).toEqual(provOf(chosen).entity[0].what.identifier);
  await page.getByLabel('Taal').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // All patients (the examples and the three of the file), each read back to the CLI's answer on its CSV.
  await page.locator('select[name="export_which"]').selectOption('all');
  await waitComputed(page);
  const all = await download(page, () => page.getByTestId('export-fhir').click());
  expect(all.name).toMatch(/^ms-interval-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
  const listed = await page.locator('[data-patient-id]').count();
  // Every proposal computed: all in the Bundle, and nothing said about a missing one.
  await expect(page.getByRole('status').filter({ hasText: 'as a FHIR Bundle' })).toHaveText(new RegExp(`Exported ${listed} patients as a FHIR Bundle\\.$`));
  const b2 = JSON.parse(all.text) as AnyBundle;
  expect(validationProblems(b2)).toEqual([]);
  expect(types(b2).filter((t) => t === 'Patient')).toHaveLength(listed);
  expect(types(b2).filter((t) => t === 'Provenance').length).toBe(types(b2).filter((t) => t === 'MedicationRequest').length);
  // One proposal per patient the planning list shows a next dose for.
  await page.getByRole('button', { name: 'Planning' }).click();
  const planned = await page.locator('[data-patient-id] td:nth-child(4) time').count();
  expect(planned).toBeGreaterThan(3);
  expect(types(b2).filter((t) => t === 'MedicationRequest')).toHaveLength(planned);
  const back = cliNext(join(dir, all.name));
  for (const id of ['HW-NAT-SC', 'HW-OCR']) expect(back.get(id), id).toBe(expected.get(id));
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});

test('a proposal still being computed is not exported silently: the Bundle has the records without it, and the page says so', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  // The app's test hook (read at start): FHR-1's computation is never answered; a long budget keeps it pending.
  await page.addInitScript(() => {
    localStorage.setItem('ms-interval-compute-budget-ms', '120000');
    localStorage.setItem('ms-interval-test-unanswered', JSON.stringify(['FHR-1']));
  });
  await page.goto('/');
  await putFile(page, 'patient.csv', ON_RECORD);
  await expect(page.locator('[data-testid="import-done"]')).toContainText('15 row(s) added');
  await open(page, 'FHR-1');
  await page.locator('select[name="export_which"]').selectOption('open');
  const got = await download(page, () => page.getByTestId('export-fhir').click());
  const b = JSON.parse(got.text) as AnyBundle;
  expect(validationProblems(b)).toEqual([]);
  const types = b.entry.map((e) => e.resource.resourceType);
  expect(types.filter((t) => t === 'MedicationAdministration')).toHaveLength(12);
  expect(types.filter((t) => t === 'MedicationRequest' || t === 'DocumentReference' || t === 'Provenance')).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'as a FHIR Bundle' })).toHaveText(/Exported 1 patient as a FHIR Bundle\. 1 patient's proposal was still being computed: it is not in the Bundle \(export again in a moment\)\.$/);
  expect(w.errors).toEqual([]);
});
