/**
 * The SMART view's calibration (issue 17, item 3): the choice between the clinic's calibration
 * stored in this browser and the published spread (off, no troughs, never used here, not current),
 * the options the launched patient takes (patientCalibration with its own scored troughs, as the
 * app and `tdm propose --calibrate`), and the fingerprint the stored calibration must carry (the
 * app's, use-track-record.ts). The strings are checked word for word in test/e2e/smart-calibration.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { chooseCalibration, clinicFingerprint, launchedOptions, type StoredClinic } from '../../../src/app/smart/calibration';
import { calibratedOptionsFor, clinicTrack, trackPatient, type ClinicTrack } from '../../../src/core/natalizumab/clinic-track';
import { patientCalibration } from '../../../src/core/natalizumab/calibration';
import type { TroughScore } from '../../../src/core/natalizumab/track-record';
import { parseTdmCsv } from '../../../src/core/records/index';
import { computeReport, lastEventTime } from '../../../src/core/engine';
import { endOfDay } from '../../../src/core/time';
import { counted, trackKey } from '../../../src/app/use-track-record';
import { hashText } from '../../../src/app/lib/hash';
import type { StoredPatient } from '../../../src/app/storage/db';
import type { PatientRecord } from '../../../src/core/types';
import { simulateClinic, IOV_WORLD } from '../../../scripts/simulate-clinic';

const sim = simulateClinic(IOV_WORLD, 7, 3);
const parsed = parseTdmCsv(sim.csv, 'clinic.csv').patients;
// The last simulated patient is the one launched from the record; the others are the clinic.
const clinicRecords = parsed.slice(0, -1);
const launched = parsed[parsed.length - 1];
const scoresOf = (p: PatientRecord): TroughScore[] => { const t = trackPatient(p, {}); return t && 'scores' in t ? t.scores : []; };
const clinic: ClinicTrack = clinicTrack(clinicRecords.map((p) => [p.id, scoresOf(p)] as const));

const found = (o: Partial<StoredClinic>): StoredClinic => ({ app: true, calibrate: true, fingerprint: 'fp', nothingScorable: false, stored: { fingerprint: 'fp', clinic }, ...o });

describe('the SMART view\'s choice of calibration', () => {
  it('uses the clinic\'s calibration stored for the clinic\'s current list when the setting is on', () => {
    expect(clinic.clinic.troughs).toBeGreaterThan(20);
    expect(chooseCalibration(found({}))).toEqual({ kind: 'clinic', clinic: clinic.clinic });
  });
  it('says why not otherwise: setting off, never used here, not current, no troughs', () => {
    expect(chooseCalibration(found({ calibrate: false }))).toEqual({ kind: 'off' });
    expect(chooseCalibration(found({ app: false, stored: null, fingerprint: null }))).toEqual({ kind: 'none' });
    // The app's database is there but never stored a calibration, or one for another list.
    expect(chooseCalibration(found({ stored: null }))).toEqual({ kind: 'not-current' });
    expect(chooseCalibration(found({ fingerprint: 'other' }))).toEqual({ kind: 'not-current' });
    expect(chooseCalibration(found({ fingerprint: null }))).toEqual({ kind: 'not-current' });
    // Nothing to score in the clinic: the app calibrates nobody, with or without a stored (stale) calibration.
    expect(chooseCalibration(found({ stored: null, nothingScorable: true }))).toEqual({ kind: 'no-troughs' });
    expect(chooseCalibration(found({ fingerprint: 'other', nothingScorable: true }))).toEqual({ kind: 'no-troughs' });
    const empty = clinicTrack(clinicRecords.map((p) => [p.id, []] as const));
    expect(chooseCalibration(found({ stored: { fingerprint: 'fp', clinic: empty } }))).toEqual({ kind: 'no-troughs' });
    // The setting off wins over everything stored.
    expect(chooseCalibration(found({ calibrate: false, stored: null }))).toEqual({ kind: 'off' });
  });
});

describe('the launched patient\'s options', () => {
  const own = scoresOf(launched);
  it('are patientCalibration(clinic, its own scored troughs), and nothing when not calibrated', () => {
    expect(own.length).toBeGreaterThan(2);
    const o = launchedOptions({ kind: 'clinic', clinic: clinic.clinic }, own);
    expect(o).toEqual(patientCalibration(clinic.clinic, own));
    expect(o.calibration?.patientTroughs).toBe(own.length);
    expect(o.iovCl).toBeGreaterThanOrEqual(clinic.clinic.iov);
    for (const kind of ['off', 'none', 'not-current', 'no-troughs'] as const) expect(launchedOptions({ kind }, own)).toEqual({});
  });
  it('are those of `propose --calibrate` on a file of the clinic with this patient, given that file\'s clinic calibration', () => {
    const all = clinicTrack(parsed.map((p) => [p.id, scoresOf(p)] as const));
    expect(launchedOptions({ kind: 'clinic', clinic: all.clinic }, own)).toEqual(calibratedOptionsFor(all, launched.id));
  });
  it('change the proposal\'s interval of the next trough (the calibration is not a label only)', () => {
    const asOf = endOfDay(lastEventTime(launched));
    const base = { natalizumab: {}, ocrelizumab: {} };
    const plain = computeReport(launched, asOf, base);
    const cal = computeReport(launched, asOf, { ...base, natalizumab: launchedOptions({ kind: 'clinic', clinic: clinic.clinic }, own) });
    if ('error' in plain || 'error' in cal || plain.drug !== 'natalizumab' || cal.drug !== 'natalizumab') throw new Error('no proposal');
    expect(cal.options.calibration?.troughs).toBe(clinic.clinic.troughs);
    expect(plain.options.calibration).toBeUndefined();
    expect([cal.proposal.predictedTrough.low, cal.proposal.predictedTrough.high]).not.toEqual([plain.proposal.predictedTrough.low, plain.proposal.predictedTrough.high]);
  });
});

describe('the fingerprint of the clinic\'s list', () => {
  it('is the one the app keeps its calibration under: counted patients\' track keys in list (seq) order', () => {
    const settings = { natalizumab: { target: 10 }, ocrelizumab: {} };
    const stored: StoredPatient[] = parsed.map((record, i) => ({ id: record.id, record, overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '2026-01-01T00:00', seq: 10 - i, example: i === 0 }));
    // The app's list is in seq order (store.ts); the database gives it in id order.
    const list = [...stored].sort((a, b) => a.seq - b.seq);
    const app = hashText(list.filter(counted).map((p) => trackKey(p, settings)).join('\n'));
    expect(clinicFingerprint(stored, settings)).toBe(app);
    expect(clinicFingerprint(stored, { natalizumab: { target: 5 }, ocrelizumab: {} })).not.toBe(app);
    expect(clinicFingerprint(stored.slice(1, 3), settings)).not.toBe(app);
  });
});
