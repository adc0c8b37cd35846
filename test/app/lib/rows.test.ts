import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTdmCsv } from '../../../src/core/records/index';
import { recordToRows, rowOfLine, rowsToCsv, shortMessage, UNITS } from '../../../src/app/lib/rows';

const strip = (p: ReturnType<typeof parseTdmCsv>['patients'][number]) => ({
  doses: p.doses.map(({ line: _l, ...d }) => d), levels: p.levels.map(({ line: _l, ...d }) => d),
  bcells: p.bcells.map(({ line: _l, ...d }) => d), weights: p.weights.map(({ line: _l, ...d }) => d),
});

describe('a patient as editable rows', () => {
  it('round-trips every example and validation patient through rows and the parser', () => {
    for (const file of ['fixtures/examples/example-patients.csv', 'fixtures/validation/natalizumab-virtual.csv', 'fixtures/validation/ocrelizumab-virtual.csv', 'fixtures/validation/natalizumab-sc.csv']) {
      const parsed = parseTdmCsv(readFileSync(file, 'utf8'), file, {});
      expect(parsed.patients.length).toBeGreaterThan(0);
      for (const p of parsed.patients) {
        const again = parseTdmCsv(rowsToCsv(p.id, p.drug, recordToRows(p)), 'entry', {});
        expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(again.patients).toHaveLength(1);
        expect(strip(again.patients[0])).toEqual(strip(p));
      }
    }
  });
  it('keeps a level\'s sample type (finger-prick or venous) through rows, and refuses an unknown one with the parser\'s message', () => {
    const csv = 'patient_id,drug,kind,time,value,unit,sample\nA,natalizumab,dose,2024-01-08T09:00,300,mg,\nA,natalizumab,level,2024-02-05T08:30,9.5,ug/mL,capillary\nA,natalizumab,level,2024-03-04T08:30,8,ug/mL,\n';
    const p = parseTdmCsv(csv, 'x', {}).patients[0];
    const rows = recordToRows(p);
    expect(rows.map((r) => [r.kind, r.sample])).toEqual([['dose', undefined], ['level', 'capillary'], ['level', 'venous']]);
    const again = parseTdmCsv(rowsToCsv(p.id, p.drug, rows), 'entry', {});
    expect(again.issues).toEqual([]);
    expect(again.patients[0].levels.map((l) => l.sample)).toEqual(['capillary', undefined]);
    rows[2] = { ...rows[2], sample: 'thumb' };
    const bad = parseTdmCsv(rowsToCsv(p.id, p.drug, rows), 'entry', {});
    expect(bad.issues.map((i) => [rowOfLine(i.line), shortMessage(i.message)])).toEqual([[2, 'sample "thumb" is not known: use venous or capillary (or leave it empty for venous)']]);
  });
  it('orders a sample timed at a dose before the dose', () => {
    const csv = 'patient_id,drug,kind,time,value,unit\nA,natalizumab,dose,2023-12-11T09:00,300,mg\nA,natalizumab,dose,2024-01-08T09:00,300,mg\nA,natalizumab,level,2024-01-08T09:00,20,ug/mL\n';
    const rows = recordToRows(parseTdmCsv(csv, 'x', {}).patients[0]);
    expect(rows.map((r) => r.kind)).toEqual(['dose', 'level', 'dose']);
  });
  it('writes a comma-decimal value with a point so the comma file reads it', () => {
    const csv = 'patient_id;drug;kind;time;value;unit\nA;natalizumab;dose;2024-01-08T09:00;300;mg\nA;natalizumab;level;2024-02-05;24,1;ug/mL\n';
    const p = parseTdmCsv(csv, 'x', {}).patients[0];
    const rows = recordToRows(p);
    expect(rows[1].value).toBe('24.1');
    expect(parseTdmCsv(rowsToCsv(p.id, p.drug, rows), 'entry', {}).patients[0].levels[0].value).toBe(24.1);
  });
  it('maps parser lines back to rows and strips the file:line prefix', () => {
    const rows = [{ kind: 'level' as const, time: '2024-02-05', value: '-3', unit: 'ug/mL', route: '', duration_min: '', note: 'a, "b"' }];
    const res = parseTdmCsv(rowsToCsv('A', 'natalizumab', rows), 'entry', {});
    const err = res.issues.concat(res.patients.flatMap((p) => p.issues)).find((i) => i.severity === 'error')!;
    expect(rowOfLine(err.line)).toBe(0);
    expect(shortMessage(err.message)).toBe('value "-3" for a level must be 0 or more');
    expect(rowOfLine(1)).toBeNull();
  });
  it('writes rows with the core\'s one writer: quoted where needed, formula-like notes guarded and read back unchanged', () => {
    const row = (note: string, i: number) => ({ kind: 'dose' as const, time: `2024-${String(1 + i).padStart(2, '0')}-10T09:00`, value: '300', unit: 'mg', route: 'iv', duration_min: '', note });
    const notes = ['a,b', 'say "hi"', 'plain', "'=x", '=SUM(A1)', '+31 6', '-3', '@home', "''=y"];
    const text = rowsToCsv('A', 'natalizumab', notes.map(row));
    expect(text.split('\n')[1]).toBe('A,natalizumab,dose,2024-01-10T09:00,300,mg,iv,,"a,b",');
    expect(text.split('\n')[2]).toBe('A,natalizumab,dose,2024-02-10T09:00,300,mg,iv,,"say ""hi""",');
    expect(text).toContain(",''=x,");
    expect(text).toContain(",'=SUM(A1),");
    const back = parseTdmCsv(text, 'entry', {}).patients[0].doses.map((d) => d.note ?? '');
    expect(back).toEqual(notes);
    expect(UNITS.bcell).toEqual(['cells/uL', 'cells/µL', '/uL', '10^6/L', '10^9/L']);
    expect(UNITS.level).toEqual(['ug/mL', 'µg/mL', 'mg/L', 'ng/mL']);
  });
});
