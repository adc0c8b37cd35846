import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutAsOf, parseTdmCsv } from '../../../src/core/records/index';
import { parseAsOfDate, parseIsoTime } from '../../../src/core/time';
import { SPEC_EXAMPLE } from './spec-example';

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const t = (iso: string) => parseIsoTime(iso)!;

describe('parseTdmCsv: the spec example', () => {
  const r = parseTdmCsv(SPEC_EXAMPLE, 'patients.csv');

  it('reads both patients without issues', () => {
    expect(r.fatal).toBe(false);
    expect(r.issues).toEqual([]);
    expect(r.dialect).toBe('comma');
    expect(r.extraColumns).toEqual([]);
    expect(r.patients.map((p) => [p.id, p.drug, p.order])).toEqual([['NAT-001', 'natalizumab', 0], ['OCR-001', 'ocrelizumab', 1]]);
  });

  it('gives typed events in canonical units with their lines', () => {
    const [nat, ocr] = r.patients;
    expect(nat.weights).toEqual([{ kind: 'weight', time: t('2024-01-08T09:00'), iso: '2024-01-08T09:00', line: 2, kg: 71 }]);
    expect(nat.doses[0]).toEqual({
      kind: 'dose', time: t('2024-01-08T09:00'), iso: '2024-01-08T09:00', line: 3, amountMg: 300, route: 'iv', durationMin: 60, durationGiven: true, routeGiven: true,
    });
    expect(nat.levels).toEqual([{
      kind: 'level', time: t('2024-02-05T08:45'), iso: '2024-02-05T08:45', line: 4, value: 24.1, censored: false, unit: 'ug/mL', raw: '24.1', note: 'trough before infusion',
    }]);
    expect(ocr.bcells.map((b) => [b.iso, b.value, b.censored, b.raw, b.line])).toEqual([
      ['2023-12-11T09:00', 1, true, '<1', 7],
      ['2024-01-08T09:00', 3, false, '3', 8],
    ]);
    expect(ocr.doses[0]).toMatchObject({ amountMg: 600, durationMin: 210, route: 'iv' });
  });
});

