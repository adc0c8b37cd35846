/**
 * CSV → Bundle → records is the identity (spec/fhir.md "Round trip"): on every fixture CSV and as a
 * property over generated files (any unit the CSV accepts, censored results, capillary samples,
 * SC and IV doses with and without a length, notes with quotes and formula characters, wearing-off
 * reports), in time zones with and without clock changes. What the records module says about the
 * rows (its warnings) is the same too, because the same checks read both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTdmCsv, writeCsvTable } from '../../../src/core/records/index';
import { fhirToRecords, recordsToBundle, CSV_TO_UCUM } from '../../../src/core/fhir/index';
import type { PatientRecord } from '../../../src/core/types';

const ZONES = ['Europe/Amsterdam', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];

/** What a record holds for the engine (line numbers, the cell text as typed and the unit's spelling are file artefacts). */
export function comparable(ps: PatientRecord[]) {
  return ps.map((p) => ({
    id: p.id, drug: p.drug, order: p.order,
    doses: p.doses.map((d) => ({ iso: d.iso, time: d.time, mg: d.amountMg, route: d.route, min: d.durationMin, note: d.note })),
    levels: p.levels.map((o) => ({ iso: o.iso, time: o.time, value: o.value, censored: o.censored, sample: o.sample ?? 'venous', unit: CSV_TO_UCUM[o.unit], note: o.note })),
    bcells: p.bcells.map((o) => ({ iso: o.iso, time: o.time, value: o.value, censored: o.censored, unit: CSV_TO_UCUM[o.unit], note: o.note })),
    weights: p.weights.map((w) => ({ iso: w.iso, time: w.time, kg: w.kg, note: w.note })),
    wearingOff: (p.wearingOff ?? []).map((w) => ({ iso: w.iso, time: w.time, score: w.score, note: w.note })),
    warnings: p.issues.filter((i) => i.severity === 'warning').map((i) => i.code).sort(),
  }));
}

function roundTrip(csvText: string, timeZone: string) {
  const csv = parseTdmCsv(csvText, 'x.csv');
  const bundle = recordsToBundle(csv.patients, new Map(), { timeZone, now: Date.UTC(2025, 0, 1), appVersion: 'test' });
  const back = fhirToRecords(JSON.parse(JSON.stringify(bundle)), { fileName: 'b.json', timeZone });
  return { csv, bundle, back };
}

const FIXTURES = ['fixtures/examples', 'fixtures/validation', 'fixtures/robustness']
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));

describe('CSV → Bundle → records on every fixture', () => {
  it('finds the fixtures (examples, validation sets incl. SC finger-prick and censored ocrelizumab counts, robustness)', () => {
    expect(FIXTURES).toContain('fixtures/validation/natalizumab-sc.csv');
    expect(FIXTURES).toContain('fixtures/validation/ocrelizumab-virtual-week24.csv');
    expect(FIXTURES.length).toBeGreaterThanOrEqual(12);
  });
  it.each(FIXTURES)('%s', (file) => {
    const { csv, back } = roundTrip(readFileSync(file, 'utf8'), 'Europe/Amsterdam');
    expect(back.fatal).toBe(false);
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(comparable(back.patients)).toEqual(comparable(csv.patients));
  });
  it('the fixtures hold what the round trip must carry (else the test above proves little)', () => {
    const all = FIXTURES.flatMap((f) => parseTdmCsv(readFileSync(f, 'utf8'), f).patients);
    expect(all.some((p) => p.levels.some((o) => o.sample === 'capillary'))).toBe(true);
    expect(all.some((p) => p.doses.some((d) => d.route === 'sc'))).toBe(true);
    expect(all.some((p) => p.bcells.some((o) => o.censored))).toBe(true);
    expect(all.some((p) => p.levels.some((o) => o.censored))).toBe(true);
  });
});

// ------------------------------------------------------------------ property

