/**
 * The TDM CSV's optional `sample` column (spec/tdm-csv.md): `venous` (default) or `capillary`
 * (finger-prick) on level rows, read case-insensitively, kept on the Observation and written back
 * whenever a level of the file is capillary.
 */
import { describe, expect, it } from 'vitest';
import { needsSampleColumn, parseTdmCsv, writeTdmCsv } from '../../../src/core/records/index';

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note,sample';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const DOSE = 'N,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,,';

describe('parseTdmCsv: the sample column', () => {
  it('is a known column: no unknown-column warning, and not an extra column', () => {
    const r = parseTdmCsv(csv(DOSE, 'N,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,,capillary'), 's.csv');
    expect(r.issues).toEqual([]);
    expect(r.extraColumns).toEqual([]);
    expect(r.patients[0].levels[0].extra).toBeUndefined();
  });

  it('reads venous, capillary and empty (= venous), in any case; only capillary is kept on the level', () => {
    const r = parseTdmCsv(csv(
      DOSE,
      'N,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,,capillary',
      'N,natalizumab,level,2024-03-04T08:45,20.5,ug/mL,,,,venous',
      'N,natalizumab,level,2024-04-01T08:45,19,ug/mL,,,,',
      'N,natalizumab,level,2024-04-29T08:45,<1,ug/mL,,,"home, ""prick""", CAPILLARY ',
      'N,natalizumab,level,2024-05-27T08:45,18,ug/mL,,,,Venous',
    ), 's.csv');
    expect(r.issues).toEqual([]);
    expect(r.patients[0].levels.map((l) => [l.iso, l.sample])).toEqual([
      ['2024-02-05T08:45', 'capillary'],
      ['2024-03-04T08:45', undefined],
      ['2024-04-01T08:45', undefined],
      ['2024-04-29T08:45', 'capillary'],
      ['2024-05-27T08:45', undefined],
    ]);
    expect(r.patients[0].levels[3]).toMatchObject({ censored: true, value: 1, note: 'home, "prick"' });
  });

  it('reads the column in the semicolon dialect and in any position', () => {
    const text = 'sample;patient_id;drug;kind;time;value;unit\n;N;natalizumab;dose;2024-01-08T09:00;300;mg\nCapillary;N;natalizumab;level;2024-02-05T08:45;24,1;µg/mL\n';
    const r = parseTdmCsv(text, 'nl.csv');
    expect(r.dialect).toBe('semicolon');
    expect(r.issues).toEqual([]);
    expect(r.patients[0].levels[0]).toMatchObject({ value: 24.1, raw: '24,1', sample: 'capillary' });
  });

  it('refuses a level with an unknown sample type, naming file, line, column, value and what is accepted', () => {
    const r = parseTdmCsv(csv(DOSE, 'N,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,,finger', 'N,natalizumab,level,2024-03-04T08:45,20.5,ug/mL,,,,capillary'), 'patients.csv');
    expect(r.issues.map((i) => i.message)).toEqual([
      'patients.csv:3: sample "finger" is not known: use venous or capillary (or leave it empty for venous)',
    ]);
    expect(r.issues[0]).toMatchObject({ code: 'sample_unknown', severity: 'error', file: 'patients.csv', line: 3, column: 'sample', value: 'finger', patientId: 'N' });
    // The refused row is not used; the rest of the patient is.
    expect(r.patients[0].levels.map((l) => [l.iso, l.sample])).toEqual([['2024-03-04T08:45', 'capillary']]);
  });

  it('ignores a sample type on a dose, weight or bcell row with a warning, and still uses the row', () => {
    const r = parseTdmCsv(csv(
      'N,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,,capillary',
      'N,natalizumab,weight,2024-01-08T09:00,71,kg,,,,venous',
      'O,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,,',
      'O,ocrelizumab,bcell,2024-01-08,3,cells/uL,,,,finger',
    ), 'w.csv');
    expect(r.issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', 'w.csv:2: sample "capillary" is only read for levels: ignored on a dose row'],
      ['warning', 'w.csv:3: sample "venous" is only read for levels: ignored on a weight row'],
      ['warning', 'w.csv:5: sample "finger" is only read for levels: ignored on a bcell row'],
    ]);
    expect(r.issues.map((i) => [i.code, i.column, i.value])).toEqual([
      ['sample_ignored', 'sample', 'capillary'], ['sample_ignored', 'sample', 'venous'], ['sample_ignored', 'sample', 'finger'],
    ]);
    const [n, o] = r.patients;
    expect([n.doses.length, n.weights.length, o.bcells.length]).toEqual([1, 1, 1]);
    expect(o.bcells[0].sample).toBeUndefined();
  });
});