describe('parseTdmCsv: dialects and encodings', () => {
  it('reads the semicolon dialect with decimal commas', () => {
    const text = [
      HEADER.replace(/,/g, ';'),
      'NAT-001;natalizumab;weight;2024-01-08;71,5;kg;;;',
      'NAT-001;natalizumab;dose;2024-01-08T09:00;300;mg;iv;60;',
      'NAT-001;natalizumab;level;2024-02-05T08:45;24,1;µg/mL;;;dal, "laag"',
      'NAT-001;natalizumab;level;2024-03-04T08:45;<0,5;mg/L;;;',
      'NAT-001;natalizumab;level;2024-04-01T08:45;12.5;ug/mL;;;',
      'OCR-001;ocrelizumab;dose;2023-06-12T09:00;600;mg;iv;210;',
      'OCR-001;ocrelizumab;bcell;2024-01-08;0,012;10^9/L;;;',
    ].join('\n');
    const r = parseTdmCsv(text, 'nl.csv');
    expect(r.dialect).toBe('semicolon');
    expect(r.issues).toEqual([]);
    const [nat, ocr] = r.patients;
    expect(nat.weights[0].kg).toBe(71.5);
    expect(nat.levels.map((l) => [l.value, l.censored, l.raw, l.unit])).toEqual([
      [24.1, false, '24,1', 'µg/mL'], [0.5, true, '<0,5', 'mg/L'], [12.5, false, '12.5', 'ug/mL'],
    ]);
    expect(nat.levels[0].note).toBe('dal, "laag"');
    expect(ocr.bcells[0]).toMatchObject({ value: 12, raw: '0,012', unit: '10^9/L', censored: false });
  });

  it('accepts a BOM, CRLF line ends and header names in any case and order', () => {
    const text = '\uFEFFUnit,Value,TIME,Kind,Drug,Patient_ID\r\nmg,300,2024-01-08T09:00,dose,natalizumab,NAT-001\r\nug/mL,24.1,2024-02-05T08:45,level,natalizumab,NAT-001\r\n';
    const r = parseTdmCsv(text, 'p.csv');
    expect(r.issues).toEqual([]);
    expect(r.patients[0].doses[0]).toMatchObject({ amountMg: 300, route: 'iv', durationMin: 60, routeGiven: false, durationGiven: false, line: 2 });
    expect(r.patients[0].levels[0]).toMatchObject({ value: 24.1, line: 3 });
  });

  it('reads quoted fields with separators, quotes and line breaks, and counts physical lines', () => {
    const text = [
      HEADER,
      '"NAT,001",natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,"note with ""quotes"", a comma',
      'and a second line"',
      'NAT-002,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
      'NAT-002,natalizumab,level,2024-02-05T08:45,-1,ug/mL,,,',
    ].join('\r\n');
    const r = parseTdmCsv(text, 'q.csv');
    expect(r.patients[0].id).toBe('NAT,001');
    expect(r.patients[0].doses[0].note).toBe('note with "quotes", a comma\nand a second line');
    expect(r.patients[1].doses[0].line).toBe(4);
    expect(r.issues.map((i) => i.message)).toEqual(['q.csv:5: value "-1" for a level must be 0 or more']);
  });

  it('skips blank lines and lines of separators only, without shifting line numbers', () => {
    const text = `${HEADER}\n\nNAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,\n,,,,,,,,\n   \nNAT-001,natalizumab,level,2024-02-05T08:45,abc,ug/mL,,,\n`;
    const r = parseTdmCsv(text, 'b.csv');
    expect(r.patients[0].doses[0].line).toBe(3);
    expect(r.issues.map((i) => i.line)).toEqual([6]);
  });

  it('accepts drug, kind and route in any case, and trims cells', () => {
    const r = parseTdmCsv(`${HEADER}\n NAT-001 , Natalizumab ,DOSE, 2024-01-08T09:00 , 300 ,mg, IV ,60,\n`, 'c.csv');
    expect(r.issues).toEqual([]);
    expect(r.patients[0]).toMatchObject({ id: 'NAT-001', drug: 'natalizumab' });
    expect(r.patients[0].doses[0]).toMatchObject({ amountMg: 300, route: 'iv' });
  });

  it('removes the writer\'s formula guard (a leading \' before = + - @)', () => {
    const r = parseTdmCsv(`${HEADER}\n'=NAT,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,'+1 extra\n`, 'f.csv');
    expect(r.patients[0].id).toBe('=NAT');
    expect(r.patients[0].doses[0].note).toBe('+1 extra');
  });
});

