/**
 * Ocrelizumab wearing-off (issue 19): each report set in its dosing cycle, with the weeks since
 * the dose at the onset and the predicted CD19+ count there (80 % interval), from the same
 * prediction as `tdm predict` at that time.
 */
import type { Days, PatientRecord } from '../types';
import type { OcrelizumabOptions, OcrelizumabReport } from '../report/types';
import { reportsUpTo, sig4, wearingOffIntervals, type WearingOffSummary } from '../wearing-off';
import { groupDoses } from './cycles';
import { predictOcrelizumab } from './propose';

export function ocrelizumabWearingOff(patient: PatientRecord, asOf: Days, options: Partial<OcrelizumabOptions>): WearingOffSummary | null {
  const reports = reportsUpTo(patient, asOf);
  if (reports.length === 0) return null;
  const starts = groupDoses(patient.doses.filter((d) => d.time <= asOf)).map((g) => ({ time: g.start, iso: g.doses[0].iso }));
  const summary = wearingOffIntervals(reports, starts);
  if (summary.reports.length > 0) {
    const predictions = predictOcrelizumab(patient, asOf, summary.reports.map((r) => r.time), options);
    summary.reports.forEach((r, i) => { r.count = { value: sig4(predictions[i].value), low: sig4(predictions[i].low), high: sig4(predictions[i].high) }; });
  }
  return summary;
}

export function withOcrelizumabWearingOff(report: OcrelizumabReport, patient: PatientRecord, asOf: Days, options: Partial<OcrelizumabOptions>): OcrelizumabReport {
  const summary = ocrelizumabWearingOff(patient, asOf, options);
  return summary ? { ...report, wearingOff: summary } : report;
}
