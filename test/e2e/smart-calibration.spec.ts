/**
 * Issue 17, item 3, in the SMART launch: a clinic whose app (same installation, same browser) has
 * calibrated its forecasts from its own troughs gets the same calibrated proposal for a patient
 * launched from the record as the app and `tdm propose --calibrate` give; a browser that never ran
 * the clinic's app, or a clinic with the setting off, gets the published spread and is told so, in
 * English and Dutch, word for word. The launch writes nothing of the patient: the browser's storage
 * is the same after it as before it. Against the same servers as smart-launch.spec.ts (a medplum
 * FhirRouter and an OAuth2 server on 127.0.0.1).
 */
import { test, expect, type Page } from './pinned';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTdmCsv, writeTdmCsv } from '../../src/core/records/index';
import { recordsToBundle } from '../../src/core/fhir/index';
import type { PatientRecord } from '../../src/core/types';
import { clinicTrack, trackPatient } from '../../src/core/natalizumab/clinic-track';
import { patientCalibration } from '../../src/core/natalizumab/calibration';
import type { TroughScore } from '../../src/core/natalizumab/track-record';
import { handle } from '../../src/worker/handle';
import { formatNumber } from '../../src/app/features/proposal/format';
import { simulateClinic, MODEL_WORLD } from '../../scripts/simulate-clinic';
import { cliAsTheAppPlans, importFile, localToday, waitComputed, watch } from './app-helpers';
import { startSmartRecord, startStatic, type SmartRecord } from './smart/servers';
import type { Resource } from '@medplum/fhirtypes';

const CLIENT_ID = 'ms-interval';
const ZONE = 'Europe/Amsterdam';
const EXAMPLES = 'fixtures/examples/example-patients.csv';

let record: SmartRecord;
let app: Awaited<ReturnType<typeof startStatic>>;
const dir = mkdtempSync(join(tmpdir(), 'ms-interval-smart-cal-'));

// The clinic: 12 simulated patients of the model world (no inter-occasion variability: its calibration narrows the forecasts).
const CLINIC = join(dir, 'clinic.csv');
writeFileSync(CLINIC, simulateClinic(MODEL_WORLD, 12, 5).csv);
const clinicRecords = parseTdmCsv(readFileSync(CLINIC, 'utf8'), CLINIC).patients;
// Launched from the record: NAT-001 of the examples (two troughs: nothing of its own to score),
// and a thirteenth simulated patient (troughs of its own that are scored).
const NAT = parseTdmCsv(readFileSync(EXAMPLES, 'utf8'), EXAMPLES).patients.find((p) => p.id === 'NAT-001')!;
const OWN = parseTdmCsv(simulateClinic(MODEL_WORLD, 13, 5).csv, 'more.csv').patients.find((p) => p.id === 'SIM-model-013')!;
// The file `tdm propose --calibrate` is given: the same clinic plus NAT-001.
const WITH_NAT = join(dir, 'clinic-nat.csv');
writeFileSync(WITH_NAT, writeTdmCsv([...clinicRecords, NAT]));

const scoresOf = (p: PatientRecord): TroughScore[] => { const t = trackPatient(p, {}); return t && 'scores' in t ? t.scores : []; };
/** The clinic's calibration as the core computes it from the clinic's file (the app's is checked equal to the CLI's in track-record.spec.ts). */
const clinicCal = clinicTrack(clinicRecords.map((p) => [p.id, scoresOf(p)] as const)).clinic;

type Line = { proposal: { next_dose: string; predicted_trough_low: number; predicted_trough_high: number }; calibration?: { troughs: number; iov: number; clinic_iov: number; scale: number } };

test.use({ timezoneId: ZONE, locale: 'en-GB' });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, info) => {
  info.setTimeout(180_000);
  record = await startSmartRecord({ clientId: CLIENT_ID, pageSize: 3 });
  writeFileSync(join(dir, 'smart.json'), JSON.stringify({ clientId: CLIENT_ID, issuers: [record.fhirBase], origins: [record.authOrigin] }));
  const built = spawnSync('node', ['node_modules/vite/bin/vite.js', 'build', '--outDir', join(dir, 'dist'), '--emptyOutDir', '--logLevel', 'error'],
    { env: { ...process.env, SMART_CONFIG: join(dir, 'smart.json') }, encoding: 'utf8', timeout: 150_000 });
  if (built.status !== 0) throw new Error(`the SMART build failed: ${built.stderr}`);
  app = await startStatic(join(dir, 'dist'));
});