describe('parseTdmCsv: values, defaults and order', () => {
  it('censors B-cell counts of 0 at the lab limit and <x at x, in any unit', () => {
    const text = [
      HEADER,
      'OCR-001,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,',
      'OCR-001,ocrelizumab,bcell,2024-06-24,0,cells/uL,,,',
      'OCR-001,ocrelizumab,bcell,2024-07-22,<1,cells/uL,,,',
      'OCR-001,ocrelizumab,bcell,2024-08-19,<0.5,/uL,,,',
      'OCR-001,ocrelizumab,bcell,2024-09-16,<0.001,10^9/L,,,',
      'OCR-001,ocrelizumab,bcell,2024-10-14,0.000,10^9/L,,,',
      'OCR-001,ocrelizumab,bcell,2024-11-11,< 2,10^6/L,,,',
    ].join('\n');
    const summary = (labLimit?: number) => parseTdmCsv(text, 'o.csv', labLimit === undefined ? {} : { labLimit }).patients[0].bcells.map((b) => [b.value, b.censored, b.raw]);
    expect(summary()).toEqual([[1, true, '0'], [1, true, '<1'], [0.5, true, '<0.5'], [1, true, '<0.001'], [1, true, '0.000'], [2, true, '< 2']]);
    expect(summary(0.5).map((s) => s[0])).toEqual([0.5, 1, 0.5, 1, 0.5, 2]);
  });

  it('censors natalizumab levels written <x, converted to µg/mL', () => {
    const text = `${HEADER}\nN,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,\nN,natalizumab,level,2024-02-05T08:45,<500,ng/mL,,,\nN,natalizumab,level,2024-03-04T08:45,2500,ng/mL,,,\n`;
    expect(parseTdmCsv(text, 'n.csv').patients[0].levels.map((l) => [l.value, l.censored])).toEqual([[0.5, true], [2.5, false]]);
  });

  it('refuses a bad labLimit as a programmer error', () => {
    expect(() => parseTdmCsv(SPEC_EXAMPLE, 'x.csv', { labLimit: 0 })).toThrow('labLimit must be a positive number, got 0');
  });

  it('applies the label defaults for route and infusion length, and records what was given', () => {
    const text = [
      HEADER,
      'N1,natalizumab,dose,2024-01-08T09:00,300,mg,,,',
      'N2,natalizumab,dose,2024-01-08T09:00,300,mg,sc,,',
      'O1,ocrelizumab,dose,2024-01-08T09:00,300,mg,,,',
      'O1,ocrelizumab,dose,2024-01-22T09:00,300,mg,iv,,',
      'O2,ocrelizumab,dose,2024-01-08T09:00,600,mg,,,',
      'O3,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,120,',
    ].join('\n');
    const doses = parseTdmCsv(text, 'd.csv').patients.flatMap((p) => p.doses.map((d) => [p.id, d.route, d.durationMin, d.routeGiven, d.durationGiven]));
    expect(doses).toEqual([
      ['N1', 'iv', 60, false, false],
      ['N2', 'sc', 0, true, false],
      ['O1', 'iv', 150, false, false],
      ['O1', 'iv', 150, true, false],
      ['O2', 'iv', 210, false, false],
      ['O3', 'iv', 120, true, true],
    ]);
  });

  it('sorts events by time within each kind, keeps a sample timed at a dose, and orders patients by first appearance', () => {
    const text = [
      HEADER,
      'B,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,',
      'A,ocrelizumab,bcell,2024-01-01,150,cells/uL,,,pre-treatment',
      'B,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
      'B,natalizumab,level,2024-02-05T09:00,20,ug/mL,,,at the dose',
      'A,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,',
      'B,natalizumab,level,2024-01-08T09:00,<1,ug/mL,,,at the first dose',
    ].join('\n');
    const r = parseTdmCsv(text, 's.csv');
    expect(r.issues).toEqual([]);
    expect(r.patients.map((p) => [p.id, p.order])).toEqual([['B', 0], ['A', 1]]);
    const [b, a] = r.patients;
    expect(b.doses.map((d) => d.line)).toEqual([4, 2]);
    expect(b.levels.map((l) => l.note)).toEqual(['at the first dose', 'at the dose']);
    expect(a.bcells.map((x) => x.note)).toEqual(['pre-treatment']); // before the first dose: the baseline, not an error
  });

  it('refuses a positive level timed exactly at the first dose (drawn before any drug)', () => {
    const text = [HEADER, 'B,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,', 'B,natalizumab,level,2024-01-08T09:00,20,ug/mL,,,'].join('\n');
    const r = parseTdmCsv(text, 's.csv');
    expect(r.issues.map((i) => i.message)).toEqual(["s.csv:3: level on 2024-01-08T09:00 is dated before this patient's first natalizumab dose (2024-01-08T09:00, line 2): check the date, or add the earlier doses"]);
    expect(r.patients[0].levels).toEqual([]);
  });

  it('cuts seconds off (time and iso always agree) and reads a date alone as 09:00', () => {
    const text = `${HEADER}\nN,natalizumab,dose,2024-01-08T09:00:40,300,mg,iv,60,\nN,natalizumab,weight,2024-01-08,70,kg,,,\nN,natalizumab,level,2024-02-05 08:45,20,ug/mL,,,\n`;
    const p = parseTdmCsv(text, 't.csv').patients[0];
    expect([p.doses[0].iso, p.doses[0].time]).toEqual(['2024-01-08T09:00', t('2024-01-08T09:00')]);
    expect([p.weights[0].iso, p.weights[0].time]).toEqual(['2024-01-08T09:00', t('2024-01-08T09:00')]);
    expect(p.levels[0].iso).toBe('2024-02-05T08:45');
  });
});

