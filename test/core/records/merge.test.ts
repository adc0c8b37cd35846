import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyConflicts, emptyLike, merge, parseTdmCsv, patientEvents, rowCount } from '../../../src/core/records/index';
import type { DoseEvent, Observation, PatientRecord, WeightEvent } from '../../../src/core/types';

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note\n';
const read = (rows: string) => {
  const r = parseTdmCsv(HEAD + rows, 'f.csv');
  expect(r.patients).toHaveLength(1);
  return r.patients[0];
};

// The issue's patient: 12 infusions, a weight, two troughs.
const doses = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2026, 0, 5 + 28 * i));
  return `P1,natalizumab,dose,${d.toISOString().slice(0, 10)}T09:00,300,mg,iv,60,`;
});
const ON_RECORD = [
  'P1,natalizumab,weight,2026-01-05,71,kg,,,',
  ...doses,
  'P1,natalizumab,level,2026-03-30T08:45,24.1,ug/mL,,,',
  'P1,natalizumab,level,2026-06-22T08:45,22.6,ug/mL,,,',
].join('\n') + '\n';

describe('merge: examples', () => {
  const existing = read(ON_RECORD);

  it('a lab-only file with one new trough adds exactly that row and keeps every dose', () => {
    const lab = read('P1,natalizumab,level,2026-09-14T08:45,19.8,ug/mL,,,\n');
    const m = merge(existing, lab);
    expect(m.added).toHaveLength(1);
    expect(m.added[0]).toMatchObject({ kind: 'level', iso: '2026-09-14T08:45', value: 19.8 });
    expect(m.same).toEqual([]);
    expect(m.conflicts).toEqual([]);
    expect(m.record.doses).toEqual(existing.doses);
    expect(m.record.weights).toEqual(existing.weights);
    expect(m.record.levels.map((l) => l.value)).toEqual([24.1, 22.6, 19.8]);
    expect(rowCount(m.record)).toBe(rowCount(existing) + 1);
  });

  it('the same file again adds nothing and counts the row as already there', () => {
    const lab = read('P1,natalizumab,level,2026-09-14T08:45,19.8,ug/mL,,,\n');
    const once = merge(existing, lab).record;
    const twice = merge(once, lab);
    expect(twice.added).toEqual([]);
    expect(twice.same).toHaveLength(1);
    expect(twice.record).toEqual(once);
  });

  it('another value at a draw time on record is a conflict, applied only when chosen', () => {
    const lab = read('P1,natalizumab,level,2026-06-22T08:45,22.4,ug/mL,,,\nP1,natalizumab,level,2026-09-14T08:45,19.8,ug/mL,,,\n');
    const m = merge(existing, lab);
    expect(m.added).toHaveLength(1);
    expect(m.conflicts).toHaveLength(1);
    expect(m.conflicts[0]).toMatchObject({ list: 'levels', kind: 'level', existing: { value: 22.6 }, incoming: { value: 22.4 } });
    // Not applied: the value on record stays.
    expect(m.record.levels.map((l) => l.value)).toEqual([24.1, 22.6, 19.8]);
    // Applied on request: the row is replaced, nothing else moves.
    const yes = applyConflicts(m.record, m.conflicts);
    expect(yes.levels.map((l) => l.value)).toEqual([24.1, 22.4, 19.8]);
    expect(yes.doses).toEqual(existing.doses);
  });

  it('the same value written in another unit or decimal mark is the same row', () => {
    const nl = parseTdmCsv('patient_id;drug;kind;time;value;unit\nP1;natalizumab;level;2026-06-22T08:45;22600;ng/mL\nP1;natalizumab;weight;2026-01-05T14:00;71,0;kg\n', 'nl.csv').patients[0];
    const m = merge(existing, nl);
    expect(m.added).toEqual([]);
    expect(m.conflicts).toEqual([]);
    expect(m.same.map((e) => e.kind)).toEqual(['level', 'weight']);
  });

  it('a weight is matched by its date; another weight that day is a conflict', () => {
    const m = merge(existing, read('P1,natalizumab,weight,2026-01-05T15:30,74,kg,,,\n'));
    expect(m.conflicts).toHaveLength(1);
    expect(m.conflicts[0]).toMatchObject({ kind: 'weight', existing: { kg: 71 }, incoming: { kg: 74 } });
  });

  it('a censored value, another sample or another dose length is a conflict, not the same row', () => {
    const m = merge(existing, read([
      'P1,natalizumab,level,2026-03-30T08:45,<24.1,ug/mL,,,',
      'P1,natalizumab,dose,2026-01-05T09:00,300,mg,iv,90,',
    ].join('\n') + '\n'));
    expect(m.conflicts.map((c) => c.kind).sort()).toEqual(['dose', 'level']);
    const cap = parseTdmCsv('patient_id,drug,kind,time,value,unit,sample\nP1,natalizumab,level,2026-03-30T08:45,24.1,ug/mL,capillary\n', 'c.csv').patients[0];
    expect(merge(existing, cap).conflicts).toHaveLength(1);
  });

  it('a patient of another drug is not merged', () => {
    const ocr = parseTdmCsv(HEAD + 'P1,ocrelizumab,dose,2026-01-05T09:00,600,mg,iv,210,\n', 'o.csv').patients[0];
    const m = merge(existing, ocr);
    expect(m.drugDiffers).toEqual({ existing: 'natalizumab', incoming: 'ocrelizumab' });
    expect(m.record).toBe(existing);
    expect(m.added).toEqual([]);
  });

  it('merges a list of another kind of row by kind and time too', () => {
    type WO = { kind: 'wearing_off'; time: number; iso: string; score: number };
    const withWo = (score: number) => ({ ...existing, wearingOff: [{ kind: 'wearing_off', time: 20600.375, iso: '2026-05-25T09:00', score }] as WO[] }) as PatientRecord;
    const base = { ...existing, wearingOff: [] as WO[] } as PatientRecord;
    const m = merge(base, withWo(2));
    expect(m.added).toHaveLength(1);
    expect((m.record as unknown as { wearingOff: WO[] }).wearingOff).toHaveLength(1);
    const again = merge(m.record, withWo(2));
    expect(again.added).toEqual([]);
    expect(again.same).toHaveLength(rowCount(m.record));
    expect(merge(m.record, withWo(3)).conflicts).toMatchObject([{ list: 'wearingOff', kind: 'wearing_off' }]);
  });

  it('refused rows of the file come with it once, not twice', () => {
    const bad = parseTdmCsv(HEAD + 'P1,natalizumab,level,2026-09-14T08:45,-3,ug/mL,,,\nP1,natalizumab,level,2026-09-15T08:45,19,ug/mL,,,\n', 'bad.csv').patients[0];
    expect(bad.issues.filter((i) => i.severity === 'error')).toHaveLength(1);
    const once = merge(existing, bad).record;
    expect(once.issues.filter((i) => i.severity === 'error')).toHaveLength(1);
    expect(merge(once, bad).record.issues).toEqual(once.issues);
  });

  it('a new patient merged into an empty record adds every row', () => {
    const m = merge(emptyLike(existing), existing);
    expect(m.added).toHaveLength(rowCount(existing));
    expect(patientEvents(m.record)).toEqual(patientEvents(existing));
  });
});