describe('writeTdmCsv: the sample column', () => {
  const mixed = parseTdmCsv(csv(
    DOSE,
    'N,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,,',
    'N,natalizumab,level,2024-03-04T08:45,<0.5,ug/mL,,,thuis,Capillary',
    'O,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,,',
  ), 'm.csv').patients;

  it('writes the column, after note, whenever a level of the file is capillary: venous levels say venous, other rows leave it empty', () => {
    expect(needsSampleColumn(mixed)).toBe(true);
    expect(writeTdmCsv(mixed, { newline: '\n' })).toBe(`patient_id,drug,kind,time,value,unit,route,duration_min,note,sample
N,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,,
N,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,,venous
N,natalizumab,level,2024-03-04T08:45,<0.5,ug/mL,,,thuis,capillary
O,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,,
`);
    expect(writeTdmCsv(mixed, { newline: '\n', dialect: 'semicolon' }).split('\n')[3]).toBe('N;natalizumab;level;2024-03-04T08:45;<0,5;ug/mL;;;thuis;capillary');
  });

  it('keeps unknown columns after it', () => {
    const r = parseTdmCsv('patient_id,drug,kind,time,value,unit,lab,sample\nN,natalizumab,dose,2024-01-08T09:00,300,mg,S,\nN,natalizumab,level,2024-02-05,9,ug/mL,S,capillary\n', 'x.csv');
    expect(r.extraColumns).toEqual(['lab']);
    expect(writeTdmCsv(r.patients, { newline: '\n' }).split('\n').slice(0, 3)).toEqual([
      'patient_id,drug,kind,time,value,unit,route,duration_min,note,sample,lab',
      'N,natalizumab,dose,2024-01-08T09:00,300,mg,,,,,S',
      'N,natalizumab,level,2024-02-05T09:00,9,ug/mL,,,,capillary,S',
    ]);
  });

  it('leaves the column out when no level is capillary, even if the file had it', () => {
    const venous = parseTdmCsv(csv(DOSE, 'N,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,,venous'), 'v.csv').patients;
    expect(needsSampleColumn(venous)).toBe(false);
    expect(writeTdmCsv(venous, { newline: '\n' })).toBe(`patient_id,drug,kind,time,value,unit,route,duration_min,note
N,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,
N,natalizumab,level,2024-02-05T08:45,24.1,ug/mL,,,
`);
  });

  it('round-trips capillary levels in both dialects: equal records, then equal text', () => {
    for (const dialect of ['comma', 'semicolon'] as const) {
      const text = writeTdmCsv(mixed, { dialect });
      const back = parseTdmCsv(text, 'back.csv');
      expect(back.issues).toEqual([]);
      expect(back.dialect).toBe(dialect);
      // (the semicolon file writes a level's value with a decimal comma, so only `raw` differs)
      const strip = (ps: typeof mixed) => ps.map((p) => ({ ...p, levels: p.levels.map(({ line: _l, raw: _r, ...o }) => o), doses: p.doses.map(({ line: _l, ...d }) => d) }));
      expect(strip(back.patients)).toEqual(strip(mixed));
      expect(back.patients[0].levels.map((l) => [l.raw, l.sample])).toEqual(dialect === 'comma' ? [['24.1', undefined], ['<0.5', 'capillary']] : [['24,1', undefined], ['<0,5', 'capillary']]);
      expect(writeTdmCsv(back.patients, { dialect })).toBe(text);
    }
  });
});
