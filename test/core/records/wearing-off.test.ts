/**
 * The TDM CSV kind `wearing_off` (spec/tdm-csv.md): the onset the patient reports, an intensity
 * 0–3, a 0 at an infusion for "none this interval". Read, written back to equal records, and the
 * refusals word for word (in English, the records module's text, and in Dutch, from the one catalog).
 */
import { describe, expect, it } from 'vitest';
import { parseTdmCsv, writeTdmCsv, cutAsOf } from '../../../src/core/records/index';
import { issueText } from '../../../src/i18n/sentences';
import { renderText } from '../../../src/i18n/catalog';
import { parseIsoTime } from '../../../src/core/time';

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';
const FILE = [
  HEADER,
  'NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
  'NAT-001,natalizumab,wearing_off,2024-02-01,2,score,,,tired from Thursday',
  'NAT-001,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,',
  'NAT-001,natalizumab,wearing_off,2024-03-04T09:00,0,score,,,none this interval',
  'NAT-001,natalizumab,dose,2024-03-04T09:00,300,mg,iv,60,',
  'OCR-001,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,',
  'OCR-001,ocrelizumab,wearing_off,2023-11-20T14:30,3,score,,,',
].join('\n');

describe('wearing_off rows', () => {
  it('are read with onset, score and note, for both drugs', () => {
    const r = parseTdmCsv(FILE, 'w.csv');
    expect(r.issues).toEqual([]);
    const [nat, ocr] = r.patients;
    expect(nat.wearingOff).toEqual([
      { kind: 'wearing_off', time: parseIsoTime('2024-02-01T09:00'), iso: '2024-02-01T09:00', line: 3, score: 2, note: 'tired from Thursday' },
      { kind: 'wearing_off', time: parseIsoTime('2024-03-04T09:00'), iso: '2024-03-04T09:00', line: 5, score: 0, note: 'none this interval' },
    ]);
    expect(nat.doses).toHaveLength(3);
    expect(ocr.wearingOff).toEqual([{ kind: 'wearing_off', time: parseIsoTime('2023-11-20T14:30'), iso: '2023-11-20T14:30', line: 8, score: 3 }]);
  });

  it('a patient without reports has no wearingOff field (records compare equal as before)', () => {
    const r = parseTdmCsv([HEADER, 'NAT-002,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,'].join('\n'), 'x.csv');
    expect('wearingOff' in r.patients[0]).toBe(false);
  });

  it('round trip: written and read back gives equal records, the report before the dose at one time', () => {
    const first = parseTdmCsv(FILE, 'w.csv');
    const text = writeTdmCsv(first.patients);
    const lines = text.split('\r\n');
    expect(lines[2]).toBe('NAT-001,natalizumab,wearing_off,2024-02-01T09:00,2,score,,,tired from Thursday');
    expect(lines[4]).toBe('NAT-001,natalizumab,wearing_off,2024-03-04T09:00,0,score,,,none this interval');
    expect(lines[5]).toBe('NAT-001,natalizumab,dose,2024-03-04T09:00,300,mg,iv,60,');
    const back = parseTdmCsv(text, 'w.csv');
    const strip = (ps: typeof first.patients) => ps.map((p) => ({ ...p, doses: p.doses.map(({ line: _l, ...d }) => d), wearingOff: p.wearingOff?.map(({ line: _l, ...w }) => w) }));
    expect(strip(back.patients)).toEqual(strip(first.patients));
    // And in the semicolon dialect.
    const semi = parseTdmCsv(writeTdmCsv(first.patients, { dialect: 'semicolon' }), 'w.csv');
    expect(strip(semi.patients)).toEqual(strip(first.patients));
  });

  it('a patient with only reports is still a patient (kept, exported)', () => {
    const r = parseTdmCsv([HEADER, 'NAT-003,natalizumab,wearing_off,2024-02-01,1,score,,,'].join('\n'), 'x.csv');
    expect(r.patients).toHaveLength(1);
    expect(writeTdmCsv(r.patients)).toContain('NAT-003,natalizumab,wearing_off,2024-02-01T09:00,1,score,,,');
  });

  it('cutAsOf keeps only the reports up to the date', () => {
    const nat = parseTdmCsv(FILE, 'w.csv').patients[0];
    expect(cutAsOf(nat, parseIsoTime('2024-02-10')!).wearingOff!.map((w) => w.iso)).toEqual(['2024-02-01T09:00']);
  });
});

const refused = (row: string) => {
  const r = parseTdmCsv([HEADER, 'NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,', row].join('\n'), 'p.csv');
  expect(r.patients[0].wearingOff).toBeUndefined();
  const errors = r.issues.filter((i) => i.severity === 'error');
  expect(errors).toHaveLength(1);
  return errors[0];
};