const two = (n: number) => String(n).padStart(2, '0');
const dayIso = (day: number, minute: number) => {
  const d = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${two(Math.floor(minute / 60))}:${two(minute % 60)}`;
};
const noteArb = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('=SUM(A1)', "'=x", '+31 6', 'trough "before", infusion', 'µ ß é 😀', 'line\nbreak', ' '),
);
const LEVEL_UNITS = ['ug/mL', 'µg/mL', 'μg/mL', 'mg/L', 'ng/mL'];
const BCELL_UNITS = ['cells/uL', 'cells/µL', '/uL', '10^6/L', '10^9/L'];

const patientArb = (index: number) => fc.record({
  drug: fc.constantFrom('natalizumab', 'ocrelizumab'),
  start: fc.integer({ min: 0, max: 900 }),
  // Times of day include the hours clocks skip or repeat (02:00–03:00).
  doses: fc.array(fc.record({ gap: fc.integer({ min: 10, max: 200 }), minute: fc.integer({ min: 0, max: 1439 }), sc: fc.boolean(), duration: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 300 }).map(String)), mg: fc.constantFrom('300', '600', '150', '299.5'), note: noteArb }), { minLength: 1, maxLength: 5 }),
  results: fc.array(fc.record({
    after: fc.integer({ min: 0, max: 400 }), minute: fc.integer({ min: 0, max: 1439 }),
    value: fc.oneof(fc.double({ min: 0.01, max: 300, noNaN: true }).map((x) => String(Number(x.toPrecision(4)))), fc.constantFrom('<1', '<0.5', '0', '12.50', '3')),
    unitIndex: fc.integer({ min: 0, max: 4 }), sample: fc.constantFrom('', 'venous', 'capillary'), note: noteArb,
  }), { maxLength: 6 }),
  weights: fc.array(fc.record({ after: fc.integer({ min: 0, max: 300 }), kg: fc.double({ min: 35, max: 160, noNaN: true }).map((x) => String(Math.round(x * 10) / 10)) }), { maxLength: 2 }),
  wearing: fc.array(fc.record({ after: fc.integer({ min: 0, max: 300 }), score: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }),
}).map((p) => {
  const id = `P-${index}`;
  const rows: string[][] = [];
  let day = p.start;
  for (const d of p.doses) {
    day += d.gap;
    const route = p.drug === 'natalizumab' && d.sc ? 'sc' : 'iv';
    rows.push([id, p.drug, 'dose', dayIso(day, d.minute), d.mg, 'mg', route, d.duration, d.note, '']);
  }
  for (const r of p.results) {
    const level = p.drug === 'natalizumab';
    const unit = level ? LEVEL_UNITS[r.unitIndex] : BCELL_UNITS[r.unitIndex];
    const value = level && r.value === '0' ? '<1' : r.value;
    rows.push([id, p.drug, level ? 'level' : 'bcell', dayIso(p.start + r.after + 1, r.minute), value, unit, '', '', r.note, level ? r.sample : '']);
  }
  for (const w of p.weights) rows.push([id, p.drug, 'weight', dayIso(p.start + w.after, 540), w.kg, 'kg', '', '', '', '']);
  for (const w of p.wearing) rows.push([id, p.drug, 'wearing_off', dayIso(p.start + w.after, 600), String(w.score), 'score', '', '', '', '']);
  return rows;
});

const fileArb = fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => patientArb(i))))
  .chain((patients) => fc.shuffledSubarray(patients.flat(), { minLength: patients.flat().length }))
  .map((rows) => writeCsvTable(['patient_id', 'drug', 'kind', 'time', 'value', 'unit', 'route', 'duration_min', 'note', 'sample'], rows));

describe('CSV → Bundle → records is the identity (property)', () => {
  it('for generated files in five time zones', () => {
    fc.assert(fc.property(fileArb, fc.constantFrom(...ZONES), (text, zone) => {
      const { csv, back } = roundTrip(text, zone);
      expect(back.fatal).toBe(false);
      expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(comparable(back.patients)).toEqual(comparable(csv.patients));
    }), { numRuns: 150 });
  });
  it('keeps an infusion at 02:30 on the night clocks go forward (a wall-clock time no instant has)', () => {
    const text = 'patient_id,drug,kind,time,value,unit,route,duration_min\nN,natalizumab,dose,2024-03-31T02:30,300,mg,iv,60\nN,natalizumab,level,2024-04-28T02:15,20,ug/mL,,\n';
    const { csv, bundle, back } = roundTrip(text, 'Europe/Amsterdam');
    expect(JSON.stringify(bundle)).toContain('"start":"2024-03-31T02:30:00+01:00"');
    expect(comparable(back.patients)).toEqual(comparable(csv.patients));
  });
});