describe('parseTdmCsv: refused rows', () => {
  const text = [
    HEADER,
    'GOOD,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
    'BAD,natalizumab,dose,2024-01-08T09:00,-300,mg,iv,60,',
    'GOOD,natalizumab,level,2024-02-05T08:45,abc,ug/mL,,,',
    'BAD,natalizumab,level,2024-02-30,20,ug/mL,,,',
    'GOOD,natalizumab,level,2024-03-04T08:45,20,ug/mL,,,',
  ].join('\n');
  const r = parseTdmCsv(text, 'r.csv');

  it('are listed, never silently dropped, and the other rows and patients still work', () => {
    expect(r.fatal).toBe(false);
    expect(r.issues.map((i) => [i.line, i.patientId, i.code])).toEqual([[3, 'BAD', 'value_negative'], [4, 'GOOD', 'value_not_number'], [5, 'BAD', 'time_invalid']]);
    expect(r.patients.map((p) => p.id)).toEqual(['GOOD']);
    expect(r.patients[0].levels.map((l) => l.line)).toEqual([6]);
  });

  it('also appear in the patient\'s own issues, with the row time when readable', () => {
    expect(r.patients[0].issues.map((i) => [i.line, i.code, i.time])).toEqual([[4, 'value_not_number', t('2024-02-05T08:45')]]);
    const bad = r.issues.filter((i) => i.patientId === 'BAD');
    expect(bad.map((i) => i.time)).toEqual([t('2024-01-08T09:00'), undefined]);
  });

  it('a patient whose rows name two drugs keeps the first drug\'s rows', () => {
    const mixed = parseTdmCsv(`${HEADER}\nX,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,\nX,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,\nX,ocrelizumab,bcell,2024-07-01,5,cells/uL,,,\n`, 'm.csv');
    expect(mixed.patients[0]).toMatchObject({ id: 'X', drug: 'ocrelizumab' });
    expect(mixed.patients[0].doses.map((d) => d.line)).toEqual([2]);
    expect(mixed.patients[0].bcells.map((d) => d.line)).toEqual([4]);
    expect(mixed.issues.map((i) => [i.line, i.code])).toEqual([[3, 'drug_mismatch']]);
  });

  it('a natalizumab patient without any dose keeps its levels (the engine says there is no dose)', () => {
    const r2 = parseTdmCsv(`${HEADER}\nN,natalizumab,level,2024-02-05T08:45,20,ug/mL,,,\n`, 'n.csv');
    expect(r2.issues).toEqual([]);
    expect(r2.patients[0].levels).toHaveLength(1);
  });
});

