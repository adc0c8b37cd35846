/**
 * Rows typed by hand against what is on record (issue 15, item 4; src/app/features/entry/typed.ts):
 * the same row at a kind and time on record is "same" (nothing saved), another value there is a
 * replacement to ask about (one row for one row), another time is added.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTdmCsv } from '../../../../src/core/records/index';
import type { PatientRecord } from '../../../../src/core/types';
import { recordToRows, type EventRow } from '../../../../src/app/lib/rows';
import { checkTyped, movesOnto } from '../../../../src/app/features/entry/typed';

const NAT = 'patient_id,drug,kind,time,value,unit,route,duration_min,note\n'
  + 'T1,natalizumab,weight,2025-01-06T08:30,70,kg,,,\n'
  + 'T1,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\n'
  + 'T1,natalizumab,dose,2025-02-03T09:00,300,mg,iv,60,\n'
  + 'T1,natalizumab,level,2025-03-03T08:45,22.6,ug/mL,,,\n'
  + 'T1,natalizumab,dose,2025-03-03T09:00,300,mg,iv,60,\n';
const OCR = 'patient_id,drug,kind,time,value,unit,route,duration_min,note\n'
  + 'O1,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,\n'
  + 'O1,ocrelizumab,bcell,2024-06-03,<1,cells/uL,,,\n';

const recordOf = (csv: string): PatientRecord => parseTdmCsv(csv, 'test.csv', {}).patients[0];
const row = (kind: EventRow['kind'], time: string, value: string, unit: string, more: Partial<EventRow> = {}): EventRow =>
  ({ kind, time, value, unit, route: kind === 'dose' ? 'iv' : '', duration_min: kind === 'dose' ? '60' : '', note: '', ...(kind === 'level' ? { sample: 'venous' } : {}), ...more });
const counts = (r: PatientRecord) => [r.doses.length, r.levels.length, r.bcells.length, r.weights.length];

describe('a row typed by hand', () => {
  const rec = recordOf(NAT);
  const base = recordToRows(rec);

  it('is "same" when a row of that kind and time says the same (also in another unit or with a note)', async () => {
    for (const typed of [row('level', '2025-03-03T08:45', '22.6', 'ug/mL'), row('level', '2025-03-03T08:45', '22600', 'ng/mL', { note: 'again' }),
      row('dose', '2025-02-03T09:00', '300', 'mg'), row('weight', '2025-01-06T14:00', '70', 'kg')]) {
      const c = await checkTyped(rec, base, [typed], undefined);
      expect(c.kind, `${typed.kind} ${typed.time} ${typed.value}`).toBe('same');
      if (c.kind === 'same') expect([c.row.kind, c.row.iso]).toEqual([typed.kind, typed.kind === 'weight' ? '2025-01-06T08:30' : typed.time]);
    }
  });

  it('every row on record typed again is "same"', async () => {
    for (const r of base) expect((await checkTyped(rec, base, [{ ...r }], undefined)).kind).toBe('same');
  });

  it('with another value at that kind and time is one replacement: one row for one row', async () => {
    const c = await checkTyped(rec, base, [row('level', '2025-03-03T08:45', '22.4', 'ug/mL')], undefined);
    expect(c.kind).toBe('ok');
    if (c.kind !== 'ok') return;
    expect(c.replaces.map((x) => [x.kind, x.iso, (x.old as unknown as { value: number }).value, (x.new as unknown as { value: number }).value]))
      .toEqual([['level', '2025-03-03T08:45', 22.6, 22.4]]);
    expect(counts(c.result.record)).toEqual(counts(rec));
    expect(c.result.record.levels.map((l) => l.value)).toEqual([22.4]);
    expect(c.result.record.doses).toEqual(rec.doses);
  });

  it('a dose of another amount, a censored value or a capillary draw at a time on record is a replacement too', async () => {
    for (const typed of [row('dose', '2025-02-03T09:00', '150', 'mg'), row('level', '2025-03-03T08:45', '<22.6', 'ug/mL'),
      row('level', '2025-03-03T08:45', '22.6', 'ug/mL', { sample: 'capillary' }), row('weight', '2025-01-06', '72', 'kg')]) {
      const c = await checkTyped(rec, base, [typed], undefined);
      expect(c.kind, `${typed.kind} ${typed.value} ${typed.sample ?? ''}`).toBe('ok');
      if (c.kind === 'ok') { expect(c.replaces).toHaveLength(1); expect(counts(c.result.record)).toEqual(counts(rec)); }
    }
  });

  it('at another time (a minute later) is added, with nothing to ask', async () => {
    const c = await checkTyped(rec, base, [row('level', '2025-03-03T08:46', '22.6', 'ug/mL')], undefined);
    expect(c.kind).toBe('ok');
    if (c.kind !== 'ok') return;
    expect(c.replaces).toEqual([]);
    expect(c.result.record.levels.map((l) => l.iso)).toEqual(['2025-03-03T08:45', '2025-03-03T08:46']);
  });

  it('refused by the records module is "refused", with the typed row found by its origin', async () => {
    const c = await checkTyped(rec, base, [row('level', '2025-03-04T08:45', '-3', 'ug/mL')], undefined);
    expect(c.kind).toBe('refused');
    if (c.kind !== 'refused') return;
    const errs = c.result.issues.filter((x) => x.issue.severity === 'error');
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.every((x) => x.row !== null && c.origin.get(x.row) === 0)).toBe(true);
  });

  it('a count by date alone means 09:00 (the spec), so it meets the count on record at that date', async () => {
    const o = recordOf(OCR);
    expect((await checkTyped(o, recordToRows(o), [row('bcell', '2024-06-03', '<1', 'cells/uL')], undefined)).kind).toBe('same');
    const c = await checkTyped(o, recordToRows(o), [row('bcell', '2024-06-03', '12', 'cells/uL')], undefined);
    expect(c.kind === 'ok' && c.replaces.length).toBe(1);
  });

  it('an edit that moves a row onto another row of that kind and time is told apart from one that does not', async () => {
    const others = base.filter((r) => !(r.kind === 'dose' && r.time === '2025-01-06T09:00'));
    expect(await movesOnto(others, row('dose', '2025-02-03T09:00', '300', 'mg'))).toBe(true);
    expect(await movesOnto(others, row('dose', '2025-01-07T09:00', '300', 'mg'))).toBe(false);
    expect(await movesOnto(others, row('level', '2025-02-03T09:00', '20', 'ug/mL'))).toBe(false);
  });

  it('a virtual patient: each of its rows typed again is "same"', async () => {
    const csv = readFileSync('fixtures/validation/natalizumab-virtual.csv', 'utf8');
    const p = parseTdmCsv(csv, 'v.csv', {}).patients[0];
    const rows = recordToRows(p);
    for (const r of [rows[0], rows[Math.floor(rows.length / 2)], rows[rows.length - 1]]) expect((await checkTyped(p, rows, [{ ...r }], undefined)).kind).toBe('same');
  });
});
