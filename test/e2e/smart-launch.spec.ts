/**
 * SMART on FHIR launch, end to end, against a real FHIR server implementation and an OAuth2
 * authorization server, both started here on 127.0.0.1 (test/e2e/smart/servers.ts), with the app
 * built for them (SMART_CONFIG allowing only that FHIR server, its authorization server as an
 * extra origin) and served from a third loopback origin.
 *
 * The record holds NAT-001 of the example patients (written as FHIR by the core's writer) with
 * small search pages, plus a result the app does not use and another patient. The launched
 * patient's next dose must equal the command line's on the CSV; the write-back must leave one
 * MedicationRequest, one DocumentReference naming that dose and one Provenance on the server, and
 * never a second; failures are said in words; an issuer not on the list is refused on the page
 * before any request; nothing of the patient stays in the browser's storage.
 */
import { test, expect, type Page } from './pinned';
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTdmCsv } from '../../src/core/records/index';
import { recordsToBundle } from '../../src/core/fhir/index';
import { cliNextDoses, localToday, watch } from './app-helpers';
import { startLoggingServer, startSmartRecord, startStatic, type SmartRecord } from './smart/servers';
import type { Resource } from '@medplum/fhirtypes';

const CSV = 'fixtures/examples/example-patients.csv';
const PATIENT = 'NAT-001';
const CLIENT_ID = 'ms-interval';
const ZONE = 'Europe/Amsterdam';

let record: SmartRecord;
let evil: Awaited<ReturnType<typeof startLoggingServer>>;
let app: Awaited<ReturnType<typeof startStatic>>;
let dir: string;
let cliNext: string;