describe('cutAsOf', () => {
  const text = [
    HEADER,
    'N,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
    'N,natalizumab,level,2024-02-05T08:45,25,ug/mL,,,',
    'N,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,',
    'N,natalizumab,level,2024-03-04T08:45,abc,ug/mL,,,',
    'N,natalizumab,level,2024-03-04T08:46,22,ug/mL,,,',
    'N,natalizumab,dose,2024-03-04T09:00,600,mg,iv,60,',
    'N,natalizumab,weight,2024-03-04,70,kg,,,',
  ].join('\n');
  const p = parseTdmCsv(text, 'a.csv').patients[0];

  it('keeps only events and issues at or before the as-of time', () => {
    const cut = cutAsOf(p, parseAsOfDate('2024-02-05')!);
    expect(cut.doses.map((d) => d.iso)).toEqual(['2024-01-08T09:00', '2024-02-05T09:00']);
    expect(cut.levels.map((d) => d.iso)).toEqual(['2024-02-05T08:45']);
    expect(cut.weights).toEqual([]);
    expect(cut.issues).toEqual([]);
    expect(p.issues.map((i) => i.code)).toEqual(['value_not_number', 'dose_unusual_natalizumab']); // the original is unchanged
  });

  it('includes events exactly at the as-of time', () => {
    const cut = cutAsOf(p, t('2024-03-04T08:46'));
    expect(cut.levels.map((d) => d.iso)).toEqual(['2024-02-05T08:45', '2024-03-04T08:46']);
    expect(cut.weights).toEqual([]); // weighed at 09:00, after the cut
    expect(cut.issues.map((i) => i.code)).toEqual(['value_not_number']);
    expect(cut).toMatchObject({ id: 'N', drug: 'natalizumab', order: 0 });
  });
});

describe('the project\'s CSV files', () => {
  const dir = 'fixtures/validation';
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));

  it('includes every validation set', () => {
    expect(files.sort()).toEqual([
      'natalizumab-misspec.csv', 'natalizumab-sc.csv', 'natalizumab-virtual.csv', 'ocrelizumab-virtual-week20.csv', 'ocrelizumab-virtual-week24.csv', 'ocrelizumab-virtual-week28.csv',
      'ocrelizumab-virtual-week32.csv', 'ocrelizumab-virtual-week36.csv', 'ocrelizumab-virtual-week40.csv', 'ocrelizumab-virtual.csv',
    ]);
  });

  it.each(files)('%s parses without any issue', (f) => {
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    const r = parseTdmCsv(text, f);
    expect(r.fatal).toBe(false);
    expect(r.issues).toEqual([]);
    const rows = text.trim().split('\n').length - 1;
    const events = r.patients.reduce((n, p) => n + p.doses.length + p.levels.length + p.bcells.length + p.weights.length, 0);
    expect(events).toBe(rows);
  });

  it('natalizumab-virtual.csv: 60 patients with troughs, censored ones included', () => {
    const r = parseTdmCsv(readFileSync(`${dir}/natalizumab-virtual.csv`, 'utf8'), 'n.csv');
    expect(r.patients).toHaveLength(60);
    expect(r.patients.every((p) => p.drug === 'natalizumab' && p.levels.length === 2)).toBe(true);
    expect(r.patients.flatMap((p) => p.levels).filter((l) => l.censored).map((l) => l.value)).toEqual([1, 1]);
  });

  it('the example patients parse cleanly and end in October-November 2026', () => {
    const r = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'example-patients.csv');
    expect(r.issues).toEqual([]);
    expect(r.patients.map((p) => p.id)).toEqual(['NAT-001', 'NAT-002', 'NAT-003', 'NAT-004', 'NAT-005', 'NAT-006', 'OCR-001', 'OCR-002', 'OCR-003']);
    for (const p of r.patients) {
      const last = Math.max(...[...p.doses, ...p.levels, ...p.bcells].map((e) => e.time));
      expect(last).toBeGreaterThanOrEqual(t('2026-10-01T00:00'));
      expect(last).toBeLessThanOrEqual(t('2026-11-21T23:59'));
    }
    const byId = Object.fromEntries(r.patients.map((p) => [p.id, p]));
    expect(byId['NAT-003'].weights).toEqual([]);
    expect(byId['NAT-004'].levels.every((l) => l.censored)).toBe(true);
    expect(byId['NAT-005'].doses.every((d) => d.route === 'sc' && d.durationMin === 0)).toBe(true);
    expect(byId['OCR-003'].bcells.map((b) => b.value)).toEqual([4, 8]);
  });
});
