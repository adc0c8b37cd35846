/**
 * Issue 15, item 10: an id that looks like a name, a date of birth or a Dutch BSN is warned about
 * before it is saved (src/app/lib/id-privacy.ts), by hand and by import (import-plan.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passesElevenTest, personalId } from '../../../src/app/lib/id-privacy';
import { needsDecision, planImport } from '../../../src/app/lib/import-plan';
import { parseTdmCsv } from '../../../src/core/records/index';
import type { StoredPatient } from '../../../src/app/storage/db';

/** The 11-test written out independently: weights 9..2 and -1. */
const elevenProof = (d: number[]) => d.reduce((s, x, i) => s + x * (i < 8 ? 9 - i : -1), 0) % 11 === 0;

describe('the BSN 11-test', () => {
  it('passes known valid numbers and fails their neighbours', () => {
    for (const ok of ['111222333', '123456782', '999999990']) expect(passesElevenTest(ok), ok).toBe(true);
    for (const no of ['111222334', '123456789', '123456781', '000000000', '12345678', '1234567820']) expect(passesElevenTest(no), no).toBe(false);
  });
  it('agrees with the 11-test written out, on any nine digits', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (d) => {
      const s = d.join('');
      expect(passesElevenTest(s)).toBe(elevenProof(d) && !/^0+$/.test(s));
    }));
  });
});

describe('an id that looks personal', () => {
  it('a BSN alone, with separators or inside an id', () => {
    for (const id of ['123456782', '1234.56.782', '123 456 782', 'P-123456782', 'bsn111222333x']) expect(personalId(id), id).toBe('bsn');
    // Nine digits failing the 11-test, ten digits, eight digits: not a BSN.
    for (const id of ['123456789', 'P1234567820', 'NAT-12345678']) expect(personalId(id), id).not.toBe('bsn');
  });
  it('a date of birth in the usual ways, only when it is a real date', () => {
    for (const id of ['12-03-1985', 'MS 12/03/1985', '1985-03-12', 'x12.3.1985', '12031985', '19850312', 'P-29-02-2000']) expect(personalId(id), id).toBe('birth');
    for (const id of ['31-02-1985', '12-13-1985', '12-03-1885', '29-02-2001', 'NAT-001', '99999999']) expect(personalId(id), id).toBeNull();
  });
  it('a name: words of letters, or one capitalised word; codes are not names', () => {
    for (const id of ['Jansen', 'Jan de Vries', 'de Vries, J.', "O'Neill", 'Marie-Claire Dupont', 'jan jansen', 'Ünal']) expect(personalId(id), id).toBe('name');
    for (const id of ['NAT-001', 'ABC', 'MS-17', 'pt42', 'P 12', 'HAND-7', 'x', 'JANSEN']) expect(personalId(id), id).toBeNull();
  });
});

describe('an import with such an id', () => {
  const file = (id: string) => parseTdmCsv(`patient_id,drug,kind,time,value,unit,route,duration_min,note\n${id},natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\n`, 'f.csv');
  const batch = (id: string) => ({ source: 'f.csv', kind: 'csv' as const, patients: file(id).patients.map((record) => ({ record })) });
  it('is previewed with the warning before anything is saved, for a new patient only', () => {
    const plan = planImport([], batch('123456782'));
    expect(plan.patients[0].personal).toBe('bsn');
    expect(needsDecision(plan)).toBe(true);
    const plain = planImport([], batch('NAT-9'));
    expect(plain.patients[0].personal).toBeUndefined();
    expect(needsDecision(plain)).toBe(false);
    // A patient already on record (its id was warned about when it came): merged as usual.
    const onRecord: StoredPatient = { id: '123456782', record: file('123456782').patients[0], overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '', seq: 0 };
    const again = planImport([onRecord], batch('123456782'));
    expect(again.patients[0].personal).toBeUndefined();
    expect(needsDecision(again)).toBe(false);
  });
});
