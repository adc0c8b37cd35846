/**
 * The example patients (fixtures/examples) as the app holds them: the core's report of each, as of
 * its last row, and a stored patient with an optional choice. Shared by the app's unit tests.
 */
import { readFileSync } from 'node:fs';
import { computeReport, cutAsOf, lastEventTime, parseTdmCsv, type PatientReport } from '../../src/core/index';
import type { StoredPatient } from '../../src/app/storage/db';

export const parsed = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'example-patients.csv');

export function exampleReport(id: string): PatientReport {
  const p = parsed.patients.find((x) => x.id === id)!;
  const asOf = Math.floor(lastEventTime(p)) + 1 - 1e-9;
  return computeReport(cutAsOf(p, asOf), asOf, { natalizumab: { curves: false }, ocrelizumab: {} }) as PatientReport;
}

export function storedExample(id: string, choice: StoredPatient['choice'] = null): StoredPatient {
  return { id, record: parsed.patients.find((x) => x.id === id)!, overrides: { natalizumab: {}, ocrelizumab: {} }, choice, updatedAt: '', seq: 0 };
}