test.afterAll(async () => {
  await Promise.all([record?.close(), app?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh record holding one patient, launched by `launch-1`; returns its server id. */
async function seed(p: PatientRecord): Promise<string> {
  record.repo.clear();
  const bundle = recordsToBundle([p], new Map(), { timeZone: ZONE, now: Date.UTC(2026, 11, 1), appVersion: 'test', idSeed: 'smart-cal-e2e' });
  const patientUrl = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.fullUrl;
  const ids = await record.load(bundle.entry as { fullUrl: string; resource: Resource }[]);
  const serverId = ids.get(patientUrl)!.split('/')[1];
  record.launches.set('launch-1', serverId);
  return serverId;
}

async function launch(page: Page): Promise<void> {
  await page.goto(`${app.origin}/launch.html?iss=${encodeURIComponent(record.fhirBase)}&launch=launch-1`);
  await expect(page.getByTestId('fhir-launched')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('next-dose')).toBeVisible({ timeout: 60_000 });
}

/** The clinic's app on the same origin: its file imported, its track record and calibration computed and stored. */
async function importClinic(page: Page): Promise<void> {
  await page.goto(`${app.origin}/`);
  await page.getByTestId('remove-examples').click();
  await importFile(page, CLINIC);
  await expect(page.locator('[data-patient-id]')).toHaveCount(clinicRecords.length);
  await waitComputed(page);
  await expect(page.locator('.scoring')).toHaveCount(0);
  // The calibration is kept in IndexedDB (written within 300 ms): wait until it is there.
  await expect.poll(() => page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('ms-interval-computed'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    try {
      if (!db.objectStoreNames.contains('clinic')) return 0;
      const row = await new Promise<{ clinic?: { clinic?: { troughs?: number } } } | undefined>((res, rej) => { const r = db.transaction('clinic').objectStore('clinic').get('clinic'); r.onsuccess = () => res(r.result as never); r.onerror = () => rej(r.error); });
      return row?.clinic?.clinic?.troughs ?? 0;
    } finally { db.close(); }
  }), { timeout: 30_000 }).toBe(clinicCal.troughs);
  await page.waitForTimeout(500);
}

/**
 * Everything the browser stores for the app's origin, as one text (as smart-launch.spec.ts), but
 * the language chosen (ms-interval-lang: the test switches languages; not the patient's).
 */
async function storageDump(page: Page): Promise<{ session: number; text: string }> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i)!; parts.push(`local ${k}=${localStorage.getItem(k)}`); }
    for (let i = 0; i < sessionStorage.length; i++) { const k = sessionStorage.key(i)!; parts.push(`session ${k}=${sessionStorage.getItem(k)}`); }
    for (const info of (await indexedDB.databases()).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))) {
      const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(info.name!); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((res, rej) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        parts.push(`idb ${info.name}@${info.version}/${store}=${JSON.stringify(all)}`);
      }
      db.close();
    }
    return { session: sessionStorage.length, text: parts.join('\n') };
  }).then((d) => ({ ...d, text: d.text.split('\n').filter((l) => !l.startsWith('local ms-interval-lang=')).join('\n') }));
}

/** The launched patient's report as the SMART view's worker computes it (as of its last row, planned on today), with these natalizumab options. */
function reportOf(p: PatientRecord, nat: object) {
  const r = handle({ type: 'compute', id: 1, job: { patient: p, settings: { natalizumab: nat, ocrelizumab: {}, notBefore: localToday(ZONE) }, asOf: { kind: 'last' } } }, () => 0);
  if (r.type !== 'computed' || 'error' in r.report || r.report.drug !== 'natalizumab') throw new Error(`no proposal for ${p.id}`);
  return r.report;
}
/** A number as the note written to the record gives it (3 significant digits, src/core/fhir/text.ts). */
const sig3 = (x: number) => String(Number(x.toPrecision(3)));

const en = (x: number, d?: number) => formatNumber(x, 'en', d);
const nl = (x: number, d?: number) => formatNumber(x, 'nl', d);
/** The card's range of the predicted trough, as the card writes it. */
const rangeEn = (low: number, high: number) => `80 % interval ${en(low)} to ${en(high)}`;

