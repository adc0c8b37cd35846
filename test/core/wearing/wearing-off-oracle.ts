/**
 * The oracle of test/core/wearing/wearing-reuse.test.ts: the natalizumab wearing-off analysis as it
 * was before it read the proposal's own fit (issue 19, speed), copied verbatim from
 * src/core/natalizumab/wearing-off.ts and predict.ts at main 619bfa3 (only the imports' paths and the
 * names changed): the onsets predicted as `tdm predict` does, the patient fitted again. Also the
 * "before" of scripts/bench-wearing.ts.
 */
import type { Days, Issue, PatientRecord } from '../../../src/core/types';
import type { NatalizumabOptions, NatalizumabReport, PointPrediction } from '../../../src/core/report/types';
import { formatDate, formatDateTime } from '../../../src/core/time';
import { median, reportsUpTo, sig4, wearingOffIntervals, type WearingOffSummary } from '../../../src/core/wearing-off';
import { english } from '../../../src/core/text';
import { weightedQuantiles } from '../../../src/core/stats/normal';
import { PkSolver, FAST } from '../../../src/core/pk/index';
import { analyse, resolveOptions } from '../../../src/core/natalizumab/analysis';
import { forecastCurve } from '../../../src/core/natalizumab/forecast';
import { drawForecastTerms, forecastIov, forecastParams, patientMisfit, scaleSpread, weightedDraws, widen } from '../../../src/core/natalizumab/uncertainty';
import { monitoring } from '../../../src/core/natalizumab/monitoring';
import { boundedEta } from '../../../src/core/natalizumab/patient';

function oldPredictNatalizumab(patient: PatientRecord, asOf: Days, times: Days[], options: Partial<NatalizumabOptions> = {}): PointPrediction[] {
  const opts = resolveOptions(options);
  const a = analyse(patient, asOf, opts, times);
  const m = times.length;
  const last = a.prep.lastDose ? a.prep.lastDose.time : null;
  // Times after the last dose (sorted, relative to it) get the honest forecast.
  const after = last === null ? [] : times.map((t, j) => ({ t: t - last, j })).filter((x) => x.t > 0).sort((x, y) => x.t - y.t);
  const honest = new Map<number, [number, number]>();
  if (after.length) {
    const { idx, w: wF } = weightedDraws(a.weights);
    const n = idx.length;
    const mon = monitoring(a);
    const { iov, occasions } = forecastIov(mon, opts.iovCl);
    const terms = drawForecastTerms(opts.seed, a.n, iov, occasions);
    const misfit = scaleSpread(terms, patientMisfit(a, mon.residualScale), opts.spreadScale);
    const rel = Float64Array.from(after, (x) => x.t);
    const out = new Float64Array(rel.length);
    const cols = after.map(() => new Float64Array(n));
    const solver = new PkSolver(FAST);
    const pF = { ...a.paramsMap };
    const horizon = rel[rel.length - 1] + 1;
    for (let r = 0; r < n; r++) {
      const s = idx[r];
      forecastParams(a.paramsSamples[s], boundedEta(a.etas[s * 3], 0), terms, s, pF);
      forecastCurve(solver, pF, a.snaps.subarray(s * 3, s * 3 + 3), a.prep.repeated, horizon, 1, rel, out);
      for (let k = 0; k < rel.length; k++) cols[k][r] = widen(out[k], a.outMap[after[k].j], misfit, terms.bias[s]);
    }
    after.forEach((x, k) => { const [lo, hi] = weightedQuantiles(cols[k], wF, [0.1, 0.9]); honest.set(x.j, [lo, hi]); });
  }
  const col = new Float64Array(a.n);
  return times.map((t, j) => {
    const v = a.outMap[j];
    let low: number, high: number;
    const h = honest.get(j);
    if (h) [low, high] = h;
    else {
      for (let s = 0; s < a.n; s++) col[s] = a.outSamples[s * m + j];
      [low, high] = weightedQuantiles(col, a.weights, [0.1, 0.9]);
    }
    return { time: formatDateTime(t), kind: 'level', value: v, low: Math.min(low, v), high: Math.max(high, v), unit: 'ug/mL' };
  });
}

/**
 * A concentration as the messages show it: one decimal, rounded half up from its decimal digits
 * as the screen's number format rounds (`toFixed` would give 26.6 for 26.65, the screen 26.7).
 */
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const conc = (x: number) => ONE_DECIMAL.format(x);
const sig3 = (x: number) => Number(x.toPrecision(3));

/** The wearing-off summary of a patient as of a time, and its warning; null without any report. */
function oldNatalizumabWearingOff(patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions>, target: number): { summary: WearingOffSummary; warnings: Issue[] } | null {
  const reports = reportsUpTo(patient, asOf);
  if (reports.length === 0) return null;
  const doses = patient.doses.filter((d) => d.time <= asOf);
  const summary = wearingOffIntervals(reports, doses);
  const warnings: Issue[] = [];
  if (summary.reports.length === 0) return { summary, warnings };
  const predictions = oldPredictNatalizumab(patient, asOf, summary.reports.map((r) => r.time), options);
  summary.reports.forEach((r, i) => { r.concentration = { value: sig4(predictions[i].value), low: sig4(predictions[i].low), high: sig4(predictions[i].high) }; });
  const floor = sig3(median(summary.reports.map((r) => r.concentration!.value)));
  summary.floor = floor;
  summary.aboveTarget = floor > target;
  if (summary.aboveTarget) {
    const latest = summary.reports[summary.reports.length - 1];
    const c = latest.concentration!;
    const params = {
      value: conc(c.value), low: conc(c.low), high: conc(c.high), date: formatDate(latest.time),
      n: summary.reports.length, floor: conc(floor), target: conc(target),
    };
    warnings.push({
      code: 'wearing-off-above-target', severity: 'warning', params,
      message: english('wearing-off-above-target', params),
    });
  }
  return { summary, warnings };
}

/** The report with its wearing-off summary and warning added (unchanged without any report). */
export function oldWithNatalizumabWearingOff(report: NatalizumabReport, patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions>): NatalizumabReport {
  const w = oldNatalizumabWearingOff(patient, asOf, options, report.target.value);
  if (!w) return report;
  return { ...report, wearingOff: w.summary, warnings: [...report.warnings, ...w.warnings] };
}
