/**
 * The worker's parse reads a FHIR Bundle as well as a CSV (told apart by content), with the
 * clinic's local codes and time zone the app passes: what the app's import panel gets, so a
 * Bundle goes through the same preview and merge as a CSV.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handle } from '../../src/worker/handle';
import { parseTdmCsv } from '../../src/core/records/index';
import { readFhirText } from '../../src/core/fhir/index';

const now = () => 0;
const bundle = readFileSync('fixtures/fhir/hand-written.json', 'utf8');
const csv = readFileSync('fixtures/fhir/hand-written.csv', 'utf8');
const parsed = (text: string, file: string, extra: object = {}) => {
  const r = handle({ type: 'parse', id: 1, text, file, ...extra }, now);
  if (r.type !== 'parsed') throw new Error(r.type);
  return r.result;
};
const rows = (ps: ReturnType<typeof parsed>['patients']) => ps.map((p) => ({ id: p.id, drug: p.drug, doses: p.doses.map((d) => d.iso), levels: p.levels.map((l) => [l.iso, l.value, l.censored]), bcells: p.bcells.map((b) => [b.iso, b.value, b.censored]) }));

describe('the worker reads a Bundle', () => {
  it('gives the patients of the Bundle written by hand from the spec, the same rows as its CSV', () => {
    const r = parsed(bundle, 'hand-written.json', { fhir: { timeZone: 'Europe/Amsterdam' }, today: '2026-12-07' });
    expect(r.fatal).toBeFalsy();
    expect(rows(r.patients)).toEqual(rows(parseTdmCsv(csv, 'hand-written.csv', { today: '2026-12-07' }).patients));
    expect(r).toEqual(readFhirText(bundle, { fileName: 'hand-written.json', timeZone: 'Europe/Amsterdam', today: '2026-12-07' }));
  });
  it('reads the times in the clinic\'s zone it is given (UTC gives other wall-clock times)', () => {
    const ams = parsed(bundle, 'b.json', { fhir: { timeZone: 'Europe/Amsterdam' } }).patients[0].doses[0].iso;
    const utc = parsed(bundle, 'b.json', { fhir: { timeZone: 'UTC' } }).patients[0].doses[0].iso;
    expect([ams, utc]).toEqual(['2024-01-08T09:00', '2024-01-08T08:00']);
  });
  it('reads a level under a local code only with the clinic\'s codes', () => {
    const LAB = { system: 'urn:oid:2.16.528.1.1007.3.3.1234567', code: 'NATA-S' };
    const local = bundle.replaceAll('"system": "urn:ms-interval:code", "code": "natalizumab-serum"', `"system": "${LAB.system}", "code": "${LAB.code}"`);
    expect(local).not.toBe(bundle);
    const levels = (extra: object) => parsed(local, 'b.json', extra).patients.find((p) => p.id === 'HW-NAT-IV')!.levels.length;
    expect(levels({ fhir: { timeZone: 'Europe/Amsterdam' } })).toBe(0);
    expect(levels({ fhir: { timeZone: 'Europe/Amsterdam', localCodes: { level: [LAB] } } })).toBe(parseTdmCsv(csv, 'c.csv').patients[0].levels.length);
  });
  it('still reads a CSV as a CSV', () => {
    expect(parsed(csv, 'c.csv', { fhir: { timeZone: 'UTC' } })).toEqual(parseTdmCsv(csv, 'c.csv', {}));
  });
});
