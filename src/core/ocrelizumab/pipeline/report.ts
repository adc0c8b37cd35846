/** Ocrelizumab stage, report: the one result object the card, the chart, the exports and the command line read. */
import { dateAtWeek } from './timing';
import type { Days, Interval80, Issue, PatientRecord, CurvePoint } from '../../types';
import type { CountTrend, OcrelizumabReport } from '../../report/types';
import { REPORT_SCHEMA_VERSION } from '../../report/types';
import { formatDate, formatDateTime } from '../../time';
import { OCRELIZUMAB_MODEL } from '../../../../models/ocrelizumab-bcell-logistic';
import { CROSSING_HORIZON_WEEKS, rateQuantile } from '../posterior';
import type { OcrelizumabAnalysis } from '../propose';
import type { Decision, Timing } from './types';

/** Weeks capped to the horizon (for numbers that must stay finite in JSON). */
const cap = (w: number) => Math.min(w, CROSSING_HORIZON_WEEKS);

export interface OcrelizumabStages {
  patient: PatientRecord; asOf: Days; a: OcrelizumabAnalysis; t: Timing; d: Decision;
  protocol: OcrelizumabReport['protocol']; trend: CountTrend | null; issues: Issue[];
  probabilityByDate: { date: string; probability: number }[]; curve: CurvePoint[];
}

export function ocrelizumabReport(s: OcrelizumabStages): OcrelizumabReport {
  const { patient, asOf, a, t, d } = s;
  const { q10, q50, q90 } = a.crossing;
  const p = a.posterior;
  const crossingWeeks: Interval80 = { value: cap(q50), low: cap(q10), high: cap(q90) };
  const growth: Interval80 = { value: rateQuantile(p, 0.5), low: rateQuantile(p, 0.1), high: rateQuantile(p, 0.9) };
  const at = (w: number) => formatDate(t.start + 7 * cap(w));
  return {
    drug: 'ocrelizumab', schemaVersion: REPORT_SCHEMA_VERSION, patientId: patient.id, asOf: formatDate(asOf),
    model: { id: OCRELIZUMAB_MODEL.id, version: OCRELIZUMAB_MODEL.version, name: OCRELIZUMAB_MODEL.name },
    options: a.options,
    threshold: { value: a.options.threshold, unit: 'cells/uL' },
    lastDose: formatDateTime(t.start),
    // Re-doses fall on whole weeks after the infusion: the first such day not before as-of.
    firstPossibleDay: dateAtWeek(t, t.elapsedW),
    late: d.late,
    fit: {
      basis: a.basis, countsUsed: a.current.length, previousCycleCountsUsed: a.previousCounts.length,
      bmax: a.bmax, bmaxFromPatient: a.bmaxFromPatient, crossingWeeks, growthRatePerWeek: growth,
    },
    proposal: {
      nextDose: d.nextDose, weeksSinceLastDose: d.weeks,
      predictedCrossing: at(q50), predictedCrossingLow: at(q10), predictedCrossingHigh: at(q90),
      nextBcellCheck: d.nextCheck, dueNow: t.dueNow,
      reason: d.reason, reasonCode: d.reasonCode, reasonParams: d.reasonParams,
    },
    protocol: s.protocol,
    countTrend: s.trend,
    probabilityByDate: s.probabilityByDate,
    warnings: s.issues,
    curve: s.curve,
    observations: patient.bcells.filter((b) => b.time <= asOf),
    doses: patient.doses.filter((x) => x.time <= asOf).map((x) => ({ time: x.time, iso: x.iso, amountMg: x.amountMg })),
  };
}