describe('wearing_off refusals, word for word', () => {
  const cases: { name: string; row: string; message: string; nl: string; code: string; column: string; value: string }[] = [
    { name: 'score 4', row: 'NAT-001,natalizumab,wearing_off,2024-02-01,4,score,,,', code: 'value_score', column: 'value', value: '4',
      message: 'p.csv:3: value "4" for a wearing_off is not an intensity: write the intensity as 0, 1, 2 or 3 (0 none, 1 mild, 2 moderate, 3 severe)',
      nl: 'p.csv:3: waarde "4" van een wearing-off-melding is geen ernst: schrijf de ernst als 0, 1, 2 of 3 (0 geen, 1 licht, 2 matig, 3 ernstig)' },
    { name: 'score -1', row: 'NAT-001,natalizumab,wearing_off,2024-02-01,-1,score,,,', code: 'value_score', column: 'value', value: '-1',
      message: 'p.csv:3: value "-1" for a wearing_off is not an intensity: write the intensity as 0, 1, 2 or 3 (0 none, 1 mild, 2 moderate, 3 severe)',
      nl: 'p.csv:3: waarde "-1" van een wearing-off-melding is geen ernst: schrijf de ernst als 0, 1, 2 of 3 (0 geen, 1 licht, 2 matig, 3 ernstig)' },
    { name: 'score 1.5', row: 'NAT-001,natalizumab,wearing_off,2024-02-01,1.5,score,,,', code: 'value_score', column: 'value', value: '1.5',
      message: 'p.csv:3: value "1.5" for a wearing_off is not an intensity: write the intensity as 0, 1, 2 or 3 (0 none, 1 mild, 2 moderate, 3 severe)',
      nl: 'p.csv:3: waarde "1.5" van een wearing-off-melding is geen ernst: schrijf de ernst als 0, 1, 2 of 3 (0 geen, 1 licht, 2 matig, 3 ernstig)' },
    { name: 'a word', row: 'NAT-001,natalizumab,wearing_off,2024-02-01,mild,score,,,', code: 'value_not_number', column: 'value', value: 'mild',
      message: 'p.csv:3: value "mild" for a wearing_off is not a number: write the intensity as 0, 1, 2 or 3 (0 none, 1 mild, 2 moderate, 3 severe)',
      nl: 'p.csv:3: waarde "mild" van een wearing-off-melding is geen getal: schrijf de ernst als 0, 1, 2 of 3 (0 geen, 1 licht, 2 matig, 3 ernstig)' },
    { name: 'bad date', row: 'NAT-001,natalizumab,wearing_off,2024-02-30,2,score,,,', code: 'time_invalid', column: 'time', value: '2024-02-30',
      message: 'p.csv:3: time "2024-02-30" is not a valid date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30',
      nl: 'p.csv:3: tijdstip "2024-02-30" is geen geldige datum: schrijf JJJJ-MM-DD of JJJJ-MM-DDTUU:MM (lokale tijd), bijv. 2024-03-05T09:30; in het formulier ook dd-mm-jjjj' },
    { name: 'wrong unit', row: 'NAT-001,natalizumab,wearing_off,2024-02-01,2,points,,,', code: 'unit_unknown', column: 'unit', value: 'points',
      message: 'p.csv:3: unit "points" is not accepted for a wearing_off: use score',
      nl: 'p.csv:3: eenheid "points" wordt niet geaccepteerd voor een wearing-off-melding: gebruik score' },
    { name: 'censored', row: 'NAT-001,natalizumab,wearing_off,2024-02-01,<1,score,,,', code: 'value_censored_not_allowed', column: 'value', value: '<1',
      message: 'p.csv:3: value "<1" for a wearing_off cannot be written as <x: only a level or bcell result can be below a lab\'s limit',
      nl: 'p.csv:3: waarde "<1" van een wearing-off-melding kan niet als <x geschreven worden: alleen een spiegel of B-celtelling kan onder een meetgrens liggen' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = refused(c.row);
      expect(e).toMatchObject({ message: c.message, code: c.code, column: c.column, value: c.value, line: 3, patientId: 'NAT-001' });
      expect(issueText(e, 'nl')).toBe(c.nl);
    });
  }

  it('the score boundaries: 0 and 3 are read, 4 and -1 are not', () => {
    for (const v of ['0', '3']) expect(parseTdmCsv([HEADER, `N,natalizumab,wearing_off,2024-02-01,${v},score,,,`].join('\n'), 'p.csv').issues).toEqual([]);
    for (const v of ['4', '-1']) expect(parseTdmCsv([HEADER, `N,natalizumab,wearing_off,2024-02-01,${v},score,,,`].join('\n'), 'p.csv').issues[0].code).toBe('value_score');
  });

  it('the unknown-kind message names wearing_off among the kinds', () => {
    const e = refused('NAT-001,natalizumab,wearingoff,2024-02-01,2,score,,,');
    expect(e.message).toBe('p.csv:3: kind "wearingoff" is not known: use dose, level, bcell, weight or wearing_off');
    expect(renderText('records', 'kind_unknown', { value: 'wearingoff' }, 'nl')).toBe('soort "wearingoff" is onbekend: gebruik dose, level, bcell, weight of wearing_off');
  });
});
