import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { handle, resolveAsOf } from '../../src/worker/handle';
import { parseTdmCsv, computeReport, cutAsOf, lastEventTime, formatDate, parseAsOfDate } from '../../src/core/index';

const text = readFileSync('fixtures/examples/example-patients.csv', 'utf8');
const now = () => 0;

describe('the worker does what the CLI does', () => {
  it('parses a file', () => {
    const r = handle({ type: 'parse', id: 1, text, file: 'ex.csv' }, now);
    expect(r.type).toBe('parsed');
    if (r.type === 'parsed') expect(r.result.patients.map((p) => p.id)).toEqual(parseTdmCsv(text, 'ex.csv', {}).patients.map((p) => p.id));
  });
  it('plans each patient as of the end of its last row\'s day by default, or as of a date', () => {
    const p = parseTdmCsv(text, 'ex.csv', {}).patients[0];
    const last = resolveAsOf(p, { kind: 'last' });
    expect(last).toBe(parseAsOfDate(formatDate(lastEventTime(p))));
    expect(formatDate(last)).toBe(formatDate(lastEventTime(p)));
    expect(resolveAsOf(p, { kind: 'date', date: '2026-12-01' })).toBe(parseAsOfDate('2026-12-01'));
    expect(() => resolveAsOf(p, { kind: 'date', date: 'soon' })).toThrow('bad as-of date soon');
  });
  it('computes the same report as the core called directly', () => {
    for (const p of parseTdmCsv(text, 'ex.csv', {}).patients.slice(0, 3)) {
      const r = handle({ type: 'compute', id: 2, job: { patient: p, settings: { natalizumab: {}, ocrelizumab: {} }, asOf: { kind: 'last' } } }, now);
      expect(r.type).toBe('computed');
      const asOf = resolveAsOf(p, { kind: 'last' });
      if (r.type === 'computed') expect(r.report).toEqual(computeReport(cutAsOf(p, asOf), asOf, { natalizumab: {}, ocrelizumab: {} }));
    }
  });
  it('uses only rows up to an earlier as-of date', () => {
    const p = parseTdmCsv(text, 'ex.csv', {}).patients[0];
    const r = handle({ type: 'compute', id: 3, job: { patient: p, settings: { natalizumab: {}, ocrelizumab: {} }, asOf: { kind: 'date', date: p.doses[2].iso.slice(0, 10) } } }, now);
    expect(r.type === 'computed' && 'proposal' in r.report && r.report.lastDose).toBe(p.doses[2].iso);
  });
});