test('with the clinic\'s calibration stored in this browser: the proposal of propose --calibrate, the notes in English and Dutch, written back as shown, nothing of the patient stored', async ({ page }) => {
  test.setTimeout(300_000);
  const seen = watch(page);
  const serverId = await seed(NAT);
  await importClinic(page);
  const before = await storageDump(page);

  const calibrated = (cliAsTheAppPlans(WITH_NAT, localToday(ZONE), ['--calibrate']) as unknown as Map<string, Line>).get('NAT-001')!;
  const plain = (cliAsTheAppPlans(WITH_NAT, localToday(ZONE)) as unknown as Map<string, Line>).get('NAT-001')!;
  // NAT-001 adds no scored trough: the file's clinic calibration is the clinic's.
  expect(calibrated.calibration!.troughs).toBe(clinicCal.troughs);
  // The calibration changes NAT-001's interval (else the test could not tell the two apart).
  expect([calibrated.proposal.predicted_trough_low, calibrated.proposal.predicted_trough_high]).not.toEqual([plain.proposal.predicted_trough_low, plain.proposal.predicted_trough_high]);

  await launch(page);
  await expect(page.getByTestId('next-dose')).toHaveText(calibrated.proposal.next_dose);
  await expect(page.getByTestId('predicted-trough')).toContainText(rangeEn(calibrated.proposal.predicted_trough_low, calibrated.proposal.predicted_trough_high));
  const note = page.getByTestId('calibration-note');
  await expect(note).toHaveAttribute('data-calibrated', 'true');
  expect(Math.round(Number(await note.getAttribute('data-iov')) * 1e4) / 1e4).toBe(calibrated.calibration!.iov);
  expect(Math.round(Number(await note.getAttribute('data-scale')) * 1000) / 1000).toBe(calibrated.calibration!.scale);
  expect(Number(await note.getAttribute('data-iov'))).toBe(clinicCal.iov);

  // The notes, word for word: where the spread comes from (the SMART view) and what it is (the card, as in the app).
  const held = clinicCal.calibratedCover80 ?? clinicCal.cover80!;
  const source = page.getByTestId('smart-calibration');
  await expect(source).toHaveAttribute('data-kind', 'clinic');
  await expect(source).toHaveText(`Forecast calibrated as in the clinic’s MS Interval in this browser: the clinic’s calibration stored here (${clinicCal.troughs} troughs of ${clinicCal.patients} patients; numbers only, no patient data), with this patient’s own troughs from the record (0 scored, held in this page only).`);
  await expect(note).toHaveText(`Spread from ${clinicCal.troughs} troughs of this clinic: 80 % intervals held ${en(held, 2)}. Inter-occasion spread used: log-SD ${en(clinicCal.iov, 3)} (published ${en(clinicCal.publishedIov, 3)}); the whole forecast's width × ${en(clinicCal.scale, 2)} of the published.`);
  await page.getByLabel('Language').selectOption('nl');
  await expect(source).toHaveText(`Voorspelling gekalibreerd zoals in MS Interval van de kliniek in deze browser: de kalibratie van de kliniek die hier is opgeslagen (${clinicCal.troughs} dalspiegels van ${clinicCal.patients} patiënten; alleen getallen, geen patiëntgegevens), met de eigen dalspiegels van deze patiënt uit het dossier (0 beoordeeld, alleen in deze pagina bewaard).`);
  await expect(note).toHaveText(`Spreiding uit ${clinicCal.troughs} dalspiegels van deze kliniek: 80%-intervallen hielden ${nl(held, 2)}. Gebruikte inter-occasiespreiding: log-SD ${nl(clinicCal.iov, 3)} (gepubliceerd ${nl(clinicCal.publishedIov, 3)}); de breedte van de hele voorspelling × ${nl(clinicCal.scale, 2)} van de gepubliceerde.`);
  await page.getByLabel('Taal').selectOption('en');

  // Written back: the proposal shown (the calibrated one).
  await page.getByTestId('fhir-write-back').click();
  await expect(page.getByTestId('fhir-written')).toContainText('Written to the record:');
  const [mr] = (await record.repo.searchResources({ resourceType: 'MedicationRequest' })) as (Resource & { dosageInstruction: { timing: { event: string[] } }[] })[];
  expect(mr.dosageInstruction[0].timing.event[0]).toBe(calibrated.proposal.next_dose);
  const [dr] = (await record.repo.searchResources({ resourceType: 'DocumentReference' })) as (Resource & { content: { attachment: { data: string } }[] })[];
  const text = Buffer.from(dr.content[0].attachment.data, 'base64').toString('utf8');
  // The core's report with patientCalibration(clinic, no troughs of its own) is the command line's (to its rounding), and the note gives it.
  const shown = reportOf(NAT, patientCalibration(clinicCal, [])).proposal;
  const shownPlain = reportOf(NAT, {}).proposal;
  expect(shown.nextDose).toBe(calibrated.proposal.next_dose);
  expect(rangeEn(shown.predictedTrough.low, shown.predictedTrough.high)).toBe(rangeEn(calibrated.proposal.predicted_trough_low, calibrated.proposal.predicted_trough_high));
  expect(text).toContain(`(80 % interval ${sig3(shown.predictedTrough.low)} to ${sig3(shown.predictedTrough.high)} µg/mL)`);
  expect(text).toContain(`(80 % interval ${sig3(shown.nextTrough.low)} to ${sig3(shown.nextTrough.high)} µg/mL)`);
  expect(text).not.toContain(`(80 % interval ${sig3(shownPlain.predictedTrough.low)} to ${sig3(shownPlain.predictedTrough.high)} µg/mL)`);
  // The note says the spread used, as the card's calibration note does (in the note's English).
  expect(text).toContain(`\nForecast spread from ${clinicCal.troughs} troughs of this clinic: inter-occasion log-SD ${en(clinicCal.iov, 3)} (published ${en(clinicCal.publishedIov, 3)}), the whole forecast's width × ${en(clinicCal.scale, 2)} of the published; 80 % intervals held ${en(held, 2)} of the scored troughs.\n`);

  // Nothing of the patient stored: the browser's storage is what the clinic's app left, unchanged.
  const after = await storageDump(page);
  expect(after.session).toBe(0);
  expect(after.text).toBe(before.text);
  // (NAT-001 is in the app's own history: the example patients it removed. The record's id of the patient is not.)
  for (const s of [serverId, 'access_token']) expect(after.text.includes(s), s).toBe(false);

  // A patient with troughs of its own: patientCalibration(clinic, its own scored troughs), as the core computes it.
  const own = scoresOf(OWN);
  expect(own.length).toBeGreaterThan(2);
  const options = patientCalibration(clinicCal, own);
  const p = reportOf(OWN, options).proposal;
  const q = reportOf(OWN, {}).proposal;
  expect(rangeEn(p.predictedTrough.low, p.predictedTrough.high)).not.toBe(rangeEn(q.predictedTrough.low, q.predictedTrough.high));
  const ownId = await seed(OWN);
  await launch(page);
  await expect(page.getByTestId('next-dose')).toHaveText(p.nextDose);
  await expect(page.getByTestId('predicted-trough')).toContainText(rangeEn(p.predictedTrough.low, p.predictedTrough.high));
  expect(Number(await note.getAttribute('data-iov'))).toBe(options.iovCl);
  expect(Number(await note.getAttribute('data-scale'))).toBe(options.spreadScale);
  await expect(source).toHaveText(`Forecast calibrated as in the clinic’s MS Interval in this browser: the clinic’s calibration stored here (${clinicCal.troughs} troughs of ${clinicCal.patients} patients; numbers only, no patient data), with this patient’s own troughs from the record (${own.length} scored, held in this page only).`);
  // Its own track record on the card, from the record, as in the app.
  await expect(page.getByTestId('patient-track-summary')).toHaveAttribute('data-count', String(own.length));
  const after2 = await storageDump(page);
  expect(after2.text).toBe(before.text);
  for (const s of [ownId, 'SIM-model-013']) expect(after2.text.includes(s), s).toBe(false);
  expect(seen.errors).toEqual([]);
  expect(seen.external).toEqual([]);
});

