/**
 * The app's forms check rows with the records module itself (validate-edit.ts): today's date
 * comes from the app, typed numbers may use either decimal mark. Messages word for word, in
 * English (the records module's own text) and in Dutch, both from the one catalog (src/i18n/records-*.ts).
 */
import { describe, expect, it } from 'vitest';
import { importRefusals, refusedSetAside, validateRows } from '../../../../src/app/features/patient/validate-edit';
import { refusedRowsError } from '../../../../src/core/engine';
import { normaliseDecimal } from '../../../../src/app/lib/dates';
import type { EventRow } from '../../../../src/app/lib/rows';
import { issueText } from '../../../../src/i18n/sentences';
import recordsEn from '../../../../src/i18n/records-en';
import recordsNl from '../../../../src/i18n/records-nl';
import type { PatientRecord } from '../../../../src/core/types';

const base: PatientRecord = { id: 'NAT-T', drug: 'natalizumab', doses: [], levels: [], bcells: [], weights: [], issues: [], order: 0 };
const ocr: PatientRecord = { ...base, id: 'OCR-T', drug: 'ocrelizumab' };
const row = (kind: EventRow['kind'], time: string, value: string, unit: string): EventRow =>
  ({ kind, time, value: normaliseDecimal(value), unit, route: kind === 'dose' ? 'iv' : '', duration_min: '', note: '' });
const DOSE = row('dose', '2026-10-05T09:00', '300', 'mg');
const TODAY = '2026-12-02';

async function refused(rec: PatientRecord, rows: EventRow[]) {
  const r = await validateRows(rec, rows, undefined, TODAY);
  expect(r.record).toBeNull();
  return r.issues.filter((x) => x.issue.severity === 'error').map((x) => ({ row: x.row, column: x.issue.column, en: issueText(x.issue, 'en'), nl: issueText(x.issue, 'nl') }));
}

describe('validateRows: the sense checks on typed rows', () => {
  it('refuses a trough typed in ng/mL into a µg/mL field, on the value', async () => {
    expect(await refused(base, [DOSE, row('level', '2026-11-02T08:45', '25000', 'µg/mL')])).toEqual([{
      row: 1, column: 'value',
      en: 'entry:3: value "25000" µg/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (25000 ng/mL = 25 µg/mL)',
      nl: 'entry:3: waarde "25000" µg/mL van een spiegel is hoger dan een natalizumabgift kan geven (hoogstens 500 µg/mL): misschien is de waarde in ng/mL; kies dan de eenheid ng/mL (25000 ng/mL = 25 µg/mL)',
    }]);
  });
  it('refuses a result dated after today, on the time', async () => {
    expect(await refused(base, [DOSE, row('level', '2026-12-03', '20', 'ug/mL')])).toEqual([{
      row: 1, column: 'time',
      en: 'entry:3: time "2026-12-03" is after today (2026-12-02): the record holds what happened; a planned dose or lab belongs in the proposal',
      nl: 'entry:3: datum "03-12-2026" ligt na vandaag (02-12-2026): het dossier bevat wat gebeurd is; een geplande gift of labafname hoort in het voorstel',
    }]);
  });
  it('refuses a dose dated after today', async () => {
    const out = await refused(base, [DOSE, row('dose', '2027-01-04T09:00', '300', 'mg')]);
    expect(out.map((o) => [o.row, o.column])).toEqual([[1, 'time']]);
  });
  it('refuses 1,000 with what to type instead (a decimal comma in Dutch)', async () => {
    expect(await refused(ocr, [row('dose', '2026-01-05T09:00', '600', 'mg'), row('bcell', '2026-07-06', '1,000', 'cells/uL')])).toEqual([{
      row: 1, column: 'value',
      en: 'entry:3: value "1,000" for a bcell is ambiguous: "," may separate thousands or be a decimal mark; write 1000 (without a thousands separator) or 1 (if "," was the decimal mark)',
      nl: 'entry:3: waarde "1,000" van een B-celtelling is dubbelzinnig: "," kan duizendtallen scheiden of een decimaalteken zijn; schrijf 1000 (zonder scheidingsteken voor duizendtallen) of 1 (als "," het decimaalteken was)',
    }]);
    const out = await refused(base, [DOSE, row('level', '2026-11-02', '12,500', 'ug/mL')]);
    expect(out[0].nl).toContain('schrijf 12500 (zonder scheidingsteken voor duizendtallen) of 12,5 (als "," het decimaalteken was)');
  });
  it('refuses a weight of 820 kg, and warns at 160 kg with the numbers the card gives', async () => {
    expect((await refused(base, [DOSE, row('weight', '2026-10-05', '820', 'kg')]))[0]).toEqual({
      row: 1, column: 'value',
      en: 'entry:3: weight of 820 kg is not an adult\'s weight: write the weight in kg, from 20 to 300',
      nl: 'entry:3: gewicht van 820 kg is geen gewicht van een volwassene: schrijf het gewicht in kg, van 20 tot 300',
    });
    const ok = await validateRows(base, [DOSE, row('weight', '2026-10-05', '160', 'kg')], undefined, TODAY);
    expect(ok.record?.weights.map((w) => w.kg)).toEqual([160]);
    expect(ok.issues.map((x) => issueText(x.issue, 'nl'))).toEqual([
      'entry:3: gewicht van 160 kg ligt buiten 40–150 kg, het bereik waarop het natalizumabmodel is gebouwd: gebruikt zoals ingevoerd; de voorspellingen zijn minder zeker',
    ]);
  });
  it('refuses a count in cells/µL entered as 10^9/L', async () => {
    const out = await refused(ocr, [row('dose', '2026-01-05T09:00', '600', 'mg'), row('bcell', '2026-07-06', '50', '10^9/L')]);
    expect(out[0].nl).toBe('entry:3: waarde "50" 10^9/L van een B-celtelling is meer B-cellen dan bloed bevat (hoogstens 5000 cellen/µL = 5 × 10^9/L): misschien is de waarde in cellen/µL; kies dan de eenheid cellen/µL (50 cellen/µL = 0,05 × 10^9/L)');
  });
  it('warns of doses close together without a file\'s line (no "(…, regel 3)" for rows typed in a form)', async () => {
    const r = await validateRows(base, [DOSE, row('dose', '2026-10-07T09:00', '300', 'mg')], undefined, TODAY);
    expect(r.issues.map((x) => [issueText(x.issue, 'nl'), issueText(x.issue, 'en')])).toEqual([[
      'entry:3: natalizumabgift op 07-10-2026 09:00 is maar 2 dagen na de vorige (05-10-2026 09:00): gebruikt zoals ingevoerd; controleer de datums',
      'entry:3: natalizumab dose on 2026-10-07T09:00 is only 2 days after the previous one (2026-10-05T09:00): used as written; check the dates',
    ]]);
  });
  it('accepts today, a decimal comma and a plausible level', async () => {
    const r = await validateRows(base, [DOSE, row('level', '2026-12-02T08:45', '24,1', 'ug/mL')], undefined, TODAY);
    expect(r.record?.levels.map((l) => l.value)).toEqual([24.1]);
    expect(r.issues).toEqual([]);
  });
});

