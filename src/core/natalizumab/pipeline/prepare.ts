/** Stage 1, prepare: the options, the record up to as-of, and the chart's history grid. */
import type { Days, PatientRecord } from '../../types';
import type { NatalizumabOptions } from '../../report/types';
import { resolveOptions } from '../analysis';
import { preparePatient } from '../patient';
import { historyGrid } from './grid';
import type { Prepared } from './types';
import { withEnglish } from '../../text';

export function prepare(patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions>): Prepared {
  const opts = resolveOptions(options);
  const prep = preparePatient(patient, asOf);
  const curves = opts.curves !== false;
  const issues = [...prep.issues];
  if (opts.maxIntervalWeeks > 8) {
    issues.push(withEnglish({ code: 'max-interval-beyond-8', severity: 'warning', params: { weeks: opts.maxIntervalWeeks } }));
  }
  return { patient, asOf, opts, prep, curves, grid: curves ? historyGrid(prep) : new Float64Array(0), issues };
}
