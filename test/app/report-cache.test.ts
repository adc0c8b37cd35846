/**
 * Stored reports (issue 17, item 6): a report is used as current only for the fingerprint it was
 * computed for; the fingerprint holds the records, the settings (the calibrated spread, not its
 * description) and the engine build; entries of patients gone are forgotten. (IndexedDB itself is
 * exercised in Chromium: test/e2e/track-record.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import { ReportCache } from '../../src/app/storage/report-cache';
import { jobKey } from '../../src/app/use-reports';
import { trackKey } from '../../src/app/use-track-record';
import { ENGINE_BUILD } from '../../src/app/worker-client';
import { hashText } from '../../src/app/lib/hash';
import type { StoredPatient } from '../../src/app/storage/db';
import type { Computed } from '../../src/app/worker-client';

const patient = (value = 24.1): StoredPatient => ({
  id: 'P1', overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '2024-01-01T00:00', seq: 0,
  record: {
    id: 'P1', drug: 'natalizumab', order: 0, issues: [], bcells: [], weights: [],
    doses: [{ kind: 'dose', time: 19834.375, iso: '2024-04-22T09:00', amountMg: 300, route: 'iv', durationMin: 60 }],
    levels: [{ kind: 'level', time: 19862.36, iso: '2024-05-20T08:40', value, censored: false, unit: 'ug/mL', raw: String(value) }],
  },
});
const computed = { report: { patientId: 'P1', error: 'x' }, asOf: 1, ms: 2 } as unknown as Computed;
const cal = (troughs: number) => ({ troughs, scale: 1, patients: 3, clinicIov: 0.18, publishedIov: 0.15, patientIov: 0.2, patientTroughs: 2, cover80: 0.7, calibratedCover80: 0.8 });

describe('fingerprints of stored reports', () => {
  const s = { natalizumab: {}, ocrelizumab: {} };
  it('change with the records, the settings, the as-of rule, and carry the engine build', () => {
    const k = jobKey(patient(), s, { kind: 'last' });
    expect(k.endsWith(`|${hashText(ENGINE_BUILD)}`)).toBe(true);
    expect(jobKey(patient(24.2), s, { kind: 'last' })).not.toBe(k);
    expect(jobKey(patient(), { ...s, natalizumab: { target: 5 } }, { kind: 'last' })).not.toBe(k);
    expect(jobKey(patient(), s, { kind: 'date', date: '2024-06-01' })).not.toBe(k);
    expect(jobKey(patient(), s, { kind: 'last' })).toBe(k);
  });
  it('hold the calibrated spread, not its description (which changes no number)', () => {
    const a = jobKey(patient(), { ...s, natalizumab: { iovCl: 0.2, calibration: cal(100) } }, { kind: 'last' });
    expect(jobKey(patient(), { ...s, natalizumab: { iovCl: 0.2, calibration: cal(101) } }, { kind: 'last' })).toBe(a);
    expect(jobKey(patient(), { ...s, natalizumab: { iovCl: 0.2025, calibration: cal(100) } }, { kind: 'last' })).not.toBe(a);
    expect(jobKey(patient(), s, { kind: 'last' })).not.toBe(a);
    // The calibrated width of the whole forecast changes numbers: another key.
    expect(jobKey(patient(), { ...s, natalizumab: { iovCl: 0.2, spreadScale: 0.8, calibration: cal(100) } }, { kind: 'last' })).not.toBe(a);
  });
  it('of a track record: the records and the clinic\'s natalizumab settings', () => {
    const k = trackKey(patient(), s);
    expect(trackKey(patient(24.2), s)).not.toBe(k);
    expect(trackKey(patient(), { ...s, natalizumab: { samples: 200 } })).not.toBe(k);
    expect(trackKey(patient(), { ...s, ocrelizumab: { threshold: 12 } })).toBe(k);
  });
});

describe('the report cache (no IndexedDB: kept in memory only)', () => {
  it('answers a report only for its fingerprint, any report as an outdated one, and forgets patients gone', async () => {
    const c = new ReportCache('test-cache');
    await c.loaded;
    c.putReport('P1', 'k1', computed);
    c.putReport('P2', 'k2', computed);
    expect(c.report('P1', 'k1')).toBe(computed);
    expect(c.report('P1', 'k0')).toBeUndefined();
    expect(c.anyReport('P1')).toBe(computed);
    c.putTrack('P1', 't1', { scores: [] });
    expect(c.track('P1', 't1')).toEqual({ scores: [] });
    expect(c.track('P1', 't0')).toBeUndefined();
    c.retainIds(new Set(['P2']));
    expect(c.anyReport('P1')).toBeUndefined();
    expect(c.track('P1', 't1')).toBeUndefined();
    expect(c.report('P2', 'k2')).toBe(computed);
    await c.flush();
  });
});