// ---- properties ----

const T0 = 20_000; // 2024-10-04
const minuteArb = fc.integer({ min: 0, max: 2 * 365 * 24 * 4 }).map((q) => T0 + q / 96); // quarter hours
const iso = (t: number) => new Date(Math.round(t * 86_400_000)).toISOString().slice(0, 16);
const doseArb: fc.Arbitrary<DoseEvent> = fc.record({ t: minuteArb, mg: fc.constantFrom(300, 150), route: fc.constantFrom<'iv' | 'sc'>('iv', 'sc'), dur: fc.constantFrom(60, 30) })
  .map(({ t, mg, route, dur }) => ({ kind: 'dose', time: t, iso: iso(t), amountMg: mg, route, durationMin: dur }));
const levelArb: fc.Arbitrary<Observation> = fc.record({ t: minuteArb, v: fc.constantFrom(5, 12.5, 24.1, 30), c: fc.boolean() })
  .map(({ t, v, c }) => ({ kind: 'level', time: t, iso: iso(t), value: v, censored: c, unit: 'ug/mL', raw: `${c ? '<' : ''}${v}` }));
const weightArb: fc.Arbitrary<WeightEvent> = fc.record({ t: minuteArb, kg: fc.constantFrom(60, 71, 80) })
  .map(({ t, kg }) => ({ kind: 'weight', time: t, iso: iso(t), kg }));
const sorted = <T extends { time: number }>(l: T[]) => [...l].sort((a, b) => a.time - b.time);
const recordArb: fc.Arbitrary<PatientRecord> = fc.record({
  doses: fc.array(doseArb, { maxLength: 12 }), levels: fc.array(levelArb, { maxLength: 8 }), weights: fc.array(weightArb, { maxLength: 4 }),
}).map(({ doses, levels, weights }) => ({
  id: 'P', drug: 'natalizumab', order: 0, issues: [], doses: sorted(doses), levels: sorted(levels), bcells: [], weights: sorted(weights),
}));

/** Every row of `a` is in `b` (as the same object or an equal one). */
function contains(b: PatientRecord, a: PatientRecord): boolean {
  const pool = patientEvents(b).map((e) => JSON.stringify(e));
  return patientEvents(a).every((e) => { const i = pool.indexOf(JSON.stringify(e)); if (i < 0) return false; pool.splice(i, 1); return true; });
}

describe('merge: properties', () => {
  it('merging a record with itself changes nothing', () => {
    fc.assert(fc.property(recordArb, (a) => {
      const m = merge(a, a);
      expect(m.added).toEqual([]);
      expect(m.conflicts).toEqual([]);
      expect(m.record).toEqual(a);
    }), { numRuns: 300 });
  });

  it('no row on record is ever dropped, with or without the conflicts applied', () => {
    fc.assert(fc.property(recordArb, recordArb, (a, b) => {
      const m = merge(a, b);
      expect(contains(m.record, a)).toBe(true);
      expect(rowCount(m.record)).toBe(rowCount(a) + m.added.length);
      const applied = applyConflicts(m.record, m.conflicts);
      // Applying a conflict swaps a row for the file's; it never removes one.
      expect(rowCount(applied)).toBe(rowCount(m.record));
    }), { numRuns: 300 });
  });

  it('merging is idempotent: the same file again adds nothing and changes nothing', () => {
    fc.assert(fc.property(recordArb, recordArb, (a, b) => {
      const once = merge(a, b).record;
      const twice = merge(once, b);
      expect(twice.added).toEqual([]);
      expect(twice.record).toEqual(once);
    }), { numRuns: 300 });
  });

  it('every incoming row is accounted for exactly once, and the lists stay sorted', () => {
    fc.assert(fc.property(recordArb, recordArb, (a, b) => {
      const m = merge(a, b);
      expect(m.added.length + m.same.length + m.conflicts.length).toBe(rowCount(b));
      for (const l of [m.record.doses, m.record.levels, m.record.weights]) {
        expect(l.map((e) => e.time)).toEqual([...l.map((e) => e.time)].sort((x, y) => x - y));
      }
    }), { numRuns: 300 });
  });
});