test.use({ timezoneId: ZONE, locale: 'en-GB' });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, info) => {
  info.setTimeout(180_000);
  record = await startSmartRecord({ clientId: CLIENT_ID, pageSize: 2 });
  evil = await startLoggingServer();
  dir = mkdtempSync(join(tmpdir(), 'ms-interval-smart-'));
  writeFileSync(join(dir, 'smart.json'), JSON.stringify({ clientId: CLIENT_ID, issuers: [record.fhirBase], origins: [record.authOrigin] }));
  const built = spawnSync('node', ['node_modules/vite/bin/vite.js', 'build', '--outDir', join(dir, 'dist'), '--emptyOutDir', '--logLevel', 'error'],
    { env: { ...process.env, SMART_CONFIG: join(dir, 'smart.json') }, encoding: 'utf8', timeout: 150_000 });
  if (built.status !== 0) throw new Error(`the SMART build failed: ${built.stderr}`);
  app = await startStatic(join(dir, 'dist'));
  cliNext = cliNextDoses(CSV, localToday(ZONE)).get(PATIENT)!;
  expect(cliNext).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test.afterAll(async () => {
  await Promise.all([record?.close(), evil?.close(), app?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh record: a patient of a CSV as the core writes it (NAT-001 of the examples by default),
 * a hemoglobin the app must ignore, and another patient. Returns the patient's server id.
 */
async function seed(csv = CSV, id = PATIENT, other = 'NAT-002', levelCode?: { system: string; code: string }): Promise<string> {
  record.repo.clear();
  const parsed = parseTdmCsv(readFileSync(csv, 'utf8'), csv);
  const bundle = recordsToBundle(parsed.patients.filter((p) => p.id === id || p.id === other), new Map(), { timeZone: ZONE, now: Date.UTC(2026, 11, 1), appVersion: 'test', idSeed: 'smart-e2e' });
  // With `levelCode`: the record keeps its levels under its lab's own code only.
  if (levelCode) {
    for (const e of bundle.entry) {
      const code = (e.resource as { code?: { coding?: { code?: string }[] } }).code;
      if (code?.coding?.some((c) => c.code === 'natalizumab-serum')) code.coding = [levelCode];
    }
  }
  const patientUrl = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.fullUrl;
  const entries = [...bundle.entry, {
    fullUrl: 'urn:uuid:5d9a1c36-7f0e-4b7a-9f51-000000000001',
    resource: { resourceType: 'Observation', status: 'final', category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '718-7', display: 'Hemoglobin' }] }, subject: { reference: patientUrl },
      effectiveDateTime: '2026-11-09T08:45:00+01:00', valueQuantity: { value: 8.4, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' } },
  }] as { fullUrl: string; resource: Resource }[];
  const ids = await record.load(entries);
  const serverId = ids.get(patientUrl)!.split('/')[1];
  record.launches.set('launch-1', serverId);
  record.standalonePatient = serverId;
  return serverId;
}

/** axe-core, WCAG 2.1 A/AA, no rule switched off (as the app's own audit). */
async function audit(page: Page, view: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const lines = result.violations.map((v) => `${view}: [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
  expect(lines, lines.join('\n')).toEqual([]);
  expect(result.passes.length).toBeGreaterThan(10);
}

async function count(type: string, patientId: string): Promise<Resource[]> {
  const b = await record.repo.search({ resourceType: type as 'Observation', filters: [{ code: 'patient', operator: 'eq' as never, value: `Patient/${patientId}` }], count: 1000 });
  return (b.entry ?? []).map((e) => e.resource as Resource);
}

async function written(patientId: string) {
  const [mr, dr, prov] = await Promise.all([count('MedicationRequest', patientId), count('DocumentReference', patientId), record.repo.searchResources({ resourceType: 'Provenance' })]);
  return { mr, dr, prov };
}

/** Launch from the record (EHR launch) and wait for the proposal. */
async function launch(page: Page): Promise<void> {
  await page.goto(`${app.origin}/launch.html?iss=${encodeURIComponent(record.fhirBase)}&launch=launch-1`);
  await expect(page.getByTestId('fhir-launched')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('next-dose')).toBeVisible({ timeout: 30_000 });
}

/** Everything the browser stores for the app's origin, as one text. */
async function storageDump(page: Page): Promise<{ session: number; text: string }> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i)!; parts.push(`local ${k}=${localStorage.getItem(k)}`); }
    for (let i = 0; i < sessionStorage.length; i++) { const k = sessionStorage.key(i)!; parts.push(`session ${k}=${sessionStorage.getItem(k)}`); }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(info.name!); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((res, rej) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        parts.push(`idb ${info.name}/${store}=${JSON.stringify(all)}`);
      }
      db.close();
    }
    return { session: sessionStorage.length, text: parts.join('\n') };
  });
}

test('EHR launch: read with paging, the next dose of the command line, written back once, nothing left in the browser', async ({ page }) => {
  const patientId = await seed();
  const seen = watch(page);
  record.fhirLog.length = 0;
  record.authLog.length = 0;
  await launch(page);

  // The same proposal as the command line on the CSV the record was written from.
  await expect(page.getByTestId('next-dose')).toHaveText(cliNext);
  await expect(page.locator('#patient-title')).toContainText(PATIENT);
  // A browser that never ran the clinic's app holds no calibration: the published spread, said so (smart-calibration.spec.ts).
  await expect(page.getByTestId('smart-calibration')).toHaveAttribute('data-kind', 'none');
  // Read by the launch: metadata/smart-configuration, the authorization, then every page.
  expect(record.authLog.map((r) => r.url.split('?')[0])).toEqual(['/authorize', '/token']);
  const searches = record.fhirLog.filter((r) => r.method === 'GET' && /\/fhir\/(Observation|MedicationAdministration)\?/.test(r.url));
  expect(searches.every((r) => r.auth)).toBe(true);
  expect(searches.filter((r) => r.url.startsWith('/fhir/MedicationAdministration?')).length).toBe(6); // 12 infusions, pages of 2
  expect(searches.filter((r) => r.url.startsWith('/fhir/Observation?')).length).toBe(2); // a weight and two levels (the hemoglobin not asked for)
  expect(searches.filter((r) => r.url.includes('_page=')).length).toBe(6); // every next link followed
  await expect(page.getByTestId('fhir-launched')).toContainText('Read from the record: 16 resources in 8 pages.');

  // Write back: exactly one of each, the note naming the next dose, the provenance naming both.
  await page.getByTestId('fhir-write-back').click();
  const done = page.getByTestId('fhir-written');
  await expect(done).toContainText('Written to the record:');
  let w = await written(patientId);
  expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([1, 1, 1]);
  await expect(done.locator('[data-resource="MedicationRequest"]')).toHaveAttribute('data-id', w.mr[0].id!);
  await expect(done.locator('[data-resource="DocumentReference"]')).toHaveAttribute('data-id', w.dr[0].id!);
  await expect(done.locator('[data-resource="Provenance"]')).toHaveAttribute('data-id', w.prov[0].id!);
  const mr = w.mr[0] as Resource & { intent: string; status: string; dosageInstruction: { timing: { event: string[] } }[] };
  expect([mr.status, mr.intent, mr.dosageInstruction[0].timing.event[0]]).toEqual(['draft', 'proposal', cliNext]);
  const note = Buffer.from((w.dr[0] as { content: { attachment: { data: string } }[] }).content[0].attachment.data, 'base64').toString('utf8');
  expect(note).toContain(cliNext);
  // No calibration in this browser: the note says the published model's spread was used.
  expect(note).toContain('\nForecast spread: the published model\'s allowances (not calibrated on this clinic\'s troughs).\n');
  expect((w.prov[0] as { target: { reference: string }[] }).target.map((t) => t.reference).sort())
    .toEqual([`DocumentReference/${w.dr[0].id}`, `MedicationRequest/${w.mr[0].id}`]);

  // A second click writes nothing.
  const posts = record.fhirLog.filter((r) => r.method === 'POST').length;
  await page.getByTestId('fhir-write-back').click();
  await expect(done).toContainText('This proposal is already in the record: nothing was written again.');
  expect(record.fhirLog.filter((r) => r.method === 'POST').length).toBe(posts);
  w = await written(patientId);
  expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([1, 1, 1]);

  // Nothing of the patient in the browser's storage (fhirclient's OAuth state removed too).
  const dump = await storageDump(page);
  expect(dump.session).toBe(0);
  for (const s of [patientId, PATIENT, '29.4', '2026-11-09', 'access_token', 'SMART_KEY']) expect(dump.text, s).not.toContain(s);
  expect(seen.errors).toEqual([]);
  expect(seen.external).toEqual([]);

  // Launched again (a new session, nothing remembered in the page): the server's conditional create finds what is there.
  const page2 = await page.context().newPage();
  await launch(page2);
  await page2.getByTestId('fhir-write-back').click();
  await expect(page2.getByTestId('fhir-written')).toContainText('Written to the record:');
  w = await written(patientId);
  expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([1, 1, 1]);
  await expect(page2.getByTestId('fhir-written').locator('[data-resource="DocumentReference"]')).toHaveAttribute('data-id', w.dr[0].id!);
});

test('a refused write is said in words, the proposal stays, and the retry writes nothing twice', async ({ page }) => {
  const patientId = await seed();
  const seen = watch(page);
  await launch(page);
  record.refuse('DocumentReference', 422, 'notes from apps need a signed-off author', 1);
  await page.getByTestId('fhir-write-back').click();
  const alert = page.getByTestId('fhir-write-failed');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('Writing the note to the record failed. The record refused the data (422). The server said: “notes from apps need a signed-off author”. The proposal stays here; you can try again: nothing already written will be written twice.');
  await expect(alert).toContainText('Already written before the failure');
  await audit(page, 'launched patient, refused write');
  await expect(page.getByTestId('next-dose')).toHaveText(cliNext);
  let w = await written(patientId);
  expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([1, 0, 0]);

  await expect(page.getByTestId('fhir-write-back')).toHaveText('Try again to write to the record');
  await page.getByTestId('fhir-write-back').click();
  await expect(page.getByTestId('fhir-written')).toContainText('Written to the record:');
  await expect(alert).toHaveCount(0);
  w = await written(patientId);
  expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([1, 1, 1]);
  // The browser itself logs the refused response; the app logs nothing.
  expect(seen.errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e))).toEqual([]);
});

test('a recorded choice is written as the plan with its reason', async ({ page }) => {
  const patientId = await seed();
  const seen = watch(page);
  await launch(page);
  // Another interval than the proposal's, among those offered: the 4-week date of the example's last
  // dose is today (2026-12-07), so from midnight in the browser's zone it is no longer offered.
  const choose = page.getByTestId('choose-option');
  const offered = async () => (await choose.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
    .map((v) => /^(\d{4}-\d{2}-\d{2}).*\/interval:(\d+)$/.exec(v)).filter((m): m is RegExpExecArray => m !== null && m[1] !== cliNext);
  await expect.poll(async () => (await offered()).length).toBeGreaterThan(0);
  const [four, , weeksText] = (await offered())[0];
  const weeks = Number(weeksText);
  await choose.selectOption(four);
  await page.locator('textarea[name="reason"]').fill('patient prefers the usual schedule');
  // A choice predicted below the target asks to be confirmed (a dialog): the clinician confirms.
  page.on('dialog', (d) => void d.accept());
  await page.getByTestId('save-choice').click();
  await expect(page.getByTestId('stored-choice')).toContainText('patient prefers the usual schedule');
  await page.getByTestId('fhir-write-back').click();
  await expect(page.getByTestId('fhir-written')).toContainText('Written to the record:');
  const w = await written(patientId);
  expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([1, 1, 1]);
  const mr = w.mr[0] as Resource & { intent: string; reasonCode: { text: string }[]; dosageInstruction: { timing: { event: string[]; repeat: { period: number; periodUnit: string } } }[] };
  expect(mr.intent).toBe('plan');
  expect(mr.reasonCode[0].text).toBe('patient prefers the usual schedule');
  expect(mr.dosageInstruction[0].timing.event[0]).toBe(four.slice(0, 10));
  expect(mr.dosageInstruction[0].timing.repeat).toEqual({ period: weeks, periodUnit: 'wk' });
  const note = Buffer.from((w.dr[0] as { content: { attachment: { data: string } }[] }).content[0].attachment.data, 'base64').toString('utf8');
  expect(note).toContain('patient prefers the usual schedule');
  // The choice lives in this page only.
  const dump = await storageDump(page);
  expect(dump.text).not.toContain('patient prefers the usual schedule');
  expect(seen.errors).toEqual([]);
});

test('a Dutch screen writes the Dutch note (attachment language nl); an English write of the same proposal is the same document', async ({ page }) => {
  const patientId = await seed();
  const seen = watch(page);
  await launch(page);
  await page.getByLabel('Language').selectOption('nl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByTestId('fhir-write-back').click();
  await expect(page.getByTestId('fhir-written')).toBeVisible();
  let w = await written(patientId);
  expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([1, 1, 1]);
  const dr = w.dr[0] as Resource & { description: string; content: { attachment: { language: string; title: string; data: string } }[] };
  const weeks = (w.mr[0] as { dosageInstruction: { timing: { repeat: { period: number } } }[] }).dosageInstruction[0].timing.repeat.period;
  const nl = (iso: string) => iso.split('-').reverse().join('-');
  expect(dr.content[0].attachment.language).toBe('nl');
  expect(dr.description).toBe(`Voorstel van MS Interval voor natalizumab: volgende gift ${nl(cliNext)}`);
  expect(dr.content[0].attachment.title).toMatch(/^Voorstel van MS Interval NAT-001 \d\d-\d\d-\d{4}$/);
  const lines = Buffer.from(dr.content[0].attachment.data, 'base64').toString('utf8').split('\n');
  expect(lines[0]).toMatch(/^Voorstel van MS Interval voor patiënt NAT-001 \(natalizumab\), gepland op \d\d-\d\d-\d{4}; laatste gift 09-11-2026 09:00\.$/);
  expect(lines[1]).toBe(`Volgende gift: ${nl(cliNext)} (interval ${weeks} weken, voorgesteld door het model).`);
  expect(lines).toContain('Spreiding van de voorspelling: de marges van het gepubliceerde model (niet gekalibreerd op de dalspiegels van deze kliniek).');
  expect(lines.slice(-2)).toEqual(['Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel: de arts beslist.', '']);
  expect(lines.join('\n')).not.toMatch(/\b(proposal|planned|Next dose|Warnings|version|decision support)\b/);
  // The MedicationRequest's note and dosage text and the Provenance's model display are Dutch too.
  const mrNl = w.mr[0] as Resource & { note: { text: string }[]; dosageInstruction: { text: string }[] };
  const asOfNl = /gepland op (\d\d-\d\d-\d{4})/.exec(lines[0])![1];
  expect(mrNl.note.map((n) => n.text)).toEqual([expect.stringMatching(new RegExp(`^Voorgesteld door MS Interval \\S+, model .+ \\(natalizumab-[^)]+\\) versie \\S+, gepland op ${asOfNl}\\. Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel\\.$`))]);
  expect(mrNl.dosageInstruction[0].text).toBe(`natalizumab 300 mg intraveneus op ${nl(cliNext)}, daarna elke ${weeks} weken`);
  expect((w.prov[0] as Resource & { entity: { what: { display: string } }[] }).entity[0].what.display).toMatch(/^model .+ versie \S+$/);

  // The same proposal from an English screen (a new launch): the server's conditional create finds the Dutch note; nothing new.
  const page2 = await page.context().newPage();
  await page2.addInitScript(() => localStorage.setItem('ms-interval-lang', 'en'));
  await launch(page2);
  await expect(page2.locator('html')).toHaveAttribute('lang', 'en');
  await page2.getByTestId('fhir-write-back').click();
  await expect(page2.getByTestId('fhir-written')).toContainText('Written to the record:');
  w = await written(patientId);
  expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([1, 1, 1]);
  await expect(page2.getByTestId('fhir-written').locator('[data-resource="DocumentReference"]')).toHaveAttribute('data-id', dr.id!);
  expect(seen.errors).toEqual([]);
});

test('subcutaneous natalizumab with finger-prick levels: the Specimen is read with the level, the same next dose as the command line', async ({ page }) => {
  const csv = 'fixtures/validation/natalizumab-sc.csv';
  await seed(csv, 'VS31-001', 'VS31-003');
  const seen = watch(page);
  await launch(page);
  await expect(page.getByTestId('next-dose')).toHaveText(cliNextDoses(csv, localToday(ZONE)).get('VS31-001')!);
  await expect(page.getByTestId('capillary-levels')).toBeVisible();
  await expect(page.getByTestId('fhir-issues')).toHaveCount(0);
  expect(seen.errors).toEqual([]);
});

test('the clinic\'s local lab code (app settings, key fhirLocalCodes) is asked for and read in the launch; without it the level is not read', async ({ page }) => {
  const LAB = { system: 'urn:oid:2.16.528.1.1007.3.3.1234567', code: 'NATA-S' };
  await seed(CSV, PATIENT, 'NAT-002', LAB);
  const seen = watch(page);
  const asked = () => record.fhirLog.filter((r) => r.method === 'GET' && r.url.startsWith('/fhir/Observation?')).map((r) => decodeURIComponent(r.url));

  // No local code set in this browser: the levels (under the lab's code only) are not asked for.
  record.fhirLog.length = 0;
  await launch(page);
  expect(asked().length).toBeGreaterThan(0);
  expect(asked().some((u) => u.includes('NATA-S'))).toBe(false);
  await expect(page.getByTestId('fhir-launched')).toContainText(/Read from the record: 14 resources in \d+ pages\./);

  // The clinic sets its lab's code in the app's settings (same installation, same browser).
  await page.goto(`${app.origin}/`);
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByTestId('fhir-local-codes');
  await form.getByLabel('Natalizumab level').fill(`${LAB.system}|${LAB.code}`);
  await form.getByRole('button', { name: 'Save lab codes' }).click();
  await expect(form.getByRole('status')).toHaveText('Lab codes saved.');

  record.fhirLog.length = 0;
  await launch(page);
  expect(asked().every((u) => u.includes(`${LAB.system}|${LAB.code}`))).toBe(true);
  await expect(page.getByTestId('fhir-launched')).toContainText('Read from the record: 16 resources in 8 pages.');
  await expect(page.getByTestId('next-dose')).toHaveText(cliNext);
  await expect(page.getByTestId('fhir-issues')).toHaveCount(0);
  expect(seen.errors).toEqual([]);
});

test('403, a server down and an expired token are said in words; nothing is written by them', async ({ page }) => {
  const patientId = await seed();
  const seen = watch(page);
  record.tokenSeconds = 6;
  try {
    await launch(page);
    const issued = Date.now();
    const alert = page.getByTestId('fhir-write-failed');

    record.refuse('MedicationRequest', 403, 'this user may not write medication requests', 1);
    await page.getByTestId('fhir-write-back').click();
    await expect(alert).toContainText('The record refused: this user or app is not allowed to do this (403). The server said: “this user may not write medication requests”.');

    record.down = true;
    await page.getByTestId('fhir-write-back').click();
    await expect(alert).toContainText('The record server could not be reached (it may be down, or the connection was lost).');
    record.down = false;
    await expect(page.getByTestId('next-dose')).toHaveText(cliNext);

    await page.waitForTimeout(Math.max(0, issued + 6500 - Date.now()));
    await page.getByTestId('fhir-write-back').click();
    await expect(alert).toContainText('The record no longer accepts this session: its access has expired (401). Start MS Interval again from the record.');
    const w = await written(patientId);
    expect([w.mr.length, w.dr.length, w.prov.length]).toEqual([0, 0, 0]);
    expect(seen.errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e))).toEqual([]);
  } finally {
    record.tokenSeconds = 3600;
    record.down = false;
  }
});

test('standalone launch (launch.html?iss=…): the patient chosen at the authorization server', async ({ page }) => {
  await seed();
  const seen = watch(page);
  await page.goto(`${app.origin}/launch.html?iss=${encodeURIComponent(record.fhirBase)}`);
  await expect(page.getByTestId('next-dose')).toHaveText(cliNext, { timeout: 30_000 });
  const authorize = record.authLog.filter((r) => r.url.startsWith('/authorize')).pop()!;
  expect(new URL(authorize.url, record.authOrigin).searchParams.get('scope')!.split(' ')[0]).toBe('launch/patient');
  expect(seen.errors).toEqual([]);
});

// Two unlisted issuers: another server (another origin), and another path on the listed server's
// own origin, which the page's policy would let through: only the allow-list stops that one.
for (const [locale, words, unlisted] of [
  ['en-GB', `The FHIR server URL is not on this installation’s list of allowed servers, so MS Interval did not connect to it and sent it nothing. If this is your hospital’s record, ask the application manager to add it to SMART_CONFIG.`, () => evil.base],
  ['nl-NL', `De FHIR-server URL staat niet op de lijst van toegestane servers van deze installatie; MS Interval heeft er daarom geen verbinding mee gemaakt en er niets naartoe gestuurd. Is dit het dossier van uw ziekenhuis, vraag dan de applicatiebeheerder om hem aan SMART_CONFIG toe te voegen.`, () => `${new URL(record.fhirBase).origin}/other/fhir`],
] as const) {
  test(`an issuer not on the list is refused on the page before any request (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale, timezoneId: ZONE });
    const page = await context.newPage();
    const seen = watch(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const before = { fhir: record.fhirLog.length, auth: record.authLog.length };
    await page.goto(`${app.origin}/launch.html?iss=${encodeURIComponent(unlisted())}&launch=launch-1`);
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(words.replace('URL', unlisted()));
    await audit(page, `launch page, refused issuer, ${locale}`);
    await page.waitForTimeout(500);
    expect(evil.log).toEqual([]);
    expect({ fhir: record.fhirLog.length, auth: record.authLog.length }).toEqual(before);
    expect(requests.filter((u) => !u.startsWith(app.origin))).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });
}

test('the usual build (no SMART_CONFIG): connect-src stays self, and launch.html launches nothing', async ({ page, request }) => {
  for (const html of ['/index.html', '/launch.html']) {
    const text = await (await request.get(html)).text();
    expect(/connect-src ([^;"]*)/.exec(text)?.[1], html).toBe("'self'");
  }
  const seen = watch(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const before = record.fhirLog.length;
  await page.goto(`/launch.html?iss=${encodeURIComponent(record.fhirBase)}&launch=launch-1`);
  await expect(page.getByRole('alert')).toHaveText('This installation of MS Interval is not set up to be launched from a record system (it was built without SMART_CONFIG). Nothing was sent anywhere.');
  await page.waitForTimeout(300);
  expect(record.fhirLog.length).toBe(before);
  expect(requests.filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([]);
  expect(seen.errors).toEqual([]);
});
