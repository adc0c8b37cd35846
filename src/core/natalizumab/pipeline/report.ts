/** Stage 9, report: the one result object the card, the chart, the exports and the command line read. */
import type { NatalizumabReport } from '../../report/types';
import { REPORT_SCHEMA_VERSION } from '../../report/types';
import { formatDate, formatDateTime } from '../../time';
import { NATALIZUMAB_MODEL } from '../../../../models/natalizumab-vandenberg-2025';
import type { Analysis } from '../analysis';
import type { Analyses, Bands, Decision, Forecasts, Guards, Overdue, Prepared, Spread } from './types';

/** Apparent half-life (days) at a concentration: ln 2·(Vc + Vp) / (CL + Vmax/(Km + C)). */
export function apparentHalfLife(cl: number, vc: number, vp: number, vmax: number, km: number, c: number): number {
  return Math.LN2 * (vc + vp) / (cl + vmax / (km + c));
}

export interface Stages { p: Prepared; a: Analysis; g: Guards; sp: Spread; f: Forecasts; an: Analyses; d: Decision; o: Overdue; bands: Bands }

function fitPart(a: Analysis, g: Guards, ssTrough: number): NatalizumabReport['fit'] {
  const pm = a.paramsMap;
  return {
    kind: a.kind, converged: a.converged, iterations: a.iterations, objective: a.objective, eta: a.eta.slice(),
    weightKg: a.prep.currentWeight, weightGiven: a.prep.weightGiven,
    individual: {
      clearance_L_per_day: pm.cl, volume_L: pm.vc + pm.vp,
      half_life_days: apparentHalfLife(pm.cl, pm.vc, pm.vp, pm.vmax, pm.km, Math.max(ssTrough, 0)),
      vp_L: pm.vp, vmax_mg_per_day: pm.vmax,
    },
    residuals: g.residuals,
  };
}

export function report({ p, a, g, sp, f, an, d, o, bands }: Stages): NatalizumabReport {
  const chosen = o.chosen;
  const std = p.opts.standardIntervalWeeks;
  return {
    drug: 'natalizumab', schemaVersion: REPORT_SCHEMA_VERSION, patientId: p.patient.id, asOf: formatDate(p.asOf),
    model: { id: NATALIZUMAB_MODEL.id, version: NATALIZUMAB_MODEL.version, name: NATALIZUMAB_MODEL.name },
    options: p.opts,
    target: { value: p.opts.target, unit: 'ug/mL' },
    lastDose: a.prep.lastDose ? formatDateTime(a.prep.lastDose.time) : null,
    firstPossibleDay: o.firstPossibleDay,
    late: o.late,
    fit: fitPart(a, g, chosen.ssTrough.value),
    proposal: {
      intervalWeeks: d.weeks, nextDose: chosen.nextDose,
      predictedTrough: chosen.ssTrough, probabilityAboveTarget: chosen.pSteadyState,
      nextTrough: chosen.nextTrough, probabilityNextAboveTarget: chosen.pNext,
      requiredSteadyState: f.requiredSteadyState, requiredNext: f.requiredNext,
      monitoredTroughs: sp.monitoring.troughs, monitored: sp.monitoring.monitored,
      longerNotForecast: g.settledBy !== null,
      extended: d.weeks > std,
      reason: d.reason, reasonCode: d.reasonCode, reasonParams: d.reasonParams,
    },
    // Every option counts from the first possible day: for an overdue dose the standard interval,
    // the only one offered, is the restarted one (never the date that has passed).
    alternatives: o.late ? f.alternatives.map((x) => (x.weeks === chosen.weeks ? chosen : x)) : f.alternatives,
    protocol: o.protocol,
    trend: an.trend,
    // The guards' warnings, the forecast's, the guards' notes, the analyses', the overdue dose's.
    warnings: [...p.issues, ...g.issues, ...f.issues, ...g.notes, ...an.issues, ...o.issues],
    curve: bands,
    observations: a.prep.levels.slice(),
    doses: a.prep.doses.map((x) => ({ time: x.time, iso: x.iso, amountMg: x.amountMg, route: x.route })),
  };
}