test('no calibration in this browser, one not of the clinic\'s current list, or the clinic\'s setting off: the published spread, and the view says why (English and Dutch)', async ({ page }) => {
  test.setTimeout(300_000);
  const seen = watch(page);
  await seed(NAT);
  const plain = (cliAsTheAppPlans(WITH_NAT, localToday(ZONE)) as unknown as Map<string, Line>).get('NAT-001')!;

  // A browser that never ran the clinic's app.
  await launch(page);
  await expect(page.getByTestId('next-dose')).toHaveText(plain.proposal.next_dose);
  await expect(page.getByTestId('predicted-trough')).toContainText(rangeEn(plain.proposal.predicted_trough_low, plain.proposal.predicted_trough_high));
  const source = page.getByTestId('smart-calibration');
  const note = page.getByTestId('calibration-note');
  await expect(source).toHaveAttribute('data-kind', 'none');
  await expect(note).toHaveAttribute('data-calibrated', 'false');
  await expect(source).toHaveText('Forecast not calibrated: the published spread is used because this browser holds no calibration from the clinic’s troughs (the clinic’s MS Interval has not been used in this browser). The clinic’s app, calibrated on its patients’ troughs, may propose differently for this patient.');
  await expect(note).toHaveText('Forecast spread: the published model’s allowances (this browser holds no calibration from the clinic’s troughs).');
  await page.getByLabel('Language').selectOption('nl');
  await expect(source).toHaveText('Voorspelling niet gekalibreerd: de gepubliceerde spreiding wordt gebruikt, omdat deze browser geen kalibratie op de dalspiegels van de kliniek bevat (MS Interval van de kliniek is in deze browser niet gebruikt). De app van de kliniek, gekalibreerd op de dalspiegels van haar patiënten, kan voor deze patiënt iets anders voorstellen.');
  await expect(note).toHaveText('Spreiding van de voorspelling: de marges van het gepubliceerde model (deze browser bevat geen kalibratie op de dalspiegels van de kliniek).');
  await page.getByLabel('Taal').selectOption('en');
  const none = await storageDump(page);
  expect(none.text).toBe('');

  // The clinic's app, calibrated; its stored calibration made that of another list (as after a change the app has not yet calibrated).
  await importClinic(page);
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('ms-interval-computed'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const store = db.transaction('clinic', 'readwrite').objectStore('clinic');
    const row = await new Promise<{ fingerprint: string }>((res, rej) => { const r = store.get('clinic'); r.onsuccess = () => res(r.result as never); r.onerror = () => rej(r.error); });
    await new Promise((res, rej) => { const r = store.put({ ...row, fingerprint: `${row.fingerprint}-another-list` }); r.onsuccess = res; r.onerror = () => rej(r.error); });
    db.close();
  });
  await launch(page);
  await expect(page.getByTestId('next-dose')).toHaveText(plain.proposal.next_dose);
  await expect(page.getByTestId('predicted-trough')).toContainText(rangeEn(plain.proposal.predicted_trough_low, plain.proposal.predicted_trough_high));
  await expect(source).toHaveAttribute('data-kind', 'not-current');
  await expect(source).toHaveText('Forecast not calibrated: the published spread is used because the calibration stored in this browser is not that of the clinic’s current patients. Open MS Interval in this browser to compute it again, then launch again; until then the clinic’s app may propose differently for this patient.');
  await expect(note).toHaveText('Forecast spread: the published model’s allowances (the calibration in this browser is not that of the clinic’s current patients).');
  await page.getByLabel('Language').selectOption('nl');
  await expect(source).toHaveText('Voorspelling niet gekalibreerd: de gepubliceerde spreiding wordt gebruikt, omdat de kalibratie die in deze browser is opgeslagen niet die van de huidige patiënten van de kliniek is. Open MS Interval in deze browser om haar opnieuw te berekenen en start daarna opnieuw; tot dan kan de app van de kliniek voor deze patiënt iets anders voorstellen.');
  await expect(note).toHaveText('Spreiding van de voorspelling: de marges van het gepubliceerde model (de kalibratie in deze browser is niet die van de huidige patiënten van de kliniek).');
  await page.getByLabel('Taal').selectOption('en');

  // The clinic's app opened again: it calibrates its list again (and stores it); then its setting is turned off.
  await page.goto(`${app.origin}/`);
  await waitComputed(page);
  await expect.poll(() => page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('ms-interval-computed'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const row = await new Promise<{ fingerprint: string }>((res, rej) => { const r = db.transaction('clinic').objectStore('clinic').get('clinic'); r.onsuccess = () => res(r.result as never); r.onerror = () => rej(r.error); });
    db.close();
    return row.fingerprint.endsWith('-another-list');
  }), { timeout: 30_000 }).toBe(false);
  await page.getByTestId('nav-track').click();
  await page.getByTestId('calibrate-setting').uncheck();
  await page.waitForTimeout(500);
  await launch(page);
  await expect(page.getByTestId('next-dose')).toHaveText(plain.proposal.next_dose);
  await expect(page.getByTestId('predicted-trough')).toContainText(rangeEn(plain.proposal.predicted_trough_low, plain.proposal.predicted_trough_high));
  await expect(source).toHaveAttribute('data-kind', 'off');
  await expect(source).toHaveText('Forecast not calibrated: the published spread is used because calibration from the clinic’s troughs is switched off in the clinic’s settings in this browser (MS Interval, Track record).');
  await expect(note).toHaveText('Forecast spread: the published model\'s allowances (calibration from the clinic\'s troughs is off).');
  await page.getByLabel('Language').selectOption('nl');
  await expect(source).toHaveText('Voorspelling niet gekalibreerd: de gepubliceerde spreiding wordt gebruikt, omdat kalibratie op de dalspiegels van de kliniek uit staat in de instellingen van de kliniek in deze browser (MS Interval, Trackrecord).');
  await expect(note).toHaveText('Spreiding van de voorspelling: de marges van het gepubliceerde model (kalibratie op de dalspiegels van de kliniek staat uit).');
  expect(seen.errors).toEqual([]);
});