describe('records messages in Dutch', () => {
  it('has a Dutch text for every code of the records module', () => {
    expect(Object.keys(recordsNl).sort()).toEqual(Object.keys(recordsEn).sort());
  });
  it('keeps the English text (the CLI\'s) in English, and gives it back without params', () => {
    const issue = { code: 'time_empty', severity: 'error' as const, message: 'p.csv:3: time is empty: write YYYY-MM-DD', file: 'p.csv', line: 3 };
    expect(issueText(issue, 'en')).toBe(issue.message);
    expect(issueText(issue, 'nl')).toBe(issue.message); // saved before params: English rather than a guess
    expect(issueText({ ...issue, params: {} }, 'nl')).toBe('p.csv:3: datum is leeg: schrijf JJJJ-MM-DD of JJJJ-MM-DDTUU:MM (lokale tijd), bijv. 2024-03-05T09:30; in het formulier ook dd-mm-jjjj');
  });
});

describe('rows refused on import stay until set aside', () => {
  const refusal = { code: 'value_not_number', severity: 'error' as const, message: 'refused.csv:5: value "abc" for a level is not a number', file: 'refused.csv', line: 5, patientId: 'NAT-T' };
  const imported: PatientRecord = { ...base, issues: [refusal] };

  it('an edit keeps them on the record (the patient stays unplanned, as the CLI answers for the file)', async () => {
    const r = await validateRows(imported, [DOSE, row('level', '2026-11-02T08:45', '20', 'ug/mL')], undefined, TODAY);
    expect(r.record).not.toBeNull();
    expect(r.record!.levels.map((l) => l.value)).toEqual([20]);
    expect(importRefusals(r.record!)).toEqual([refusal]);
    expect(refusedRowsError(r.record!)?.error).toBe('1 row(s) could not be used: refused.csv:5: value "abc" for a level is not a number');
    // Deleting every row keeps them too.
    expect(importRefusals((await validateRows(imported, [], undefined, TODAY)).record!)).toEqual([refusal]);
  });

  it('setting them aside is explicit and leaves the rows that were read', async () => {
    const r = await validateRows(imported, [DOSE], undefined, TODAY);
    const aside = refusedSetAside(r.record!);
    expect(importRefusals(aside)).toEqual([]);
    expect(refusedRowsError(aside)).toBeNull();
    expect(aside.doses).toEqual(r.record!.doses);
  });
});
