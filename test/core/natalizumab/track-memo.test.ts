/**
 * A patient's track record scored again after its rows changed (issue 17, item 6): a trough whose
 * rows up to it are unchanged keeps its score (not scored again), every other trough is scored
 * again, and the answer is the same as scoring the whole record afresh. The memos must never give
 * a stale score: a row added or changed before an already-scored trough rescores it.
 */
import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../src/core/records/index';
import type { PatientRecord, WeightEvent } from '../../../src/core/types';
import { cutAsOf } from '../../../src/core/records/cut';
import { trackPatient, type PatientTrack } from '../../../src/core/natalizumab/clinic-track';
import { scorableTroughs, troughKey, troughKeys, type TroughScore } from '../../../src/core/natalizumab/track-record';
import { resolveOptions } from '../../../src/core/natalizumab/analysis';
import { simulateClinic, IOV_WORLD } from '../../../scripts/simulate-clinic';

const patients = parseTdmCsv(simulateClinic(IOV_WORLD, 3, 23).csv, 'clinic.csv').patients;
const p = patients[0];

function scored(t: PatientTrack | null): { scores: TroughScore[]; memo: NonNullable<Extract<PatientTrack, { scores: unknown }>['memo']> } {
  if (!t || !('scores' in t) || !t.memo) throw new Error('not scored');
  return { scores: t.scores, memo: t.memo };
}
/** The same memos with every score marked (median −1): a marked score in an answer was reused, not scored again. */
const marked = (t: PatientTrack | null): PatientTrack => { const s = scored(t); return { scores: s.scores.map((x) => ({ ...x, median: -1 })), memo: s.memo }; };
const fresh = (r: PatientRecord) => (trackPatient(r, {}) as { scores: TroughScore[] }).scores;

/** The record up to one hour after its k-th dose (the trough before that dose is a trough then). */
const upToDose = (r: PatientRecord, k: number) => cutAsOf(r, r.doses[k].time + 1 / 24);

describe('a patient\'s track record with the memos of an earlier scoring', () => {
  it('with no earlier scoring: the scores of the command line, each with its memo', () => {
    const t = scored(trackPatient(p, {}, undefined, null));
    expect(t.scores).toEqual(fresh(p));
    expect(t.memo).toHaveLength(t.scores.length);
    expect(t.scores.length).toBeGreaterThanOrEqual(8);
  });

  it('rows added after the troughs scored: those keep their scores, only the new troughs are scored, the same numbers as afresh', () => {
    const before = upToDose(p, 7);
    const t0 = trackPatient(before, {}, undefined, null);
    const n0 = scored(t0).scores.length;
    expect(n0).toBeGreaterThan(2);
    const again = scored(trackPatient(p, {}, undefined, t0));
    expect(again.scores).toEqual(fresh(p));
    const reused = scored(trackPatient(p, {}, undefined, marked(t0))).scores;
    expect(reused.slice(0, n0).every((s) => s.median === -1)).toBe(true);
    expect(reused.slice(n0).every((s) => s.median > 0)).toBe(true);
    expect(reused.slice(n0)).toEqual(fresh(p).slice(n0));
  });

  it('a row added before an already-scored trough rescores it and every trough after it; those before keep theirs', () => {
    const t0 = trackPatient(p, {}, undefined, null);
    const troughs = scorableTroughs(p);
    const k = 4; // a weight put between the 4th and 5th scored troughs
    const at = (troughs[k - 1].time + troughs[k].time) / 2;
    const w: WeightEvent = { kind: 'weight', time: at, iso: 'x', kg: p.weights[0].kg + 12 };
    const changed: PatientRecord = { ...p, weights: [...p.weights, w].sort((a, b) => a.time - b.time) };
    const r = scored(trackPatient(changed, {}, undefined, marked(t0))).scores;
    expect(r.slice(0, k).every((s) => s.median === -1)).toBe(true);
    expect(r.slice(k).every((s) => s.median > 0)).toBe(true);
    expect(r.slice(k)).toEqual(fresh(changed).slice(k));
    expect(scored(trackPatient(changed, {}, undefined, t0)).scores).toEqual(fresh(changed));
  });

  it('a level before a scored trough changed, a dose moved, the options or the patient\'s id changed: rescored', () => {
    const t0 = trackPatient(p, {}, undefined, null);
    const troughs = scorableTroughs(p);
    const i = p.levels.findIndex((l) => l.time === troughs[2].time);
    const levelChanged: PatientRecord = { ...p, levels: p.levels.map((l, j) => (j === i ? { ...l, value: l.value * 1.3 } : l)) };
    const r1 = scored(trackPatient(levelChanged, {}, undefined, marked(t0))).scores;
    expect(r1.slice(0, 2).every((s) => s.median === -1)).toBe(true);
    expect(r1.slice(2)).toEqual(fresh(levelChanged).slice(2));
    const d = p.doses.findIndex((x) => x.time > troughs[5].time);
    const doseMoved: PatientRecord = { ...p, doses: p.doses.map((x, j) => (j === d - 2 ? { ...x, amountMg: 150 } : x)) };
    const r2 = scored(trackPatient(doseMoved, {}, undefined, marked(t0))).scores;
    expect(r2.some((s) => s.median === -1)).toBe(true);
    expect(r2.filter((s) => s.median !== -1)).toEqual(fresh(doseMoved).slice(r2.filter((s) => s.median === -1).length));
    const r3 = scored(trackPatient(p, { samples: 60 }, undefined, marked(t0))).scores;
    expect(r3.every((s) => s.median > 0)).toBe(true);
    const renamed = { ...p, id: 'OTHER' };
    expect(scored(trackPatient(renamed, {}, undefined, marked(t0))).scores.every((s) => s.median > 0)).toBe(true);
  });

  it('a reused trough costs the work budget the steps it took: a record over budget is stopped as afresh', () => {
    const t = scored(trackPatient(p, {}, undefined, null));
    expect(t.memo.every((m) => m.steps > 0)).toBe(true);
    const heavy: PatientTrack = { scores: t.scores, memo: t.memo.map((m) => ({ ...m, steps: 1e12 })) };
    const r = trackPatient(p, {}, undefined, heavy);
    expect(r && 'error' in r && r.errorCode).toBe('track-stopped');
  });
});

describe('the troughs\' fingerprints (a chain: each trough\'s rows read once)', () => {
  const opts = resolveOptions({ curves: false });
  const troughs = scorableTroughs(p);
  const chain = (r: PatientRecord) => { const k = troughKeys(r, opts); return scorableTroughs(r).map((o) => k(o)); };

  it('the same rows give the same keys (the first the one troughKey gives alone), every trough its own', () => {
    const keys = chain(p);
    expect(chain(p)).toEqual(keys);
    expect(keys[0]).toBe(troughKey(p, troughs[0], opts));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(troughs.length);
  });

  it('a level changed before the 4th trough changes that key and every later one, not the earlier ones', () => {
    const changedAt = troughs[3].time - 3;
    const w: WeightEvent = { time: changedAt, kg: 61.5 } as WeightEvent;
    const q: PatientRecord = { ...p, weights: [...p.weights, w].sort((a, b) => a.time - b.time) };
    const a = chain(p), b = chain(q);
    expect(b.slice(0, 3)).toEqual(a.slice(0, 3));
    b.slice(3).forEach((k, i) => expect(k).not.toBe(a[3 + i]));
  });

  it('a trough out of time order starts the chain again from the whole history (the same key as alone)', () => {
    const k = troughKeys(p, opts);
    k(troughs[5]);
    expect(k(troughs[2])).toBe(troughKey(p, troughs[2], opts));
  });
});
